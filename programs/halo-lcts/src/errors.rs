use anchor_lang::prelude::*;

/// Every refusal of the Passthrough Halo. Codes start at 6300.
#[error_code(offset = 6300)]
pub enum LctsError {
    #[msg("Only the class's governance may do this")]
    NotGovernance,
    #[msg("Only the proposed governance may accept")]
    NotPendingGovernance,
    #[msg("Only the unit's beacon may do this")]
    NotBeacon,
    #[msg("Only governance or the unit's freezer may pause")]
    NotPauser,
    #[msg("Only governance may lift a pause")]
    OnlyGovernanceUnpauses,
    #[msg("The default key cannot hold a role")]
    DefaultKey,
    #[msg("The epoch must be between one minute and 31 days")]
    BadEpoch,
    #[msg("The lock window must be non-empty and inside the epoch")]
    BadLockWindow,
    #[msg("The lock bound must be between one minute and seven days")]
    BadMaxLock,
    #[msg("Rate bounds: at most 1,000 bps up and 5,000 bps down")]
    BadRateBounds,
    #[msg("The minimum entry must be above zero")]
    BadMinimumEntry,
    #[msg("Share name, symbol or URI too long")]
    BadMetadata,
    #[msg("The underlying mint carries an extension the queues cannot handle")]
    UnsupportedMintExtension,
    #[msg("This is not the unit's underlying mint")]
    WrongUnderlyingMint,
    #[msg("This is not the unit's share mint")]
    WrongShareMint,
    #[msg("This is not the unit's PAU controller")]
    WrongPauController,
    #[msg("This is not the unit's PAU route for this movement")]
    WrongRateLimit,
    #[msg("This is not the queue's vault")]
    WrongVault,
    #[msg("The token program does not own this mint")]
    WrongTokenProgram,
    #[msg("The unit belongs to another class")]
    UnitOfAnotherClass,
    #[msg("The queue belongs to another unit")]
    QueueOfAnotherUnit,
    #[msg("This queue is on the other side")]
    WrongSide,
    #[msg("The unit already has a queue on this side")]
    QueueAlreadyCreated,
    #[msg("The unit or this side is paused")]
    Paused,
    #[msg("The amount is below the queue's minimum entry")]
    BelowMinimumEntry,
    #[msg("The amount is too small to buy one queue share")]
    ZeroShares,
    #[msg("The position holds nothing")]
    EmptyPosition,
    #[msg("The generation is drained and finalizes at settlement")]
    GenerationDrained,
    #[msg("The queue is locked for settlement")]
    QueueLocked,
    #[msg("The queue has no active generation")]
    QueueNotActive,
    #[msg("The queue is not locked")]
    QueueNotLocked,
    #[msg("The lock window is closed")]
    LockWindowClosed,
    #[msg("The lock has not outlasted its bound yet")]
    LockNotExpired,
    #[msg("The exchange rate is stale: refresh it first")]
    RateStale,
    #[msg("The exchange rate must be above zero")]
    ZeroRate,
    #[msg("The exchange rate was already updated this epoch")]
    RateUpdateTooSoon,
    #[msg("The new rate is above the allowed move")]
    RateAboveBound,
    #[msg("The new rate is below the allowed move")]
    RateBelowBound,
    #[msg("The position's generation finalized: use settle_finalized")]
    PositionFinalized,
    #[msg("The position's generation has not finalized")]
    PositionNotFinalized,
    #[msg("Pass the position's finalized generation")]
    FinalizedGenerationRequired,
    #[msg("This is not the position's generation")]
    WrongGeneration,
    #[msg("The token account is not the position owner's")]
    WrongOwnerAccount,
    #[msg("Only the beacon may settle with external capacity")]
    CapacityNeedsBeacon,
    #[msg("Neither queue is locked")]
    NothingToSettle,
    #[msg("Each queue must be locked or dormant to net")]
    QueueNotReady,
    #[msg("Unknown pause flags")]
    BadPauseFlags,
    #[msg("The PAU delivered less than the conversion needs")]
    ConversionShortfall,
    #[msg("A result does not fit its type")]
    MathOverflow,
    #[msg("The unit's stored state is inconsistent")]
    UnitInvariantBroken,
    #[msg("The queue's stored state is inconsistent")]
    QueueInvariantBroken,
    #[msg("The position's stored state is inconsistent")]
    PositionInvariantBroken,
    #[msg("A vault holds less than the queue owes from it")]
    VaultBelowBooked,
    #[msg("The position account does not match this queue and owner")]
    WrongPosition,
    #[msg("This is not the queue's mint")]
    WrongMint,
    #[msg("Governance has not set the unit's PAU routes yet")]
    RoutesNotSet,
    #[msg("The amount must be above zero")]
    ZeroAmount,
    #[msg("A dust remainder waits for the next settlement: enter after it")]
    DustRemainder,
    #[msg("The dust must be between 1 and the minimum entry")]
    BadDust,
}
