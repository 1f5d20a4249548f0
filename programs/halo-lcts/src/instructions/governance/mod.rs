#![allow(ambiguous_glob_reexports)]
pub mod accept_class_governance;
pub mod class_governance;
pub mod create_class;
pub mod create_queue;
pub mod create_unit;
pub mod governed_unit;
pub mod propose_class_governance;
pub mod set_exchange_rate;
pub mod set_unit_params;
pub mod set_unit_roles;
pub mod set_unit_routes;

pub use class_governance::*;
pub use create_class::*;
pub use create_queue::*;
pub use create_unit::*;
pub use governed_unit::*;
pub use set_unit_routes::*;
