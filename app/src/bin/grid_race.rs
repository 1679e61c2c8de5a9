//! A race of two grid algorithms: `/race?a=<id>` for a grid algorithm (the race page built with the
//! `grids` feature; the page loader picks it by the algorithm's family).
app::page_module!(app::race_page);
