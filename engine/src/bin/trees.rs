//! The spanning-trees family's engine module.
fn main() {}
engine::exports!(algorithms::catalogue::TREES);
