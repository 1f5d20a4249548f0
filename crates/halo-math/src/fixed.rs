//! Fixed-point helpers: `mul_div` with explicit rounding, WAD and basis points.

/// 1.0 in WAD fixed point (18 decimals). Prices are WAD unless a field says otherwise.
pub const WAD: u128 = 1_000_000_000_000_000_000;
/// 100 % in basis points.
pub const BPS_DENOMINATOR: u128 = 10_000;

/// Direction of a division's rounding. Payouts round `Down`, charges round `Up`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rounding {
    /// Toward zero (floor, for non-negative numbers).
    Down,
    /// Away from zero (ceiling).
    Up,
}

/// Errors of the maths crate. Programs map each to their own error variant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MathError {
    /// A result does not fit its type.
    Overflow,
    /// A divisor was zero.
    DivisionByZero,
}

/// `a * b / d` rounded as asked, exact for every `u128` input whose result fits `u128`.
///
/// The product is formed in 256 bits, so `a * b` may exceed `u128::MAX` as long as the
/// quotient does not.
pub fn mul_div(a: u128, b: u128, d: u128, rounding: Rounding) -> Result<u128, MathError> {
    if d == 0 {
        return Err(MathError::DivisionByZero);
    }
    let (q, r) = if a <= u128::from(u64::MAX) && b <= u128::from(u64::MAX) {
        // the common case: two 64-bit operands, one widening multiply (no 256-bit form)
        let p = a.checked_mul(b).ok_or(MathError::Overflow)?;
        div_rem(p, d)
    } else {
        let (hi, lo) = full_mul(a, b);
        div_256_by_128(hi, lo, d)?
    };
    match rounding {
        Rounding::Up if r != 0 => q.checked_add(1).ok_or(MathError::Overflow),
        _ => Ok(q),
    }
}

/// `mul_div` narrowed to `u64` (token amounts). Errors if the result exceeds `u64::MAX`.
pub fn mul_div_u64(a: u64, b: u64, d: u64, rounding: Rounding) -> Result<u64, MathError> {
    let r = mul_div(u128::from(a), u128::from(b), u128::from(d), rounding)?;
    u64::try_from(r).map_err(|_| MathError::Overflow)
}

/// `a * b / WAD`.
pub fn wad_mul(a: u128, b: u128, rounding: Rounding) -> Result<u128, MathError> {
    mul_div(a, b, WAD, rounding)
}

/// `a * WAD / b`.
pub fn wad_div(a: u128, b: u128, rounding: Rounding) -> Result<u128, MathError> {
    mul_div(a, WAD, b, rounding)
}

/// `amount * bps / 10_000`, e.g. a fee or a spread on an amount.
pub fn apply_bps(amount: u64, bps: u32, rounding: Rounding) -> Result<u64, MathError> {
    let r = mul_div(
        u128::from(amount),
        u128::from(bps),
        BPS_DENOMINATOR,
        rounding,
    )?;
    u64::try_from(r).map_err(|_| MathError::Overflow)
}

/// The least a receiver may get when `amount` is sent through a mint whose transfer fee
/// is at most `max_fee_bps`: `amount - ceil(amount * max_fee_bps / 10_000)`. Token-2022
/// rounds its fee up, so a fee of exactly `max_fee_bps` meets the bound and any higher fee
/// fails it.
pub fn min_received_after_fee(amount: u64, max_fee_bps: u16) -> Result<u64, MathError> {
    let most_fee = apply_bps(amount, u32::from(max_fee_bps), Rounding::Up)?;
    amount.checked_sub(most_fee).ok_or(MathError::Overflow)
}

