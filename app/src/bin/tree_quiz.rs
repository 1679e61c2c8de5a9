//! A tree entry's quiz: `/algorithms/<id>/quiz` for the tree kind (the loader picks `<kind>-quiz`).
app::page_module!(app::tree_quiz_page);
