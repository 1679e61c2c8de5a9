//! The graph family's pages: `/algorithms/<id>` and `/race?a=<id>` for a graph algorithm (the visualizer
//! and race pages, built with the `graphs` feature; the page loader picks this module by the algorithm's
//! family, so the array pages' modules carry none of it).
app::page_module!(app::graph_pages);
