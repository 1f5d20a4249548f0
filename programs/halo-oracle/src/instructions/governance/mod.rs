#![allow(ambiguous_glob_reexports)]
pub mod add_reporter;
pub mod create_feed;
pub mod governance_publish;
pub mod remove_reporter;
pub mod set_governance;
pub mod set_max_move;

pub use add_reporter::*;
pub use create_feed::*;
pub use governance_publish::*;
pub use remove_reporter::*;
pub use set_governance::*;
pub use set_max_move::*;
