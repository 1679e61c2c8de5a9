//! The sorting family's engine module.
fn main() {}
engine::exports!(algorithms::catalogue::SORTING);
