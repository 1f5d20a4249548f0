//! Oracle-priced AMM maths (Trading Halo): price normalisation, NAV ± spread quotes in
//! both directions and both modes, inventory skew, and the oracle validity checks.
//!
//! A price is a WAD number of *whole quote tokens per whole asset token*. Amounts are in
//! base units; the mints' decimals convert between the two. Every quote is one `mul_div`
//! (a single rounding), and every rounding favours the pool:
//! * user sells asset, exact in: `quote_out = floor(asset_in * P * (1 - bid))`;
//! * user sells asset, exact out: `asset_in = ceil(quote_out / (P * (1 - bid)))`;
//! * user buys asset, exact out: `quote_in = ceil(asset_out * P * (1 + ask))`;
//! * user buys asset, exact in: `asset_out = floor(quote_in / (P * (1 + ask)))`.

use crate::fixed::{mul_div, MathError, Rounding, BPS_DENOMINATOR};

/// Largest decimals a mint or a feed may have here (keeps every product inside `u128`).
pub const MAX_DECIMALS: u8 = 18;
/// Largest spread in bps (a spread of 100 % or more would be a misconfiguration).
pub const MAX_SPREAD_BPS: u32 = 5_000;

/// `10^d` for `d <= 38` (a table: no multiplication on the hot path).
pub fn pow10(d: u32) -> Result<u128, MathError> {
    const POW10: [u128; 39] = {
        let mut t = [1u128; 39];
        let mut i = 1;
        while i < 39 {
            t[i] = t[i - 1] * 10;
            i += 1;
        }
        t
    };
    usize::try_from(d)
        .ok()
        .and_then(|i| POW10.get(i).copied())
        .ok_or(MathError::Overflow)
}

/// A decimal number `value * 10^exponent` (Pyth style, or a feed's `value / 10^decimals`)
/// as a WAD price. Rounds down. Non-positive values are not prices: `None`.
pub fn to_wad(value: i64, exponent: i32) -> Result<Option<u128>, MathError> {
    if value <= 0 {
        return Ok(None);
    }
    let v = u128::from(value.unsigned_abs());
    let shift = exponent.checked_add(18).ok_or(MathError::Overflow)?;
    if shift >= 0 {
        let f = pow10(shift.unsigned_abs())?;
        v.checked_mul(f).map(Some).ok_or(MathError::Overflow)
    } else {
        let d = pow10(shift.unsigned_abs())?;
        Ok(Some(v.checked_div(d).ok_or(MathError::DivisionByZero)?))
    }
}

/// Which way a trade goes, from the user's side.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(
    feature = "anchor",
    derive(
        anchor_lang::AnchorSerialize,
        anchor_lang::AnchorDeserialize,
        anchor_lang::InitSpace
    )
)]
pub enum Side {
    /// The user sells the asset to the pool for quote tokens (the pool's bid).
    SellAsset,
    /// The user buys the asset from the pool with quote tokens (the pool's ask).
    BuyAsset,
}

/// Which amount the user fixed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(
    feature = "anchor",
    derive(
        anchor_lang::AnchorSerialize,
        anchor_lang::AnchorDeserialize,
        anchor_lang::InitSpace
    )
)]
pub enum Mode {
    /// The amount the user gives is fixed; the output is computed (`min_out` bounds it).
    ExactIn,
    /// The amount the user receives is fixed; the input is computed (`max_in` bounds it).
    ExactOut,
}

/// The market a quote is made in: WAD price and both mints' decimals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Market {
    pub price_wad: u128,
    pub asset_decimals: u8,
    pub quote_decimals: u8,
}

/// A priced trade: what the user gives and gets, and the pool's spread on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fill {
    pub asset_amount: u64,
    pub quote_amount: u64,
    /// precision: quote base units; the mid (NAV) value of `asset_amount`, rounded toward
    /// the user (so the recorded spread never overstates what the pool earned).
    pub mid_quote: u64,
}

impl Market {
    /// Numerator and denominator of "quote base units per asset base unit":
    /// `price_wad * 10^qdec / (WAD * 10^adec)`. Since `qdec <= 18`, `10^qdec` divides
    /// `WAD * 10^adec`: the ratio is `price_wad / 10^(18 + adec - qdec)`, so neither side
    /// can overflow (an 18-decimal quote against a 0-decimal asset at any price included),
    /// and for the usual decimals the products stay inside 128 bits, where `mul_div` takes
    /// its fast path (a few hundred CU instead of a 128-step long division).
    fn ratio(&self) -> Result<(u128, u128), MathError> {
        if self.asset_decimals > MAX_DECIMALS || self.quote_decimals > MAX_DECIMALS {
            return Err(MathError::Overflow);
        }
        let shift = 18u32
            .checked_add(u32::from(self.asset_decimals))
            .and_then(|v| v.checked_sub(u32::from(self.quote_decimals)))
            .ok_or(MathError::Overflow)?;
        Ok((self.price_wad, pow10(shift)?))
    }

    /// Mid (NAV) value of `asset` base units in quote base units.
    pub fn value(&self, asset: u64, rounding: Rounding) -> Result<u64, MathError> {
        let (num, den) = self.ratio()?;
        narrow(mul_div(u128::from(asset), num, den, rounding)?)
    }

    /// Asset base units worth `quote` at mid.
    pub fn asset_for_value(&self, quote: u64, rounding: Rounding) -> Result<u64, MathError> {
        let (num, den) = self.ratio()?;
        narrow(mul_div(u128::from(quote), den, num, rounding)?)
    }

