//! Pyth's `PriceUpdateV2` account, decoded from its documented layout (no Pyth SDK on
//! chain): the fields a pool uses, and the bytes of one for tests and local chains.

/// Anchor discriminator of Pyth's `PriceUpdateV2`: `sha256("account:PriceUpdateV2")[..8]`.
pub const PRICE_UPDATE_V2_DISCRIMINATOR: [u8; 8] = [34, 241, 35, 99, 157, 126, 244, 205];

/// The fields of a `PriceUpdateV2` the pool uses, decoded from the documented layout:
/// discriminator (8), write_authority (32), verification_level (borsh enum: `0 u8` =
/// Partial { num_signatures }, `1` = Full), then the price message: feed_id (32),
/// price i64, conf u64, exponent i32, publish_time i64, prev_publish_time i64,
/// ema_price i64, ema_conf u64; then posted_slot u64.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PythPrice {
    pub fully_verified: bool,
    pub feed_id: [u8; 32],
    pub price: i64,
    pub conf: u64,
    pub exponent: i32,
    pub publish_time: i64,
}

fn take<const N: usize>(data: &[u8], at: &mut usize) -> Option<[u8; N]> {
    let end = at.checked_add(N)?;
    let out: [u8; N] = data.get(*at..end)?.try_into().ok()?;
    *at = end;
    Some(out)
}

/// Decodes a `PriceUpdateV2`, or `None` if the bytes are not one.
pub fn decode_price_update_v2(data: &[u8]) -> Option<PythPrice> {
    let mut at = 0usize;
    if take::<8>(data, &mut at)? != PRICE_UPDATE_V2_DISCRIMINATOR {
        return None;
    }
    take::<32>(data, &mut at)?; // write_authority
    let fully_verified = match take::<1>(data, &mut at)?[0] {
        0 => {
            take::<1>(data, &mut at)?; // num_signatures
            false
        }
        1 => true,
        _ => return None,
    };
    let feed_id = take::<32>(data, &mut at)?;
    let price = i64::from_le_bytes(take::<8>(data, &mut at)?);
    let conf = u64::from_le_bytes(take::<8>(data, &mut at)?);
    let exponent = i32::from_le_bytes(take::<4>(data, &mut at)?);
    let publish_time = i64::from_le_bytes(take::<8>(data, &mut at)?);
    // prev_publish_time, ema_price, ema_conf, posted_slot must be present too
    take::<32>(data, &mut at)?;
    Some(PythPrice {
        fully_verified,
        feed_id,
        price,
        conf,
        exponent,
        publish_time,
    })
}

/// Bytes of a `PriceUpdateV2` in the receiver's documented layout (borsh, Anchor
/// discriminator), for tests and local chains where no Pyth receiver runs. Off-chain only.
pub fn price_update_v2_bytes(
    fully_verified: bool,
    feed_id: [u8; 32],
    price: i64,
    conf: u64,
    exponent: i32,
    publish_time: i64,
) -> Vec<u8> {
    let mut d = PRICE_UPDATE_V2_DISCRIMINATOR.to_vec();
    d.extend_from_slice(&[0u8; 32]); // write authority
    if fully_verified {
        d.push(1);
    } else {
        d.extend_from_slice(&[0, 3]); // Partial { num_signatures: 3 }
    }
    d.extend_from_slice(&feed_id);
    d.extend_from_slice(&price.to_le_bytes());
    d.extend_from_slice(&conf.to_le_bytes());
    d.extend_from_slice(&exponent.to_le_bytes());
    d.extend_from_slice(&publish_time.to_le_bytes());
    d.extend_from_slice(&publish_time.saturating_sub(1).to_le_bytes()); // prev publish time
    d.extend_from_slice(&price.to_le_bytes()); // ema price
    d.extend_from_slice(&conf.to_le_bytes()); // ema conf
    d.extend_from_slice(&0u64.to_le_bytes()); // posted slot
    d
}

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects)]
mod tests {
    use super::*;

    #[test]
    fn discriminator_is_anchors() {
        use sha2::Digest;
        let h = sha2::Sha256::digest(b"account:PriceUpdateV2");
        assert_eq!(h[..8], PRICE_UPDATE_V2_DISCRIMINATOR);
    }

    #[test]
    fn decodes_full_and_partial() {
        let d = price_update_v2_bytes(true, [5; 32], 100_012_345, 1_000, -8, 1_700_000_000);
        assert_eq!(d.len(), 8 + 32 + 1 + 84 + 8);
        let p = decode_price_update_v2(&d).unwrap();
        assert!(p.fully_verified);
        assert_eq!(
            (p.feed_id, p.price, p.conf, p.exponent, p.publish_time),
            ([5; 32], 100_012_345, 1_000, -8, 1_700_000_000)
        );
        let d = price_update_v2_bytes(false, [5; 32], 1, 0, -8, 9);
        let p = decode_price_update_v2(&d).unwrap();
        assert!(!p.fully_verified);
        assert_eq!(p.publish_time, 9);
    }

    #[test]
    fn refuses_garbage() {
        let mut d = price_update_v2_bytes(true, [5; 32], 1, 0, -8, 9);
        assert!(decode_price_update_v2(&d[..d.len() - 1]).is_none());
        d[40] = 2; // not a verification level
        assert!(decode_price_update_v2(&d).is_none());
        d[40] = 1;
        d[0] ^= 1; // another account type
        assert!(decode_price_update_v2(&d).is_none());
    }
}
