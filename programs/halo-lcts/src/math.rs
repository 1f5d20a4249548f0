//! Checked arithmetic failing with [`LctsError::MathOverflow`](crate::errors::LctsError::MathOverflow)
//! and logging where it failed: `a.safe_add(b)?`, `x.or_overflow()?`
//! (see `halo_accounts::safe_math`).
halo_accounts::safe_math!(crate::errors::LctsError::MathOverflow);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::errors::LctsError;

    #[test]
    fn safe_math_fails_with_the_programs_overflow_error() {
        let want = anchor_lang::error::Error::from(LctsError::MathOverflow);
        assert_eq!(u64::MAX.safe_add(1).unwrap_err(), want);
        assert_eq!(0u64.safe_sub(1).unwrap_err(), want);
        assert_eq!(None::<u8>.or_overflow().unwrap_err(), want);
        assert_eq!(2u128.safe_mul(3).unwrap(), 6);
    }
}
