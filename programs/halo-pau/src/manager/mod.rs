//! Logic the thin handlers call: one module per concern.
pub mod custody;
