//! Every graph algorithm in one engine module, for a page that runs algorithms of several graph families
//! at once (a race across them): one module where two families' engines would weigh more.
fn main() {}
engine::exports!(algorithms::catalogue::graph_entries());
