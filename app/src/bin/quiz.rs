app::page_module!(app::quiz_page);
