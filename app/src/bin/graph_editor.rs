//! The graph editor (typing, generating, drawing), fetched when a learner first opens it on a graph page
//! (see `editor_module`).
app::editor_module!();