/// 128 x 128 -> 256 bit product as (high, low) halves.
fn full_mul(a: u128, b: u128) -> (u128, u128) {
    const MASK: u128 = u64::MAX as u128;
    let (a_hi, a_lo) = (a >> 64, a & MASK);
    let (b_hi, b_lo) = (b >> 64, b & MASK);
    // Each partial product of two 64-bit halves fits in 128 bits.
    let ll = a_lo.wrapping_mul(b_lo);
    let lh = a_lo.wrapping_mul(b_hi);
    let hl = a_hi.wrapping_mul(b_lo);
    let hh = a_hi.wrapping_mul(b_hi);
    // Middle column: carries are collected explicitly (this is 256-bit arithmetic, where
    // wrapping is the definition, not an accident).
    let mid = (ll >> 64).wrapping_add(lh & MASK).wrapping_add(hl & MASK);
    let lo = (ll & MASK) | (mid << 64);
    let hi = hh
        .wrapping_add(lh >> 64)
        .wrapping_add(hl >> 64)
        .wrapping_add(mid >> 64);
    (hi, lo)
}

/// `n / d` and `n % d` (`d != 0`) with one division: in 64 bits when both fit (a native
/// instruction on SBF, where a 128-bit division is a long software routine), else one
/// 128-bit division and a multiply for the remainder.
pub(crate) fn div_rem(n: u128, d: u128) -> (u128, u128) {
    debug_assert!(d != 0, "callers check the divisor");
    if d == 1 {
        return (n, 0);
    }
    if let (Ok(n64), Ok(d64)) = (u64::try_from(n), u64::try_from(d)) {
        if let (Some(q), Some(r)) = (n64.checked_div(d64), n64.checked_rem(d64)) {
            return (u128::from(q), u128::from(r));
        }
    }
    let q = n.checked_div(d).unwrap_or(0);
    // q * d <= n: neither wraps
    (q, n.wrapping_sub(q.wrapping_mul(d)))
}