    /// Prices a trade. `amount` is the fixed side (input for `ExactIn`, output for
    /// `ExactOut`); `spread_bps` is the effective spread of that side.
    pub fn quote(
        &self,
        side: Side,
        mode: Mode,
        amount: u64,
        spread_bps: u32,
    ) -> Result<Fill, MathError> {
        if spread_bps > MAX_SPREAD_BPS {
            return Err(MathError::Overflow);
        }
        let (num, den) = self.ratio()?;
        let bps = u128::from(spread_bps);
        let amt = u128::from(amount);
        let (asset, quote) = match (side, mode) {
            (Side::SellAsset, Mode::ExactIn) => {
                let f = BPS_DENOMINATOR
                    .checked_sub(bps)
                    .ok_or(MathError::Overflow)?;
                let q = mul_div(
                    mul(amt, f)?,
                    num,
                    mul(den, BPS_DENOMINATOR)?,
                    Rounding::Down,
                )?;
                (amt, q)
            }
            (Side::SellAsset, Mode::ExactOut) => {
                let f = BPS_DENOMINATOR
                    .checked_sub(bps)
                    .ok_or(MathError::Overflow)?;
                let a = mul_div(mul(amt, BPS_DENOMINATOR)?, den, mul(num, f)?, Rounding::Up)?;
                (a, amt)
            }
            (Side::BuyAsset, Mode::ExactOut) => {
                let f = BPS_DENOMINATOR
                    .checked_add(bps)
                    .ok_or(MathError::Overflow)?;
                let q = mul_div(mul(amt, f)?, num, mul(den, BPS_DENOMINATOR)?, Rounding::Up)?;
                (amt, q)
            }
            (Side::BuyAsset, Mode::ExactIn) => {
                let f = BPS_DENOMINATOR
                    .checked_add(bps)
                    .ok_or(MathError::Overflow)?;
                let a = mul_div(
                    mul(amt, BPS_DENOMINATOR)?,
                    den,
                    mul(num, f)?,
                    Rounding::Down,
                )?;
                (a, amt)
            }
        };
        let asset_amount = narrow(asset)?;
        let quote_amount = narrow(quote)?;
        // Mid value rounded toward the user: the recorded spread is a lower bound.
        let mid_quote = match side {
            Side::SellAsset => self.value(asset_amount, Rounding::Down)?,
            Side::BuyAsset => self.value(asset_amount, Rounding::Up)?,
        };
        Ok(Fill {
            asset_amount,
            quote_amount,
            mid_quote,
        })
    }
}

fn mul(a: u128, b: u128) -> Result<u128, MathError> {
    a.checked_mul(b).ok_or(MathError::Overflow)
}

fn narrow(v: u128) -> Result<u64, MathError> {
    u64::try_from(v).map_err(|_| MathError::Overflow)
}

/// Governance-set inventory skew: the spread of the side that *grows* inventory widens
/// linearly from `base_bps` at `start_bps` of the position limit to `base_bps + max_bps`
/// at the limit (and stays there beyond it). The side that shrinks inventory is never
/// widened, so callers apply this to the pool's bid only. Rounds the extra spread up.
pub fn skewed_spread_bps(
    base_bps: u32,
    skew_start_bps: u32,
    skew_max_bps: u32,
    inventory: u64,
    position_limit: u64,
) -> Result<u32, MathError> {
    if skew_max_bps == 0 || position_limit == 0 || skew_start_bps >= BPS_DENOMINATOR as u32 {
        return Ok(base_bps);
    }
    // utilisation in bps of the limit, capped at 100 %
    let used = mul_div(
        u128::from(inventory.min(position_limit)),
        BPS_DENOMINATOR,
        u128::from(position_limit),
        Rounding::Up,
    )?;
    let start = u128::from(skew_start_bps);
    if used <= start {
        return Ok(base_bps);
    }
    let over = used.checked_sub(start).ok_or(MathError::Overflow)?;
    let band = BPS_DENOMINATOR
        .checked_sub(start)
        .ok_or(MathError::Overflow)?;
    let extra = mul_div(over, u128::from(skew_max_bps), band, Rounding::Up)?;
    let extra = u32::try_from(extra).map_err(|_| MathError::Overflow)?;
    base_bps.checked_add(extra).ok_or(MathError::Overflow)
}

/// The inventory skew of the pool's bid (governance parameters): no extra spread up to
/// `start_bps` of the position limit, rising linearly to `max_bps` at the limit, flat
/// beyond it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Skew {
    pub start_bps: u32,
    pub max_bps: u32,
    pub position_limit: u64,
}

impl Skew {
    /// The skew's marginal value at inventory `x`, in bps, rounded down: what the next
    /// unit sold costs on top of the bid.
    pub fn at(&self, x: u64) -> Result<u128, MathError> {
        if self.max_bps == 0
            || self.position_limit == 0
            || u128::from(self.start_bps) >= BPS_DENOMINATOR
        {
            return Ok(0);
        }
        let u = mul(u128::from(x), BPS_DENOMINATOR)?;
        let start = mul(u128::from(self.position_limit), u128::from(self.start_bps))?;
        let limit = mul(u128::from(self.position_limit), BPS_DENOMINATOR)?;
        let m = u128::from(self.max_bps);
        if u <= start {
            return Ok(0);
        }
        if u >= limit {
            return Ok(m);
        }
        let over = u.checked_sub(start).ok_or(MathError::Overflow)?;
        let band = limit.checked_sub(start).ok_or(MathError::Overflow)?;
        mul_div(over, m, band, Rounding::Down)
    }

