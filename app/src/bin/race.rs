//! The race page's module: `/race`.
app::page_module!(app::race_page);
