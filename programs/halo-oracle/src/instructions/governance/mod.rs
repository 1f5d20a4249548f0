#![allow(ambiguous_glob_reexports)]
pub mod accept_governance;
pub mod add_reporter;
pub mod create_feed;
pub mod governance_publish;
pub mod propose_governance;
pub mod remove_reporter;
pub mod set_max_move;

pub use accept_governance::*;
pub use add_reporter::*;
pub use create_feed::*;
pub use governance_publish::*;
pub use propose_governance::*;
pub use remove_reporter::*;
pub use set_max_move::*;
