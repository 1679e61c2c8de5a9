//! The graph family's engine module: traversal and connectivity.
fn main() {}
engine::exports!(algorithms::catalogue::GRAPHS);
