//! halo-math's rate-limit and SORL refusals, mapped to this program's errors (with the
//! numbers a person needs in the log).
use anchor_lang::prelude::*;
use halo_math::{RateLimitError, SorlError, SorlOutcome, SorlParams};

use crate::errors::PauError;

/// This program's error for a refused rate-limit consumption.
pub fn rate_limit_error(e: RateLimitError) -> Error {
    match e {
        RateLimitError::RouteClosed => error!(PauError::RouteClosed),
        RateLimitError::Exceeded {
            available,
            requested,
        } => {
            msg!(
                "rate limit: requested {} > available {}",
                requested,
                available
            );
            error!(PauError::RateLimitExceeded)
        }
    }
}

/// This program's error for a refused SORL increase.
pub fn sorl_error(e: SorlError) -> Error {
    match e {
        SorlError::HopNotElapsed { next_allowed_ts } => {
            msg!("next increase allowed at {}", next_allowed_ts);
            error!(PauError::SorlHopNotElapsed)
        }
        SorlError::MaxAmountIncreaseTooLarge { limit } => {
            msg!("max_amount may rise to at most {}", limit);
            error!(PauError::SorlMaxAmountIncreaseTooLarge)
        }
        SorlError::SlopeIncreaseTooLarge { limit } => {
            msg!("slope may rise to at most {}", limit);
            error!(PauError::SorlSlopeIncreaseTooLarge)
        }
    }
}

/// SORL check with this program's errors.
pub fn check_sorl(
    params: SorlParams,
    now: i64,
    last_increase_ts: i64,
    old: (u64, u64),
    new: (u64, u64),
    reopen_cap: (u64, u64),
) -> Result<SorlOutcome> {
    halo_math::check_sorl(params, now, last_increase_ts, old, new, reopen_cap).map_err(sorl_error)
}
