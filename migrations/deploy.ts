// Deploy + bootstrap for a real cluster, from a config file (see config.example.json).
//
//   node --import tsx migrations/deploy.ts --config migrations/config.json --dry-run
//   node --import tsx migrations/deploy.ts --config migrations/config.json --phase schedule
//   node --import tsx migrations/deploy.ts --config migrations/config.json --phase execute
//
//   node --import tsx migrations/deploy.ts --config migrations/config.json --programs target/sbf \
//     --program-keypairs target/deploy
//
// `--programs <dir>` first deploys every program (`<dir>/<name>.so`) through the upgradeable
// loader at its id (`<keypairs>/<name>-keypair.json`, which must be the program id), the
// payer its upgrade authority; a program already running those bytes is left alone (see
// programs.ts). Otherwise deploy them first (`anchor deploy`), with the payer as halo_pau's
// upgrade authority: `initialize_configurator` must be signed by the key in its ProgramData.
// Then:
//  * schedule: initialize the configurator, create each PAU's controller, schedule its
//    registration, its GovOps grants and its route inits behind the timelock, schedule
//    the `amm_fund` route init of every trading pool and the pool PDA's integration on
//    that route; create the halo_oracle feeds (and approve their reporters), the
//    halo_trading classes (each with its RFQ cluster domain: the cluster's genesis hash,
//    so the beacon's quotes are valid on this cluster only) and their pools; for the
//    Passthrough Halo (halo_lcts), schedule each unit's `lcts_deploy` and `lcts_return`
//    route inits and the unit PDA's integration on both, and create each LCTS class and
//    each unit with its share mint and both queues (the return route pays the redeem
//    queue's USDS vault, which then exists); for the Structuring Halo (halo_nfat),
//    schedule each facility's `nfat_deploy` (custody -> the RWA endpoint) and
//    `nfat_return` (custody -> the facility's redeem vault) route inits and the facility
//    PDA's integration on both, and create each facility with its buybox, its roles
//    (beacon, attestor, warden), its deal NFTs' metadata and its queue and redeem vaults;
//  * execute (once the timelock delay has passed): execute those operations (which
//    registers each pool PDA, unit PDA and facility PDA as an integration), then for every
//    pool open its `amm_fund` rate limit (GovOps) and the LP position of the PAU's ALM
//    proxy, for every unit open its two rate limits (GovOps) and set them as its routes
//    (LCTS governance), and for every facility open its two rate limits (GovOps), set them
//    as its routes, approve its configured Primes, and, when it has an allow-list, list its
//    holders and turn the list on (NFAT governance). The unit's beacon refreshes its rate
//    before its first settlement (the timelock walk ages it past an epoch).
// Each role signs with its keypair (`adminKeypair`, `oracle.governanceKeypair`,
// `trading.governanceKeypair`, `trading.govopsKeypair`, `lcts.governanceKeypair`,
// `lcts.govopsKeypair`, `nfat.governanceKeypair`, `nfat.govopsKeypair`); for a multisig,
// leave it null and the script prints that role's transactions as base64 messages to
// propose instead of sending. A transaction that needs an account a proposal creates waits
// until it lands.
// A real run first reads the cluster and leaves out what is already there (the configurator,
// controllers, feeds, classes, pools, units, facilities, positions, rate limits, timelock ops
// whose effect is on chain, routes already set, Primes already approved, holders already
// listed), and says so: run again with the same config, it sends nothing. New timelock ops
// take ids from the configurator's `nextOpId`; an op scheduled by an earlier run and not
// executed yet is executed under its id, not scheduled again (so `--phase execute` is a run
// of its own). A facility already created whose buybox or roles differ from the config gets
// `set_buybox` / `set_roles`; one whose deposit mint, PAU, governance or NFT metadata differ
// is refused (they cannot change).
// --dry-run prints every transaction of a fresh deployment and touches no network: the
// classes' RFQ domain is then a placeholder (DRY_RUN_RFQ_DOMAIN), unless
// `--genesis-hash <base58>` names the cluster's genesis hash (`solana genesis-hash`).
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import {
  Connection,
  Keypair,
  PublicKey,
  SendTransactionError,
  SYSVAR_CLOCK_PUBKEY,
  Transaction,
  TransactionInstruction,
  sendAndConfirmTransaction,
} from "../app/src/web3.ts";
import { PauClient, type TimelockAction } from "../app/src/pau.ts";
import { pda, TOKEN_2022_PROGRAM_ID, TOKEN_PROGRAM_ID } from "../app/src/pda.ts";
import { rateLimitKey, TAGS } from "../app/src/keys.ts";
import { OracleClient } from "../app/src/oracle.ts";
import { explainError } from "../app/src/errors.ts";
import { deployProgram } from "./programs.ts";
import { decodeLctsAccount, decodePauAccount } from "../app/src/accounts.ts";
import {
  LCTS_PROGRAM_ID,
  NFAT_HOOK_PROGRAM_ID,
  NFAT_PROGRAM_ID,
  ORACLE_PROGRAM_ID,
  PAU_PROGRAM_ID,
  TRADING_PROGRAM_ID,
} from "../app/src/program.ts";
import {
  clusterDomain,
  fetchClusterDomain,
  pauLink,
  poolRef,
  type PoolParams,
  type PriceSource,
  TradingClient,
} from "../app/src/trading.ts";
import {
  deployRouteKey,
  LctsClient,
  returnRouteKey,
  type UnitParams,
  unitPau,
  unitRef,
} from "../app/src/lcts.ts";
import {
  assetTypeBytes,
  type Buybox,
  decodeNfatAccount,
  facilityPau,
  facilityRef,
  NfatClient,
  nfatApprovalOf,
  nfatDeployRouteKey,
  nfatHolderEntryOf,
  nfatReturnRouteKey,
  type Roles,
  SCHEDULE_ALL,
  SCHEDULE_AMORTIZING,
  SCHEDULE_BULLET,
  SCHEDULE_PERIODIC_INTEREST,
  TAG_NFAT_DEPLOY,
  TAG_NFAT_RETURN,
} from "../app/src/nfat.ts";

export interface RouteConfig {
  tag: string;
  mint: string;
  counterparty: string;
  maxAmount: string;
  slope: string;
  scope: "global" | "pau";
}

/** u64 ids and amounts: a JSON number (ids) or a decimal string (amounts). */
type U64 = number | string;

/** A halo_oracle NAV feed: `initialValue / 10^decimals` quote tokens per asset token. */
export interface FeedConfig {
  feedId: U64;
  decimals: number;
  maxMoveBps: number;
  initialValue: U64;
  /** Approved reporters (up to 4), added in the feed's creation transaction. */
  reporters: string[];
}

/** A rate limit: `maxAmount` base units, refilled at `slope` base units per second. */
export interface LimitConfig {
  maxAmount: U64;
  slope: U64;
}

/** Every `PoolParams` field; the issuer's redemption token account as base58. */
export interface PoolParamsConfig {
  bidSpreadBps: number;
  askSpreadBps: number;
  skewStartBps: number;
  skewMaxBps: number;
  /** Seconds; the oldest price LP operations accept. */
  maxStalenessS: number;
  /**
   * Seconds (1 to `maxStalenessS`); the oldest price a swap accepts. Default: a halo feed's
   * pool (a daily NAV) `maxStalenessS`; a Pyth pool 60 (at most `maxStalenessS`), so a
   * trader cannot pick among old updates.
   */
  swapMaxStalenessS?: number;
  /**
   * Seconds; a swap accepts a changed price only this long after the last change.
   * Default: 60 for a halo feed's pool, 0 for a Pyth pool (market prices move every slot).
   */
  minPriceIntervalS?: number;
  maxDeviationBps: number;
  maxConfidenceBps: number;
  positionLimit: U64;
  minTrade: U64;
  maxTrade: U64;
  bidLimit: LimitConfig;
  askLimit: LimitConfig;
  redeemLimit: LimitConfig;
  redemptionAccount: string;
  settlementPeriodS: number;
  /** RFQ (`swap_with_quote`): fills of quotes the class's beacon signs are accepted. */
  rfqEnabled: boolean;
  /** The least spread against NAV an RFQ quote must keep (bps, at most 5,000). */
  rfqMinSpreadBps: number;
}

/**
 * Where a pool reads its price: a feed of `oracle.feeds` (by id), or a Pyth feed id (hex)
 * with the `PriceUpdateV2` account to read it from.
 */
export type PriceSourceConfig = { haloFeedId: U64 } | { pythFeedId: string; priceAccount: string };

export interface PoolConfig {
  unitId: U64;
  bookId: U64;
  assetMint: string;
  /** SPL Token by default. */
  assetTokenProgram?: string;
  priceSource: PriceSourceConfig;
  params: PoolParamsConfig;
  /** The `amm_fund` route from the class's PAU to the pool: the init's and the rate limit's bounds. */
  fundRoute: LimitConfig;
}

export interface ClassConfig {
  classId: U64;
  beacon: string;
  freezer: string;
  /** The PAU (controller of the configurator) the class draws from. */
  pauId: number;
  quoteMint: string;
  /** SPL Token by default. */
  quoteTokenProgram?: string;
  pools: PoolConfig[];
}

/**
 * Every `UnitParams` field of an LCTS unit: bps as numbers, seconds and base units as JSON
 * numbers or decimal strings.
 */
export interface LctsUnitParamsConfig {
  /** At most 10,000: the most one beacon update may raise the exchange rate. */
  maxRateUpBps: number;
  /** At most 5,000: the most one beacon update may lower it. */
  maxRateDownBps: number;
  /** One minute to 31 days: one rate update per epoch (an older rate is stale), the lock cycle. */
  epochS: U64;
  /** Seconds into each epoch at which the lock window opens. */
  lockOffsetS: U64;
  /** Seconds the lock window stays open; `lockOffsetS + lockWindowS` at most `epochS`. */
  lockWindowS: U64;
  /** One minute to seven days: a lock outlasting it may be lifted (and net-settled) by anyone. */
  maxLockS: U64;
  /** Base units: a settlement leaving less converts it too. */
  dust: U64;
  /** Base units, above zero: the smallest entry. */
  minEntry: U64;
}

/** A Passthrough Halo Unit: its roles, starting rate, parameters, share metadata and PAU routes. */
export interface LctsUnitConfig {
  unitId: U64;
  beacon: string;
  freezer: string;
  /** WAD (a decimal string): USDS base units per share base unit at creation; 1e18 is 1.0. */
  rateWad: string;
  params: LctsUnitParamsConfig;
  /** The share mint's Token-2022 metadata (name 1 to 32 bytes, symbol up to 10, URI up to 200). */
  metadata: { name: string; symbol: string; uri: string };
  /** The strategy's USDS token account (it must exist): the deploy route's counterparty. */
  deployEndpoint: string;
  /** The `lcts_deploy` route (custody → the strategy): the init's and the rate limit's bounds. */
  deployRoute: LimitConfig;
  /** The `lcts_return` route (custody → the unit's redeem queue): the init's and the rate limit's bounds. */
  returnRoute: LimitConfig;
}