    /// The extra spread accumulated over inventory `[from, to]`: the integral of the skew
    /// in bps × asset base units, rounded up. A sale moving the inventory from `from` to
    /// `to` pays exactly this on top of the base bid, so one block pays the same spread
    /// as the same volume in slices (up to rounding), wherever it starts.
    pub fn area(&self, from: u64, to: u64) -> Result<u128, MathError> {
        if to <= from
            || self.max_bps == 0
            || self.position_limit == 0
            || u128::from(self.start_bps) >= BPS_DENOMINATOR
        {
            return Ok(0);
        }
        // in "bps space": inventory x becomes x * 10_000, so the start is an integer
        let u1 = mul(u128::from(from), BPS_DENOMINATOR)?;
        let u2 = mul(u128::from(to), BPS_DENOMINATOR)?;
        let start = mul(u128::from(self.position_limit), u128::from(self.start_bps))?;
        let limit = mul(u128::from(self.position_limit), BPS_DENOMINATOR)?;
        let m = u128::from(self.max_bps);
        let mut area = 0u128;
        // the rising part: M * ((hi - S)^2 - (lo - S)^2) / (2 * 10_000 * (L - S))
        let (lo, hi) = (u1.max(start), u2.min(limit));
        if hi > lo {
            let d = hi.checked_sub(lo).ok_or(MathError::Overflow)?;
            let e = hi
                .checked_add(lo)
                .and_then(|v| v.checked_sub(mul(start, 2).ok()?))
                .ok_or(MathError::Overflow)?;
            let band = limit.checked_sub(start).ok_or(MathError::Overflow)?;
            let part = mul_div(
                mul(d, m)?,
                e,
                mul(mul(BPS_DENOMINATOR, 2)?, band)?,
                Rounding::Up,
            )?;
            area = area.checked_add(part).ok_or(MathError::Overflow)?;
        }
        // the flat part beyond the limit
        let flat_lo = u1.max(limit);
        if u2 > flat_lo {
            let len = u2.checked_sub(flat_lo).ok_or(MathError::Overflow)?;
            let part = mul_div(len, m, BPS_DENOMINATOR, Rounding::Up)?;
            area = area.checked_add(part).ok_or(MathError::Overflow)?;
        }
        Ok(area)
    }
}

/// `ceil(conf / price)` in bps: the width of a Pyth confidence interval.
pub fn confidence_bps(price: u64, conf: u64) -> Result<u32, MathError> {
    if price == 0 {
        return Err(MathError::DivisionByZero);
    }
    let bps = mul_div(
        u128::from(conf),
        BPS_DENOMINATOR,
        u128::from(price),
        Rounding::Up,
    )?;
    u32::try_from(bps).map_err(|_| MathError::Overflow)
}

