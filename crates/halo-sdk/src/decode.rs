//! Account decoding: checks the 8-byte Anchor discriminator and deserialises.
use anchor_lang::AccountDeserialize;

/// Why raw bytes are not the account asked for.
#[derive(Debug)]
pub struct DecodeError(pub String);

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "cannot decode account: {}", self.0)
    }
}

impl std::error::Error for DecodeError {}

/// Decodes an account of type `T` (discriminator checked).
pub fn account<T: AccountDeserialize>(data: &[u8]) -> Result<T, DecodeError> {
    T::try_deserialize(&mut &data[..]).map_err(|e| DecodeError(e.to_string()))
}

/// Decodes a view's return data. The runtime trims trailing zero bytes from return data
/// (a `false` or a zero at the end of the answer is dropped), so the bytes are padded
/// back with zeros before decoding.
pub fn return_data<T: anchor_lang::AnchorDeserialize>(data: &[u8]) -> Result<T, DecodeError> {
    let mut padded = data.to_vec();
    padded.resize(data.len().saturating_add(1024), 0);
    T::deserialize(&mut &padded[..]).map_err(|e| DecodeError(e.to_string()))
}

pub use halo_pau::state::{
    Configurator, Controller, GovOpsMembership, InitRateLimit, Integration, OpStatus, RateLimit,
    TimelockAction, TimelockOp,
};
