use anchor_lang::prelude::*;

/// Every refusal of the oracle program. Codes start at 6100.
#[error_code(offset = 6100)]
pub enum OracleError {
    #[msg("Only the feed's governance may do this")]
    NotGovernance,
    #[msg("Only an approved reporter of this feed may publish")]
    NotReporter,
    #[msg("A NAV must be greater than zero")]
    NonPositiveValue,
    #[msg("Publish time must be later than the feed's last publish time")]
    PublishTimeNotIncreasing,
    #[msg("Publish time is in the future")]
    PublishTimeInFuture,
    #[msg("The NAV moved more than the feed's move guard allows: governance must publish it")]
    MoveNeedsGovernance,
    #[msg("Feed decimals may not exceed 18")]
    DecimalsTooLarge,
    #[msg("The move guard must be between 1 and 10,000 bps")]
    BadMaxMove,
    #[msg("This key is already a reporter of the feed")]
    ReporterAlreadyApproved,
    #[msg("The feed already has the maximum number of reporters")]
    TooManyReporters,
    #[msg("This key is not a reporter of the feed")]
    UnknownReporter,
    #[msg("The default key cannot hold a role")]
    DefaultKey,
    #[msg("Only the proposed governance may accept the role")]
    NotPendingGovernance,
    #[msg("Feed invariant broken: too many or duplicate reporters, a reporter stored beyond the count, a move guard or decimals out of bounds, a zero value, or a guard window opened after the last publish")]
    FeedInvariantBroken,
}
