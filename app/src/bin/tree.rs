//! A tree entry's page: `/algorithms/<id>` for the tree kind (built with the `trees` feature alone; the
//! page loader picks this module by the entry's kind).
app::page_module!(app::tree_page);