export interface LctsClassConfig {
  classId: U64;
  /** The PAU (controller of the configurator) the class's units convert through. */
  pauId: number;
  usdsMint: string;
  /** SPL Token by default. */
  usdsTokenProgram?: string;
  units: LctsUnitConfig[];
}

/** A deal schedule a buybox may allow. */
export type NfatScheduleName = "bullet" | "amortizing" | "periodicInterest";

/**
 * A Structuring Halo facility's buybox: the bounds every deal its beacon strikes must fit,
 * each inclusive, within the bounds halo_nfat enforces (`Buybox::validate`).
 */
export interface NfatBuyboxConfig {
  /** Whole months: 1 ≤ `minTenorMonths` ≤ `maxTenorMonths` ≤ 360. */
  minTenorMonths: number;
  maxTenorMonths: number;
  /** Base units of the deposit mint: 0 < `minPrincipal` ≤ `maxPrincipal`. */
  minPrincipal: U64;
  maxPrincipal: U64;
  /** bps a year: `minApyBps` ≤ `maxApyBps` ≤ 50,000. */
  minApyBps: number;
  maxApyBps: number;
  /**
   * The schedules deals may follow, at least one: names (`"bullet"`, `"amortizing"`,
   * `"periodicInterest"`) or the `SCHEDULE_*` flags as a number (1 to 7).
   */
  schedules: NfatScheduleName[] | number;
  /** 1 to 60: the most scheduled payments of a deal. */
  maxPayments: number;
  /** At most 1,000: bps a day of a payment covered after its date. */
  latePenaltyBpsPerDay: number;
  /** Seconds (0 to a year) after maturity before an unpaid deal may be marked defaulted. */
  gracePeriodS: U64;
  /** Seconds (0 to a year): how far a deal's start may lie from its strike, either way. */
  maxStartOffsetS: U64;
  /** The asset type's label: UTF-8, at most 32 bytes (zero padded on chain), no NUL. */
  assetType: string;
}

/** A Structuring Halo facility: its PAU, roles, buybox, NFT metadata, routes, Primes and holders. */
export interface NfatFacilityConfig {
  facilityId: U64;
  /**
   * The key that created the facility (its address is `["class", authority, facilityId]`):
   * `nfat.governance` by default. Name it once governance has been handed to another key.
   */
  authority?: string;
  /** The PAU (controller of the configurator) the facility deploys and returns through. */
  pauId: number;
  /** The mint Primes deposit and deals are paid in (USDS). */
  depositMint: string;
  /** SPL Token by default. */
  depositTokenProgram?: string;
  /** lpha-nfat: strikes deals, moves books, deploys, returns and funds. */
  beacon: string;
  /** lpha-attest: posts the books' attestations. */
  attestor: string;
  /** The warden: halts, marks defaults. */
  warden: string;
  buybox: NfatBuyboxConfig;
  /**
   * The deal NFTs' Token-2022 metadata, set at creation and fixed after: name 1 to 20 bytes
   * (an NFT reads "<name> #<deal id>"), symbol up to 10, URI up to 120.
   */
  metadata: { name: string; symbol: string; uri: string };
  /** The RWA endpoint's deposit-mint token account (it must exist): the deploy route's counterparty. */
  deployEndpoint: string;
  /** The `nfat_deploy` route (custody → the RWA endpoint): the init's and the rate limit's bounds. */
  deployRoute: LimitConfig;
  /** The `nfat_return` route (custody → the facility's redeem vault): the init's and the rate limit's bounds. */
  returnRoute: LimitConfig;
  /** Primes approved to queue capital and be struck deals (`approve_prime`). */
  primes?: string[];
  /**
   * When given, the deal NFTs' transfer allow-list is turned on with these owners listed
   * (`list_holder`, then `set_allow_list`); when absent the plan leaves the list as it is
   * (off at creation: NFTs move freely).
   */
  allowList?: string[];
}

export interface DeployConfig {
  cluster: string;
  /** The cluster's websocket URL, for confirmations (default: web3.js's guess, the RPC
   * URL's port + 1, as on `solana-test-validator`). */
  websocket?: string;
  payerKeypair: string;
  adminKeypair: string | null;
  configurator: { admin: string; timelockDelayS: number; sorlHopS: number; sorlMaxChangeBps: number };
  paus: { pauId: number; govops: string[]; routes: RouteConfig[] }[];
  /** halo_oracle feeds, created by `governance` (which becomes their governance). */
  oracle?: { governance: string; governanceKeypair: string | null; feeds: FeedConfig[] };
  /**
   * halo_trading classes, created by `governance`; `govops` (a GovOps member of each
   * class's PAU) opens the pools' rate limits (their integrations are timelocked ops).
   */
  trading?: {
    governance: string;
    governanceKeypair: string | null;
    govops: string;
    govopsKeypair: string | null;
    classes: ClassConfig[];
  };
  /**
   * halo_lcts (Passthrough Halo) classes, created by `governance`; `govops` (a GovOps member
   * of each class's PAU) opens the units' two rate limits (their inits and the units'
   * integrations are timelocked ops).
   */
  lcts?: {
    governance: string;
    governanceKeypair: string | null;
    govops: string;
    govopsKeypair: string | null;
    classes: LctsClassConfig[];
  };
  /**
   * halo_nfat (Structuring Halo) facilities, created by `governance` (their authority and
   * governance); `govops` (a GovOps member of each facility's PAU) opens the facilities'
   * two rate limits (their inits and the facilities' integrations are timelocked ops).
   */
  nfat?: {
    governance: string;
    governanceKeypair: string | null;
    govops: string;
    govopsKeypair: string | null;
    facilities: NfatFacilityConfig[];
  };
}

/** Who signs (and pays for) a transaction. */
export type Signer =
  | "payer"
  | "admin"
  | "oracleGovernance"
  | "tradingGovernance"
  | "govops"
  | "lctsGovernance"
  | "lctsGovops"
  | "nfatGovernance"
  | "nfatGovops";

export interface Step {
  phase: "schedule" | "execute";
  name: string;
  signer: Signer;
  instructions: TransactionInstruction[];
  /** Accounts earlier steps create that this one needs (the script waits for them). */
  needs?: PublicKey[];
}

export interface PlanOptions {
  /**
   * The first timelock op id: by default the configurator's `nextOpId` when `chain` shows
   * one, else 0.
   */
  firstOpId?: number;
  /**
   * The cluster's RFQ domain, its genesis hash as 32 bytes (`clusterDomain`): set on every
   * class (`set_rfq_domain`). Needed when the config has trading classes.
   */
  rfqDomain?: Uint8Array;
  /**
   * The cluster as it is: what is already there is left out of the plan (listed in
   * `Plan.skipped`), timelock ops scheduled and not executed yet are executed under their
   * ids, new ones continue from the configurator's `nextOpId`. Without it, the plan is a
   * fresh deployment's (a dry run).
   */
  chain?: ChainView;
}

/** An account as the plan reads it. */
export interface AccountView {
  owner: PublicKey;
  data: Uint8Array;
}

/** What the plan reads of a cluster (`PlanOptions.chain`). */
export interface ChainView {
  /** The accounts at `keys`, in order; null where there is none. */
  getAccounts(keys: PublicKey[]): Promise<(AccountView | null)[]>;
}

/** A step left out because the cluster already has what it would do. */
export interface Skipped {
  phase: Step["phase"];
  name: string;
  /** Why: "on chain", or the op id of a scheduled op waiting for its execution. */
  why: string;
}

export interface Plan {
  /** The transactions to send, in order. */
  steps: Step[];
  /** What the cluster already has, in plan order (empty without `PlanOptions.chain`). */
  skipped: Skipped[];
}

/**
 * The placeholder RFQ domain of a dry run without `--genesis-hash`: not a genesis hash, so
 * a class set to it would refuse every quote the beacon signs for the real cluster.
 */
export const DRY_RUN_RFQ_DOMAIN: Uint8Array = Buffer.alloc(32, 0xd7);

/** halo_pau's `OP_GRACE_PERIOD_S`: an op not executed within this long after its eta expires. */
const OP_GRACE_PERIOD_S = 14n * 86_400n;

/**
 * The cluster's accounts, read once each (a snapshot: the plan is made before anything is
 * sent), and the steps left out. Without a view nothing exists.
 */
class OnChain {
  private readonly cache = new Map<string, AccountView | null>();
  readonly skipped: Skipped[] = [];

  constructor(private readonly view: ChainView | undefined) {}

  /** Whether the plan reads a cluster (a dry run reads none, and sees nothing on it). */
  get reads(): boolean {
    return this.view !== undefined;
  }

  /** The accounts at `keys` (read in batches of 100, the RPC's limit). */
  async accounts(keys: PublicKey[]): Promise<(AccountView | null)[]> {
    const missing = [...new Set(keys.map((k) => k.toBase58()))].filter((k) => !this.cache.has(k));
    for (let i = 0; this.view && i < missing.length; i += 100) {
      const batch = missing.slice(i, i + 100);
      const got = await this.view.getAccounts(batch.map((k) => new PublicKey(k)));
      batch.forEach((k, j) => this.cache.set(k, got[j] ?? null));
    }
    return keys.map((k) => this.cache.get(k.toBase58()) ?? null);
  }

  /**
   * The data of the account at `key` if `program` owns it (not lamports someone sent to a
   * PDA, over which the programs create their accounts), else null.
   */
  async owned(key: PublicKey, program: PublicKey): Promise<Uint8Array | null> {
    const [a] = await this.accounts([key]);
    return a && a.owner.equals(program) && a.data.length > 0 ? a.data : null;
  }

  /** The cluster's unix time (the Clock sysvar), if the view has it. */
  async now(): Promise<bigint | null> {
    const [clock] = await this.accounts([SYSVAR_CLOCK_PUBKEY]);
    return clock && clock.data.length >= 40 ? Buffer.from(clock.data).readBigInt64LE(32) : null;
  }

  skip(phase: Step["phase"], name: string, why = "on chain") {
    this.skipped.push({ phase, name, why });
  }

  /** `step`, unless the cluster already has what it does (`done`): then it is recorded as skipped. */
  unless(done: unknown, step: Step, into: Step[]) {
    if (done) this.skip(step.phase, step.name);
    else into.push(step);
  }
}

/** A timelock op to plan: its action, how it is named, and its execution. */
interface OpSpec {
  label: string;
  action: TimelockAction;
  exec: (opId: number) => Promise<TransactionInstruction>;
}