/// (hi:lo) / d for a 256-bit numerator, returning quotient and remainder, or `Overflow`
/// when the quotient does not fit 128 bits. Fixed 128-step restoring division: bounded,
/// no recursion, only taken when the numerator does not fit 128 bits.
fn div_256_by_128(hi: u128, lo: u128, d: u128) -> Result<(u128, u128), MathError> {
    if hi == 0 {
        // `d != 0` is checked by the caller
        return Ok(div_rem(lo, d));
    }
    if hi >= d {
        return Err(MathError::Overflow);
    }
    // Invariant: rem < d; shift in one bit of `lo` per step.
    let mut rem = hi;
    let mut q: u128 = 0;
    for i in (0..128u32).rev() {
        let top = rem >> 127;
        rem = (rem << 1) | ((lo >> i) & 1);
        q <<= 1;
        // If the shifted-out top bit was set, the true remainder is >= 2^128 > d.
        if top == 1 || rem >= d {
            rem = rem.wrapping_sub(d);
            q |= 1;
        }
    }
    Ok((q, rem))
}

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn rounding_directions_at_the_edges() {
        assert_eq!(mul_div(7, 1, 2, Rounding::Down), Ok(3));
        assert_eq!(mul_div(7, 1, 2, Rounding::Up), Ok(4));
        assert_eq!(mul_div(8, 1, 2, Rounding::Up), Ok(4));
        assert_eq!(mul_div(0, 5, 3, Rounding::Up), Ok(0));
        assert_eq!(
            mul_div(1, 1, 0, Rounding::Down),
            Err(MathError::DivisionByZero)
        );
        assert_eq!(mul_div(u128::MAX, 1, 1, Rounding::Up), Ok(u128::MAX));
        assert_eq!(
            mul_div(u128::MAX, 2, 1, Rounding::Down),
            Err(MathError::Overflow)
        );
        // quotient fits, rounding up overflows
        assert_eq!(
            mul_div(u128::MAX, 3, 2, Rounding::Down),
            Err(MathError::Overflow)
        );
    }

    #[test]
    fn wide_intermediate_is_exact() {
        // (2^127) * 6 / 4 = 3 * 2^126, product needs 130 bits
        let a = 1u128 << 127;
        assert_eq!(mul_div(a, 6, 4, Rounding::Down), Ok(3u128 << 126));
        // u128::MAX * u128::MAX / u128::MAX
        assert_eq!(
            mul_div(u128::MAX, u128::MAX, u128::MAX, Rounding::Down),
            Ok(u128::MAX)
        );
        // u64 amount times a large WAD price
        let amount = u64::MAX as u128;
        let price = 1_000_000 * WAD;
        assert_eq!(
            wad_mul(amount, price, Rounding::Down),
            Ok(amount * 1_000_000)
        );
    }

    #[test]
    fn bps_helpers() {
        assert_eq!(
            apply_bps(100_000_000_000, 5, Rounding::Down),
            Ok(50_000_000)
        );
        assert_eq!(apply_bps(1, 5, Rounding::Down), Ok(0));
        assert_eq!(apply_bps(1, 5, Rounding::Up), Ok(1));
        assert_eq!(apply_bps(u64::MAX, 10_000, Rounding::Up), Ok(u64::MAX));
        assert_eq!(
            apply_bps(u64::MAX, 10_001, Rounding::Up),
            Err(MathError::Overflow)
        );
        assert_eq!(
            mul_div_u64(u64::MAX, 2, 1, Rounding::Down),
            Err(MathError::Overflow)
        );
        assert_eq!(wad_div(1, 2, Rounding::Down), Ok(WAD / 2));
    }

    #[test]
    fn min_received_after_fee_edges() {
        assert_eq!(min_received_after_fee(10_000, 100), Ok(9_900));
        assert_eq!(min_received_after_fee(1, 100), Ok(0)); // a 1-unit fee rounds up
        assert_eq!(min_received_after_fee(0, 100), Ok(0));
        assert_eq!(min_received_after_fee(12_345, 0), Ok(12_345));
        assert_eq!(min_received_after_fee(u64::MAX, 10_000), Ok(0));
    }

    proptest! {
        #[test]
        fn token_2022_fee_within_the_bound_passes_and_above_fails(
            amount in 1u64..=u64::MAX / 2, fee_bps in 0u16..=1_000, max_bps in 0u16..=1_000
        ) {
            // Token-2022's fee: ceil(amount * bps / 10_000) (no maximum_fee cap here)
            let fee = (u128::from(amount) * u128::from(fee_bps)).div_ceil(10_000) as u64;
            let received = amount - fee;
            let min = min_received_after_fee(amount, max_bps).unwrap();
            if fee_bps <= max_bps {
                prop_assert!(received >= min);
            }
            if received < min {
                prop_assert!(fee_bps > max_bps);
            }
        }

        #[test]
        fn matches_u128_when_product_fits(a in any::<u64>(), b in any::<u64>(), d in 1u128..) {
            let p = u128::from(a) * u128::from(b);
            prop_assert_eq!(mul_div(a.into(), b.into(), d, Rounding::Down), Ok(p / d));
            let up = p / d + u128::from(p % d != 0);
            prop_assert_eq!(mul_div(a.into(), b.into(), d, Rounding::Up), Ok(up));
        }

        #[test]
        fn wide_results_satisfy_the_division_identity(a in any::<u128>(), b in any::<u128>(), d in 1u128..) {
            if let Ok(q) = mul_div(a, b, d, Rounding::Down) {
                // q*d <= a*b < (q+1)*d, checked in 256 bits
                let (qh, ql) = full_mul(q, d);
                let (ph, pl) = full_mul(a, b);
                prop_assert!((qh, ql) <= (ph, pl));
                let (q1h, q1l) = full_mul(q + 1, d);
                prop_assert!((ph, pl) < (q1h, q1l) || q == u128::MAX);
                let up = mul_div(a, b, d, Rounding::Up);
                let exact = (qh, ql) == (ph, pl);
                if exact { prop_assert_eq!(up, Ok(q)); } else if q < u128::MAX { prop_assert_eq!(up, Ok(q + 1)); }
            } else {
                // overflow only when the true quotient exceeds u128: a*b >= (2^128) * d
                let (ph, _) = full_mul(a, b);
                prop_assert!(ph >= d);
            }
        }

        #[test]
        fn up_is_never_below_down(a in any::<u64>(), b in any::<u64>(), d in 1u64..) {
            let dn = mul_div_u64(a, b, d, Rounding::Down);
            let up = mul_div_u64(a, b, d, Rounding::Up);
            if let (Ok(dn), Ok(up)) = (dn, up) {
                prop_assert!(up >= dn && up - dn <= 1);
            }
        }
    }
}