impl Market {
    /// A user's sale of the asset to the pool, priced at NAV minus `bid_bps` and minus the
    /// exact average of the inventory skew between the pool's inventory before
    /// (`inventory`) and after the trade ([`Skew::area`]). Returns the fill and the
    /// effective spread in bps (rounded up). Every rounding favours the pool. For
    /// `ExactOut`, the asset asked of the user is the least that delivers the amount: the
    /// search starts just below the answer (the skew at the sale's middle, exact within
    /// the linear band), each step adds the skew the last one incurred, and it stops at
    /// the first amount that delivers (it cannot overshoot: every step stays at or below
    /// the answer); a search that has not met it after
    /// `SALE_SEARCH_STEPS` steps jumps past the remaining gap at the flattest slope (a
    /// little more than the least amount, never less than needed).
    pub fn quote_sale(
        &self,
        mode: Mode,
        amount: u64,
        bid_bps: u32,
        skew: &Skew,
        inventory: u64,
    ) -> Result<(Fill, u32), MathError> {
        let widest = bid_bps
            .checked_add(skew.max_bps)
            .ok_or(MathError::Overflow)?;
        if widest > MAX_SPREAD_BPS {
            return Err(MathError::Overflow);
        }
        let (num, den) = self.ratio()?;
        let keep = BPS_DENOMINATOR
            .checked_sub(u128::from(bid_bps))
            .ok_or(MathError::Overflow)?;
        let area_of = |a: u64| -> Result<u128, MathError> {
            let to = inventory.checked_add(a).ok_or(MathError::Overflow)?;
            skew.area(inventory, to)
        };
        // (asset, its skew area): what a sale of `asset` keeps for the user is
        // asset * keep - area, in bps x asset units
        let (asset, area) = match mode {
            Mode::ExactIn => (amount, area_of(amount)?),
            Mode::ExactOut => {
                // kept(a) must reach ceil(quote_out * 10_000 * den / num) (the 10_000 taken
                // first keeps both factors within 64 bits for the fast path)
                let need = mul_div(
                    mul(u128::from(amount), BPS_DENOMINATOR)?,
                    den,
                    num,
                    Rounding::Up,
                )?;
                // Start just below the answer: the skew is linear within its band, so a
                // sale pays the skew at the middle of the inventory it crosses. A first
                // guess (at the skew the first unit pays) is below the answer; the skew at
                // the middle of that shorter sale is at most the true average, so the
                // second guess is still below it, and usually a step or two short of it.
                let at_first = keep
                    .checked_sub(skew.at(inventory)?)
                    .ok_or(MathError::Overflow)?;
                let short = narrow(mul_div(need, 1, at_first, Rounding::Up)?)?;
                // below the limit the skew is convex (flat, then linear): its value at the
                // middle is at most its average. Past the limit it bends the other way, so
                // there the shorter sale's exact average is taken instead (one more area).
                let end = inventory.saturating_add(short);
                let skew_est = if end <= skew.position_limit || short == 0 {
                    skew.at(inventory.saturating_add(short / 2))?
                } else {
                    mul_div(area_of(short)?, 1, u128::from(short), Rounding::Down)?
                };
                let at_middle = keep.checked_sub(skew_est).ok_or(MathError::Overflow)?;
                let mut a = narrow(mul_div(need, 1, at_middle, Rounding::Up)?)?;
                let mut found = None;
                let mut gap = 0u128;
                for _ in 0..SALE_SEARCH_STEPS {
                    let area = area_of(a)?;
                    let kept = mul(u128::from(a), keep)?
                        .checked_sub(area)
                        .ok_or(MathError::Overflow)?;
                    if kept >= need {
                        found = Some((a, area));
                        break;
                    }
                    gap = need.checked_sub(kept).ok_or(MathError::Overflow)?;
                    let total = need.checked_add(area).ok_or(MathError::Overflow)?;
                    a = narrow(mul_div(total, 1, keep, Rounding::Up)?)?;
                }
                match found {
                    Some(f) => f,
                    None => {
                        // not met yet (a steep skew): jump past the gap at the flattest
                        // slope `kept` can have (keep - max_bps, less one for rounding),
                        // which always delivers; else the widest spread
                        let slope = keep
                            .checked_sub(u128::from(skew.max_bps))
                            .and_then(|v| v.checked_sub(1))
                            .filter(|v| *v > 0)
                            .ok_or(MathError::Overflow)?;
                        let jump = narrow(mul_div(gap, 1, slope, Rounding::Up)?)?;
                        let cand = a.checked_add(jump).ok_or(MathError::Overflow)?;
                        let area = area_of(cand)?;
                        let kept = mul(u128::from(cand), keep)?
                            .checked_sub(area)
                            .ok_or(MathError::Overflow)?;
                        let widest_asset = self
                            .quote(Side::SellAsset, Mode::ExactOut, amount, widest)?
                            .asset_amount;
                        if kept >= need && cand <= widest_asset {
                            (cand, area)
                        } else {
                            (widest_asset, area_of(widest_asset)?)
                        }
                    }
                }
            }
        };
        let kept = mul(u128::from(asset), keep)?
            .checked_sub(area)
            .ok_or(MathError::Overflow)?;
        let quote_amount = match mode {
            // floor(floor(kept * num / den) / 10_000) = floor(kept * num / (den * 10_000))
            Mode::ExactIn => {
                let q = mul_div(kept, num, den, Rounding::Down)?;
                narrow(crate::fixed::div_rem(q, BPS_DENOMINATOR).0)?
            }
            Mode::ExactOut => amount,
        };
        let mid_quote = narrow(mul_div(u128::from(asset), num, den, Rounding::Down)?)?;
        let spread_area = mul(u128::from(asset), u128::from(bid_bps))?
            .checked_add(area)
            .ok_or(MathError::Overflow)?;
        let spread_bps = if asset == 0 {
            bid_bps
        } else {
            u32::try_from(mul_div(spread_area, 1, u128::from(asset), Rounding::Up)?)
                .map_err(|_| MathError::Overflow)?
        };
        Ok((
            Fill {
                asset_amount: asset,
                quote_amount,
                mid_quote,
            },
            spread_bps,
        ))
    }
}

/// Steps of `Market::quote_sale`'s exact-out search before it jumps past the remaining
/// gap. Each step multiplies the gap by at most `skew_max_bps / (10_000 - bid)`: with a
/// skew of at most 1 % of that (20 bps against a 5 bps bid is 0.2 %), four steps reach
/// the least amount for any trade size a pool accepts; six leave room.
pub const SALE_SEARCH_STEPS: usize = 6;

/// True when `new` moved away from `reference` by more than `max_bps` of `reference`.
/// A zero reference (no price seen yet) never counts as a deviation.
pub fn deviates(new: u128, reference: u128, max_bps: u32) -> Result<bool, MathError> {
    if reference == 0 {
        return Ok(false);
    }
    let diff = new.abs_diff(reference);
    // diff / reference > max_bps / 10_000  <=>  diff * 10_000 > max_bps * reference
    let lhs = mul_div(diff, BPS_DENOMINATOR, 1, Rounding::Down)?;
    let rhs = mul_div(reference, u128::from(max_bps), 1, Rounding::Down)?;
    Ok(lhs > rhs)
}

/// True when a confidence interval is tighter than `max_bps` of the price.
pub fn confidence_within(price: u64, conf: u64, max_bps: u32) -> bool {
    // conf / price <= max_bps / 10_000, in u128 (no overflow for u64 inputs)
    // u64 x 10_000 and u64 x u32 both fit u128: the saturation never happens
    u128::from(conf).saturating_mul(BPS_DENOMINATOR)
        <= u128::from(price).saturating_mul(u128::from(max_bps))
}

/// The user's bound on a swap: which amount of the fill it limits, and how.
///
/// | side / mode            | bounded amount  | the user's `limit` is |
/// |------------------------|-----------------|-----------------------|
/// | sell asset, exact in   | quote received  | `min_out`             |
/// | sell asset, exact out  | asset given     | `max_in`              |
/// | buy asset, exact in    | asset received  | `min_out`             |
/// | buy asset, exact out   | quote given     | `max_in`              |
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    /// The fill must pay out at least `limit`.
    MinOut(u64),
    /// The fill must take in at most `limit`.
    MaxIn(u64),
}