/**
 * The PAU timelock as the plan uses it: each addition is a `schedule_op` (admin) and its
 * `execute_*` (payer). Op ids follow the order additions are planned (`schedule_op`
 * takes the configurator's `nextOpId`). On a live cluster, an addition whose effect is
 * there is left out, and one scheduled but not executed (nor expired) keeps its op id and
 * only its execution is planned.
 */
class Timelock {
  private pending?: { opId: number; action: Buffer; used: boolean }[];

  private constructor(
    readonly pau: PauClient,
    private readonly chain: OnChain,
    private readonly admin: PublicKey,
    private nextOpId: number,
    /** The configurator's `nextOpId` on chain (0 without one). */
    private readonly onChainNextOpId: number,
  ) {}

  static async open(pau: PauClient, chain: OnChain, admin: PublicKey, firstOpId?: number): Promise<Timelock> {
    const data = await chain.owned(pau.configurator, PAU_PROGRAM_ID);
    const onChain = data
      ? Number(decodePauAccount<{ nextOpId: { toString(): string } }>(pau.program, "configurator", data).nextOpId.toString())
      : 0;
    return new Timelock(pau, chain, admin, firstOpId ?? onChain, onChain);
  }

  get next(): number {
    return this.nextOpId;
  }

  /** The steps of `op`: its `schedule_op` (schedule phase) and its execution (execute phase), as needed. */
  async plan(op: OpSpec): Promise<{ schedule?: Step; execute?: Step }> {
    const execute = (opId: number) => op.exec(opId);
    if (await this.done(op.action)) {
      this.chain.skip("schedule", `schedule_op: ${op.label}`);
      this.chain.skip("execute", `execute: ${op.label}`);
      return {};
    }
    const scheduleIx = await this.pau.governance.scheduleOp({ admin: this.admin, opId: this.nextOpId, action: op.action });
    const waiting = await this.scheduled(Buffer.from(scheduleIx.data).subarray(8));
    if (waiting !== null) {
      this.chain.skip("schedule", `schedule_op ${waiting}: ${op.label}`, `scheduled as op ${waiting}, not executed yet`);
      return {
        execute: { phase: "execute", name: `execute: ${op.label}`, signer: "payer", instructions: [await execute(waiting)] },
      };
    }
    const opId = this.nextOpId++;
    return {
      schedule: { phase: "schedule", name: `schedule_op ${opId}: ${op.label}`, signer: "admin", instructions: [scheduleIx] },
      execute: { phase: "execute", name: `execute: ${op.label}`, signer: "payer", instructions: [await execute(opId)] },
    };
  }

  /** Whether the cluster already has what `action` adds. */
  private async done(a: TimelockAction): Promise<boolean> {
    const pau = this.pau;
    switch (a.kind) {
      case "registerPau": {
        const data = await this.chain.owned(a.controller, PAU_PROGRAM_ID);
        return !!data && decodePauAccount<{ registered: boolean }>(pau.program, "controller", data).registered;
      }
      case "grantGovOps":
        return !!(await this.chain.owned(pda.govops(a.controller, a.member)[0], PAU_PROGRAM_ID));
      case "addInitRateLimit":
        return !!(await this.chain.owned(pda.initRateLimit(pau.configurator, a.key, a.pau)[0], PAU_PROGRAM_ID));
      case "addIntegration": {
        const data = await this.chain.owned(pda.integration(a.controller, a.signer)[0], PAU_PROGRAM_ID);
        if (!data) return false;
        const i = decodePauAccount<{ keys: number[][]; keyCount: number }>(pau.program, "integration", data);
        return i.keys.slice(0, i.keyCount).some((k) => Buffer.from(k).equals(Buffer.from(a.key)));
      }
      default:
        return false;
    }
  }

  /**
   * The id of an op on chain that schedules exactly `action` (its Borsh bytes) and can still
   * be executed (scheduled, not past its grace period), not claimed by an earlier action of
   * this plan; null if none.
   */
  private async scheduled(action: Buffer): Promise<number | null> {
    if (!this.pending) {
      this.pending = [];
      const ids = Array.from({ length: this.onChainNextOpId }, (_, i) => i);
      const ops = await this.chain.accounts(ids.map((i) => pda.op(this.pau.configurator, BigInt(i))[0]));
      const now = await this.chain.now();
      for (const [i, op] of ops.entries()) {
        if (!op || !op.owner.equals(PAU_PROGRAM_ID)) continue;
        const decoded = decodePauAccount<{ status: Record<string, unknown>; eta: { toString(): string } }>(
          this.pau.program,
          "timelockOp",
          op.data,
        );
        if (!("scheduled" in decoded.status)) continue;
        if (now !== null && now > BigInt(decoded.eta.toString()) + OP_GRACE_PERIOD_S) continue;
        // the op's action sits after its discriminator, version, bump, configurator and id
        this.pending.push({ opId: ids[i], action: Buffer.from(op.data).subarray(50), used: false });
      }
    }
    const hit = this.pending.find((p) => !p.used && p.action.subarray(0, action.length).equals(action));
    if (!hit) return null;
    hit.used = true;
    return hit.opId;
  }
}

/** Every transaction of the bootstrap, in order (`planRun` without what it skipped). */
export async function plan(cfg: DeployConfig, payer: PublicKey, opts: PlanOptions = {}): Promise<Step[]> {
  return (await planRun(cfg, payer, opts)).steps;
}

/**
 * Every transaction of the bootstrap, in order, and (with `opts.chain`) what the cluster
 * already has. Op ids start at `opts.firstOpId` (default: the configurator's `nextOpId`).
 */
export async function planRun(cfg: DeployConfig, payer: PublicKey, opts: PlanOptions = {}): Promise<Plan> {
  if (((cfg as { tradingPools?: unknown[] }).tradingPools ?? []).length > 0) {
    throw new Error("tradingPools is replaced by trading.classes[].pools (see migrations/config.example.json)");
  }
  if (((cfg as { lctsUnits?: unknown[] }).lctsUnits ?? []).length > 0) {
    throw new Error("lctsUnits is replaced by lcts.classes[].units (see migrations/config.example.json)");
  }
  if (((cfg as { nfatFacilities?: unknown[] }).nfatFacilities ?? []).length > 0) {
    throw new Error("nfatFacilities is replaced by nfat.facilities (see migrations/config.example.json)");
  }
  const client = new PauClient();
  const chain = new OnChain(opts.chain);
  const admin = new PublicKey(cfg.configurator.admin);
  const timelock = await Timelock.open(client, chain, admin, opts.firstOpId);
  const steps: Step[] = [];
  chain.unless(
    await chain.owned(client.configurator, PAU_PROGRAM_ID),
    {
      phase: "schedule",
      name: "initialize_configurator",
      signer: "payer",
      // the deployer is halo_pau's upgrade authority (see above)
      instructions: [
        await client.governance.initializeConfigurator({ payer, upgradeAuthority: payer, ...cfg.configurator, admin }),
      ],
    },
    steps,
  );
  const executes: Step[] = [];
  for (const p of cfg.paus) {
    const controller = pda.controller(client.configurator, p.pauId)[0];
    const ops: OpSpec[] = [
      {
        label: `register PAU ${p.pauId}`,
        action: { kind: "registerPau", controller },
        exec: (opId) => client.executor.executeRegisterPau({ executor: payer, opId, controller }),
      },
    ];
    for (const m of p.govops) {
      const member = new PublicKey(m);
      ops.push({
        label: `grant GovOps ${m} on PAU ${p.pauId}`,
        action: { kind: "grantGovOps", controller, member },
        exec: (opId) => client.executor.executeGrantGovops({ payer, opId, controller, member }),
      });
    }
    for (const r of p.routes) {
      const key = rateLimitKey(r.tag, new PublicKey(r.mint), new PublicKey(r.counterparty));
      const pau = r.scope === "pau" ? controller : PublicKey.default;
      ops.push({
        label: `approve route ${r.tag} on PAU ${p.pauId}`,
        action: { kind: "addInitRateLimit", key, pau, maxAmount: r.maxAmount, slope: r.slope },
        exec: (opId) => client.executor.executeAddInitRateLimit({ payer, opId, key, pau }),
      });
    }
    chain.unless(
      await chain.owned(controller, PAU_PROGRAM_ID),
      {
        phase: "schedule",
        name: `initialize_controller ${p.pauId}`,
        signer: "admin",
        instructions: [await client.governance.initializeController({ admin, pauId: p.pauId })],
      },
      steps,
    );
    for (const op of ops) {
      const { schedule, execute } = await timelock.plan(op);
      if (schedule) steps.push(schedule);
      if (execute) executes.push(execute);
    }
  }
  const trading = await planTrading(cfg, timelock, chain, payer, opts.rfqDomain);
  const lcts = await planLcts(cfg, timelock, chain, payer);
  const nfat = await planNfat(cfg, timelock, chain, payer);
  return {
    steps: [
      ...steps,
      ...trading.schedule,
      ...lcts.schedule,
      ...nfat.schedule,
      ...executes,
      ...trading.execute,
      ...lcts.execute,
      ...nfat.execute,
    ],
    skipped: chain.skipped,
  };
}

const bytes32 = (hex: string, what: string): Uint8Array => {
  const h = hex.startsWith("0x") ? hex.slice(2) : hex;
  if (!/^[0-9a-fA-F]{64}$/.test(h)) throw new Error(`${what}: expected 32 bytes of hex, got ${hex}`);
  return Buffer.from(h, "hex");
};

const U32_MAX = 2 ** 32 - 1;
const isU32 = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= U32_MAX;

/**
 * A pool's params from the config; the RFQ fields have no default and must be given. The
 * swap staleness and the price-change interval default by price source (see
 * `PoolParamsConfig`).
 */
function poolParams(p: PoolParamsConfig, source: PriceSource["kind"], label: string): PoolParams {
  if (!isU32(p.maxStalenessS) || p.maxStalenessS === 0) {
    throw new Error(`${label}: params.maxStalenessS must be a whole number of seconds from 1 to ${U32_MAX}, got ${p.maxStalenessS}`);
  }
  const swapMaxStalenessS = p.swapMaxStalenessS ?? (source === "haloFeed" ? p.maxStalenessS : Math.min(60, p.maxStalenessS));
  if (!isU32(swapMaxStalenessS) || swapMaxStalenessS === 0 || swapMaxStalenessS > p.maxStalenessS) {
    throw new Error(
      `${label}: params.swapMaxStalenessS must be a whole number of seconds from 1 to maxStalenessS (${p.maxStalenessS}), got ${swapMaxStalenessS}`,
    );
  }
  const minPriceIntervalS = p.minPriceIntervalS ?? (source === "haloFeed" ? 60 : 0);
  if (!isU32(minPriceIntervalS)) {
    throw new Error(`${label}: params.minPriceIntervalS must be a whole number of seconds, got ${minPriceIntervalS}`);
  }
  if (typeof p.rfqEnabled !== "boolean") {
    throw new Error(`${label}: params.rfqEnabled must be true or false (RFQ fills of the beacon's quotes)`);
  }
  const bps = p.rfqMinSpreadBps;
  if (!Number.isInteger(bps) || bps < 0 || bps > 5_000) {
    throw new Error(`${label}: params.rfqMinSpreadBps must be a whole number of bps from 0 to 5000, got ${bps}`);
  }
  return { ...p, swapMaxStalenessS, minPriceIntervalS, redemptionAccount: new PublicKey(p.redemptionAccount) };
}

