//! The grid family's engine module: grid pathfinding and mazes.
fn main() {}
engine::exports!(algorithms::catalogue::GRIDS);