impl Bound {
    /// The amount of `fill` a user's `limit` bounds for this side and mode.
    pub fn of(side: Side, mode: Mode, fill: &Fill) -> Self {
        match (side, mode) {
            (Side::SellAsset, Mode::ExactIn) => Bound::MinOut(fill.quote_amount),
            (Side::SellAsset, Mode::ExactOut) => Bound::MaxIn(fill.asset_amount),
            (Side::BuyAsset, Mode::ExactIn) => Bound::MinOut(fill.asset_amount),
            (Side::BuyAsset, Mode::ExactOut) => Bound::MaxIn(fill.quote_amount),
        }
    }
}

/// `true` when `fill` respects the user's `limit` (`min_out` for exact in, `max_in` for
/// exact out): the check `swap` makes on chain and clients make before sending.
pub fn within_bound(side: Side, mode: Mode, fill: &Fill, limit: u64) -> bool {
    match Bound::of(side, mode, fill) {
        Bound::MinOut(out) => out >= limit,
        Bound::MaxIn(inp) => inp <= limit,
    }
}

/// The `limit` a client sends for a quoted `fill` with `slippage_bps` of tolerance:
/// `min_out = out * (1 - slippage)` rounded down, `max_in = in * (1 + slippage)` rounded
/// up (both against the user, so the quoted fill itself always passes).
pub fn limit_with_slippage(
    side: Side,
    mode: Mode,
    fill: &Fill,
    slippage_bps: u16,
) -> Result<u64, MathError> {
    let s = u32::from(slippage_bps);
    match Bound::of(side, mode, fill) {
        Bound::MinOut(out) => {
            let keep = 10_000u32.checked_sub(s).ok_or(MathError::Overflow)?;
            crate::fixed::apply_bps(out, keep, Rounding::Down)
        }
        Bound::MaxIn(inp) => {
            let grow = 10_000u32.checked_add(s).ok_or(MathError::Overflow)?;
            crate::fixed::apply_bps(inp, grow, Rounding::Up)
        }
    }
}

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects)]
mod tests {
    use super::*;

    fn fill(asset_amount: u64, quote_amount: u64) -> Fill {
        Fill {
            asset_amount,
            quote_amount,
            mid_quote: quote_amount,
        }
    }

    #[test]
    fn within_bound_checks_the_amount_each_side_and_mode_limits() {
        let f = fill(100, 99_950);
        // sell exact in: min quote out
        assert!(within_bound(Side::SellAsset, Mode::ExactIn, &f, 99_950));
        assert!(!within_bound(Side::SellAsset, Mode::ExactIn, &f, 99_951));
        // sell exact out: max asset in
        assert!(within_bound(Side::SellAsset, Mode::ExactOut, &f, 100));
        assert!(!within_bound(Side::SellAsset, Mode::ExactOut, &f, 99));
        // buy exact in: min asset out
        assert!(within_bound(Side::BuyAsset, Mode::ExactIn, &f, 100));
        assert!(!within_bound(Side::BuyAsset, Mode::ExactIn, &f, 101));
        // buy exact out: max quote in
        assert!(within_bound(Side::BuyAsset, Mode::ExactOut, &f, 99_950));
        assert!(!within_bound(Side::BuyAsset, Mode::ExactOut, &f, 99_949));
    }

    #[test]
    fn limit_with_slippage_rounds_against_the_user_and_edges() {
        let f = fill(3, 1_001);
        // min out: floor(1001 * 0.99) = 990
        assert_eq!(
            limit_with_slippage(Side::SellAsset, Mode::ExactIn, &f, 100),
            Ok(990)
        );
        // max in: ceil(3 * 1.01) = 4
        assert_eq!(
            limit_with_slippage(Side::SellAsset, Mode::ExactOut, &f, 100),
            Ok(4)
        );
        // zero tolerance is the fill itself; full tolerance accepts anything out
        assert_eq!(
            limit_with_slippage(Side::BuyAsset, Mode::ExactOut, &f, 0),
            Ok(1_001)
        );
        assert_eq!(
            limit_with_slippage(Side::BuyAsset, Mode::ExactIn, &f, 10_000),
            Ok(0)
        );
        assert!(limit_with_slippage(Side::BuyAsset, Mode::ExactIn, &f, 10_001).is_err());
        // max in near u64::MAX overflows instead of wrapping
        let big = fill(u64::MAX, 1);
        assert!(limit_with_slippage(Side::SellAsset, Mode::ExactOut, &big, 1).is_err());
    }

    proptest::proptest! {
        #[test]
        fn the_quoted_fill_always_passes_its_own_slippage_limit(
            a in 0u64..=u64::MAX / 2, q in 0u64..=u64::MAX / 2, s in 0u16..=10_000,
            sell in proptest::bool::ANY, exact_in in proptest::bool::ANY,
        ) {
            let side = if sell { Side::SellAsset } else { Side::BuyAsset };
            let mode = if exact_in { Mode::ExactIn } else { Mode::ExactOut };
            let f = fill(a, q);
            let limit = limit_with_slippage(side, mode, &f, s).unwrap();
            proptest::prop_assert!(within_bound(side, mode, &f, limit));
        }
    }
    use crate::fixed::WAD;
    use proptest::prelude::*;

    const USDS: u8 = 6;

    fn m(price_wad: u128, adec: u8) -> Market {
        Market {
            price_wad,
            asset_decimals: adec,
            quote_decimals: USDS,
        }
    }