/** Approving a route (a global init of `key`) through the PAU timelock. */
function routeInitOp(pau: PauClient, payer: PublicKey, key: Buffer | Uint8Array, limit: LimitConfig, route: string): OpSpec {
  return {
    label: `approve ${route}`,
    action: { kind: "addInitRateLimit", key, pau: PublicKey.default, ...limit },
    exec: (opId) => pau.executor.executeAddInitRateLimit({ payer, opId, key, pau: PublicKey.default }),
  };
}

/** Making `signer` (a Halo program's PDA) an integration allowed `key`, through the timelock. */
function integrationOp(
  pau: PauClient,
  payer: PublicKey,
  controller: PublicKey,
  signer: PublicKey,
  key: Buffer | Uint8Array,
  integration: string,
): OpSpec {
  return {
    label: `add ${integration}`,
    action: { kind: "addIntegration", controller, signer, key },
    exec: (opId) => pau.executor.executeAddIntegration({ payer, opId, controller, signer }),
  };
}

/** Plans `op` through `timelock`: its schedule step into `schedules`, its execution into `executes`. */
async function planOp(timelock: Timelock, op: OpSpec, schedules: Step[], executes: Step[]) {
  const { schedule, execute } = await timelock.plan(op);
  if (schedule) schedules.push(schedule);
  if (execute) executes.push(execute);
}

/**
 * The oracle feeds, trading classes and pools, and each pool's PAU wiring. Schedule phase:
 * per pool, its `amm_fund` route init and its integration (admin, op ids from the
 * timelock's next); the feeds with their reporters, the classes and the pools. Execute
 * phase: those ops, then per pool its rate limit (GovOps) and the PAU proxy's LP position.
 */
async function planTrading(
  cfg: DeployConfig,
  timelock: Timelock,
  chain: OnChain,
  payer: PublicKey,
  rfqDomain: Uint8Array | undefined,
): Promise<{ schedule: Step[]; execute: Step[] }> {
  const pau = timelock.pau;
  const oracle = new OracleClient();
  const trading = new TradingClient();
  const scheduleOps: Step[] = [];
  const creates: Step[] = [];
  const executes: Step[] = [];
  const wiring: Step[] = [];

  const feedAddress = new Map<string, PublicKey>();
  const oracleGov = cfg.oracle ? new PublicKey(cfg.oracle.governance) : PublicKey.default;
  for (const f of cfg.oracle?.feeds ?? []) {
    const feed = pda.feed(oracleGov, f.feedId)[0];
    feedAddress.set(String(f.feedId), feed);
    const ixs = [
      await oracle.governance.createFeed({
        authority: oracleGov,
        feedId: f.feedId,
        decimals: f.decimals,
        maxMoveBps: f.maxMoveBps,
        initialValue: f.initialValue,
      }),
    ];
    for (const r of f.reporters) {
      ixs.push(await oracle.governance.addReporter({ governance: oracleGov, feed, reporter: new PublicKey(r) }));
    }
    const n = f.reporters.length;
    chain.unless(
      await chain.owned(feed, ORACLE_PROGRAM_ID),
      {
        phase: "schedule",
        name: `create_feed ${f.feedId}${n > 0 ? ` + add_reporter x${n}` : ""}`,
        signer: "oracleGovernance",
        instructions: ixs,
      },
      creates,
    );
  }

  const classes = cfg.trading?.classes ?? [];
  if (classes.length === 0) return { schedule: creates, execute: [] };
  if (!rfqDomain || rfqDomain.length !== 32 || rfqDomain.every((b) => b === 0)) {
    throw new Error("trading classes need the cluster's RFQ domain: its genesis hash as 32 bytes (plan's rfqDomain)");
  }
  const gov = new PublicKey(cfg.trading!.governance);
  const govops = new PublicKey(cfg.trading!.govops);
  for (const c of classes) {
    const controller = pda.controller(pau.configurator, c.pauId)[0];
    const configured = cfg.paus.find((p) => p.pauId === c.pauId);
    if (configured && !configured.govops.includes(govops.toBase58())) {
      throw new Error(`class ${c.classId}: trading.govops ${govops.toBase58()} is not a GovOps member of PAU ${c.pauId}`);
    }
    const klass = pda.class(gov, c.classId)[0];
    const quoteMint = new PublicKey(c.quoteMint);
    // the class and its RFQ cluster domain in one transaction (RFQ fills are refused while
    // the domain is unset)
    chain.unless(await chain.owned(klass, TRADING_PROGRAM_ID), {
      phase: "schedule",
      name: `create_class ${c.classId} (PAU ${c.pauId}) + set_rfq_domain`,
      signer: "tradingGovernance",
      instructions: [
        await trading.governance.createClass({
          authority: gov,
          quoteMint,
          pauController: controller,
          classId: c.classId,
          beacon: new PublicKey(c.beacon),
          freezer: new PublicKey(c.freezer),
        }),
        await trading.governance.setRfqDomain({ governance: gov, class: klass, domain: rfqDomain }),
      ],
      needs: [controller],
    }, creates);
    for (const p of c.pools) {
      const label = `pool ${p.unitId} of class ${c.classId}`;
      let source: PriceSource;
      let priceAccount: PublicKey;
      if ("haloFeedId" in p.priceSource) {
        const feed = feedAddress.get(String(p.priceSource.haloFeedId));
        if (!feed) throw new Error(`${label}: halo feed ${p.priceSource.haloFeedId} is not in oracle.feeds`);
        source = { kind: "haloFeed", feed };
        priceAccount = feed;
      } else {
        source = { kind: "pyth", feedId: bytes32(p.priceSource.pythFeedId, `${label}: pythFeedId`) };
        priceAccount = new PublicKey(p.priceSource.priceAccount);
      }
      const ref = poolRef({
        class: klass,
        unitId: p.unitId,
        bookId: p.bookId,
        assetMint: new PublicKey(p.assetMint),
        quoteMint,
        priceAccount,
        assetTokenProgram: p.assetTokenProgram ? new PublicKey(p.assetTokenProgram) : undefined,
        quoteTokenProgram: c.quoteTokenProgram ? new PublicKey(c.quoteTokenProgram) : undefined,
      });
      const params = poolParams(p.params, source.kind, label);
      chain.unless(await chain.owned(ref.pool, TRADING_PROGRAM_ID), {
        phase: "schedule",
        name: `create_pool ${p.unitId} of class ${c.classId} (book ${p.bookId})`,
        signer: "tradingGovernance",
        instructions: [
          await trading.governance.createPool({
            governance: gov,
            pool: ref,
            unitId: p.unitId,
            bookId: p.bookId,
            priceSource: source,
            params,
          }),
        ],
        needs: source.kind === "haloFeed" ? [klass, source.feed] : [klass],
      }, creates);

      // the amm_fund route: PAU custody -> the pool's quote vault, drawn by the pool PDA
      const link = pauLink(controller, ref);
      await planOp(timelock, routeInitOp(pau, payer, link.routeKey, p.fundRoute, `route amm_fund to ${label}`), scheduleOps, executes);
      // the pool PDA may draw on that route: an integration, an addition behind the timelock
      const integration = `integration ${label} on PAU ${c.pauId}`;
      await planOp(timelock, integrationOp(pau, payer, controller, ref.pool, link.routeKey, integration), scheduleOps, executes);
      const proxy = pda.proxy(controller)[0];
      chain.unless(
        await chain.owned(pda.rateLimit(controller, link.routeKey)[0], PAU_PROGRAM_ID),
        {
          phase: "execute",
          name: `create_rate_limit amm_fund to ${label} on PAU ${c.pauId}`,
          signer: "govops",
          instructions: [
            await pau.govops.createRateLimit({
              member: govops,
              controller,
              mint: quoteMint,
              key: link.routeKey,
              tag: TAGS.ammFund,
              counterparty: ref.quoteVault,
              ...p.fundRoute,
            }),
          ],
          needs: [
            pda.initRateLimit(pau.configurator, link.routeKey, PublicKey.default)[0],
            pda.govops(controller, govops)[0],
            ref.quoteVault,
          ],
        },
        wiring,
      );
      chain.unless(
        await chain.owned(pda.position(ref.pool, proxy)[0], TRADING_PROGRAM_ID),
        {
          phase: "execute",
          name: `open_position of PAU ${c.pauId}'s proxy in ${label}`,
          signer: "payer",
          instructions: [await trading.lp.openPosition({ payer, pool: ref, owner: proxy })],
          needs: [ref.pool],
        },
        wiring,
      );
    }
  }
  return { schedule: [...scheduleOps, ...creates], execute: [...executes, ...wiring] };
}

/** A config number (a JSON number or a decimal string) as a bigint; `what` names it in refusals. */
function integer(v: unknown, what: string): bigint {
  const ok = (typeof v === "number" && Number.isSafeInteger(v)) || (typeof v === "string" && /^-?[0-9]+$/.test(v));
  if (!ok) throw new Error(`${what} must be a whole number (a JSON number or a decimal string), got ${JSON.stringify(v)}`);
  return BigInt(v as number | string);
}

const DAY_S = 86_400n;
const U64_MAX = (1n << 64n) - 1n;
const WAD = 10n ** 18n;

/**
 * A unit's params from the config, within the bounds halo_lcts enforces (`UnitParams::
 * validate`): refused here, before anything is sent, rather than by `create_unit`.
 */
