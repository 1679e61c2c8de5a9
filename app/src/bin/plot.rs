//! The plot page's module: `/plot`.
app::page_module!(app::plot_page);
