//! The progress module: `/progress`, the dashboard and the account settings.
app::page_module!(app::progress_page);