function unitParams(p: LctsUnitParamsConfig, label: string): UnitParams {
  const bps = (v: unknown, max: number, what: string) => {
    if (!Number.isInteger(v) || (v as number) < 0 || (v as number) > max) {
      throw new Error(`${label}: params.${what} must be a whole number of bps from 0 to ${max}, got ${JSON.stringify(v)}`);
    }
    return v as number;
  };
  const within = (what: keyof LctsUnitParamsConfig, min: bigint, max: bigint, unit: string) => {
    const v = integer(p[what], `${label}: params.${what}`);
    if (v < min || v > max) throw new Error(`${label}: params.${what} must be ${unit} from ${min} to ${max}, got ${v}`);
    return v;
  };
  const maxRateUpBps = bps(p.maxRateUpBps, 1_000, "maxRateUpBps");
  const maxRateDownBps = bps(p.maxRateDownBps, 5_000, "maxRateDownBps");
  const epochS = within("epochS", 60n, 31n * DAY_S, "seconds");
  const lockOffsetS = within("lockOffsetS", 0n, epochS, "seconds");
  const lockWindowS = within("lockWindowS", 1n, epochS, "seconds");
  if (lockOffsetS + lockWindowS > epochS) {
    throw new Error(`${label}: params.lockOffsetS + params.lockWindowS (${lockOffsetS + lockWindowS}) must be at most params.epochS (${epochS})`);
  }
  const maxLockS = within("maxLockS", 60n, 7n * DAY_S, "seconds");
  const minEntry = within("minEntry", 1n, U64_MAX, "base units");
  const dust = within("dust", 1n, minEntry, "base units");
  return { maxRateUpBps, maxRateDownBps, epochS, lockOffsetS, lockWindowS, maxLockS, dust, minEntry };
}

/** The share mint's metadata, within `ShareMetadata::validate`'s bounds (bytes of UTF-8). */
function shareMetadata(m: LctsUnitConfig["metadata"], label: string) {
  const len = (v: unknown) => (typeof v === "string" ? Buffer.byteLength(v, "utf8") : -1);
  const name = len(m?.name);
  if (name < 1 || name > 32) throw new Error(`${label}: metadata.name must be 1 to 32 bytes, got ${JSON.stringify(m?.name)}`);
  if (len(m.symbol) < 0 || len(m.symbol) > 10) throw new Error(`${label}: metadata.symbol must be at most 10 bytes, got ${JSON.stringify(m.symbol)}`);
  if (len(m.uri) < 0 || len(m.uri) > 200) throw new Error(`${label}: metadata.uri must be at most 200 bytes`);
  return { name: m.name, symbol: m.symbol, uri: m.uri };
}

/**
 * The Passthrough Halo classes and units, and each unit's PAU wiring. Schedule phase: per
 * unit, its `lcts_deploy` and `lcts_return` route inits and the unit PDA's integration on
 * each (admin, op ids from the timelock's next); each class, then each unit with its share mint and
 * both queues. Execute phase: those ops, then per unit its two rate limits (GovOps) and
 * `set_unit_routes` (LCTS governance).
 */
async function planLcts(
  cfg: DeployConfig,
  timelock: Timelock,
  chain: OnChain,
  payer: PublicKey,
): Promise<{ schedule: Step[]; execute: Step[] }> {
  const classes = cfg.lcts?.classes ?? [];
  if (classes.length === 0) return { schedule: [], execute: [] };
  const pau = timelock.pau;
  const lcts = new LctsClient();
  const gov = new PublicKey(cfg.lcts!.governance);
  const govops = new PublicKey(cfg.lcts!.govops);
  const scheduleOps: Step[] = [];
  const creates: Step[] = [];
  const executes: Step[] = [];
  const wiring: Step[] = [];
  for (const c of classes) {
    const controller = pda.controller(pau.configurator, c.pauId)[0];
    const configured = cfg.paus.find((p) => p.pauId === c.pauId);
    if (configured && !configured.govops.includes(govops.toBase58())) {
      throw new Error(`LCTS class ${c.classId}: lcts.govops ${govops.toBase58()} is not a GovOps member of PAU ${c.pauId}`);
    }
    const klass = pda.lctsClass(gov, c.classId)[0];
    const usdsMint = new PublicKey(c.usdsMint);
    const usdsTokenProgram = c.usdsTokenProgram ? new PublicKey(c.usdsTokenProgram) : undefined;
    chain.unless(
      await chain.owned(klass, LCTS_PROGRAM_ID),
      {
        phase: "schedule",
        name: `create_lcts_class ${c.classId}`,
        signer: "lctsGovernance",
        instructions: [await lcts.governance.createClass({ authority: gov, classId: c.classId })],
      },
      creates,
    );
    const ids = new Set<string>();
    for (const unit of c.units) {
      const label = `unit ${unit.unitId} of LCTS class ${c.classId}`;
      if (ids.has(String(unit.unitId))) throw new Error(`${label} is configured twice`);
      ids.add(String(unit.unitId));
      const params = unitParams(unit.params, label);
      const metadata = shareMetadata(unit.metadata, label);
      const rateWad = integer(unit.rateWad, `${label}: rateWad`);
      if (rateWad <= 0n || rateWad > 1_000_000_000n * WAD) {
        throw new Error(`${label}: rateWad must be above 0 and at most 1e27 (WAD: 1e18 is 1.0 USDS per share), got ${rateWad}`);
      }
      const [beacon, freezer] = [new PublicKey(unit.beacon), new PublicKey(unit.freezer)];
      if (beacon.equals(PublicKey.default) || freezer.equals(PublicKey.default)) {
        throw new Error(`${label}: the beacon and the freezer cannot be the default key`);
      }
      const deployEndpoint = new PublicKey(unit.deployEndpoint);
      const ref = unitRef({
        class: klass,
        unitId: unit.unitId,
        usdsMint,
        usdsTokenProgram,
        pau: unitPau(controller, usdsMint, deployEndpoint, usdsTokenProgram),
      });
      const onChain = await chain.owned(ref.unit, LCTS_PROGRAM_ID);
      chain.unless(onChain, {
        phase: "schedule",
        name: `create_lcts_unit ${unit.unitId} of LCTS class ${c.classId} (PAU ${c.pauId}) + create_queue subscribe + create_queue redeem`,
        signer: "lctsGovernance",
        instructions: [
          await lcts.governance.createUnit({ governance: gov, unit: ref, beacon, freezer, rateWad, params, metadata }),
          await lcts.governance.createQueue({ governance: gov, unit: ref, side: "subscribe" }),
          await lcts.governance.createQueue({ governance: gov, unit: ref, side: "redeem" }),
        ],
        needs: [klass, controller],
      }, creates);

      // the two routes (custody -> the strategy, custody -> the redeem queue's USDS vault),
      // drawn by the unit PDA: inits and integration keys, additions behind the timelock
      const routes = [
        { tag: TAGS.lctsDeploy, key: deployRouteKey(ref), counterparty: deployEndpoint, limit: unit.deployRoute },
        { tag: TAGS.lctsReturn, key: returnRouteKey(ref), counterparty: ref.redeemUsdsVault, limit: unit.returnRoute },
      ];
      for (const r of routes) {
        await planOp(timelock, routeInitOp(pau, payer, r.key, r.limit, `route ${r.tag} to ${label}`), scheduleOps, executes);
      }
      for (const r of routes) {
        const integration = `integration ${label} on PAU ${c.pauId} (${r.tag})`;
        await planOp(timelock, integrationOp(pau, payer, controller, ref.unit, r.key, integration), scheduleOps, executes);
      }
      for (const r of routes) {
        chain.unless(await chain.owned(pda.rateLimit(controller, r.key)[0], PAU_PROGRAM_ID), {
          phase: "execute",
          name: `create_rate_limit ${r.tag} to ${label} on PAU ${c.pauId}`,
          signer: "lctsGovops",
          instructions: [
            await pau.govops.createRateLimit({
              member: govops,
              controller,
              mint: usdsMint,
              key: r.key,
              tag: r.tag,
              counterparty: r.counterparty,
              ...r.limit,
            }),
          ],
          needs: [
            pda.initRateLimit(pau.configurator, r.key, PublicKey.default)[0],
            pda.govops(controller, govops)[0],
            r.counterparty,
          ],
        }, wiring);
      }
      // the routes are set when the unit on chain already names both rate limits
      const routed =
        onChain &&
        (() => {
          const u = decodeLctsAccount(lcts.program, "lctsUnit", onChain);
          return u.deployRateLimit.equals(ref.deployRateLimit) && u.returnRateLimit.equals(ref.returnRateLimit);
        })();
      chain.unless(routed, {
        phase: "execute",
        name: `set_unit_routes of ${label}`,
        signer: "lctsGovernance",
        instructions: [await lcts.governance.setUnitRoutes({ governance: gov, unit: ref })],
        needs: [ref.deployRateLimit, ref.returnRateLimit],
      }, wiring);
    }
  }
  return { schedule: [...scheduleOps, ...creates], execute: [...executes, ...wiring] };
}

/** A base58 key of the config; `what` names it in refusals. */
function pubkey(v: unknown, what: string): PublicKey {
  let key: PublicKey | undefined;
  try {
    if (typeof v === "string") key = new PublicKey(v);
  } catch {
    // refused below
  }
  if (!key) throw new Error(`${what} must be a base58 public key, got ${JSON.stringify(v)}`);
  return key;
}

/** A list of keys (Primes, holders): base58, none the default key, none twice. */
function keyList(v: unknown, what: string): PublicKey[] {
  if (!Array.isArray(v)) throw new Error(`${what} must be a list of base58 public keys, got ${JSON.stringify(v)}`);
  const seen = new Set<string>();
  return v.map((k, i) => {
    const key = pubkey(k, `${what}[${i}]`);
    if (key.equals(PublicKey.default)) throw new Error(`${what}[${i}] cannot be the default key`);
    if (seen.has(key.toBase58())) throw new Error(`${what} lists ${key.toBase58()} twice`);
    seen.add(key.toBase58());
    return key;
  });
}

/** halo_nfat's bounds (programs/halo-nfat/src/constants.rs). */
const NFAT_MAX_TENOR_MONTHS = 360;
const NFAT_MAX_PAYMENTS = 60;
const NFAT_MAX_APY_BPS = 50_000;
const NFAT_MAX_PENALTY_BPS_PER_DAY = 1_000;
const NFAT_MAX_GRACE_PERIOD_S = 365n * DAY_S;
const NFAT_MAX_START_OFFSET_S = 365n * DAY_S;
const NFAT_MAX_NAME_LEN = 20;
const NFAT_MAX_SYMBOL_LEN = 10;
const NFAT_MAX_URI_LEN = 120;
const NFAT_ASSET_TYPE_LEN = 32;
const NFAT_SCHEDULES: Record<NfatScheduleName, number> = {
  bullet: SCHEDULE_BULLET,
  amortizing: SCHEDULE_AMORTIZING,
  periodicInterest: SCHEDULE_PERIODIC_INTEREST,
};

/**
 * A facility's buybox from the config, within the bounds halo_nfat enforces
 * (`Buybox::validate`): refused here, before anything is sent, rather than by
 * `create_facility` / `set_buybox`.
 */
