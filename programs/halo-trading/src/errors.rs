use anchor_lang::prelude::*;

/// Every refusal of the Trading Halo. Codes start at 6200.
#[error_code(offset = 6200)]
pub enum TradingError {
    #[msg("Only the class's governance may do this")]
    NotGovernance,
    #[msg("Only the class's beacon may do this")]
    NotBeacon,
    #[msg("Only governance or the beacon may do this")]
    NotGovernanceOrBeacon,
    #[msg("Only governance, the beacon or the freezer may pause")]
    NotPauser,
    #[msg("Only the beacon or the freezer may do this")]
    NotBeaconOrFreezer,
    #[msg("Only governance may lift a class pause")]
    OnlyGovernanceUnpauses,
    #[msg("The default key cannot hold a role")]
    DefaultKey,
    #[msg("A spread may not exceed 5,000 bps")]
    SpreadTooWide,
    #[msg("Skew start must be below 10,000 bps and skew max at most 5,000 bps")]
    SkewOutOfRange,
    #[msg("Maximum staleness must be greater than zero")]
    BadStaleness,
    #[msg("Maximum deviation must be between 1 and 10,000 bps")]
    BadDeviation,
    #[msg("Maximum confidence must be between 1 and 10,000 bps")]
    BadConfidence,
    #[msg("Trade bounds are inconsistent: min must be at most max, and max above zero")]
    BadTradeBounds,
    #[msg("This mint carries a Token-2022 extension the pool cannot handle")]
    UnsupportedMintExtension,
    #[msg("Mint decimals may not exceed 18")]
    DecimalsTooLarge,
    #[msg("This is not the class's quote mint")]
    WrongQuoteMint,
    #[msg("This is not the pool's asset mint")]
    WrongAssetMint,
    #[msg("The asset and quote mints must differ")]
    SameMint,
    #[msg("The class is paused")]
    ClassPaused,
    #[msg("The pool is paused")]
    PoolPaused,
    #[msg("The pool is not buying this asset (users cannot sell it now)")]
    BuysDisabled,
    #[msg("The pool is not selling this asset (users cannot buy it now)")]
    SellsDisabled,
    #[msg("Buys are paused because an issuer redemption of this asset failed")]
    BuysPausedRedemptionFailed,
    #[msg("The quote expired before the transaction ran")]
    Expired,
    #[msg("Amount must be greater than zero")]
    ZeroAmount,
    #[msg("The price moved past your limit (min_out / max_in)")]
    SlippageExceeded,
    #[msg("The trade is smaller than the pool's minimum")]
    TradeTooSmall,
    #[msg("The trade is larger than the pool's maximum")]
    TradeTooLarge,
    #[msg("The trade would take inventory above the pool's position limit")]
    PositionLimitExceeded,
    #[msg("The pool does not have enough free USDS for this trade")]
    InsufficientLiquidity,
    #[msg("The pool does not hold enough of the asset for this trade")]
    InsufficientInventory,
    #[msg("The trade exceeds the pool's swap rate limit for this side")]
    SwapRateLimitExceeded,
    #[msg("The redemption exceeds the pool's issuer-redemption rate limit")]
    RedeemRateLimitExceeded,
    #[msg("This price account is not the pool's pinned feed")]
    WrongPriceAccount,
    #[msg("The price account is not owned by the expected oracle program")]
    WrongOracleOwner,
    #[msg("The price account is not a valid price update")]
    NotAPriceUpdate,
    #[msg("The Pyth update is for another feed id")]
    WrongFeedId,
    #[msg("The Pyth update is not fully verified")]
    NotFullyVerified,
    #[msg("The price's confidence interval is wider than the pool allows")]
    ConfidenceTooWide,
    #[msg("The oracle price is zero or negative")]
    NonPositivePrice,
    #[msg("The oracle price is older than the pool's maximum staleness")]
    StalePrice,
    #[msg("The oracle publish time is earlier than one the pool already used")]
    PublishTimeWentBackwards,
    #[msg("The price moved more than the pool's maximum deviation: poke to pause, then review")]
    PriceDeviation,
    #[msg("The pool is not paused")]
    NotPaused,
    #[msg("This vault is not the pool's")]
    WrongVault,
    #[msg("This is not the pool's issuer redemption account")]
    WrongRedemptionAccount,
    #[msg("This pool belongs to another class")]
    PoolOfAnotherClass,
    #[msg("This LP position belongs to another pool")]
    PositionOfAnotherPool,
    #[msg("Only the position's owner may do this")]
    NotPositionOwner,
    #[msg("This is not the class's PAU controller")]
    WrongPauController,
    #[msg("The deposit is too small to mint a share")]
    ZeroShares,
    #[msg("The deposit mints fewer shares than your minimum")]
    SharesBelowMinimum,
    #[msg("Not enough free shares in the position")]
    InsufficientShares,
    #[msg("The position has a withdrawal in another generation: claim it first")]
    WithdrawalPending,
    #[msg("The generation is still open to requests: roll it first")]
    GenerationStillOpen,
    #[msg("The open generation is empty: nothing to roll")]
    NothingToRoll,
    #[msg("Nothing to claim yet")]
    NothingToClaim,
    #[msg("This redemption is not pending")]
    RedemptionNotPending,
    #[msg("This redemption was already settled")]
    RedemptionAlreadySettled,
    #[msg("The USDS said to be received is not in the pool's vault")]
    UnaccountedFundsMissing,
    #[msg("No redemption failure is recorded for this pool")]
    NoRedemptionFailure,
    #[msg("The pool's value is zero: shares cannot be priced")]
    PoolValueZero,
    #[msg("Arithmetic overflow")]
    MathOverflow,
    #[msg("This redemption belongs to another pool")]
    RedemptionOfAnotherPool,
    #[msg("A pool vault cannot stand in for the user's token account")]
    VaultAsUserAccount,
    #[msg("This pool does not accept RFQ quotes")]
    RfqDisabled,
    #[msg("No Ed25519 verification of the beacon's signature over this quote precedes the swap")]
    QuoteSignatureMissing,
    #[msg("The quote is for another pool")]
    QuoteForAnotherPool,
    #[msg("The quote is for another user")]
    QuoteForAnotherUser,
    #[msg("The quoted price is outside governance's bounds around NAV")]
    QuoteOutsideBounds,
    #[msg("This quote was already used")]
    QuoteAlreadyUsed,
    #[msg("The beacon may fail a redemption only after it is due; the freezer may at any time")]
    RedemptionNotOverdue,
    #[msg("A failed redemption awaits recovery: deposits and PAU funding are paused")]
    RecoveryPending,
    #[msg("Less than 99 % of the expected USDS: fail the redemption instead, for review")]
    ReceiptBelowExpected,
    #[msg("A closed withdrawal generation is waiting: settle the queue before returning USDS to the PAU")]
    WithdrawalsWaiting,
    #[msg("A failed redemption awaits recovery or a governance write-off: withdrawals wait, so no LP exits at the written-down value and leaves the recovery to others")]
    WithdrawalsWaitForRecovery,
    #[msg("Only a failed redemption can be written off")]
    RedemptionNotFailed,
    #[msg("This redemption was written off; a late payment stays unbooked for governance")]
    RedemptionWrittenOff,
    #[msg("The pool already accepted another price in this slot: one transaction cannot trade on two prices")]
    PriceChangedThisSlot,
    #[msg("The price changed too recently for a swap: wait min_price_interval_s after a change")]
    PriceChangeTooSoon,
    #[msg("Governance has not set the class's RFQ cluster domain: quotes cannot be checked")]
    RfqDomainNotSet,
    #[msg("Only the proposed governance may accept the role")]
    NotPendingGovernance,
    #[msg("The pool runs on a wind-down price: swaps and deposits are closed, LPs may exit")]
    WindDownPrice,
    #[msg("No price source change is pending")]
    NoPendingPriceSource,
    #[msg("The proposed price source may only be applied after its delay")]
    PriceSourceDelayNotElapsed,
    #[msg("A redemption sent to the issuer is overdue: deposits and PAU funding pause until it settles or fails")]
    RedemptionOverdue,
    #[msg("Pending redemptions close oldest first: settle or fail the oldest pending one")]
    RedemptionOutOfOrder,
    #[msg("The next redemption account given is not the one after the oldest pending")]
    WrongNextRedemption,
    #[msg("The settlement period may not be shortened while redemptions are pending")]
    SettlementPeriodLoweredWhilePending,
    #[msg("A wind-down price must lie within 10x of the pool's last price")]
    WindDownPriceOutOfRange,
    #[msg("The proposed price source expired (14 days after its delay): propose it again")]
    PriceSourceProposalExpired,
    #[msg("A pool's books broke an invariant (shares, cost basis, rate limits or cursors): refused, nothing changed")]
    PoolInvariantBroken,
    #[msg("A pool's vault holds less than its books say (quote vault below liquidity + claims, or asset vault below inventory)")]
    VaultBelowBooked,
    #[msg("A withdrawal generation broke an invariant (filled above requested, paid while open): refused, nothing changed")]
    WithdrawGenerationInvariantBroken,
    #[msg("A redemption broke an invariant (zero amount, due before it was sent, received while pending): refused, nothing changed")]
    RedemptionInvariantBroken,
    #[msg("An LP position broke an invariant (claimed more shares than it queued): refused")]
    LpPositionInvariantBroken,
}
