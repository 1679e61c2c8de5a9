//! A race of two graph algorithms: `/race?a=<id>` for a graph algorithm (the race page built with the
//! `graphs` feature; the page loader picks it by the algorithm's family).
app::page_module!(app::race_page);
