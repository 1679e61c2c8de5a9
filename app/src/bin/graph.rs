//! A graph algorithm's page: `/algorithms/<id>` for the graph families (the visualizer page, built with the
//! `graphs` feature; the page loader picks this module by the algorithm's family, so the array pages'
//! modules carry none of it).
app::page_module!(app::visualizer_page);
