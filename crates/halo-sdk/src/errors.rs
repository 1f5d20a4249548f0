//! `halo_pau` error codes back to their variants and messages (clients see only the code).
pub use halo_pau::errors::PauError;

/// Every `PauError`, in declaration order: code = 6000 + index.
pub const PAU_ERRORS: &[PauError] = &[
    PauError::NotAdmin,
    PauError::NotPendingAdmin,
    PauError::TimelockPaused,
    PauError::TimelockNotElapsed,
    PauError::OpAlreadyExecuted,
    PauError::OpCancelled,
    PauError::WrongOpKind,
    PauError::OpTargetMismatch,
    PauError::InvalidTimelockDelay,
    PauError::InvalidSorlHop,
    PauError::InvalidSorlMaxChange,
    PauError::PauAlreadyRegistered,
    PauError::PauNotRegistered,
    PauError::NotGovOpsOfThisPau,
    PauError::NotGovOpsMember,
    PauError::NoInitForRoute,
    PauError::InitForAnotherPau,
    PauError::ExceedsInitMaxAmount,
    PauError::ExceedsInitSlope,
    PauError::KeyMismatch,
    PauError::InvalidTag,
    PauError::SorlHopNotElapsed,
    PauError::SorlMaxAmountIncreaseTooLarge,
    PauError::SorlSlopeIncreaseTooLarge,
    PauError::NotADecrease,
    PauError::RateLimitOfAnotherPau,
    PauError::IntegrationOfAnotherPau,
    PauError::RouteClosed,
    PauError::RateLimitExceeded,
    PauError::NotATransferRoute,
    PauError::WrongMint,
    PauError::WrongDestination,
    PauError::WrongSource,
    PauError::WrongCustody,
    PauError::ControllerFrozen,
    PauError::AlreadyFrozen,
    PauError::ControllerNotFrozen,
    PauError::NotRelayer,
    PauError::NotFreezer,
    PauError::NoRelayer,
    PauError::NotIntegrationSigner,
    PauError::KeyNotAllowedForIntegration,
    PauError::InvalidIntegrationKeys,
    PauError::ZeroAmount,
    PauError::UnsupportedMintExtension,
    PauError::MathOverflow,
    PauError::InvalidAdmin,
    PauError::InvalidRoleKey,
    PauError::TransferRouteNotForIntegrations,
];

/// The `halo_pau` error with this custom code, if any.
pub fn pau_error(code: u32) -> Option<PauError> {
    let i = code.checked_sub(6000)?;
    PAU_ERRORS.get(usize::try_from(i).ok()?).copied()
}

use anchor_lang::error::ErrorCode as AnchorErrorCode;

/// Anchor's own refusals that Halo instructions can produce (account validation).
pub const ANCHOR_ERRORS: &[AnchorErrorCode] = &[
    AnchorErrorCode::InstructionDidNotDeserialize,
    AnchorErrorCode::ConstraintMut,
    AnchorErrorCode::ConstraintHasOne,
    AnchorErrorCode::ConstraintSigner,
    AnchorErrorCode::ConstraintRaw,
    AnchorErrorCode::ConstraintOwner,
    AnchorErrorCode::ConstraintSeeds,
    AnchorErrorCode::ConstraintTokenMint,
    AnchorErrorCode::ConstraintTokenOwner,
    AnchorErrorCode::ConstraintMintTokenProgram,
    AnchorErrorCode::ConstraintDuplicateMutableAccount,
    AnchorErrorCode::AccountDiscriminatorMismatch,
    AnchorErrorCode::AccountNotEnoughKeys,
    AnchorErrorCode::AccountNotMutable,
    AnchorErrorCode::AccountOwnedByWrongProgram,
    AnchorErrorCode::InvalidProgramId,
    AnchorErrorCode::AccountNotSigner,
    AnchorErrorCode::AccountNotInitialized,
];

/// "Name: message" for a custom error code of `halo_pau` or of Anchor, or the bare code.
pub fn describe(code: u32) -> String {
    if let Some(e) = pau_error(code) {
        return format!("{}: {}", e.name(), e);
    }
    for e in ANCHOR_ERRORS {
        if u32::from(*e) == code {
            return format!("{}: {}", e.name(), e);
        }
    }
    format!("custom program error {code}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_matches_the_program_codes() {
        for (i, e) in PAU_ERRORS.iter().enumerate() {
            assert_eq!(u32::from(*e), 6000 + i as u32, "{}", e.name());
        }
        assert_eq!(
            describe(6000),
            "NotAdmin: Only the configurator admin may do this"
        );
        assert!(pau_error(6000 + PAU_ERRORS.len() as u32).is_none());
        assert!(describe(2006).starts_with("ConstraintSeeds: "));
    }
}