    #[test]
    fn seed_000_tbill_sale_at_5_bps() {
        // 100,000 t-bills at NAV 1.00 sold at 5 bps: the user receives 99,950 USDS.
        let f = m(WAD, 6)
            .quote(Side::SellAsset, Mode::ExactIn, 100_000_000_000, 5)
            .unwrap();
        assert_eq!(f.quote_amount, 99_950_000_000);
        assert_eq!(f.mid_quote, 100_000_000_000);
    }

    #[test]
    fn exact_out_mirrors_exact_in_at_round_numbers() {
        let mk = m(WAD, 6);
        let f = mk
            .quote(Side::SellAsset, Mode::ExactOut, 99_950_000_000, 5)
            .unwrap();
        assert_eq!(f.asset_amount, 100_000_000_000);
        let b = mk
            .quote(Side::BuyAsset, Mode::ExactOut, 500_000_000_000, 10)
            .unwrap();
        assert_eq!(b.quote_amount, 500_500_000_000);
        let bi = mk
            .quote(Side::BuyAsset, Mode::ExactIn, 500_500_000_000, 10)
            .unwrap();
        assert_eq!(bi.asset_amount, 500_000_000_000);
    }

    #[test]
    fn decimals_are_converted() {
        // asset with 9 decimals at 2.5 quote per token: 1 token -> 2.5 USDS
        let mk = m(5 * WAD / 2, 9);
        assert_eq!(mk.value(1_000_000_000, Rounding::Down), Ok(2_500_000));
        // asset with 0 decimals, price 1.000001: one unit is worth 1,000,001 quote units
        let mk = m(WAD + WAD / 1_000_000, 0);
        assert_eq!(mk.value(1, Rounding::Down), Ok(1_000_001));
        assert_eq!(
            m(WAD, 19).value(1, Rounding::Down),
            Err(MathError::Overflow)
        );
    }

    #[test]
    fn one_unit_dust_rounds_for_the_pool() {
        // price 0.5: selling 1 base unit would be worth 0.5 units -> 0
        let mk = m(WAD / 2, 6);
        assert_eq!(
            mk.quote(Side::SellAsset, Mode::ExactIn, 1, 0)
                .unwrap()
                .quote_amount,
            0
        );
        // buying 1 unit costs 1 (ceil of 0.5)
        assert_eq!(
            mk.quote(Side::BuyAsset, Mode::ExactOut, 1, 0)
                .unwrap()
                .quote_amount,
            1
        );
        // paying 1 buys 2 at zero spread, 1 at a spread (floor)
        assert_eq!(
            mk.quote(Side::BuyAsset, Mode::ExactIn, 1, 0)
                .unwrap()
                .asset_amount,
            2
        );
        assert_eq!(
            mk.quote(Side::BuyAsset, Mode::ExactIn, 1, 1)
                .unwrap()
                .asset_amount,
            1
        );
    }

    #[test]
    fn to_wad_edges() {
        assert_eq!(to_wad(100_000_000, -8), Ok(Some(WAD)));
        assert_eq!(to_wad(1, 0), Ok(Some(WAD)));
        assert_eq!(to_wad(123, -20), Ok(Some(1)));
        assert_eq!(to_wad(1, -40), Ok(Some(0)));
        assert_eq!(to_wad(0, -8), Ok(None));
        assert_eq!(to_wad(-5, -8), Ok(None));
        assert_eq!(to_wad(i64::MAX, 30), Err(MathError::Overflow));
    }

    #[test]
    fn skew_widens_only_past_the_start() {
        // 5 bps base, skew from 50 % of the limit up to +20 bps at the limit
        assert_eq!(skewed_spread_bps(5, 5_000, 20, 0, 1_000), Ok(5));
        assert_eq!(skewed_spread_bps(5, 5_000, 20, 500, 1_000), Ok(5));
        assert_eq!(skewed_spread_bps(5, 5_000, 20, 750, 1_000), Ok(15));
        assert_eq!(skewed_spread_bps(5, 5_000, 20, 1_000, 1_000), Ok(25));
        assert_eq!(skewed_spread_bps(5, 5_000, 20, 9_999, 1_000), Ok(25));
        // off when not configured
        assert_eq!(skewed_spread_bps(5, 5_000, 0, 900, 1_000), Ok(5));
        assert_eq!(skewed_spread_bps(5, 10_000, 20, 900, 1_000), Ok(5));
    }

    #[test]
    fn deviation_and_confidence() {
        assert_eq!(deviates(WAD, 0, 0), Ok(false));
        assert_eq!(deviates(WAD + WAD / 100, WAD, 100), Ok(false)); // exactly 1 %
        assert_eq!(deviates(WAD + WAD / 100 + 1, WAD, 100), Ok(true));
        assert_eq!(deviates(WAD - WAD / 100 - 1, WAD, 100), Ok(true));
        assert!(confidence_within(100_000, 50, 5));
        assert!(!confidence_within(100_000, 51, 5));
        assert!(confidence_within(u64::MAX, u64::MAX, 10_000));
    }

    const TOKEN: u64 = 1_000_000;

    /// Finding 11's numbers: a 1M position limit, skew from 50 % to +20 bps, a 5 bps bid.
    fn jaaa_skew() -> Skew {
        Skew {
            start_bps: 5_000,
            max_bps: 20,
            position_limit: 1_000_000 * TOKEN,
        }
    }

