//! Checked arithmetic failing with [`TradingError::MathOverflow`](crate::errors::TradingError::MathOverflow)
//! and logging where it failed: `a.safe_add(b)?`, `x.or_overflow()?`
//! (see `halo_accounts::safe_math`).
halo_accounts::safe_math!(crate::errors::TradingError::MathOverflow);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::errors::TradingError;

    #[test]
    fn safe_math_fails_with_the_programs_overflow_error() {
        let want = anchor_lang::error::Error::from(TradingError::MathOverflow);
        assert_eq!(u64::MAX.safe_add(1).unwrap_err(), want);
        assert_eq!(0u64.safe_sub(1).unwrap_err(), want);
        assert_eq!(u128::MAX.safe_mul(2).unwrap_err(), want);
        assert_eq!(1u64.safe_div(0).unwrap_err(), want);
        assert_eq!(None::<u8>.or_overflow().unwrap_err(), want);
        assert_eq!(u32::try_from(u64::MAX).or_overflow().unwrap_err(), want);
        assert_eq!(2u64.safe_add(3).unwrap(), 5);
        assert_eq!(7i128.safe_div(2).unwrap(), 3);
    }
}