function nfatBuybox(b: NfatBuyboxConfig, label: string): Buybox {
  if (!b || typeof b !== "object") throw new Error(`${label}: buybox is missing`);
  const whole = (what: keyof NfatBuyboxConfig, min: number, max: number, unit: string) => {
    const v = b[what];
    if (!Number.isInteger(v) || (v as number) < min || (v as number) > max) {
      throw new Error(`${label}: buybox.${what} must be a whole number of ${unit} from ${min} to ${max}, got ${JSON.stringify(v)}`);
    }
    return v as number;
  };
  const within = (what: keyof NfatBuyboxConfig, min: bigint, max: bigint, unit: string) => {
    const v = integer(b[what], `${label}: buybox.${what}`);
    if (v < min || v > max) throw new Error(`${label}: buybox.${what} must be ${unit} from ${min} to ${max}, got ${v}`);
    return v;
  };
  const ordered = (lo: keyof NfatBuyboxConfig, hi: keyof NfatBuyboxConfig, a: bigint | number, z: bigint | number) => {
    if (a > z) throw new Error(`${label}: buybox.${lo} (${a}) must be at most buybox.${hi} (${z})`);
  };
  const minTenorMonths = whole("minTenorMonths", 1, NFAT_MAX_TENOR_MONTHS, "months");
  const maxTenorMonths = whole("maxTenorMonths", 1, NFAT_MAX_TENOR_MONTHS, "months");
  ordered("minTenorMonths", "maxTenorMonths", minTenorMonths, maxTenorMonths);
  const minPrincipal = within("minPrincipal", 1n, U64_MAX, "base units");
  const maxPrincipal = within("maxPrincipal", 1n, U64_MAX, "base units");
  ordered("minPrincipal", "maxPrincipal", minPrincipal, maxPrincipal);
  const minApyBps = whole("minApyBps", 0, NFAT_MAX_APY_BPS, "bps");
  const maxApyBps = whole("maxApyBps", 0, NFAT_MAX_APY_BPS, "bps");
  ordered("minApyBps", "maxApyBps", minApyBps, maxApyBps);
  let schedules: number;
  const names = Object.keys(NFAT_SCHEDULES).join(", ");
  if (Array.isArray(b.schedules)) {
    if (b.schedules.length === 0) throw new Error(`${label}: buybox.schedules must allow at least one schedule (${names})`);
    schedules = 0;
    for (const n of b.schedules) {
      const flag = NFAT_SCHEDULES[n as NfatScheduleName];
      if (!Object.hasOwn(NFAT_SCHEDULES, n) || !flag) throw new Error(`${label}: buybox.schedules: unknown schedule ${JSON.stringify(n)} (one of ${names})`);
      if (schedules & flag) throw new Error(`${label}: buybox.schedules lists ${n} twice`);
      schedules |= flag;
    }
  } else if (Number.isInteger(b.schedules) && (b.schedules as number) >= 1 && (b.schedules as number) <= SCHEDULE_ALL) {
    schedules = b.schedules as number;
  } else {
    throw new Error(
      `${label}: buybox.schedules must allow at least one schedule: a list of ${names}, or the flags as a number from 1 to ${SCHEDULE_ALL} ` +
        `(bullet ${SCHEDULE_BULLET}, amortizing ${SCHEDULE_AMORTIZING}, periodicInterest ${SCHEDULE_PERIODIC_INTEREST}), got ${JSON.stringify(b.schedules)}`,
    );
  }
  const maxPayments = whole("maxPayments", 1, NFAT_MAX_PAYMENTS, "payments");
  const latePenaltyBpsPerDay = whole("latePenaltyBpsPerDay", 0, NFAT_MAX_PENALTY_BPS_PER_DAY, "bps a day");
  const gracePeriodS = within("gracePeriodS", 0n, NFAT_MAX_GRACE_PERIOD_S, "seconds");
  const maxStartOffsetS = within("maxStartOffsetS", 0n, NFAT_MAX_START_OFFSET_S, "seconds");
  const assetType = b.assetType;
  if (typeof assetType !== "string" || Buffer.byteLength(assetType, "utf8") > NFAT_ASSET_TYPE_LEN) {
    throw new Error(`${label}: buybox.assetType must be a label of at most ${NFAT_ASSET_TYPE_LEN} bytes of UTF-8, got ${JSON.stringify(assetType)}`);
  }
  if (assetType.includes("\0")) throw new Error(`${label}: buybox.assetType cannot contain NUL (the label is zero padded on chain)`);
  return {
    minTenorMonths,
    maxTenorMonths,
    minPrincipal,
    maxPrincipal,
    minApyBps,
    maxApyBps,
    schedules,
    maxPayments,
    latePenaltyBpsPerDay,
    gracePeriodS,
    maxStartOffsetS,
    assetType,
  };
}

/** The deal NFTs' metadata, within `create_facility`'s bounds (bytes of UTF-8). */
function nfatMetadata(m: NfatFacilityConfig["metadata"], label: string) {
  const len = (v: unknown) => (typeof v === "string" ? Buffer.byteLength(v, "utf8") : -1);
  const name = len(m?.name);
  if (name < 1 || name > NFAT_MAX_NAME_LEN) {
    throw new Error(`${label}: metadata.name must be 1 to ${NFAT_MAX_NAME_LEN} bytes (an NFT reads "<name> #<deal id>"), got ${JSON.stringify(m?.name)}`);
  }
  if (len(m.symbol) < 0 || len(m.symbol) > NFAT_MAX_SYMBOL_LEN) {
    throw new Error(`${label}: metadata.symbol must be at most ${NFAT_MAX_SYMBOL_LEN} bytes, got ${JSON.stringify(m.symbol)}`);
  }
  if (len(m.uri) < 0 || len(m.uri) > NFAT_MAX_URI_LEN) throw new Error(`${label}: metadata.uri must be at most ${NFAT_MAX_URI_LEN} bytes`);
  return { name: m.name, symbol: m.symbol, uri: m.uri };
}

/** A route's bounds: `maxAmount` from 1, `slope` from 0, both u64. */
function routeLimit(l: LimitConfig, what: string): LimitConfig {
  if (!l || typeof l !== "object") throw new Error(`${what} is missing (maxAmount and slope)`);
  const maxAmount = integer(l.maxAmount, `${what}.maxAmount`);
  const slope = integer(l.slope, `${what}.slope`);
  if (maxAmount < 1n || maxAmount > U64_MAX) throw new Error(`${what}.maxAmount must be base units from 1 to ${U64_MAX}, got ${maxAmount}`);
  if (slope < 0n || slope > U64_MAX) throw new Error(`${what}.slope must be base units a second from 0 to ${U64_MAX}, got ${slope}`);
  return { maxAmount: l.maxAmount, slope: l.slope };
}

/** A halo_nfat `Facility` as the coder decodes it (the fields the plan reads). */
interface FacilityState {
  allowList: boolean;
  governance: PublicKey;
  beacon: PublicKey;
  attestor: PublicKey;
  warden: PublicKey;
  depositMint: PublicKey;
  depositTokenProgram: PublicKey;
  pauController: PublicKey;
  deployRateLimit: PublicKey;
  returnRateLimit: PublicKey;
  buybox: Record<Exclude<keyof Buybox, "assetType">, { toString(): string }> & { assetType: number[] };
  name: string;
  symbol: string;
  uri: string;
}

const BUYBOX_FIELDS = [
  "minTenorMonths",
  "maxTenorMonths",
  "minPrincipal",
  "maxPrincipal",
  "minApyBps",
  "maxApyBps",
  "schedules",
  "maxPayments",
  "latePenaltyBpsPerDay",
  "gracePeriodS",
  "maxStartOffsetS",
] as const;

const sameBuybox = (a: FacilityState["buybox"], b: Buybox) =>
  BUYBOX_FIELDS.every((k) => a[k].toString() === b[k].toString()) &&
  Buffer.from(a.assetType).equals(Buffer.from(assetTypeBytes(b.assetType)));

const sameRoles = (a: FacilityState, b: Roles) =>
  a.beacon.equals(b.beacon) && a.attestor.equals(b.attestor) && a.warden.equals(b.warden);

/**
 * The Structuring Halo facilities and each facility's PAU wiring, as the Rust harness
 * bootstraps one (crates/halo-harness/src/nfat.rs): the facility first (its redeem vault
 * is the return route's counterparty), then its two routes with the facility PDA as their
 * integration, then `set_routes`. Schedule phase: per facility, its `nfat_deploy` and
 * `nfat_return` route inits and the facility PDA's integration on each (admin, op ids from
 * the timelock's next); `create_facility` with its buybox, roles and NFT metadata (NFAT
 * governance), or, for a facility already on chain, `set_buybox` / `set_roles` where the
 * config differs. Execute phase: those ops, then per facility its two rate limits (NFAT
 * GovOps), `set_routes`, `approve_prime` per Prime, and with an allow-list `list_holder`
 * per holder then `set_allow_list` on (NFAT governance).
 */
