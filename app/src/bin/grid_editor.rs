//! The grid editor (typing, generating, painting), fetched when a learner first opens it on a grid page
//! (see `editor_module`).
app::editor_module!();
