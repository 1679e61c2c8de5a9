//! The kinds of input and frame, each one module: its input and how it is typed, generated and limited,
//! its frame and how it reads aloud. The tree kind is the first written this way.

pub mod tree;
