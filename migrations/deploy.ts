// Deploy + bootstrap for a real cluster, from a config file (see config.example.json).
//
//   node --import tsx migrations/deploy.ts --config migrations/config.json --dry-run
//   node --import tsx migrations/deploy.ts --config migrations/config.json --phase schedule
//   node --import tsx migrations/deploy.ts --config migrations/config.json --phase execute
//
// Deploy the programs first (`anchor deploy`), with the payer as halo_pau's upgrade
// authority: `initialize_configurator` must be signed by the key in its ProgramData. Then:
//  * schedule: initialize the configurator, create each PAU's controller, schedule its
//    registration, its GovOps grants and its route inits behind the timelock, schedule
//    the `amm_fund` route init of every trading pool and the pool PDA's integration on
//    that route; create the halo_oracle feeds (and approve their reporters), the
//    halo_trading classes (each with its RFQ cluster domain: the cluster's genesis hash,
//    so the beacon's quotes are valid on this cluster only) and their pools; for the
//    Passthrough Halo (halo_lcts), schedule each unit's `lcts_deploy` and `lcts_return`
//    route inits and the unit PDA's integration on both, and create each LCTS class and
//    each unit with its share mint and both queues (the return route pays the redeem
//    queue's USDS vault, which then exists);
//  * execute (once the timelock delay has passed): execute those operations (which
//    registers each pool PDA and each unit PDA as an integration), then for every pool open
//    its `amm_fund` rate limit (GovOps) and the LP position of the PAU's ALM proxy, and for
//    every unit open its two rate limits (GovOps) and set them as its routes (LCTS
//    governance). The unit's beacon refreshes its rate before its first settlement (the
//    timelock walk ages it past an epoch).
// Each role signs with its keypair (`adminKeypair`, `oracle.governanceKeypair`,
// `trading.governanceKeypair`, `trading.govopsKeypair`, `lcts.governanceKeypair`,
// `lcts.govopsKeypair`); for a multisig, leave it null and the script prints that role's
// transactions as base64 messages to propose instead of sending. A transaction that needs
// an account a proposal creates waits until it lands.
// --dry-run prints every transaction it would send and touches no network: the classes' RFQ
// domain is then a placeholder (DRY_RUN_RFQ_DOMAIN), unless `--genesis-hash <base58>` names
// the cluster's genesis hash (`solana genesis-hash`).
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import {
  Connection,
  Keypair,
  PublicKey,
  Transaction,
  TransactionInstruction,
  sendAndConfirmTransaction,
} from "../app/src/web3.ts";
import { PauClient, type TimelockAction } from "../app/src/pau.ts";
import { pda } from "../app/src/pda.ts";
import { rateLimitKey, TAGS } from "../app/src/keys.ts";
import { OracleClient } from "../app/src/oracle.ts";
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

export interface DeployConfig {
  cluster: string;
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
  nfatFacilities: unknown[];
}

/** Who signs (and pays for) a transaction. */
export type Signer =
  | "payer"
  | "admin"
  | "oracleGovernance"
  | "tradingGovernance"
  | "govops"
  | "lctsGovernance"
  | "lctsGovops";

export interface Step {
  phase: "schedule" | "execute";
  name: string;
  signer: Signer;
  instructions: TransactionInstruction[];
  /** Accounts earlier steps create that this one needs (the script waits for them). */
  needs?: PublicKey[];
}

export interface PlanOptions {
  /** The first timelock op id (the configurator's `nextOpId`); 0 by default. */
  firstOpId?: number;
  /**
   * The cluster's RFQ domain, its genesis hash as 32 bytes (`clusterDomain`): set on every
   * class (`set_rfq_domain`). Needed when the config has trading classes.
   */
  rfqDomain?: Uint8Array;
}

/**
 * The placeholder RFQ domain of a dry run without `--genesis-hash`: not a genesis hash, so
 * a class set to it would refuse every quote the beacon signs for the real cluster.
 */
export const DRY_RUN_RFQ_DOMAIN: Uint8Array = Buffer.alloc(32, 0xd7);

