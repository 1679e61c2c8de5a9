//! The searching family's engine module.
fn main() {}
engine::exports!(algorithms::catalogue::SEARCHING);
