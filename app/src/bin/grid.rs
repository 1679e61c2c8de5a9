//! A grid algorithm's page: `/algorithms/<id>` for the grid family (the visualizer page, built with the
//! `grids` feature alone; the page loader picks this module by the algorithm's family, so neither the array
//! pages' nor the graph pages' modules carry it).
app::page_module!(app::visualizer_page);
