//! The visualizer page's module: `/algorithms/<id>`.
app::page_module!(app::visualizer_page);
