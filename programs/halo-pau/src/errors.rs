use anchor_lang::prelude::*;

/// Every refusal of the PAU program. Codes start at 6000.
#[error_code(offset = 6000)]
pub enum PauError {
    #[msg("Only the configurator admin may do this")]
    NotAdmin,
    #[msg("Only the proposed new admin may accept the admin role")]
    NotPendingAdmin,
    #[msg("The timelock is paused: scheduling and executing additions are blocked")]
    TimelockPaused,
    #[msg("The timelock delay has not elapsed for this operation yet")]
    TimelockNotElapsed,
    #[msg("This operation was already executed")]
    OpAlreadyExecuted,
    #[msg("This operation was cancelled")]
    OpCancelled,
    #[msg("This operation is of another kind than the instruction executing it")]
    WrongOpKind,
    #[msg("The accounts or arguments given do not match the scheduled operation")]
    OpTargetMismatch,
    #[msg("Timelock delay out of bounds (1 hour to 60 days)")]
    InvalidTimelockDelay,
    #[msg("SORL hop out of bounds (1 hour to 30 days)")]
    InvalidSorlHop,
    #[msg("SORL max change out of bounds (1 to 10000 basis points)")]
    InvalidSorlMaxChange,
    #[msg("This PAU is already registered")]
    PauAlreadyRegistered,
    #[msg("This PAU is not registered with the configurator")]
    PauNotRegistered,
    #[msg("The signer holds no GovOps membership for this PAU")]
    NotGovOpsOfThisPau,
    #[msg("The membership belongs to another member than the signer")]
    NotGovOpsMember,
    #[msg("No InitRateLimit approves this route for this PAU: routes open only from a governance-approved init")]
    NoInitForRoute,
    /// No longer returned (the init is resolved by its PDA); kept so later codes stay stable.
    #[msg("The InitRateLimit given is restricted to another PAU")]
    InitForAnotherPau,
    #[msg("A new rate limit may not exceed its init's max_amount")]
    ExceedsInitMaxAmount,
    #[msg("A new rate limit may not exceed its init's slope")]
    ExceedsInitSlope,
    #[msg("The rate-limit key is not sha256(tag || mint || counterparty)")]
    KeyMismatch,
    #[msg("The action tag is empty or longer than 16 bytes")]
    InvalidTag,
    #[msg("SORL: the previous increase of this rate limit was less than one hop ago")]
    SorlHopNotElapsed,
    #[msg("SORL: max_amount may rise by at most sorl_max_change_bps per hop")]
    SorlMaxAmountIncreaseTooLarge,
    #[msg("SORL: slope may rise by at most sorl_max_change_bps per hop")]
    SorlSlopeIncreaseTooLarge,
    #[msg("Only decreases are allowed here: neither max_amount nor slope may go up")]
    NotADecrease,
    #[msg("The rate limit belongs to another PAU")]
    RateLimitOfAnotherPau,
    #[msg("The integration belongs to another PAU")]
    IntegrationOfAnotherPau,
    #[msg("The route is closed: its rate limit max_amount is zero")]
    RouteClosed,
    #[msg("The amount exceeds what the rate limit allows right now")]
    RateLimitExceeded,
    #[msg("The route is not a relayer transfer route")]
    NotATransferRoute,
    #[msg("The mint does not match the route's mint")]
    WrongMint,
    #[msg("The destination token account is not the route's counterparty")]
    WrongDestination,
    #[msg("The source token account is not the route's counterparty")]
    WrongSource,
    #[msg("The custody account is not owned by this PAU's ALM proxy")]
    WrongCustody,
    #[msg("The PAU is frozen: no capital may leave custody")]
    ControllerFrozen,
    #[msg("The PAU is already frozen")]
    AlreadyFrozen,
    #[msg("The PAU is not frozen")]
    ControllerNotFrozen,
    #[msg("The signer is not this PAU's relayer")]
    NotRelayer,
    #[msg("The signer is not this PAU's freezer")]
    NotFreezer,
    #[msg("This PAU has no relayer to remove")]
    NoRelayer,
    #[msg("The signer is not this integration's registered signer")]
    NotIntegrationSigner,
    #[msg("This integration may not use that rate-limit key")]
    KeyNotAllowedForIntegration,
    #[msg("An integration needs between 1 and 8 distinct rate-limit keys")]
    InvalidIntegrationKeys,
    #[msg("The amount must be greater than zero")]
    ZeroAmount,
    #[msg("The mint carries a Token-2022 extension this PAU cannot custody safely")]
    UnsupportedMintExtension,
    #[msg("Arithmetic overflow")]
    MathOverflow,
    #[msg("The new admin must differ from the current one and not be the default key")]
    InvalidAdmin,
    #[msg("The key given as a role is the default (empty) key")]
    InvalidRoleKey,
    #[msg("Relayer transfer routes cannot be drawn or repaid by an integration")]
    TransferRouteNotForIntegrations,
    #[msg("The signer is not this program's upgrade authority (from its ProgramData account)")]
    NotUpgradeAuthority,
    #[msg("This operation's grace period after its eta has passed: schedule it again")]
    OpExpired,
    #[msg("This operation was scheduled before an instant removal of the same target and can no longer be executed")]
    OpInvalidatedByRemoval,
    #[msg("The maximum transfer fee is out of bounds (0 to 1000 basis points)")]
    InvalidMaxTransferFee,
    #[msg("There is no pending admin to clear")]
    NoPendingAdmin,
    #[msg("This integration may already use that rate-limit key")]
    IntegrationKeyExists,
    #[msg("An integration may use at most 8 rate-limit keys")]
    TooManyIntegrationKeys,
    #[msg("The mint's Token-2022 transfer fee is above the configurator's maximum")]
    TransferFeeTooHigh,
    #[msg("The receiver got less than the amount minus the largest transfer fee the route allows")]
    TransferFeeAboveBound,
    #[msg("The token account's owner is not the owner the route was opened for")]
    WrongCounterpartyOwner,
    #[msg("The counterparty token account given is not the route's counterparty")]
    WrongCounterparty,
    #[msg("The integration account belongs to another controller or signer")]
    IntegrationMismatch,
    #[msg("Configurator invariant broken: a parameter is outside its bounds, the admin is the default key, or the admin-proposal watermark is ahead of the next op id")]
    ConfiguratorInvariantBroken,
    #[msg("Controller invariant broken: an account layout version this program does not write")]
    ControllerInvariantBroken,
    #[msg("Rate-limit invariant broken: more available than the maximum, a bad tag, an update older than the last increase, or a fee bound above the maximum")]
    RateLimitInvariantBroken,
    #[msg("Integration invariant broken: more than 8 keys, a duplicate or empty key, or a key stored beyond the key count")]
    IntegrationInvariantBroken,
}