/** Every transaction of the bootstrap, in order. Op ids start at `opts.firstOpId`. */
export async function plan(cfg: DeployConfig, payer: PublicKey, opts: PlanOptions = {}): Promise<Step[]> {
  const firstOpId = opts.firstOpId ?? 0;
  if (((cfg as { tradingPools?: unknown[] }).tradingPools ?? []).length > 0) {
    throw new Error("tradingPools is replaced by trading.classes[].pools (see migrations/config.example.json)");
  }
  if (((cfg as { lctsUnits?: unknown[] }).lctsUnits ?? []).length > 0) {
    throw new Error("lctsUnits is replaced by lcts.classes[].units (see migrations/config.example.json)");
  }
  if ((cfg.nfatFacilities ?? []).length > 0) {
    throw new Error("NFAT facilities cannot be bootstrapped yet: that program is not built");
  }
  const client = new PauClient();
  const admin = new PublicKey(cfg.configurator.admin);
  const steps: Step[] = [
    {
      phase: "schedule",
      name: "initialize_configurator",
      signer: "payer",
      // the deployer is halo_pau's upgrade authority (see above)
      instructions: [
        await client.governance.initializeConfigurator({ payer, upgradeAuthority: payer, ...cfg.configurator, admin }),
      ],
    },
  ];
  const executes: Step[] = [];
  let opId = firstOpId;
  for (const p of cfg.paus) {
    const controller = pda.controller(client.configurator, p.pauId)[0];
    const actions: { action: TimelockAction; exec: () => Promise<TransactionInstruction>; label: string }[] = [];
    const reg = opId;
    actions.push({
      label: `register PAU ${p.pauId}`,
      action: { kind: "registerPau", controller },
      exec: () => client.executor.executeRegisterPau({ executor: payer, opId: reg, controller }),
    });
    opId++;
    for (const m of p.govops) {
      const id = opId++;
      const member = new PublicKey(m);
      actions.push({
        label: `grant GovOps ${m} on PAU ${p.pauId}`,
        action: { kind: "grantGovOps", controller, member },
        exec: () => client.executor.executeGrantGovops({ payer, opId: id, controller, member }),
      });
    }
    for (const r of p.routes) {
      const id = opId++;
      const key = rateLimitKey(r.tag, new PublicKey(r.mint), new PublicKey(r.counterparty));
      const pau = r.scope === "pau" ? controller : PublicKey.default;
      actions.push({
        label: `approve route ${r.tag} on PAU ${p.pauId}`,
        action: { kind: "addInitRateLimit", key, pau, maxAmount: r.maxAmount, slope: r.slope },
        exec: () => client.executor.executeAddInitRateLimit({ payer, opId: id, key, pau }),
      });
    }
    steps.push({
      phase: "schedule",
      name: `initialize_controller ${p.pauId}`,
      signer: "admin",
      instructions: [await client.governance.initializeController({ admin, pauId: p.pauId })],
    });
    let first = reg;
    for (const a of actions) {
      steps.push({
        phase: "schedule",
        name: `schedule_op ${first++}: ${a.label}`,
        signer: "admin",
        instructions: [await client.governance.scheduleOp({ admin, opId: first - 1, action: a.action })],
      });
      executes.push({ phase: "execute", name: `execute: ${a.label}`, signer: "payer", instructions: [await a.exec()] });
    }
  }
  const trading = await planTrading(cfg, client, payer, opId, opts.rfqDomain);
  const lcts = await planLcts(cfg, client, payer, trading.nextOpId);
  return [...steps, ...trading.schedule, ...lcts.schedule, ...executes, ...trading.execute, ...lcts.execute];
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

/**
 * The oracle feeds, trading classes and pools, and each pool's PAU wiring. Schedule phase:
 * per pool, its `amm_fund` route init and its integration (admin, op ids from
 * `firstOpId`); the feeds with their reporters, the classes and the pools. Execute phase:
 * those ops, then per pool its rate limit (GovOps) and the PAU proxy's LP position.
 */
/** Approving a route through the PAU timelock: the `schedule_op` step and its execute step. */
async function approveRouteSteps(
  pau: PauClient,
  ids: { admin: PublicKey; payer: PublicKey; opId: number },
  key: Buffer | Uint8Array,
  limit: LimitConfig,
  route: string,
): Promise<[Step, Step]> {
  const { admin, payer, opId } = ids;
  return [
    {
      phase: "schedule",
      name: `schedule_op ${opId}: approve ${route}`,
      signer: "admin",
      instructions: [
        await pau.governance.scheduleOp({
          admin,
          opId,
          action: { kind: "addInitRateLimit", key, pau: PublicKey.default, ...limit },
        }),
      ],
    },
    {
      phase: "execute",
      name: `execute: approve ${route}`,
      signer: "payer",
      instructions: [await pau.executor.executeAddInitRateLimit({ payer, opId, key, pau: PublicKey.default })],
    },
  ];
}

/** Making `signer` (a Halo program's PDA) an integration allowed `key`, through the timelock. */
async function addIntegrationSteps(
  pau: PauClient,
  ids: { admin: PublicKey; payer: PublicKey; opId: number },
  controller: PublicKey,
  signer: PublicKey,
  key: Buffer | Uint8Array,
  integration: string,
): Promise<[Step, Step]> {
  const { admin, payer, opId } = ids;
  return [
    {
      phase: "schedule",
      name: `schedule_op ${opId}: add ${integration}`,
      signer: "admin",
      instructions: [
        await pau.governance.scheduleOp({ admin, opId, action: { kind: "addIntegration", controller, signer, key } }),
      ],
    },
    {
      phase: "execute",
      name: `execute: add ${integration}`,
      signer: "payer",
      instructions: [await pau.executor.executeAddIntegration({ payer, opId, controller, signer })],
    },
  ];
}

async function planTrading(
  cfg: DeployConfig,
  pau: PauClient,
  payer: PublicKey,
  firstOpId: number,
  rfqDomain: Uint8Array | undefined,
): Promise<{ schedule: Step[]; execute: Step[]; nextOpId: number }> {
  const oracle = new OracleClient();
  const trading = new TradingClient();
  const admin = new PublicKey(cfg.configurator.admin);
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
    creates.push({
      phase: "schedule",
      name: `create_feed ${f.feedId}${n > 0 ? ` + add_reporter x${n}` : ""}`,
      signer: "oracleGovernance",
      instructions: ixs,
    });
  }

  const classes = cfg.trading?.classes ?? [];
  if (classes.length === 0) return { schedule: creates, execute: [], nextOpId: firstOpId };
  if (!rfqDomain || rfqDomain.length !== 32 || rfqDomain.every((b) => b === 0)) {
    throw new Error("trading classes need the cluster's RFQ domain: its genesis hash as 32 bytes (plan's rfqDomain)");
  }
  const gov = new PublicKey(cfg.trading!.governance);
  const govops = new PublicKey(cfg.trading!.govops);
  let opId = firstOpId;
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
    creates.push({
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
    });
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
      creates.push({
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
            params: poolParams(p.params, source.kind, label),
          }),
        ],
        needs: source.kind === "haloFeed" ? [klass, source.feed] : [klass],
      });

      // the amm_fund route: PAU custody -> the pool's quote vault, drawn by the pool PDA
      const link = pauLink(controller, ref);
      const [approve, approved] = await approveRouteSteps(
        pau,
        { admin, payer, opId: opId++ },
        link.routeKey,
        p.fundRoute,
        `route amm_fund to ${label}`,
      );
      // the pool PDA may draw on that route: an integration, an addition behind the timelock
      const [add, added] = await addIntegrationSteps(
        pau,
        { admin, payer, opId: opId++ },
        controller,
        ref.pool,
        link.routeKey,
        `integration ${label} on PAU ${c.pauId}`,
      );
      scheduleOps.push(approve, add);
      executes.push(approved, added);
      wiring.push(
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
        {
          phase: "execute",
          name: `open_position of PAU ${c.pauId}'s proxy in ${label}`,
          signer: "payer",
          instructions: [await trading.lp.openPosition({ payer, pool: ref, owner: pda.proxy(controller)[0] })],
          needs: [ref.pool],
        },
      );
    }
  }
  return { schedule: [...scheduleOps, ...creates], execute: [...executes, ...wiring], nextOpId: opId };
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
 * each (admin, op ids from `firstOpId`); each class, then each unit with its share mint and
 * both queues. Execute phase: those ops, then per unit its two rate limits (GovOps) and
 * `set_unit_routes` (LCTS governance).
 */
