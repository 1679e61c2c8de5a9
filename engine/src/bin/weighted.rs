//! The weighted-graph family's engine module: shortest paths and spanning trees.
fn main() {}
engine::exports!(algorithms::catalogue::WEIGHTED);