async function planNfat(
  cfg: DeployConfig,
  timelock: Timelock,
  chain: OnChain,
  payer: PublicKey,
): Promise<{ schedule: Step[]; execute: Step[] }> {
  const facilities = cfg.nfat?.facilities ?? [];
  if (facilities.length === 0) return { schedule: [], execute: [] };
  const pau = timelock.pau;
  const nfat = new NfatClient();
  const gov = pubkey(cfg.nfat!.governance, "nfat.governance");
  const govops = pubkey(cfg.nfat!.govops, "nfat.govops");
  const scheduleOps: Step[] = [];
  const creates: Step[] = [];
  const executes: Step[] = [];
  const wiring: Step[] = [];
  const ids = new Set<bigint>();
  const deployKeys = new Map<string, string>();
  for (const f of facilities) {
    const facilityId = integer(f.facilityId, "nfat.facilities[].facilityId");
    const label = `NFAT facility ${facilityId}`;
    if (facilityId < 0n || facilityId > U64_MAX) throw new Error(`${label}: facilityId must be from 0 to ${U64_MAX}`);
    if (ids.has(facilityId)) throw new Error(`${label} is configured twice`);
    ids.add(facilityId);
    if (!Number.isSafeInteger(f.pauId) || f.pauId < 0) throw new Error(`${label}: pauId must be a PAU id (a whole number), got ${JSON.stringify(f.pauId)}`);
    const controller = pda.controller(pau.configurator, f.pauId)[0];
    const configured = cfg.paus.find((p) => p.pauId === f.pauId);
    if (configured && !configured.govops.includes(govops.toBase58())) {
      throw new Error(`${label}: nfat.govops ${govops.toBase58()} is not a GovOps member of PAU ${f.pauId}`);
    }
    const buybox = nfatBuybox(f.buybox, label);
    const roles: Roles = {
      beacon: pubkey(f.beacon, `${label}: beacon`),
      attestor: pubkey(f.attestor, `${label}: attestor`),
      warden: pubkey(f.warden, `${label}: warden`),
    };
    if (Object.values(roles).some((k) => k.equals(PublicKey.default))) {
      throw new Error(`${label}: the beacon, the attestor and the warden cannot be the default key`);
    }
    const metadata = nfatMetadata(f.metadata, label);
    const deployRoute = routeLimit(f.deployRoute, `${label}: deployRoute`);
    const returnRoute = routeLimit(f.returnRoute, `${label}: returnRoute`);
    const primes = keyList(f.primes ?? [], `${label}: primes`);
    const holders = f.allowList === undefined ? null : keyList(f.allowList, `${label}: allowList`);
    const depositMint = pubkey(f.depositMint, `${label}: depositMint`);
    const depositTokenProgram = f.depositTokenProgram ? pubkey(f.depositTokenProgram, `${label}: depositTokenProgram`) : undefined;
    if (depositTokenProgram && !depositTokenProgram.equals(TOKEN_PROGRAM_ID) && !depositTokenProgram.equals(TOKEN_2022_PROGRAM_ID)) {
      throw new Error(`${label}: depositTokenProgram must be SPL Token (${TOKEN_PROGRAM_ID.toBase58()}) or Token-2022 (${TOKEN_2022_PROGRAM_ID.toBase58()})`);
    }
    const tokenProgram = depositTokenProgram ?? TOKEN_PROGRAM_ID;
    const endpoint = pubkey(f.deployEndpoint, `${label}: deployEndpoint`);
    const authority = f.authority ? pubkey(f.authority, `${label}: authority`) : gov;
    // the mint and the endpoint, as the cluster has them (a dry run sees nothing)
    if (chain.reads) {
      if (!(await chain.owned(depositMint, tokenProgram))) {
        throw new Error(`${label}: depositMint ${depositMint.toBase58()} is not a mint of ${tokenProgram.toBase58()} on this cluster`);
      }
      const account = await chain.owned(endpoint, tokenProgram);
      if (!account) throw new Error(`${label}: deployEndpoint ${endpoint.toBase58()} is not a token account of ${tokenProgram.toBase58()} on this cluster (create it first)`);
      const mintOf = new PublicKey(account.subarray(0, 32));
      if (!mintOf.equals(depositMint)) {
        throw new Error(`${label}: deployEndpoint ${endpoint.toBase58()} holds ${mintOf.toBase58()}, not the deposit mint ${depositMint.toBase58()}`);
      }
    }
    const ref = facilityRef({
      authority,
      facilityId,
      depositMint,
      depositTokenProgram,
      pau: facilityPau(controller, depositMint, endpoint, depositTokenProgram),
    });
    // one deploy route per facility: a second facility on the same (PAU, mint, endpoint)
    // would share its rate limit
    const deployKey = nfatDeployRouteKey(ref);
    const route = `${controller.toBase58()}:${deployKey.toString("hex")}`;
    const sharing = deployKeys.get(route);
    if (sharing) throw new Error(`${label}: its deploy route (PAU ${f.pauId}, ${depositMint.toBase58()}, ${endpoint.toBase58()}) is ${sharing}'s too: give each facility its own RWA endpoint account`);
    deployKeys.set(route, label);

    const data = await chain.owned(ref.facility, NFAT_PROGRAM_ID);
    const onChain = data ? decodeNfatAccount<FacilityState>("facility", data, nfat.program) : null;
    if (onChain) {
      const fixed: [string, string, string][] = [
        ["deposit mint", onChain.depositMint.toBase58(), depositMint.toBase58()],
        ["deposit token program", onChain.depositTokenProgram.toBase58(), ref.depositTokenProgram.toBase58()],
        ["PAU controller", onChain.pauController.toBase58(), controller.toBase58()],
        ["NFT name", onChain.name, metadata.name],
        ["NFT symbol", onChain.symbol, metadata.symbol],
        ["NFT URI", onChain.uri, metadata.uri],
      ];
      for (const [what, has, want] of fixed) {
        if (has !== want) {
          throw new Error(
            `${label} exists on chain with ${what} ${JSON.stringify(has)}, the config says ${JSON.stringify(want)}: ` +
              "a facility's deposit mint, PAU and NFT metadata cannot change (configure another facilityId)",
          );
        }
      }
    }
    const governed: Step[] = [];
    const mine = (step: Step, into: Step[]) => {
      into.push(step);
      if (step.signer === "nfatGovernance") governed.push(step);
    };

    // schedule phase: the facility (its buybox, roles, NFT metadata, queue and redeem
    // vaults) in one transaction; on a facility already there, what the config changed
    if (!onChain) {
      mine(
        {
          phase: "schedule",
          name: `create_facility ${facilityId} (PAU ${f.pauId})`,
          signer: "nfatGovernance",
          instructions: [await nfat.governance.createFacility({ facility: ref, buybox, roles, ...metadata })],
          needs: [controller],
        },
        creates,
      );
    } else {
      chain.skip("schedule", `create_facility ${facilityId} (PAU ${f.pauId})`);
      const setBuybox: Step = {
        phase: "schedule",
        name: `set_buybox of ${label}`,
        signer: "nfatGovernance",
        instructions: [await nfat.governance.setBuybox({ governance: gov, facility: ref, buybox })],
      };
      if (sameBuybox(onChain.buybox, buybox)) chain.skip(setBuybox.phase, setBuybox.name);
      else mine(setBuybox, creates);
      const setRoles: Step = {
        phase: "schedule",
        name: `set_roles of ${label}`,
        signer: "nfatGovernance",
        instructions: [await nfat.governance.setRoles({ governance: gov, facility: ref, roles })],
      };
      if (sameRoles(onChain, roles)) chain.skip(setRoles.phase, setRoles.name);
      else mine(setRoles, creates);
    }

    // the two routes (custody -> the RWA endpoint, custody -> the redeem vault), drawn by
    // the facility PDA: inits and integration keys, additions behind the timelock
    const routes = [
      { tag: TAG_NFAT_DEPLOY, key: deployKey, counterparty: endpoint, limit: deployRoute },
      { tag: TAG_NFAT_RETURN, key: nfatReturnRouteKey(ref), counterparty: ref.redeemVault, limit: returnRoute },
    ];
    for (const r of routes) {
      await planOp(timelock, routeInitOp(pau, payer, r.key, r.limit, `route ${r.tag} to ${label}`), scheduleOps, executes);
    }
    for (const r of routes) {
      const integration = `integration ${label} on PAU ${f.pauId} (${r.tag})`;
      await planOp(timelock, integrationOp(pau, payer, controller, ref.facility, r.key, integration), scheduleOps, executes);
    }
    for (const r of routes) {
      const existing = await chain.owned(pda.rateLimit(controller, r.key)[0], PAU_PROGRAM_ID);
      if (existing) {
        // a route already open is this facility's only if the facility was there to open
        // it, to the counterparty the config names
        const rl = decodePauAccount<{ counterparty: PublicKey }>(pau.program, "rateLimit", existing);
        if (!onChain || !rl.counterparty.equals(r.counterparty)) {
          throw new Error(
            `${label}: its ${r.tag} route (PAU ${f.pauId}, ${depositMint.toBase58()}, ${r.counterparty.toBase58()}) is open already` +
              (onChain ? ` to ${rl.counterparty.toBase58()}` : ", and not for this facility (another facility's, or one from another authority)") +
              ": give each facility its own RWA endpoint account, or name the facility's `authority`",
          );
        }
      }
      chain.unless(
        existing,
        {
          phase: "execute",
          name: `create_rate_limit ${r.tag} to ${label} on PAU ${f.pauId}`,
          signer: "nfatGovops",
          instructions: [
            await pau.govops.createRateLimit({
              member: govops,
              controller,
              mint: depositMint,
              key: r.key,
              tag: r.tag,
              counterparty: r.counterparty,
              ...r.limit,
            }),
          ],
          needs: [
            pda.initRateLimit(pau.configurator, r.key, PublicKey.default)[0],
            pda.govops(controller, govops)[0],
            r.counterparty,
          ],
        },
        wiring,
      );
    }

    // execute phase, NFAT governance: the routes, then the Primes, then the allow-list
    const setRoutes: Step = {
      phase: "execute",
      name: `set_routes of ${label}`,
      signer: "nfatGovernance",
      instructions: [await nfat.governance.setRoutes({ governance: gov, facility: ref })],
      needs: [ref.deployRateLimit, ref.returnRateLimit],
    };
    if (onChain && onChain.deployRateLimit.equals(ref.deployRateLimit) && onChain.returnRateLimit.equals(ref.returnRateLimit)) {
      chain.skip(setRoutes.phase, setRoutes.name);
    } else mine(setRoutes, wiring);
    for (const prime of primes) {
      const step: Step = {
        phase: "execute",
        name: `approve_prime ${prime.toBase58()} on ${label}`,
        signer: "nfatGovernance",
        instructions: [await nfat.governance.approvePrime({ governance: gov, facility: ref, prime })],
        needs: [ref.facility],
      };
      if (await chain.owned(nfatApprovalOf(ref, prime), NFAT_PROGRAM_ID)) chain.skip(step.phase, step.name);
      else mine(step, wiring);
    }
    if (holders) {
      for (const owner of holders) {
        const step: Step = {
          phase: "execute",
          name: `list_holder ${owner.toBase58()} on ${label}`,
          signer: "nfatGovernance",
          instructions: [await nfat.governance.listHolder({ governance: gov, facility: ref, owner })],
          needs: [ref.facility],
        };
        if (await chain.owned(nfatHolderEntryOf(ref, owner), NFAT_PROGRAM_ID)) chain.skip(step.phase, step.name);
        else mine(step, wiring);
      }
      const step: Step = {
        phase: "execute",
        name: `set_allow_list on for ${label}`,
        signer: "nfatGovernance",
        instructions: [await nfat.governance.setAllowList({ governance: gov, facility: ref, on: true })],
        needs: [ref.facility],
      };
      if (onChain?.allowList) chain.skip(step.phase, step.name);
      else mine(step, wiring);
    }
    if (onChain && !onChain.governance.equals(gov) && governed.length > 0) {
      throw new Error(
        `${label}: its governance on chain is ${onChain.governance.toBase58()}, not nfat.governance ${gov.toBase58()} ` +
          `(rotated): ${governed.map((s) => s.name.split(" ")[0]).join(", ")} would be refused`,
      );
    }
  }
  // the facilities before their ops: a create_facility the program refuses stops the run
  // before any route is scheduled
  return { schedule: [...creates, ...scheduleOps], execute: [...executes, ...wiring] };
}

/** How a role is named in the output. */
const ROLE: Record<Signer, string> = {
  payer: "payer",
  admin: "admin",
  oracleGovernance: "oracle governance",
  tradingGovernance: "trading governance",
  govops: "GovOps",
  lctsGovernance: "LCTS governance",
  lctsGovops: "LCTS GovOps",
  nfatGovernance: "NFAT governance",
  nfatGovops: "NFAT GovOps",
};

