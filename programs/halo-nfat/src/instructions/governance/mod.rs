#![allow(ambiguous_glob_reexports)]
pub mod accept_governance;
pub mod approve_prime;
pub mod create_facility;
pub mod delist_holder;
pub mod facility_governance;
pub mod governed;
pub mod list_holder;
pub mod propose_governance;
pub mod revoke_prime;
pub mod set_allow_list;
pub mod set_buybox;
pub mod set_roles;
pub mod set_routes;
pub mod write_off;

pub use approve_prime::*;
pub use create_facility::*;
pub use delist_holder::*;
pub use facility_governance::*;
pub use governed::*;
pub use list_holder::*;
pub use revoke_prime::*;
pub use set_routes::*;
pub use write_off::*;