    #[test]
    fn a_block_sale_across_the_skew_start_pays_the_average_skew() {
        let mk = m(WAD, 6);
        let skew = jaaa_skew();
        let inv = 499_999 * TOKEN;
        // the old pricing (skew at the pre-trade inventory) paid the base bid: 499,750
        let old = mk
            .quote(Side::SellAsset, Mode::ExactIn, 500_000 * TOKEN, 5)
            .unwrap();
        assert_eq!(old.quote_amount, 499_750 * TOKEN);
        // now: the skew rises from 0 to ~20 bps over the sale, ~10 bps on average
        let (block, bps) = mk
            .quote_sale(Mode::ExactIn, 500_000 * TOKEN, 5, &skew, inv)
            .unwrap();
        assert_eq!(bps, 15);
        assert!(block.quote_amount < 499_250 * TOKEN + TOKEN);
        assert!(block.quote_amount > 499_249 * TOKEN);
        // ten slices of 50,000 receive at least as much in total
        let mut inv_i = inv;
        let mut slices = 0u64;
        for _ in 0..10 {
            let (f, _) = mk
                .quote_sale(Mode::ExactIn, 50_000 * TOKEN, 5, &skew, inv_i)
                .unwrap();
            slices += f.quote_amount;
            inv_i += 50_000 * TOKEN;
        }
        assert!(block.quote_amount <= slices + 10);
        assert!(
            slices.abs_diff(block.quote_amount) <= 10,
            "same spread up to rounding"
        );
    }

    #[test]
    fn an_18_decimal_quote_against_a_0_decimal_asset_does_not_overflow() {
        // one whole token at 10 quote tokens of 18 decimals (u64 holds up to ~18.4 of them)
        let mk = Market {
            price_wad: 10 * WAD,
            asset_decimals: 0,
            quote_decimals: 18,
        };
        assert_eq!(mk.value(1, Rounding::Down), Ok(10_000_000_000_000_000_000));
        let f = mk.quote(Side::SellAsset, Mode::ExactIn, 1, 5).unwrap();
        assert_eq!(f.quote_amount, 9_995_000_000_000_000_000);
        // the ratio itself never overflows, whatever the price: only a result beyond u64
        let huge = Market {
            price_wad: u128::MAX,
            asset_decimals: 0,
            quote_decimals: 18,
        };
        assert_eq!(huge.value(1, Rounding::Down), Err(MathError::Overflow));
        assert_eq!(huge.asset_for_value(u64::MAX, Rounding::Down), Ok(0));
        // and the other extreme: an 18-decimal asset against a 0-decimal quote
        let mk = Market {
            price_wad: WAD,
            asset_decimals: 18,
            quote_decimals: 0,
        };
        assert_eq!(mk.value(3 * WAD as u64, Rounding::Down), Ok(3));
    }

    #[test]
    fn skew_area_edges() {
        let skew = jaaa_skew();
        let l = skew.position_limit;
        assert_eq!(skew.area(0, l / 2), Ok(0));
        assert_eq!(skew.area(l, l), Ok(0));
        // rising half: average M/2 over L/2 units
        assert_eq!(skew.area(l / 2, l), Ok(u128::from(l / 2) * 10));
        // beyond the limit: flat M
        assert_eq!(skew.area(l, l + 100), Ok(100 * 20));
        let none = Skew { max_bps: 0, ..skew };
        assert_eq!(none.area(0, u64::MAX), Ok(0));
        // no overflow at the extremes
        assert!(skew.area(0, u64::MAX).is_ok());
    }

    #[test]
    fn confidence_bps_rounds_up() {
        assert_eq!(confidence_bps(100_000_000, 10_000), Ok(1));
        assert_eq!(confidence_bps(100_000_000, 10_001), Ok(2));
        assert_eq!(confidence_bps(1, 0), Ok(0));
        assert_eq!(confidence_bps(0, 1), Err(MathError::DivisionByZero));
    }

    fn skew_strategy() -> impl Strategy<Value = Skew> {
        (0u32..10_000, 0u32..1_000, 1u64..1u64 << 45).prop_map(|(s, m, l)| Skew {
            start_bps: s,
            max_bps: m,
            position_limit: l,
        })
    }

    fn market() -> impl Strategy<Value = Market> {
        // NAV between 0.01 and 10,000 whole quote per whole asset; decimals 0..=9
        (WAD / 100..10_000 * WAD, 0u8..=9, 0u8..=9).prop_map(|(p, a, q)| Market {
            price_wad: p,
            asset_decimals: a,
            quote_decimals: q,
        })
    }