export function describe(s: Step): string {
  const lines = [`[${s.phase}] ${s.name} (signed by ${ROLE[s.signer]})`];
  for (const ix of s.instructions) {
    lines.push(`    program ${ix.programId.toBase58()} data ${Buffer.from(ix.data).toString("hex")}`);
    for (const k of ix.keys) {
      lines.push(`      ${k.pubkey.toBase58()}${k.isSigner ? " signer" : ""}${k.isWritable ? " writable" : ""}`);
    }
  }
  return lines.join("\n");
}

function loadKeypair(path: string): Keypair {
  const p = path.startsWith("~") ? homedir() + path.slice(1) : path;
  return Keypair.fromSecretKey(Uint8Array.from(JSON.parse(readFileSync(p, "utf8"))));
}

async function main(argv: string[]) {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const cfg: DeployConfig = JSON.parse(readFileSync(arg("--config") ?? "migrations/config.json", "utf8"));
  const dryRun = argv.includes("--dry-run");
  const phase = arg("--phase") ?? "all";
  if (!["all", "schedule", "execute"].includes(phase)) throw new Error(`--phase must be schedule or execute, got ${phase}`);
  const hasClasses = (cfg.trading?.classes ?? []).length > 0;
  const genesisHash = arg("--genesis-hash");
  if (dryRun) {
    if (arg("--programs")) {
      throw new Error("--programs deploys to a cluster: a dry run prints the bootstrap only (drop --programs, or --dry-run)");
    }
    const payer = new PublicKey(arg("--payer") ?? "11111111111111111111111111111112");
    const rfqDomain = genesisHash ? clusterDomain(genesisHash) : DRY_RUN_RFQ_DOMAIN;
    const steps = await plan(cfg, payer, { rfqDomain });
    for (const s of steps) console.log(describe(s));
    if (hasClasses && !genesisHash) {
      console.log(
        `dry run: set_rfq_domain uses the placeholder domain ${Buffer.from(DRY_RUN_RFQ_DOMAIN).toString("hex")}, ` +
          "not the cluster's genesis hash (a real run reads it from the cluster; --genesis-hash <base58> sets it here)",
      );
    }
    console.log(`${steps.length} transactions (dry run: nothing sent)`);
    return;
  }
  const payer = loadKeypair(cfg.payerKeypair);
  const load = (path: string | null | undefined) => (path ? loadKeypair(path) : null);
  const keypairs: Record<Signer, Keypair | null> = {
    payer,
    admin: load(cfg.adminKeypair),
    oracleGovernance: load(cfg.oracle?.governanceKeypair),
    tradingGovernance: load(cfg.trading?.governanceKeypair),
    govops: load(cfg.trading?.govopsKeypair),
    lctsGovernance: load(cfg.lcts?.governanceKeypair),
    lctsGovops: load(cfg.lcts?.govopsKeypair),
    nfatGovernance: load(cfg.nfat?.governanceKeypair),
    nfatGovops: load(cfg.nfat?.govopsKeypair),
  };
  const expected = signerKeys(cfg, payer.publicKey);
  for (const role of Object.keys(keypairs) as Signer[]) {
    const kp = keypairs[role];
    const want = expected[role];
    if (kp && want && !kp.publicKey.equals(want)) {
      throw new Error(`the ${ROLE[role]} keypair is ${kp.publicKey.toBase58()}, but the config names ${want.toBase58()}`);
    }
  }
  // the whole config is checked before any request
  await plan(cfg, payer.publicKey, { rfqDomain: DRY_RUN_RFQ_DOMAIN });
  const programsDir = arg("--programs");
  const programs = programsDir ? programsToDeploy(programsDir, arg("--program-keypairs") ?? programsDir) : [];
  const connection = new Connection(cfg.cluster, { commitment: "confirmed", wsEndpoint: cfg.websocket });
  // the programs first, the payer their upgrade authority (initialize_configurator checks it)
  for (const p of programs) {
    const outcome = await deployProgram(connection, { payer, program: p.id, programSigner: p.keypair, authority: payer, so: p.so, name: p.name });
    console.log(
      outcome.kind === "deployed"
        ? `deploy ${p.name} at ${p.id.toBase58()}: ${outcome.transactions} transactions`
        : `skip deploy ${p.name}: ${p.id.toBase58()} already runs these bytes, the payer its upgrade authority`,
    );
  }
  // each class's RFQ domain: the genesis hash of the cluster it is created on
  let rfqDomain: Uint8Array | undefined;
  if (hasClasses) {
    rfqDomain = await fetchClusterDomain(connection);
    if (genesisHash && !clusterDomain(genesisHash).equals(Buffer.from(rfqDomain))) {
      throw new Error(`--genesis-hash ${genesisHash} is not the genesis hash of ${cfg.cluster}`);
    }
  }
  // what the cluster already has is left out
  const run = await planRun(cfg, payer.publicKey, { rfqDomain, chain: connectionView(connection) });
  const steps = run.steps.filter((s) => phase === "all" || s.phase === phase);
  for (const line of skipReport(run.skipped, steps, phase)) console.log(line);
  let proposed = false;
  for (const s of steps) {
    const tx = new Transaction().add(...s.instructions);
    const kp = keypairs[s.signer];
    if (!kp) {
      tx.feePayer = payer.publicKey;
      tx.recentBlockhash = (await connection.getLatestBlockhash()).blockhash;
      console.log(`${s.name}: propose to the ${ROLE[s.signer]} multisig:\n  ${tx.serializeMessage().toString("base64")}`);
      proposed = true;
      continue;
    }
    await waitFor(connection, s, proposed);
    const signers = kp === payer ? [payer] : [payer, kp];
    const sig = await sendAndConfirmTransaction(connection, tx, signers).catch(async (e: unknown) => {
      if (!(e instanceof SendTransactionError)) {
        // not a refusal (a timeout, an expired blockhash): the transaction may have landed,
        // and a run again skips what is on chain
        throw new Error(`${s.name}: not confirmed on ${cfg.cluster}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
      }
      // the program's error, read from the cluster's logs, not web3.js's raw message
      const logs = (await e.getLogs(connection).catch(() => null)) ?? [];
      const why = explainError(e, logs) ?? `${e.message}${logs.length ? `\n  ${logs.slice(-8).join("\n  ")}` : ""}`;
      throw new Error(`${s.name}: refused by ${cfg.cluster}: ${why}`, { cause: e });
    });
    console.log(`${s.name}: ${sig}`);
  }
}

/** Every program of the workspace, by its build's name. */
export const PROGRAM_IDS: [string, PublicKey][] = [
  ["halo_pau", PAU_PROGRAM_ID],
  ["halo_oracle", ORACLE_PROGRAM_ID],
  ["halo_trading", TRADING_PROGRAM_ID],
  ["halo_lcts", LCTS_PROGRAM_ID],
  ["halo_nfat", NFAT_PROGRAM_ID],
  ["halo_nfat_hook", NFAT_HOOK_PROGRAM_ID],
];

/** The programs `--programs <dir>` deploys: `<dir>/<name>.so`, each with its keypair
 * `<keypairs>/<name>-keypair.json` (Anchor's `target/deploy` layout), read only when the
 * program is not on the cluster yet, and refused unless it is the program id the client
 * and the other programs know. Every `.so` is read before anything is sent. */
export function programsToDeploy(dir: string, keypairs: string): { name: string; id: PublicKey; so: Uint8Array; keypair: () => Keypair }[] {
  return PROGRAM_IDS.map(([name, id]) => {
    const path = `${keypairs}/${name}-keypair.json`;
    const keypair = () => {
      if (!existsSync(path)) throw new Error(`${name} is not on the cluster and ${path}, its program keypair, is missing`);
      const kp = loadKeypair(path);
      if (!kp.publicKey.equals(id)) throw new Error(`${path} is ${kp.publicKey.toBase58()}, but ${name}'s program id is ${id.toBase58()}`);
      return kp;
    };
    return { name, id, so: readFileSync(`${dir}/${name}.so`), keypair };
  });
}

/** A `ChainView` of a cluster through its RPC (`getMultipleAccountsInfo`). */
export function connectionView(connection: Connection): ChainView {
  return {
    getAccounts: async (keys) => {
      const infos = await connection.getMultipleAccountsInfo(keys);
      return infos.map((a) => (a ? { owner: a.owner, data: a.data } : null));
    },
  };
}

/**
 * What a run says before sending `steps` (those of `phase`): each step of that phase left
 * out because the cluster already has it, and, when nothing is left, that the run is a no-op.
 */
export function skipReport(skipped: Skipped[], steps: Step[], phase: string): string[] {
  const mine = skipped.filter((s) => phase === "all" || s.phase === phase);
  const lines = mine.map((s) => `skip ${s.name}: ${s.why}`);
  if (steps.length === 0) {
    const what = phase === "all" ? "the config describes" : `of the ${phase} phase`;
    lines.push(`nothing to send: everything ${what} is already on chain (${mine.length} steps skipped)`);
  } else if (mine.length > 0) {
    lines.push(`${mine.length} steps already on chain, ${steps.length} to send`);
  }
  return lines;
}

/** The key each role signs with, as the config names it (null: the role has nothing to sign). */
export function signerKeys(cfg: DeployConfig, payer: PublicKey): Record<Signer, PublicKey | null> {
  return {
    payer,
    admin: new PublicKey(cfg.configurator.admin),
    oracleGovernance: cfg.oracle ? new PublicKey(cfg.oracle.governance) : null,
    tradingGovernance: cfg.trading ? new PublicKey(cfg.trading.governance) : null,
    govops: cfg.trading ? new PublicKey(cfg.trading.govops) : null,
    lctsGovernance: cfg.lcts ? new PublicKey(cfg.lcts.governance) : null,
    lctsGovops: cfg.lcts ? new PublicKey(cfg.lcts.govops) : null,
    nfatGovernance: cfg.nfat ? new PublicKey(cfg.nfat.governance) : null,
    nfatGovops: cfg.nfat ? new PublicKey(cfg.nfat.govops) : null,
  };
}

/**
 * Before sending `s`, the accounts it needs must exist. When they are missing because a
 * proposal printed earlier in this run has not landed yet, waits for them; otherwise (nothing
 * will create them) refuses.
 */
async function waitFor(connection: Connection, s: Step, proposed: boolean) {
  const needs = s.needs ?? [];
  for (let announced = false; needs.length > 0; ) {
    const infos = await connection.getMultipleAccountsInfo(needs);
    const missing = needs.filter((_, i) => !infos[i]).map((k) => k.toBase58());
    if (missing.length === 0) return;
    if (!proposed) throw new Error(`${s.name}: needs ${missing.join(", ")}, not on chain`);
    if (!announced) {
      console.log(`${s.name}: waiting for the proposals above to land (${missing.join(", ")}); Ctrl-C to stop`);
      announced = true;
    }
    await new Promise((r) => setTimeout(r, 10_000));
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop() ?? "")) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
