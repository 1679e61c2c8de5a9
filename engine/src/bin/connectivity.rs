//! The connectivity family's engine module.
fn main() {}
engine::exports!(algorithms::catalogue::CONNECTIVITY);
