#![allow(ambiguous_glob_reexports)]
pub mod accept_class_governance;
pub mod apply_price_source;
pub mod clear_redemption_failure;
pub mod create_class;
pub mod create_pool;
pub mod propose_class_governance;
pub mod propose_price_source;
pub mod set_class_paused;
pub mod set_class_roles;
pub mod set_pool_params;
pub mod set_rfq_domain;
pub mod set_sides;
pub mod write_off_redemption;

pub use accept_class_governance::*;
pub use apply_price_source::*;
#[allow(unused_imports)]
pub use clear_redemption_failure::*;
pub use create_class::*;
pub use create_pool::*;
pub use propose_class_governance::*;
#[allow(unused_imports)]
pub use propose_price_source::*;
pub use set_class_paused::*;
pub use set_class_roles::*;
#[allow(unused_imports)]
pub use set_pool_params::*;
pub use set_rfq_domain::*;
#[allow(unused_imports)]
pub use set_sides::*;
pub use write_off_redemption::*;
