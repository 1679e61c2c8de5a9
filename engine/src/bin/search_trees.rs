//! The search-trees family's engine module.
fn main() {}
engine::exports!(algorithms::catalogue::SEARCH_TREES);
