//! The accounts of the Passthrough Halo: a class, its units, each unit's two queues, the
//! finalized generations of a queue, and one position per owner per queue.
pub mod class;
pub mod generation;
pub mod position;
pub mod queue;
pub mod unit;

pub use class::*;
pub use generation::*;
pub use position::*;
pub use queue::*;
pub use unit::*;
