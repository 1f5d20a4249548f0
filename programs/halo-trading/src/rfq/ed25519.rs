//! Reading back the Ed25519 precompile's verification of the beacon's signature over a
//! quote, through the instructions sysvar.
use anchor_lang::prelude::*;
use solana_instructions_sysvar::{load_current_index_checked, load_instruction_at_checked};

use crate::{constants::ED25519_PROGRAM_ID, errors::TradingError};

fn u16_at(d: &[u8], at: usize) -> Option<u16> {
    let end = at.checked_add(2)?;
    Some(u16::from_le_bytes(d.get(at..end)?.try_into().ok()?))
}

fn slice(d: &[u8], off: u16, len: usize) -> Option<&[u8]> {
    let start = usize::from(off);
    d.get(start..start.checked_add(len)?)
}

/// True when `data` is one Ed25519 verification of `signer` over `message`, with every
/// offset pointing inside this same instruction (index `u16::MAX`).
pub fn ed25519_covers(data: &[u8], signer: &Pubkey, message: &[u8]) -> bool {
    let parsed = (|| {
        if *data.first()? != 1 {
            return None;
        }
        let sig_ix = u16_at(data, 4)?;
        let pk_off = u16_at(data, 6)?;
        let pk_ix = u16_at(data, 8)?;
        let msg_off = u16_at(data, 10)?;
        let msg_len = u16_at(data, 12)?;
        let msg_ix = u16_at(data, 14)?;
        if sig_ix != u16::MAX || pk_ix != u16::MAX || msg_ix != u16::MAX {
            return None;
        }
        let pk = slice(data, pk_off, 32)?;
        let msg = slice(data, msg_off, usize::from(msg_len))?;
        Some(pk == signer.as_ref() && msg == message)
    })();
    parsed.unwrap_or(false)
}

/// Requires that the instruction right before this one verifies `signer`'s signature over
/// `message`.
pub fn require_signed(ix_sysvar: &AccountInfo, signer: &Pubkey, message: &[u8]) -> Result<()> {
    let current = load_current_index_checked(ix_sysvar)?;
    let prev = current
        .checked_sub(1)
        .ok_or(TradingError::QuoteSignatureMissing)?;
    let ix = load_instruction_at_checked(usize::from(prev), ix_sysvar)?;
    require_keys_eq!(
        ix.program_id,
        ED25519_PROGRAM_ID,
        TradingError::QuoteSignatureMissing
    );
    require!(
        ed25519_covers(&ix.data, signer, message),
        TradingError::QuoteSignatureMissing
    );
    Ok(())
}

/// The data of an Ed25519 verification instruction for one signature (off-chain helper:
/// the SDK and tests build the precompile instruction with it).
pub fn ed25519_instruction_data(
    pubkey: &[u8; 32],
    signature: &[u8; 64],
    message: &[u8],
) -> Vec<u8> {
    const HEADER: u16 = 16;
    let pk_off = HEADER;
    let sig_off = pk_off.saturating_add(32);
    let msg_off = sig_off.saturating_add(64);
    let msg_len = u16::try_from(message.len()).unwrap_or(u16::MAX);
    let mut d = vec![1u8, 0];
    for v in [
        sig_off,
        u16::MAX,
        pk_off,
        u16::MAX,
        msg_off,
        msg_len,
        u16::MAX,
    ] {
        d.extend_from_slice(&v.to_le_bytes());
    }
    d.extend_from_slice(pubkey);
    d.extend_from_slice(signature);
    d.extend_from_slice(message);
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn covers_only_the_exact_signer_and_message() {
        let k = Pubkey::new_from_array([3; 32]);
        let d = ed25519_instruction_data(&[3; 32], &[9; 64], b"hello");
        assert!(ed25519_covers(&d, &k, b"hello"));
        assert!(!ed25519_covers(&d, &k, b"hellp"));
        assert!(!ed25519_covers(
            &d,
            &Pubkey::new_from_array([4; 32]),
            b"hello"
        ));
        // offsets pointing at another instruction are not accepted
        let mut other = d.clone();
        other[8] = 0;
        other[9] = 0;
        assert!(!ed25519_covers(&other, &k, b"hello"));
        // two signatures, truncated data
        let mut two = d.clone();
        two[0] = 2;
        assert!(!ed25519_covers(&two, &k, b"hello"));
        assert!(!ed25519_covers(&d[..20], &k, b"hello"));
    }
}
