//! Logic between an instruction and the maths: positions (open or load, settle a finalized
//! one) and conversion (netting inside the unit, the PAU legs, booking a settlement).
pub mod conversion;
pub mod position_manager;
