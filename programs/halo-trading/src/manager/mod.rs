//! The logic between an instruction and the maths (as Orca's `manager/`): each function
//! takes the accounts' state, checks what the instruction promises, and returns an update
//! value the handler applies with one state method. Nothing here moves tokens.
pub mod redemption_manager;
pub mod swap_manager;
pub mod withdrawal_manager;