    proptest! {
        #[test]
        fn sell_then_buy_back_never_profits(mk in market(), asset in 1u64..1u64<<50, bid in 0u32..500, ask in 0u32..500) {
            let Ok(s) = mk.quote(Side::SellAsset, Mode::ExactIn, asset, bid) else { return Ok(()) };
            // spend everything received on buying back: never more asset than sold
            if let Ok(b) = mk.quote(Side::BuyAsset, Mode::ExactIn, s.quote_amount, ask) {
                prop_assert!(b.asset_amount <= asset);
            }
            // buying back exactly what was sold costs at least what was received
            if let Ok(b) = mk.quote(Side::BuyAsset, Mode::ExactOut, asset, ask) {
                prop_assert!(b.quote_amount >= s.quote_amount);
            }
        }

        #[test]
        fn buy_then_sell_back_never_profits(mk in market(), quote in 1u64..1u64<<50, bid in 0u32..500, ask in 0u32..500) {
            let Ok(b) = mk.quote(Side::BuyAsset, Mode::ExactIn, quote, ask) else { return Ok(()) };
            let s = mk.quote(Side::SellAsset, Mode::ExactIn, b.asset_amount, bid).unwrap();
            prop_assert!(s.quote_amount <= quote);
        }

        #[test]
        fn pool_value_never_drops_through_a_swap(mk in market(), amount in 1u64..1u64<<50, spread in 0u32..500, sell in any::<bool>(), exact_in in any::<bool>()) {
            let side = if sell { Side::SellAsset } else { Side::BuyAsset };
            let mode = if exact_in { Mode::ExactIn } else { Mode::ExactOut };
            let Ok(f) = mk.quote(side, mode, amount, spread) else { return Ok(()) };
            // value the asset leg at the exact mid (rational), compare in u128 cross-products:
            // the pool gains quote - mid(asset) on a buy, mid(asset) - quote on a sell.
            let (num, den) = mk.ratio().unwrap();
            let asset_mid_num = u128::from(f.asset_amount).checked_mul(num); // / den
            let quote_scaled = u128::from(f.quote_amount).checked_mul(den);
            if let (Some(q), Some(asset_mid_num)) = (quote_scaled, asset_mid_num) {
                match side {
                    Side::SellAsset => prop_assert!(q <= asset_mid_num),
                    Side::BuyAsset => prop_assert!(q >= asset_mid_num),
                }
            }
            // and the recorded spread is never negative
            match side {
                Side::SellAsset => prop_assert!(f.quote_amount <= f.mid_quote),
                Side::BuyAsset => prop_assert!(f.quote_amount >= f.mid_quote),
            }
        }

        #[test]
        fn exact_out_delivers_at_least_what_was_asked(mk in market(), want in 1u64..1u64<<40, spread in 0u32..500) {
            // selling: the computed asset_in, priced exact-in, yields at least the asked quote
            if let Ok(f) = mk.quote(Side::SellAsset, Mode::ExactOut, want, spread) {
                let back = mk.quote(Side::SellAsset, Mode::ExactIn, f.asset_amount, spread).unwrap();
                prop_assert!(back.quote_amount >= want);
            }
            // buying: paying the computed quote_in exact-in buys at least the asked asset
            if let Ok(g) = mk.quote(Side::BuyAsset, Mode::ExactOut, want, spread) {
                let got = mk.quote(Side::BuyAsset, Mode::ExactIn, g.quote_amount, spread).unwrap();
                prop_assert!(got.asset_amount >= want);
            }
        }

        #[test]
        fn one_block_never_pays_less_spread_than_two_slices(
            mk in market(), skew in skew_strategy(), inv in 0u64..1u64 << 45,
            a1 in 1u64..1u64 << 40, a2 in 1u64..1u64 << 40, bid in 0u32..2_000,
        ) {
            let block = mk.quote_sale(Mode::ExactIn, a1 + a2, bid, &skew, inv);
            let s1 = mk.quote_sale(Mode::ExactIn, a1, bid, &skew, inv);
            let s2 = mk.quote_sale(Mode::ExactIn, a2, bid, &skew, inv + a1);
            if let (Ok((block, _)), Ok((s1, _)), Ok((s2, _))) = (block, s1, s2) {
                // rounding only: the slices floor their payout twice (one quote unit) and
                // round their skew area up twice (two bps of one asset unit's value each)
                let tol = 1 + mk.value(2, Rounding::Up).unwrap() / 10_000 + 1;
                prop_assert!(block.quote_amount <= s1.quote_amount + s2.quote_amount + tol);
            }
        }

        #[test]
        fn sale_exact_out_delivers_and_never_asks_less_than_exact_in_needs(
            mk in market(), skew in skew_strategy(), inv in 0u64..1u64 << 45,
            want in 1u64..1u64 << 40, bid in 0u32..2_000,
        ) {
            if let Ok((f, _)) = mk.quote_sale(Mode::ExactOut, want, bid, &skew, inv) {
                prop_assert_eq!(f.quote_amount, want);
                // selling that asset exact-in pays at least what was asked
                let (back, _) = mk.quote_sale(Mode::ExactIn, f.asset_amount, bid, &skew, inv).unwrap();
                prop_assert!(back.quote_amount >= want);
                // and never more spread than the widest bid would take
                let widest = mk.quote(Side::SellAsset, Mode::ExactOut, want, bid + skew.max_bps).unwrap();
                prop_assert!(f.asset_amount <= widest.asset_amount);
                // and, for a skew of up to 1 % of what the bid keeps, one unit less would not
                // deliver it: the search finds the least amount
                let gentle = u64::from(skew.max_bps) * 100 <= 10_000 - u64::from(bid);
                if gentle && want < 1u64 << 32 && f.asset_amount > 1 {
                    if let Ok((less, _)) = mk.quote_sale(Mode::ExactIn, f.asset_amount - 1, bid, &skew, inv) {
                        prop_assert!(less.quote_amount < want);
                    }
                }
            }
        }

        #[test]
        fn skew_area_is_additive_up_to_rounding(skew in skew_strategy(), x in 0u64..1u64 << 45, d1 in 0u64..1u64 << 40, d2 in 0u64..1u64 << 40) {
            let whole = skew.area(x, x + d1 + d2).unwrap();
            let parts = skew.area(x, x + d1).unwrap() + skew.area(x + d1, x + d1 + d2).unwrap();
            prop_assert!(parts >= whole && parts - whole <= 4);
        }

        #[test]
        fn skew_is_monotonic_and_bounded(inv_a in 0u64..2_000, inv_b in 0u64..2_000, start in 0u32..10_000, max in 0u32..1_000) {
            let (lo, hi) = (inv_a.min(inv_b), inv_a.max(inv_b));
            let a = skewed_spread_bps(5, start, max, lo, 1_000).unwrap();
            let b = skewed_spread_bps(5, start, max, hi, 1_000).unwrap();
            prop_assert!(a <= b);
            prop_assert!(b <= 5 + max);
        }
    }
}
