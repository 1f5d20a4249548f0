//! Checked arithmetic failing with [`NfatError::MathOverflow`](crate::errors::NfatError::MathOverflow)
//! and logging where it failed: `a.safe_add(b)?`, `x.or_overflow()?`
//! (see `halo_accounts::safe_math`).
halo_accounts::safe_math!(crate::errors::NfatError::MathOverflow);
