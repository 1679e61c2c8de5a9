//! The catalogue page's module: `/` and unknown paths.
app::page_module!(app::catalogue_page);