async function planLcts(
  cfg: DeployConfig,
  pau: PauClient,
  payer: PublicKey,
  firstOpId: number,
): Promise<{ schedule: Step[]; execute: Step[]; nextOpId: number }> {
  const classes = cfg.lcts?.classes ?? [];
  if (classes.length === 0) return { schedule: [], execute: [], nextOpId: firstOpId };
  const lcts = new LctsClient();
  const admin = new PublicKey(cfg.configurator.admin);
  const gov = new PublicKey(cfg.lcts!.governance);
  const govops = new PublicKey(cfg.lcts!.govops);
  const scheduleOps: Step[] = [];
  const creates: Step[] = [];
  const executes: Step[] = [];
  const wiring: Step[] = [];
  let opId = firstOpId;
  for (const c of classes) {
    const controller = pda.controller(pau.configurator, c.pauId)[0];
    const configured = cfg.paus.find((p) => p.pauId === c.pauId);
    if (configured && !configured.govops.includes(govops.toBase58())) {
      throw new Error(`LCTS class ${c.classId}: lcts.govops ${govops.toBase58()} is not a GovOps member of PAU ${c.pauId}`);
    }
    const klass = pda.lctsClass(gov, c.classId)[0];
    const usdsMint = new PublicKey(c.usdsMint);
    const usdsTokenProgram = c.usdsTokenProgram ? new PublicKey(c.usdsTokenProgram) : undefined;
    creates.push({
      phase: "schedule",
      name: `create_lcts_class ${c.classId}`,
      signer: "lctsGovernance",
      instructions: [await lcts.governance.createClass({ authority: gov, classId: c.classId })],
    });
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
      creates.push({
        phase: "schedule",
        name: `create_lcts_unit ${unit.unitId} of LCTS class ${c.classId} (PAU ${c.pauId}) + create_queue subscribe + create_queue redeem`,
        signer: "lctsGovernance",
        instructions: [
          await lcts.governance.createUnit({ governance: gov, unit: ref, beacon, freezer, rateWad, params, metadata }),
          await lcts.governance.createQueue({ governance: gov, unit: ref, side: "subscribe" }),
          await lcts.governance.createQueue({ governance: gov, unit: ref, side: "redeem" }),
        ],
        needs: [klass, controller],
      });

      // the two routes (custody -> the strategy, custody -> the redeem queue's USDS vault),
      // drawn by the unit PDA: inits and integration keys, additions behind the timelock
      const routes = [
        { tag: TAGS.lctsDeploy, key: deployRouteKey(ref), counterparty: deployEndpoint, limit: unit.deployRoute },
        { tag: TAGS.lctsReturn, key: returnRouteKey(ref), counterparty: ref.redeemUsdsVault, limit: unit.returnRoute },
      ];
      for (const r of routes) {
        const ids = { admin, payer, opId: opId++ };
        const [approve, approved] = await approveRouteSteps(pau, ids, r.key, r.limit, `route ${r.tag} to ${label}`);
        scheduleOps.push(approve);
        executes.push(approved);
      }
      for (const r of routes) {
        const ids = { admin, payer, opId: opId++ };
        const integration = `integration ${label} on PAU ${c.pauId} (${r.tag})`;
        const [add, added] = await addIntegrationSteps(pau, ids, controller, ref.unit, r.key, integration);
        scheduleOps.push(add);
        executes.push(added);
      }
      for (const r of routes) {
        wiring.push({
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
        });
      }
      wiring.push({
        phase: "execute",
        name: `set_unit_routes of ${label}`,
        signer: "lctsGovernance",
        instructions: [await lcts.governance.setUnitRoutes({ governance: gov, unit: ref })],
        needs: [ref.deployRateLimit, ref.returnRateLimit],
      });
    }
  }
  return { schedule: [...scheduleOps, ...creates], execute: [...executes, ...wiring], nextOpId: opId };
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
  const hasClasses = (cfg.trading?.classes ?? []).length > 0;
  const genesisHash = arg("--genesis-hash");
  if (dryRun) {
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
  };
  const expected = signerKeys(cfg, payer.publicKey);
  for (const role of Object.keys(keypairs) as Signer[]) {
    const kp = keypairs[role];
    const want = expected[role];
    if (kp && want && !kp.publicKey.equals(want)) {
      throw new Error(`the ${ROLE[role]} keypair is ${kp.publicKey.toBase58()}, but the config names ${want.toBase58()}`);
    }
  }
  const connection = new Connection(cfg.cluster, "confirmed");
  // each class's RFQ domain: the genesis hash of the cluster it is created on
  let rfqDomain: Uint8Array | undefined;
  if (hasClasses) {
    rfqDomain = await fetchClusterDomain(connection);
    if (genesisHash && !clusterDomain(genesisHash).equals(Buffer.from(rfqDomain))) {
      throw new Error(`--genesis-hash ${genesisHash} is not the genesis hash of ${cfg.cluster}`);
    }
  }
  const steps = (await plan(cfg, payer.publicKey, { rfqDomain })).filter((s) => phase === "all" || s.phase === phase);
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
    const sig = await sendAndConfirmTransaction(connection, tx, signers);
    console.log(`${s.name}: ${sig}`);
  }
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
