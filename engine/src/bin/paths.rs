//! The shortest-paths family's engine module.
fn main() {}
engine::exports!(algorithms::catalogue::PATHS);
