//! The search-trees family's tools: reading trace files back, writing frames as images (fetched on use).
fn main() {}
engine::tools!(algorithms::catalogue::SEARCH_TREES);
