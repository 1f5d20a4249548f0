//! The scenarios `halo demo` runs, in order. Later Halo programs add theirs here.
pub mod configurator;
