use anchor_lang::prelude::*;

/// Every refusal of the Structuring Halo. Codes start at 6400.
#[error_code(offset = 6400)]
pub enum NfatError {
    #[msg("Only the facility's governance may do this")]
    NotGovernance,
    #[msg("Only the proposed governance may accept")]
    NotPendingGovernance,
    #[msg("Only the facility's beacon (lpha-nfat) may do this")]
    NotBeacon,
    #[msg("Only the facility's attestor (lpha-attest) may attest")]
    NotAttestor,
    #[msg("Only the facility's warden or governance may do this")]
    NotWarden,
    #[msg("Only governance may lift a halt")]
    OnlyGovernanceLiftsHalt,
    #[msg("The default key cannot hold a role")]
    DefaultKey,
    #[msg("The facility is halted: no claims, deployments or fundings")]
    Halted,
    #[msg("Buybox: the minimum tenor must be at least a month and at most the maximum")]
    BadBuyboxTenor,
    #[msg("Buybox: the minimum size must be above zero and at most the maximum")]
    BadBuyboxSize,
    #[msg("Buybox: the minimum APY must be at most the maximum, which is at most 500 %")]
    BadBuyboxApy,
    #[msg("Buybox: allow at least one known payment schedule")]
    BadBuyboxSchedules,
    #[msg("Buybox: between 1 and 60 payments")]
    BadBuyboxPayments,
    #[msg("Buybox: the late penalty is at most 1,000 bps a day")]
    BadBuyboxPenalty,
    #[msg("Buybox: the grace period is between zero and a year")]
    BadBuyboxGrace,
    #[msg("Buybox: a deal may start at most a year from its strike")]
    BadBuyboxStart,
    #[msg("Facility name, symbol or URI too long (or an empty name)")]
    BadMetadata,
    #[msg("The deposit mint carries an extension the facility cannot handle")]
    UnsupportedMintExtension,
    #[msg("This is not the facility's deposit mint")]
    WrongDepositMint,
    #[msg("This is not the token program of the facility's deposit mint")]
    WrongTokenProgram,
    #[msg("This is not the facility's PAU controller")]
    WrongPauController,
    #[msg("This is not the facility's PAU route for this movement")]
    WrongRateLimit,
    #[msg("This is not the facility's queue vault")]
    WrongQueueVault,
    #[msg("This is not the facility's redeem vault")]
    WrongRedeemVault,
    #[msg("This is not the book's vault")]
    WrongBookVault,
    #[msg("This account belongs to another facility")]
    OfAnotherFacility,
    #[msg("This deal belongs to another book")]
    DealOfAnotherBook,
    #[msg("The Prime is not approved by this facility")]
    PrimeNotApproved,
    #[msg("The amount must be above zero")]
    ZeroAmount,
    #[msg("The deposit is too small to buy a share")]
    DepositTooSmall,
    #[msg("The Prime's queued capital is less than this")]
    InsufficientQueue,
    #[msg("This deposit is not the Prime's")]
    NotDepositOwner,
    #[msg("Terms: the tenor is shorter than the buybox allows")]
    TenorBelowBuybox,
    #[msg("Terms: the tenor is longer than the buybox allows")]
    TenorAboveBuybox,
    #[msg("Terms: the principal is smaller than the buybox allows")]
    SizeBelowBuybox,
    #[msg("Terms: the principal is larger than the buybox allows")]
    SizeAboveBuybox,
    #[msg("Terms: the APY is lower than the buybox allows")]
    ApyBelowBuybox,
    #[msg("Terms: the APY is higher than the buybox allows")]
    ApyAboveBuybox,
    #[msg("Terms: the buybox does not allow this payment schedule")]
    ScheduleNotAllowed,
    #[msg("Terms: more payments than the buybox allows")]
    TooManyPayments,
    #[msg("Terms: the start is further from now than the buybox allows")]
    StartOutsideBuybox,
    #[msg("Terms cannot be scheduled (zero principal, tenor or payments, a bullet paying more than once, payments not dividing the tenor, a bad date)")]
    BadTerms,
    #[msg("The claimed amount must equal the terms' principal")]
    PrincipalNotAmount,
    #[msg("The book does not take new deals in its status")]
    BookClosedToDeals,
    #[msg("This move is not allowed from the book's status")]
    BadBookTransition,
    #[msg("The book needs a fresh attestation of that kind (newer than its last status change)")]
    AttestationRequired,
    #[msg("The book's status does not allow deployment")]
    BookNotDeploying,
    #[msg("The book's status does not allow returns or releases")]
    BookNotReturning,
    #[msg("The book's vault holds less than this")]
    InsufficientBookCapital,
    #[msg("The book has less returned capital not yet allocated to deals than this")]
    InsufficientReturned,
    #[msg("The book still holds capital or unallocated returns")]
    BookNotEmpty,
    #[msg("A zero attestation hash")]
    EmptyAttestation,
    #[msg("The funding would take the deal's principal above its terms")]
    PrincipalOverfunded,
    #[msg("The funding would take the deal's interest above its schedule")]
    InterestOverfunded,
    #[msg("The funding would pay more penalty than has been recorded")]
    PenaltyOverfunded,
    #[msg("A funding of nothing")]
    NothingToFund,
    #[msg("The deal is closed to funding (written off)")]
    DealNotFundable,
    #[msg("The deal is not past maturity plus its grace period")]
    NotYetDefaultable,
    #[msg("The deal is fully funded: it cannot default")]
    DealFullyFunded,
    #[msg("The deal is already defaulted or written off")]
    DealNotActive,
    #[msg("Only a defaulted deal may be written off")]
    DealNotDefaulted,
    #[msg("The deal still holds funded money its holder has not claimed")]
    UnclaimedFundsRemain,
    #[msg("This is not the deal's NFT mint")]
    WrongNftMint,
    #[msg("This token account does not hold the deal's NFT")]
    NotNftHolder,
    #[msg("The holder's token account is not owned by the signer")]
    NotTokenAccountOwner,
    #[msg("Nothing funded is left to redeem")]
    NothingToRedeem,
    #[msg("This owner is already on the allow-list")]
    HolderAlreadyListed,
    #[msg("This Prime is already approved")]
    PrimeAlreadyApproved,
    #[msg("This is not the transfer-hook program")]
    WrongHookProgram,
    #[msg("The vault holds less than the facility's books say")]
    VaultShort,
    #[msg("An account's own bookkeeping does not add up")]
    InvariantViolated,
    #[msg("Arithmetic overflow")]
    MathOverflow,
    #[msg("The deal's NFT was already delivered")]
    NftAlreadyDelivered,
    #[msg("The depositor has no NFT account yet: create its associated token account")]
    NftAccountMissing,
    #[msg("This is not the depositor's associated token account for the deal's NFT")]
    NotDepositorNftAccount,
    #[msg("Not the deal's depositor: its NFT goes only to the Prime it took from")]
    NotDepositor,
    #[msg("The book already holds this attestation (same kind and hash, posted since its last status change)")]
    AttestationUnchanged,
}
