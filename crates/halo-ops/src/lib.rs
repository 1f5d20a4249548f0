//! The operator's read side of Halo on Solana.
//!
//! * [`snapshot`]: one read of a chain: every account the Halo programs own, decoded, and
//!   the balances of the token accounts they name (over JSON-RPC with `getProgramAccounts`,
//!   or on the embedded chain).
//! * [`status`]: what every PAU, feed, pool, LCTS unit and NFAT facility holds now (`halo
//!   status`), as JSON or a table.
//! * [`check`]: the conservation rules the programs promise, recomputed from a snapshot
//!   alone (`halo check`, seed 003's lpla-checker): each break names its accounts.
//! * [`chart`]: a `Ledger` that records the status as a scenario runs, line charts of it
//!   and of a history (`halo demo --charts DIR`, `halo report --charts DIR`), as SVG and
//!   PNG.
//! * [`events`]: the programs' events read back from a transaction's logs, each under
//!   the program that emitted it.
//! * [`history`]: what the events of a chain's landed transactions add up to (refusals
//!   by reason, RFQ fills, time to fill, time-averaged inventory, pools' counters
//!   recomputed), read with a snapshot of the same moment, and the series the history
//!   charts draw.
//! * [`report`]: seed 002's KPIs from chain state and the history, against the seed's
//!   target ranges, with the seed's action when one is outside its range (`halo report`).
pub mod chart;
pub mod check;
pub mod events;
pub mod history;
pub mod report;
pub mod snapshot;
pub mod status;
