//! The graph family's engine module.
fn main() {}
engine::exports!(algorithms::catalogue::GRAPHS);
