//! The graph traversal family's engine module.
fn main() {}
engine::exports!(algorithms::catalogue::TRAVERSAL);
