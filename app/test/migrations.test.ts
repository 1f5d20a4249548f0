// The deploy + bootstrap script's dry run: every transaction it would send, in order.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { Keypair, PublicKey, type TransactionInstruction } from "@solana/web3.js";
import { DRY_RUN_RFQ_DOMAIN, plan as planWith, type DeployConfig, type PlanOptions, type PoolConfig } from "../../migrations/deploy.ts";
import { PauClient } from "../src/pau.ts";
import { pda, TOKEN_2022_PROGRAM_ID } from "../src/pda.ts";
import { rateLimitKey, TAGS } from "../src/keys.ts";
import { OracleClient } from "../src/oracle.ts";
import { clusterDomain, pauLink, poolRef, TradingClient } from "../src/trading.ts";
import { deployRouteKey, LctsClient, returnRouteKey, unitPau, unitRef } from "../src/lcts.ts";
import { facilityPau, facilityRef, NfatClient, nfatDeployRouteKey, nfatReturnRouteKey, SCHEDULE_ALL, SCHEDULE_BULLET } from "../src/nfat.ts";
import { LCTS_PROGRAM_ID, ORACLE_PROGRAM_ID, PAU_PROGRAM_ID, TRADING_PROGRAM_ID } from "../src/program.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const cfgPath = `${root}migrations/config.example.json`;
const cfg: DeployConfig = JSON.parse(readFileSync(cfgPath, "utf8"));
const DRY_RUN_PAYER = new PublicKey("11111111111111111111111111111112");
/** A cluster's genesis hash (devnet's), for the plans below. */
const GENESIS_HASH = "EtWTRABZaYq6iMfeYKouRu166VU2xqa1wcaWoxPkrZBG";
const RFQ_DOMAIN = clusterDomain(GENESIS_HASH);
/** The plan for this cluster (`plan` with its RFQ domain). */
const plan = (config: DeployConfig, payer: PublicKey, opts: PlanOptions = {}) =>
  planWith(config, payer, { rfqDomain: RFQ_DOMAIN, ...opts });

/** Runs the script on `config` (written to a temporary file), by default as a dry run. */
function run(config: DeployConfig, args = ["--dry-run"]): string {
  const path = `${mkdtempSync(`${tmpdir()}/halo-deploy-`)}/config.json`;
  writeFileSync(path, JSON.stringify(config));
  return execFileSync(process.execPath, ["--import", "tsx", "../migrations/deploy.ts", "--config", path, ...args], {
    cwd: `${root}app`,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}
const dryRun = (config: DeployConfig) => run(config);

/** A keypair file in a temporary directory. */
function keypairFile(k: Keypair): string {
  const path = `${mkdtempSync(`${tmpdir()}/halo-key-`)}/key.json`;
  writeFileSync(path, JSON.stringify(Array.from(k.secretKey)));
  return path;
}

interface PrintedIx {
  programId: string;
  data: string;
  keys: { pubkey: string; isSigner: boolean; isWritable: boolean }[];
}
interface PrintedStep {
  header: string;
  instructions: PrintedIx[];
}

/** The dry run's output, parsed back: one entry per transaction. */
function parse(out: string): PrintedStep[] {
  const steps: PrintedStep[] = [];
  for (const line of out.split("\n")) {
    let m: RegExpMatchArray | null;
    if (line.startsWith("[")) steps.push({ header: line, instructions: [] });
    else if ((m = line.match(/^ {4}program (\S+) data ([0-9a-f]*)$/))) {
      steps.at(-1)!.instructions.push({ programId: m[1], data: m[2], keys: [] });
    } else if ((m = line.match(/^ {6}(\S+)( signer)?( writable)?$/))) {
      steps.at(-1)!.instructions.at(-1)!.keys.push({ pubkey: m[1], isSigner: !!m[2], isWritable: !!m[3] });
    }
  }
  return steps;
}

const printed = (ix: TransactionInstruction): PrintedIx => ({
  programId: ix.programId.toBase58(),
  data: Buffer.from(ix.data).toString("hex"),
  keys: ix.keys.map((k) => ({ pubkey: k.pubkey.toBase58(), isSigner: k.isSigner, isWritable: k.isWritable })),
});

const pauOnly = (c: DeployConfig): DeployConfig => {
  const { oracle: _o, trading: _t, lcts: _l, nfat: _n, ...rest } = c;
  return rest;
};
/** The example config with its Passthrough Halo class only (no feed, no trading class). */
const lctsOnly = (c: DeployConfig): DeployConfig => ({ ...pauOnly(c), lcts: c.lcts });

test("the dry run prints every transaction and sends nothing", () => {
  const out = dryRun(pauOnly(cfg));
  const headers = out.split("\n").filter((l) => l.startsWith("["));
  assert.deepEqual(
    headers.map((h) => h.replace(/ \(signed by .*\)$/, "")),
    [
      "[schedule] initialize_configurator",
      "[schedule] initialize_controller 1",
      "[schedule] schedule_op 0: register PAU 1",
      `[schedule] schedule_op 1: grant GovOps ${cfg.paus[0].govops[0]} on PAU 1`,
      "[schedule] schedule_op 2: approve route transfer on PAU 1",
      "[execute] execute: register PAU 1",
      `[execute] execute: grant GovOps ${cfg.paus[0].govops[0]} on PAU 1`,
      "[execute] execute: approve route transfer on PAU 1",
    ],
  );
  assert.match(out, /8 transactions \(dry run: nothing sent\)/);
});

test("the plan's instructions are the client's, for the configured PAU", async () => {
  const payer = PublicKey.unique();
  const steps = await plan(cfg, payer);
  const client = new PauClient();
  const controller = pda.controller(client.configurator, 1)[0];
  const expected = await client.executor.executeRegisterPau({ executor: payer, opId: 0, controller });
  const exec = steps.find((s) => s.name === "execute: register PAU 1");
  assert.ok(exec);
  assert.deepEqual(exec.instructions[0].data, expected.data);
  assert.deepEqual(
    exec.instructions[0].keys.map((k) => k.pubkey.toBase58()),
    expected.keys.map((k) => k.pubkey.toBase58()),
  );

  // the configurator is initialized by the payer, as halo_pau's upgrade authority
  const init = steps.find((s) => s.name === "initialize_configurator");
  assert.ok(init);
  assert.equal(init.signer, "payer");
  const { admin: _a, ...params } = cfg.configurator;
  const expectedInit = await client.governance.initializeConfigurator({
    payer,
    upgradeAuthority: payer,
    admin: new PublicKey(cfg.configurator.admin),
    ...params,
  });
  assert.deepEqual(init.instructions.map(printed), [printed(expectedInit)]);
  assert.deepEqual(
    init.instructions[0].keys.slice(0, 3).map((k) => [k.pubkey.toBase58(), k.isSigner]),
    [
      [payer.toBase58(), true],
      [payer.toBase58(), true],
      [pda.programData()[0].toBase58(), false],
    ],
  );
});

test("config keys from before the programs were built are refused, not skipped", async () => {
  // the old place of NFAT facilities: now nfat.facilities
  await assert.rejects(
    plan({ ...cfg, nfatFacilities: [{}] } as DeployConfig, PublicKey.unique()),
    /nfatFacilities is replaced by nfat.facilities/,
  );
  // the old place of LCTS units: now lcts.classes[].units
  await assert.rejects(
    plan({ ...cfg, lctsUnits: [{}] } as DeployConfig, PublicKey.unique()),
    /lctsUnits is replaced by lcts.classes\[\].units/,
  );
  await plan({ ...cfg, lctsUnits: [] } as DeployConfig, PublicKey.unique());
});

// ---- the oracle feed, the trading class and its pools ----------------------------------

const PYTH_FEED_ID = "eaa020c61cc479712813461ce153894a96a6c00b21ed0cfc2798d1f9a9e9c94a";
const PYTH_ACCOUNT = "Dpw1EAVrSB1ibxiDQyTAW6Zip3J4Btk2x4SgApQCeFbX";
const { swapMaxStalenessS: _s, minPriceIntervalS: _i, ...pythParams } = cfg.trading!.classes[0].pools[0].params;
/** A Pyth-priced pool; its swap staleness and price-change interval left to the defaults. */
const pythPool: PoolConfig = {
  ...cfg.trading!.classes[0].pools[0],
  unitId: 2,
  bookId: 2,
  assetMint: "9oWbJ1XLGnvtCM4ZzW8hn9dSCfgX5Af43B3RhRvBzR7n",
  priceSource: { pythFeedId: `0x${PYTH_FEED_ID}`, priceAccount: PYTH_ACCOUNT },
  params: pythParams,
};
/** The example config (its NFAT facility aside) with a second, Pyth-priced pool in its class. */
const { nfat: _nfat, ...withoutNfat } = cfg;
const full: DeployConfig = {
  ...withoutNfat,
  trading: {
    ...cfg.trading!,
    classes: [{ ...cfg.trading!.classes[0], pools: [...cfg.trading!.classes[0].pools, pythPool] }],
  },
};

test("the dry run lists the feed, the class, both pools and their PAU wiring in the right phases", () => {
  const out = dryRun(full);
  const steps = parse(out);
  const govops = cfg.trading!.govops;
  assert.deepEqual(
    steps.map((s) => s.header),
    [
      "[schedule] initialize_configurator (signed by payer)",
      "[schedule] initialize_controller 1 (signed by admin)",
      "[schedule] schedule_op 0: register PAU 1 (signed by admin)",
      `[schedule] schedule_op 1: grant GovOps ${govops} on PAU 1 (signed by admin)`,
      "[schedule] schedule_op 2: approve route transfer on PAU 1 (signed by admin)",
      "[schedule] schedule_op 3: approve route amm_fund to pool 1 of class 1 (signed by admin)",
      "[schedule] schedule_op 4: add integration pool 1 of class 1 on PAU 1 (signed by admin)",
      "[schedule] schedule_op 5: approve route amm_fund to pool 2 of class 1 (signed by admin)",
      "[schedule] schedule_op 6: add integration pool 2 of class 1 on PAU 1 (signed by admin)",
      "[schedule] create_feed 1 + add_reporter x1 (signed by oracle governance)",
      "[schedule] create_class 1 (PAU 1) + set_rfq_domain (signed by trading governance)",
      "[schedule] create_pool 1 of class 1 (book 1) (signed by trading governance)",
      "[schedule] create_pool 2 of class 1 (book 2) (signed by trading governance)",
      "[schedule] schedule_op 7: approve route lcts_deploy to unit 0 of LCTS class 1 (signed by admin)",
      "[schedule] schedule_op 8: approve route lcts_return to unit 0 of LCTS class 1 (signed by admin)",
      "[schedule] schedule_op 9: add integration unit 0 of LCTS class 1 on PAU 1 (lcts_deploy) (signed by admin)",
      "[schedule] schedule_op 10: add integration unit 0 of LCTS class 1 on PAU 1 (lcts_return) (signed by admin)",
      "[schedule] create_lcts_class 1 (signed by LCTS governance)",
      "[schedule] create_lcts_unit 0 of LCTS class 1 (PAU 1) + create_queue subscribe + create_queue redeem (signed by LCTS governance)",
      "[execute] execute: register PAU 1 (signed by payer)",
      `[execute] execute: grant GovOps ${govops} on PAU 1 (signed by payer)`,
      "[execute] execute: approve route transfer on PAU 1 (signed by payer)",
      "[execute] execute: approve route amm_fund to pool 1 of class 1 (signed by payer)",
      "[execute] execute: add integration pool 1 of class 1 on PAU 1 (signed by payer)",
      "[execute] execute: approve route amm_fund to pool 2 of class 1 (signed by payer)",
      "[execute] execute: add integration pool 2 of class 1 on PAU 1 (signed by payer)",
      "[execute] create_rate_limit amm_fund to pool 1 of class 1 on PAU 1 (signed by GovOps)",
      "[execute] open_position of PAU 1's proxy in pool 1 of class 1 (signed by payer)",
      "[execute] create_rate_limit amm_fund to pool 2 of class 1 on PAU 1 (signed by GovOps)",
      "[execute] open_position of PAU 1's proxy in pool 2 of class 1 (signed by payer)",
      "[execute] execute: approve route lcts_deploy to unit 0 of LCTS class 1 (signed by payer)",
      "[execute] execute: approve route lcts_return to unit 0 of LCTS class 1 (signed by payer)",
      "[execute] execute: add integration unit 0 of LCTS class 1 on PAU 1 (lcts_deploy) (signed by payer)",
      "[execute] execute: add integration unit 0 of LCTS class 1 on PAU 1 (lcts_return) (signed by payer)",
      "[execute] create_rate_limit lcts_deploy to unit 0 of LCTS class 1 on PAU 1 (signed by LCTS GovOps)",
      "[execute] create_rate_limit lcts_return to unit 0 of LCTS class 1 on PAU 1 (signed by LCTS GovOps)",
      "[execute] set_unit_routes of unit 0 of LCTS class 1 (signed by LCTS governance)",
    ],
  );

  const step = (prefix: string) => {
    const s = steps.find((x) => x.header.startsWith(prefix));
    assert.ok(s, prefix);
    return s;
  };
  const has = (ix: PrintedIx, key: PublicKey, what: string, flags = "") => {
    const k = ix.keys.find((x) => x.pubkey === key.toBase58());
    assert.ok(k, `${what} (${key.toBase58()}) missing`);
    if (flags.includes("s")) assert.ok(k.isSigner, `${what} signs`);
    if (flags.includes("w")) assert.ok(k.isWritable, `${what} writable`);
  };

  const pau = new PauClient();
  const configurator = pau.configurator;
  const controller = pda.controller(configurator, 1)[0];
  const proxy = pda.proxy(controller)[0];
  const oracleGov = new PublicKey(cfg.oracle!.governance);
  const gov = new PublicKey(cfg.trading!.governance);
  const member = new PublicKey(govops);
  const quoteMint = new PublicKey(cfg.trading!.classes[0].quoteMint);

  // the feed, its reporter in the same transaction
  const feed = pda.feed(oracleGov, 1)[0];
  const createFeed = step("[schedule] create_feed 1");
  assert.deepEqual(createFeed.instructions.map((i) => i.programId), [ORACLE_PROGRAM_ID.toBase58(), ORACLE_PROGRAM_ID.toBase58()]);
  has(createFeed.instructions[0], oracleGov, "feed authority", "sw");
  has(createFeed.instructions[0], feed, "feed PDA", "w");
  has(createFeed.instructions[1], feed, "feed PDA", "w");
  assert.ok(createFeed.instructions[1].data.endsWith(new PublicKey(cfg.oracle!.feeds[0].reporters[0]).toBuffer().toString("hex")));

  // the class, drawing from PAU 1's controller
  const klass = pda.class(gov, 1)[0];
  const createClass = step("[schedule] create_class 1");
  assert.equal(createClass.instructions[0].programId, TRADING_PROGRAM_ID.toBase58());
  has(createClass.instructions[0], gov, "class authority", "sw");
  has(createClass.instructions[0], klass, "class PDA", "w");
  has(createClass.instructions[0], controller, "PAU controller");
  has(createClass.instructions[0], quoteMint, "quote mint");
  // then the class's RFQ domain, in the same transaction: a dry run's placeholder, said so
  assert.equal(createClass.instructions.length, 2);
  assert.equal(createClass.instructions[1].programId, TRADING_PROGRAM_ID.toBase58());
  has(createClass.instructions[1], gov, "class governance", "s");
  has(createClass.instructions[1], klass, "class PDA", "w");
  const placeholder = Buffer.from(DRY_RUN_RFQ_DOMAIN).toString("hex");
  assert.ok(createClass.instructions[1].data.endsWith(placeholder));
  assert.ok(out.includes(`dry run: set_rfq_domain uses the placeholder domain ${placeholder}`));

  for (const [unit, priceAccount] of [
    [1, feed],
    [2, new PublicKey(PYTH_ACCOUNT)],
  ] as const) {
    const label = `pool ${unit} of class 1`;
    const pool = pda.pool(klass, unit)[0];
    const book = pda.book(klass, unit)[0];
    const quoteVault = pda.vault(book, quoteMint)[0];
    const assetMint = new PublicKey(full.trading!.classes[0].pools[unit - 1].assetMint);
    const key = rateLimitKey(TAGS.ammFund, quoteMint, quoteVault);

    const createPool = step(`[schedule] create_pool ${unit} of class 1`).instructions[0];
    assert.equal(createPool.programId, TRADING_PROGRAM_ID.toBase58());
    has(createPool, gov, "pool governance", "sw");
    has(createPool, klass, "class", "w");
    has(createPool, pool, "pool PDA", "w");
    has(createPool, book, "book PDA", "w");
    has(createPool, pda.generation(pool, 0)[0], "first withdrawal generation", "w");
    has(createPool, pda.vault(book, assetMint)[0], "asset vault", "w");
    has(createPool, quoteVault, "quote vault", "w");
    has(createPool, priceAccount, "price account");

    // the route init, scheduled through the timelock then executed: global scope
    const opId = 1 + 2 * unit;
    const schedule = step(`[schedule] schedule_op ${opId}: approve route amm_fund to ${label}`).instructions[0];
    assert.equal(schedule.programId, PAU_PROGRAM_ID.toBase58());
    has(schedule, pda.op(configurator, opId)[0], "timelock op", "w");
    assert.ok(schedule.data.includes(key.toString("hex")), "the op carries the amm_fund key");
    const exec = step(`[execute] execute: approve route amm_fund to ${label}`).instructions[0];
    const init = pda.initRateLimit(configurator, key, PublicKey.default)[0];
    has(exec, init, "global init rate limit", "w");

    const create = step(`[execute] create_rate_limit amm_fund to ${label}`).instructions[0];
    assert.equal(create.programId, PAU_PROGRAM_ID.toBase58());
    has(create, member, "GovOps member", "sw");
    has(create, pda.govops(controller, member)[0], "membership");
    has(create, pda.initRateLimit(configurator, key, controller)[0], "PAU-specific init rate limit");
    has(create, init, "global init rate limit");
    has(create, quoteVault, "counterparty token account");
    has(create, pda.rateLimit(controller, key)[0], "rate limit", "w");
    assert.ok(create.data.includes(quoteVault.toBuffer().toString("hex")), "the counterparty is the quote vault");

    // the pool PDA's integration on that route, through the timelock too
    const integrationOp = opId + 1;
    const scheduleIntegration = step(`[schedule] schedule_op ${integrationOp}: add integration ${label} on PAU 1`).instructions[0];
    assert.equal(scheduleIntegration.programId, PAU_PROGRAM_ID.toBase58());
    has(scheduleIntegration, pda.op(configurator, integrationOp)[0], "timelock op", "w");
    assert.ok(
      scheduleIntegration.data.includes(
        controller.toBuffer().toString("hex") + pool.toBuffer().toString("hex") + key.toString("hex"),
      ),
      "the op carries (controller, pool, amm_fund key)",
    );
    const integration = step(`[execute] execute: add integration ${label} on PAU 1`).instructions[0];
    assert.equal(integration.programId, PAU_PROGRAM_ID.toBase58());
    has(integration, pda.op(configurator, integrationOp)[0], "timelock op", "w");
    has(integration, pda.integration(controller, pool)[0], "integration PDA", "w");
    has(integration, pda.integrationRemoval(configurator, controller, pool)[0], "integration removal record");
    assert.ok(integration.data.endsWith(pool.toBuffer().toString("hex")));

    const open = step(`[execute] open_position of PAU 1's proxy in ${label}`).instructions[0];
    assert.equal(open.programId, TRADING_PROGRAM_ID.toBase58());
    has(open, pool, "pool");
    has(open, pda.position(pool, proxy)[0], "the proxy's LP position", "w");
    assert.ok(open.data.endsWith(proxy.toBuffer().toString("hex")));
  }
});

test("the plan's trading instructions are the client's, byte for byte", async () => {
  const payer = DRY_RUN_PAYER;
  const steps = await plan(full, payer);
  const got = (name: string) => {
    const s = steps.find((x) => x.name === name);
    assert.ok(s, name);
    return s.instructions.map(printed);
  };
  const pau = new PauClient();
  const oracle = new OracleClient();
  const trading = new TradingClient();
  const controller = pda.controller(pau.configurator, 1)[0];
  const oracleGov = new PublicKey(cfg.oracle!.governance);
  const gov = new PublicKey(cfg.trading!.governance);
  const member = new PublicKey(cfg.trading!.govops);
  const c = full.trading!.classes[0];
  const quoteMint = new PublicKey(c.quoteMint);
  const f = cfg.oracle!.feeds[0];
  const feed = pda.feed(oracleGov, 1)[0];
  const klass = pda.class(gov, 1)[0];

  assert.deepEqual(
    got("create_feed 1 + add_reporter x1"),
    [
      await oracle.governance.createFeed({ authority: oracleGov, feedId: 1, decimals: 6, maxMoveBps: 50, initialValue: f.initialValue }),
      await oracle.governance.addReporter({ governance: oracleGov, feed, reporter: new PublicKey(f.reporters[0]) }),
    ].map(printed),
  );
  assert.deepEqual(
    got("create_class 1 (PAU 1) + set_rfq_domain"),
    [
      await trading.governance.createClass({
        authority: gov,
        quoteMint,
        pauController: controller,
        classId: 1,
        beacon: new PublicKey(c.beacon),
        freezer: new PublicKey(c.freezer),
      }),
      await trading.governance.setRfqDomain({ governance: gov, class: klass, domain: RFQ_DOMAIN }),
    ].map(printed),
  );
  for (const p of c.pools) {
    const unit = Number(p.unitId);
    const label = `pool ${unit} of class 1`;
    const pyth = "pythFeedId" in p.priceSource;
    const priceAccount = pyth ? new PublicKey(PYTH_ACCOUNT) : feed;
    const ref = poolRef({ class: klass, unitId: unit, bookId: p.bookId, assetMint: new PublicKey(p.assetMint), quoteMint, priceAccount });
    const link = pauLink(controller, ref);
    assert.deepEqual(
      got(`create_pool ${unit} of class 1 (book ${p.bookId})`),
      [
        await trading.governance.createPool({
          governance: gov,
          pool: ref,
          unitId: unit,
          bookId: p.bookId,
          priceSource: pyth ? { kind: "pyth", feedId: Buffer.from(PYTH_FEED_ID, "hex") } : { kind: "haloFeed", feed },
          params: {
            ...p.params,
            // the example's halo-feed pool sets both; the Pyth pool takes the defaults
            swapMaxStalenessS: pyth ? 60 : 93_600,
            minPriceIntervalS: pyth ? 0 : 60,
            redemptionAccount: new PublicKey(p.params.redemptionAccount),
          },
        }),
      ].map(printed),
    );
    const initOp = 1 + 2 * unit;
    const integrationOp = initOp + 1;
    assert.deepEqual(
      got(`schedule_op ${initOp}: approve route amm_fund to ${label}`),
      [
        await pau.governance.scheduleOp({
          admin: new PublicKey(cfg.configurator.admin),
          opId: initOp,
          action: { kind: "addInitRateLimit", key: link.routeKey, pau: PublicKey.default, ...p.fundRoute },
        }),
      ].map(printed),
    );
    assert.deepEqual(
      got(`execute: approve route amm_fund to ${label}`),
      [await pau.executor.executeAddInitRateLimit({ payer, opId: initOp, key: link.routeKey, pau: PublicKey.default })].map(printed),
    );
    assert.deepEqual(
      got(`schedule_op ${integrationOp}: add integration ${label} on PAU 1`),
      [
        await pau.governance.scheduleOp({
          admin: new PublicKey(cfg.configurator.admin),
          opId: integrationOp,
          action: { kind: "addIntegration", controller, signer: ref.pool, key: link.routeKey },
        }),
      ].map(printed),
    );
    assert.deepEqual(
      got(`execute: add integration ${label} on PAU 1`),
      [await pau.executor.executeAddIntegration({ payer, opId: integrationOp, controller, signer: ref.pool })].map(printed),
    );
    assert.deepEqual(
      got(`create_rate_limit amm_fund to ${label} on PAU 1`),
      [
        await pau.govops.createRateLimit({
          member,
          controller,
          mint: quoteMint,
          key: link.routeKey,
          tag: "amm_fund",
          counterparty: ref.quoteVault,
          ...p.fundRoute,
        }),
      ].map(printed),
    );
    assert.deepEqual(
      got(`open_position of PAU 1's proxy in ${label}`),
      [await trading.lp.openPosition({ payer, pool: ref, owner: pda.proxy(controller)[0] })].map(printed),
    );
  }
});

// ---- the Passthrough Halo class, its unit and its PAU wiring ------------------------------

/** The example's LCTS unit, derived as the plan derives it. */
function exampleUnit(config: DeployConfig = cfg) {
  const c = config.lcts!.classes[0];
  const unit = c.units[0];
  const controller = pda.controller(new PauClient().configurator, c.pauId)[0];
  const usdsMint = new PublicKey(c.usdsMint);
  const klass = pda.lctsClass(new PublicKey(config.lcts!.governance), c.classId)[0];
  const u = unitRef({ class: klass, unitId: unit.unitId, usdsMint, pau: unitPau(controller, usdsMint, new PublicKey(unit.deployEndpoint)) });
  return { c, unit, controller, usdsMint, klass, u };
}

test("the dry run lists the LCTS class, its unit with both queues, and its PAU wiring in the right phases", () => {
  const out = dryRun(lctsOnly(cfg));
  const steps = parse(out);
  const govops = cfg.lcts!.govops;
  assert.deepEqual(
    steps.map((s) => s.header),
    [
      "[schedule] initialize_configurator (signed by payer)",
      "[schedule] initialize_controller 1 (signed by admin)",
      "[schedule] schedule_op 0: register PAU 1 (signed by admin)",
      `[schedule] schedule_op 1: grant GovOps ${govops} on PAU 1 (signed by admin)`,
      "[schedule] schedule_op 2: approve route transfer on PAU 1 (signed by admin)",
      "[schedule] schedule_op 3: approve route lcts_deploy to unit 0 of LCTS class 1 (signed by admin)",
      "[schedule] schedule_op 4: approve route lcts_return to unit 0 of LCTS class 1 (signed by admin)",
      "[schedule] schedule_op 5: add integration unit 0 of LCTS class 1 on PAU 1 (lcts_deploy) (signed by admin)",
      "[schedule] schedule_op 6: add integration unit 0 of LCTS class 1 on PAU 1 (lcts_return) (signed by admin)",
      "[schedule] create_lcts_class 1 (signed by LCTS governance)",
      "[schedule] create_lcts_unit 0 of LCTS class 1 (PAU 1) + create_queue subscribe + create_queue redeem (signed by LCTS governance)",
      "[execute] execute: register PAU 1 (signed by payer)",
      `[execute] execute: grant GovOps ${govops} on PAU 1 (signed by payer)`,
      "[execute] execute: approve route transfer on PAU 1 (signed by payer)",
      "[execute] execute: approve route lcts_deploy to unit 0 of LCTS class 1 (signed by payer)",
      "[execute] execute: approve route lcts_return to unit 0 of LCTS class 1 (signed by payer)",
      "[execute] execute: add integration unit 0 of LCTS class 1 on PAU 1 (lcts_deploy) (signed by payer)",
      "[execute] execute: add integration unit 0 of LCTS class 1 on PAU 1 (lcts_return) (signed by payer)",
      "[execute] create_rate_limit lcts_deploy to unit 0 of LCTS class 1 on PAU 1 (signed by LCTS GovOps)",
      "[execute] create_rate_limit lcts_return to unit 0 of LCTS class 1 on PAU 1 (signed by LCTS GovOps)",
      "[execute] set_unit_routes of unit 0 of LCTS class 1 (signed by LCTS governance)",
    ],
  );
  assert.match(out, /21 transactions \(dry run: nothing sent\)/);
  assert.ok(!out.includes("placeholder"), "no trading class: no RFQ domain");

  const step = (prefix: string) => {
    const s = steps.find((x) => x.header.startsWith(prefix));
    assert.ok(s, prefix);
    return s;
  };
  const has = (ix: PrintedIx, key: PublicKey, what: string, flags = "") => {
    const k = ix.keys.find((x) => x.pubkey === key.toBase58());
    assert.ok(k, `${what} (${key.toBase58()}) missing`);
    if (flags.includes("s")) assert.ok(k.isSigner, `${what} signs`);
    if (flags.includes("w")) assert.ok(k.isWritable, `${what} writable`);
  };
  const configurator = new PauClient().configurator;
  const { unit, controller, usdsMint, klass, u } = exampleUnit();
  const gov = new PublicKey(cfg.lcts!.governance);
  const member = new PublicKey(govops);
  const endpoint = new PublicKey(unit.deployEndpoint);

  const createClass = step("[schedule] create_lcts_class 1").instructions;
  assert.equal(createClass.length, 1);
  assert.equal(createClass[0].programId, LCTS_PROGRAM_ID.toBase58());
  has(createClass[0], gov, "class authority", "sw");
  has(createClass[0], klass, "class PDA", "w");

  // the unit, its share mint (Token-2022) and both queues with their vaults, in one transaction
  const [createUnit, subscribeQueue, redeemQueue] = step("[schedule] create_lcts_unit 0").instructions;
  for (const ix of [createUnit, subscribeQueue, redeemQueue]) {
    assert.equal(ix.programId, LCTS_PROGRAM_ID.toBase58());
    has(ix, gov, "unit governance", "sw");
    has(ix, u.unit, "unit PDA", "w");
  }
  has(createUnit, klass, "class", "w");
  has(createUnit, u.shareMint, "share mint", "w");
  has(createUnit, usdsMint, "USDS mint");
  has(createUnit, controller, "PAU controller");
  has(createUnit, TOKEN_2022_PROGRAM_ID, "Token-2022");
  assert.ok(createUnit.data.includes(Buffer.from(unit.metadata.name).toString("hex")), "the share mint's name");
  has(subscribeQueue, u.subscribeQueue, "subscribe queue", "w");
  has(subscribeQueue, u.subscribeUsdsVault, "subscribe USDS vault", "w");
  has(subscribeQueue, u.subscribeShareVault, "subscribe share vault", "w");
  has(redeemQueue, u.redeemQueue, "redeem queue", "w");
  has(redeemQueue, u.redeemUsdsVault, "redeem USDS vault", "w");
  has(redeemQueue, u.redeemShareVault, "redeem share vault", "w");

  // both routes through the timelock (global inits), the unit PDA their integration
  for (const [tag, key, counterparty, initOp] of [
    ["lcts_deploy", deployRouteKey(u), endpoint, 3],
    ["lcts_return", returnRouteKey(u), u.redeemUsdsVault, 4],
  ] as const) {
    const label = `route ${tag} to unit 0 of LCTS class 1`;
    const schedule = step(`[schedule] schedule_op ${initOp}: approve ${label}`).instructions[0];
    has(schedule, pda.op(configurator, initOp)[0], "timelock op", "w");
    assert.ok(schedule.data.includes(key.toString("hex")), `the op carries the ${tag} key`);
    const init = pda.initRateLimit(configurator, key, PublicKey.default)[0];
    has(step(`[execute] execute: approve ${label}`).instructions[0], init, "global init rate limit", "w");
    const integrationOp = initOp + 2;
    const scheduleIntegration = step(`[schedule] schedule_op ${integrationOp}: add integration unit 0 of LCTS class 1 on PAU 1 (${tag})`)
      .instructions[0];
    assert.ok(
      scheduleIntegration.data.includes(controller.toBuffer().toString("hex") + u.unit.toBuffer().toString("hex") + key.toString("hex")),
      "the op carries (controller, unit, key)",
    );
    const integration = step(`[execute] execute: add integration unit 0 of LCTS class 1 on PAU 1 (${tag})`).instructions[0];
    has(integration, pda.integration(controller, u.unit)[0], "integration PDA", "w");
    assert.ok(integration.data.endsWith(u.unit.toBuffer().toString("hex")));
    const create = step(`[execute] create_rate_limit ${tag} to unit 0 of LCTS class 1`).instructions[0];
    assert.equal(create.programId, PAU_PROGRAM_ID.toBase58());
    has(create, member, "GovOps member", "sw");
    has(create, init, "global init rate limit");
    has(create, counterparty, "counterparty token account");
    has(create, pda.rateLimit(controller, key)[0], "rate limit", "w");
    assert.ok(create.data.includes(Buffer.from(tag).toString("hex")), "the route's tag");
  }
  const routes = step("[execute] set_unit_routes of unit 0 of LCTS class 1").instructions[0];
  assert.equal(routes.programId, LCTS_PROGRAM_ID.toBase58());
  has(routes, gov, "unit governance", "s");
  has(routes, u.unit, "unit", "w");
  has(routes, u.redeemQueue, "redeem queue");
  has(routes, u.deployRateLimit, "deploy rate limit");
  has(routes, u.returnRateLimit, "return rate limit");
});

test("the plan's LCTS instructions are the client's, byte for byte", async () => {
  const payer = DRY_RUN_PAYER;
  const steps = await plan(cfg, payer);
  const got = (name: string) => {
    const s = steps.find((x) => x.name === name);
    assert.ok(s, name);
    return s.instructions.map(printed);
  };
  const pau = new PauClient();
  const lcts = new LctsClient();
  const { unit, controller, usdsMint, u } = exampleUnit();
  const gov = new PublicKey(cfg.lcts!.governance);
  const member = new PublicKey(cfg.lcts!.govops);
  const admin = new PublicKey(cfg.configurator.admin);
  const p = unit.params;
  assert.deepEqual(got("create_lcts_class 1"), [printed(await lcts.governance.createClass({ authority: gov, classId: 1 }))]);
  assert.deepEqual(
    got("create_lcts_unit 0 of LCTS class 1 (PAU 1) + create_queue subscribe + create_queue redeem"),
    [
      await lcts.governance.createUnit({
        governance: gov,
        unit: u,
        beacon: new PublicKey(unit.beacon),
        freezer: new PublicKey(unit.freezer),
        rateWad: unit.rateWad,
        params: { ...p },
        metadata: unit.metadata,
      }),
      await lcts.governance.createQueue({ governance: gov, unit: u, side: "subscribe" }),
      await lcts.governance.createQueue({ governance: gov, unit: u, side: "redeem" }),
    ].map(printed),
  );
  // after the trading class's two ops (3, 4)
  const routes = [
    { tag: "lcts_deploy", key: deployRouteKey(u), counterparty: new PublicKey(unit.deployEndpoint), limit: unit.deployRoute, init: 5, add: 7 },
    { tag: "lcts_return", key: returnRouteKey(u), counterparty: u.redeemUsdsVault, limit: unit.returnRoute, init: 6, add: 8 },
  ];
  for (const r of routes) {
    const label = `unit 0 of LCTS class 1`;
    assert.deepEqual(
      got(`schedule_op ${r.init}: approve route ${r.tag} to ${label}`),
      [await pau.governance.scheduleOp({ admin, opId: r.init, action: { kind: "addInitRateLimit", key: r.key, pau: PublicKey.default, ...r.limit } })].map(printed),
    );
    assert.deepEqual(
      got(`execute: approve route ${r.tag} to ${label}`),
      [await pau.executor.executeAddInitRateLimit({ payer, opId: r.init, key: r.key, pau: PublicKey.default })].map(printed),
    );
    assert.deepEqual(
      got(`schedule_op ${r.add}: add integration ${label} on PAU 1 (${r.tag})`),
      [await pau.governance.scheduleOp({ admin, opId: r.add, action: { kind: "addIntegration", controller, signer: u.unit, key: r.key } })].map(printed),
    );
    assert.deepEqual(
      got(`execute: add integration ${label} on PAU 1 (${r.tag})`),
      [await pau.executor.executeAddIntegration({ payer, opId: r.add, controller, signer: u.unit })].map(printed),
    );
    assert.deepEqual(
      got(`create_rate_limit ${r.tag} to ${label} on PAU 1`),
      [
        await pau.govops.createRateLimit({
          member,
          controller,
          mint: usdsMint,
          key: r.key,
          tag: r.tag,
          counterparty: r.counterparty,
          ...r.limit,
        }),
      ].map(printed),
    );
  }
  assert.deepEqual(got("set_unit_routes of unit 0 of LCTS class 1"), [printed(await lcts.governance.setUnitRoutes({ governance: gov, unit: u }))]);
  // the LCTS GovOps and governance sign their steps; the op ids continue after trading's
  const signers = new Set(steps.filter((s) => s.name.includes("LCTS class")).map((s) => s.signer));
  assert.deepEqual([...signers].sort(), ["admin", "lctsGovernance", "lctsGovops", "payer"]);
});

test("LCTS configs that cannot work are refused before anything is sent", async () => {
  const payer = PublicKey.unique();
  const c = cfg.lcts!.classes[0];
  const u0 = c.units[0];
  const withUnit = (patch: Record<string, unknown>): DeployConfig => ({
    ...cfg,
    lcts: { ...cfg.lcts!, classes: [{ ...c, units: [{ ...u0, ...patch } as typeof u0] }] },
  });
  const withParams = (patch: Record<string, unknown>) => withUnit({ params: { ...u0.params, ...patch } });
  const label = "unit 0 of LCTS class 1";
  const refused = async (config: DeployConfig, why: RegExp) => assert.rejects(plan(config, payer), why);
  await refused(withParams({ epochS: 59 }), new RegExp(`${label}: params.epochS must be seconds from 60 to 2678400, got 59`));
  await refused(withParams({ lockOffsetS: 3_600 }), /params.lockOffsetS \+ params.lockWindowS \(90000\) must be at most params.epochS \(86400\)/);
  await refused(withParams({ lockWindowS: 0 }), /params.lockWindowS must be seconds from 1 to 86400, got 0/);
  await refused(withParams({ maxLockS: 8 * 86_400 }), /params.maxLockS must be seconds from 60 to 604800/);
  await refused(withParams({ maxRateDownBps: 5_001 }), /params.maxRateDownBps must be a whole number of bps from 0 to 5000, got 5001/);
  await refused(withParams({ maxRateUpBps: 1_001 }), /params.maxRateUpBps must be a whole number of bps from 0 to 1000/);
  await refused(withParams({ dust: 0 }), /params.dust must be base units from 1 to/);
  await refused(withParams({ minEntry: "0" }), /params.minEntry must be base units from 1 to/);
  await refused(withParams({ dust: "1.5" }), /params.dust must be a whole number \(a JSON number or a decimal string\), got "1.5"/);
  await refused(withUnit({ rateWad: "0" }), new RegExp(`${label}: rateWad must be above 0 and at most 1e27`));
  await refused(withUnit({ rateWad: (10n ** 27n + 1n).toString() }), /rateWad must be above 0 and at most 1e27/);
  await refused(withUnit({ metadata: { ...u0.metadata, name: "" } }), /metadata.name must be 1 to 32 bytes/);
  await refused(withUnit({ metadata: { ...u0.metadata, name: "x".repeat(33) } }), /metadata.name must be 1 to 32 bytes/);
  await refused(withUnit({ metadata: { ...u0.metadata, symbol: "HALOPASSTHR" } }), /metadata.symbol must be at most 10 bytes/);
  await refused(withUnit({ metadata: { ...u0.metadata, uri: "u".repeat(201) } }), /metadata.uri must be at most 200 bytes/);
  await refused(withUnit({ freezer: PublicKey.default.toBase58() }), /the beacon and the freezer cannot be the default key/);
  await refused(
    { ...cfg, lcts: { ...cfg.lcts!, classes: [{ ...c, units: [u0, u0] }] } },
    new RegExp(`${label} is configured twice`),
  );
  const stranger = PublicKey.unique().toBase58();
  await refused({ ...cfg, lcts: { ...cfg.lcts!, govops: stranger } }, new RegExp(`lcts.govops ${stranger} is not a GovOps member of PAU 1`));
  // bounds at their edges pass
  await plan(withParams({ epochS: 60, lockOffsetS: 0, lockWindowS: 60, maxLockS: 604_800, maxRateUpBps: 1_000, maxRateDownBps: 5_000, dust: 1, minEntry: 1 }), payer);
  await plan(withUnit({ metadata: { name: "x".repeat(32), symbol: "", uri: "" } }), payer);
});

test("a config without trading plans exactly the PAU bootstrap", async () => {
  const payer = PublicKey.unique();
  const withTrading = await plan(cfg, payer);
  const without = await plan(pauOnly(cfg), payer);
  const pauNames = without.map((s) => s.name);
  assert.deepEqual(
    withTrading.filter((s) => pauNames.includes(s.name)).map((s) => s.instructions.map(printed)),
    without.map((s) => s.instructions.map(printed)),
  );
});

test("trading configs that cannot work are refused before anything is sent", async () => {
  const payer = PublicKey.unique();
  const klass = cfg.trading!.classes[0];
  const withPool = (p: Partial<PoolConfig>): DeployConfig => ({
    ...cfg,
    trading: { ...cfg.trading!, classes: [{ ...klass, pools: [{ ...klass.pools[0], ...p }] }] },
  });
  await assert.rejects(plan(withPool({ priceSource: { haloFeedId: 7 } }), payer), /halo feed 7 is not in oracle.feeds/);
  await assert.rejects(
    plan(withPool({ priceSource: { pythFeedId: "0x1234", priceAccount: PYTH_ACCOUNT } }), payer),
    /pythFeedId: expected 32 bytes of hex/,
  );
  await assert.rejects(
    plan({ ...cfg, tradingPools: [{}] } as DeployConfig, payer),
    /tradingPools is replaced by trading.classes\[\].pools/,
  );
  const params = klass.pools[0].params;
  const { rfqEnabled: _e, ...noRfq } = params;
  await assert.rejects(
    plan(withPool({ params: noRfq as typeof params }), payer),
    /pool 1 of class 1: params.rfqEnabled must be true or false/,
  );
  await assert.rejects(
    plan(withPool({ params: { ...params, rfqMinSpreadBps: 5_001 } }), payer),
    /pool 1 of class 1: params.rfqMinSpreadBps must be a whole number of bps from 0 to 5000, got 5001/,
  );
  await assert.rejects(
    plan(withPool({ params: { ...params, rfqMinSpreadBps: "2" as unknown as number } }), payer),
    /params.rfqMinSpreadBps must be a whole number/,
  );
  await assert.rejects(
    plan(withPool({ params: { ...params, swapMaxStalenessS: params.maxStalenessS + 1 } }), payer),
    /pool 1 of class 1: params.swapMaxStalenessS must be a whole number of seconds from 1 to maxStalenessS \(93600\), got 93601/,
  );
  await assert.rejects(
    plan(withPool({ params: { ...params, swapMaxStalenessS: 0 } }), payer),
    /params.swapMaxStalenessS must be a whole number of seconds from 1/,
  );
  await assert.rejects(
    plan(withPool({ params: { ...params, minPriceIntervalS: -1 } }), payer),
    /pool 1 of class 1: params.minPriceIntervalS must be a whole number of seconds, got -1/,
  );
  // a short LP staleness bounds the Pyth default too
  const { swapMaxStalenessS: _s, minPriceIntervalS: _i, ...bare } = params;
  const pyth = await plan(
    withPool({ priceSource: { pythFeedId: PYTH_FEED_ID, priceAccount: PYTH_ACCOUNT }, params: { ...bare, maxStalenessS: 30 } }),
    payer,
  );
  const createPool = pyth.find((s) => s.name.startsWith("create_pool 1 "))!.instructions[0];
  const trading = new TradingClient();
  const coder = trading.program.coder.instruction as unknown as {
    decode(data: Buffer): { data: { args: { params: { maxStalenessS: number; swapMaxStalenessS: number; minPriceIntervalS: number } } } };
  };
  const decoded = coder.decode(Buffer.from(createPool.data));
  const { maxStalenessS, swapMaxStalenessS, minPriceIntervalS } = decoded.data.args.params;
  assert.deepEqual({ maxStalenessS, swapMaxStalenessS, minPriceIntervalS }, { maxStalenessS: 30, swapMaxStalenessS: 30, minPriceIntervalS: 0 });
  // classes are created with the cluster's RFQ domain: a plan without one is refused
  await assert.rejects(planWith(cfg, payer), /trading classes need the cluster's RFQ domain/);
  await assert.rejects(planWith(cfg, payer, { rfqDomain: new Uint8Array(32) }), /trading classes need the cluster's RFQ domain/);
  await planWith(pauOnly(cfg), payer);
  const stranger = PublicKey.unique().toBase58();
  await assert.rejects(
    plan({ ...cfg, trading: { ...cfg.trading!, govops: stranger } }, payer),
    new RegExp(`${stranger} is not a GovOps member of PAU 1`),
  );
});

test("a dry run with --genesis-hash sets that cluster's domain and prints no placeholder note", () => {
  const out = run(cfg, ["--dry-run", "--genesis-hash", GENESIS_HASH]);
  const createClass = parse(out).find((s) => s.header.startsWith("[schedule] create_class 1"));
  assert.ok(createClass);
  assert.ok(createClass.instructions[1].data.endsWith(RFQ_DOMAIN.toString("hex")));
  assert.ok(!out.includes("placeholder"));
});

test("the LCTS roles' keypairs are checked against the config too", () => {
  const wrong = Keypair.generate();
  const config: DeployConfig = {
    ...cfg,
    cluster: "http://127.0.0.1:9",
    payerKeypair: keypairFile(Keypair.generate()),
    lcts: { ...cfg.lcts!, governanceKeypair: keypairFile(wrong) },
  };
  assert.throws(
    () => run(config, ["--phase", "schedule"]),
    (e: { status: number; stderr: string }) =>
      e.status === 1 &&
      e.stderr.includes(`the LCTS governance keypair is ${wrong.publicKey.toBase58()}, but the config names ${cfg.lcts!.governance}`),
  );
});

test("a role's keypair that is not the key the config names is refused before anything is sent", () => {
  const wrong = Keypair.generate();
  const config: DeployConfig = {
    ...cfg,
    // nothing listens here: the check must come before any request
    cluster: "http://127.0.0.1:9",
    payerKeypair: keypairFile(Keypair.generate()),
    trading: { ...cfg.trading!, govopsKeypair: keypairFile(wrong) },
  };
  assert.throws(
    () => run(config, ["--phase", "schedule"]),
    (e: { status: number; stderr: string }) =>
      e.status === 1 &&
      e.stderr.includes(`the GovOps keypair is ${wrong.publicKey.toBase58()}, but the config names ${cfg.trading!.govops}`),
  );
});

// ---- the Structuring Halo's facility -------------------------------------------------

/** The example config with its Structuring Halo facility only. */
const nfatOnly = (c: DeployConfig): DeployConfig => ({ ...pauOnly(c), nfat: c.nfat });

/** The example facility's addresses. */
function exampleFacility() {
  const f = cfg.nfat!.facilities[0];
  const depositMint = new PublicKey(f.depositMint);
  const ref = facilityRef({
    authority: new PublicKey(cfg.nfat!.governance),
    facilityId: f.facilityId,
    depositMint,
    pau: facilityPau(pda.controller(new PauClient().configurator, f.pauId)[0], depositMint, new PublicKey(f.deployEndpoint)),
  });
  return { f, controller: ref.pauController, depositMint, ref };
}

test("the dry run lists the NFAT facility, its routes, its Prime and its allow-list in the right phases", () => {
  const steps = parse(dryRun(nfatOnly(cfg)));
  const { f } = exampleFacility();
  const govops = cfg.nfat!.govops;
  assert.deepEqual(
    steps.map((s) => s.header),
    [
      "[schedule] initialize_configurator (signed by payer)",
      "[schedule] initialize_controller 1 (signed by admin)",
      "[schedule] schedule_op 0: register PAU 1 (signed by admin)",
      `[schedule] schedule_op 1: grant GovOps ${govops} on PAU 1 (signed by admin)`,
      "[schedule] schedule_op 2: approve route transfer on PAU 1 (signed by admin)",
      "[schedule] create_facility 0 (PAU 1) (signed by NFAT governance)",
      "[schedule] schedule_op 3: approve route nfat_deploy to NFAT facility 0 (signed by admin)",
      "[schedule] schedule_op 4: approve route nfat_return to NFAT facility 0 (signed by admin)",
      "[schedule] schedule_op 5: add integration NFAT facility 0 on PAU 1 (nfat_deploy) (signed by admin)",
      "[schedule] schedule_op 6: add integration NFAT facility 0 on PAU 1 (nfat_return) (signed by admin)",
      "[execute] execute: register PAU 1 (signed by payer)",
      `[execute] execute: grant GovOps ${govops} on PAU 1 (signed by payer)`,
      "[execute] execute: approve route transfer on PAU 1 (signed by payer)",
      "[execute] execute: approve route nfat_deploy to NFAT facility 0 (signed by payer)",
      "[execute] execute: approve route nfat_return to NFAT facility 0 (signed by payer)",
      "[execute] execute: add integration NFAT facility 0 on PAU 1 (nfat_deploy) (signed by payer)",
      "[execute] execute: add integration NFAT facility 0 on PAU 1 (nfat_return) (signed by payer)",
      "[execute] create_rate_limit nfat_deploy to NFAT facility 0 on PAU 1 (signed by NFAT GovOps)",
      "[execute] create_rate_limit nfat_return to NFAT facility 0 on PAU 1 (signed by NFAT GovOps)",
      "[execute] set_routes of NFAT facility 0 (signed by NFAT governance)",
      `[execute] approve_prime ${f.primes![0]} on NFAT facility 0 (signed by NFAT governance)`,
      ...f.allowList!.map((o) => `[execute] list_holder ${o} on NFAT facility 0 (signed by NFAT governance)`),
      "[execute] set_allow_list on for NFAT facility 0 (signed by NFAT governance)",
    ],
  );
});

test("the plan's NFAT instructions are the client's, byte for byte", async () => {
  const payer = PublicKey.unique();
  const steps = await plan(cfg, payer);
  const got = (name: string) => {
    const s = steps.find((x) => x.name === name);
    assert.ok(s, name);
    return s.instructions.map(printed);
  };
  const pau = new PauClient();
  const nfat = new NfatClient();
  const { f, ref, controller, depositMint } = exampleFacility();
  const gov = new PublicKey(cfg.nfat!.governance);
  const member = new PublicKey(cfg.nfat!.govops);
  const admin = new PublicKey(cfg.configurator.admin);
  const b = f.buybox;
  assert.deepEqual(got("create_facility 0 (PAU 1)"), [
    printed(
      await nfat.governance.createFacility({
        facility: ref,
        buybox: {
          minTenorMonths: b.minTenorMonths,
          maxTenorMonths: b.maxTenorMonths,
          minPrincipal: BigInt(b.minPrincipal),
          maxPrincipal: BigInt(b.maxPrincipal),
          minApyBps: b.minApyBps,
          maxApyBps: b.maxApyBps,
          schedules: SCHEDULE_ALL,
          maxPayments: b.maxPayments,
          latePenaltyBpsPerDay: b.latePenaltyBpsPerDay,
          gracePeriodS: BigInt(b.gracePeriodS),
          maxStartOffsetS: BigInt(b.maxStartOffsetS),
          assetType: b.assetType,
        },
        roles: { beacon: new PublicKey(f.beacon), attestor: new PublicKey(f.attestor), warden: new PublicKey(f.warden) },
        ...f.metadata,
      }),
    ),
  ]);
  // after the trading pool's (3, 4) and the LCTS unit's (5..8) ops
  const routes = [
    { tag: "nfat_deploy", key: nfatDeployRouteKey(ref), counterparty: ref.endpoint, limit: f.deployRoute, init: 9, add: 11 },
    { tag: "nfat_return", key: nfatReturnRouteKey(ref), counterparty: ref.redeemVault, limit: f.returnRoute, init: 10, add: 12 },
  ];
  const label = "NFAT facility 0";
  for (const r of routes) {
    const limit = { maxAmount: BigInt(r.limit.maxAmount), slope: BigInt(r.limit.slope) };
    assert.deepEqual(
      got(`schedule_op ${r.init}: approve route ${r.tag} to ${label}`),
      [await pau.governance.scheduleOp({ admin, opId: r.init, action: { kind: "addInitRateLimit", key: r.key, pau: PublicKey.default, ...limit } })].map(printed),
    );
    assert.deepEqual(
      got(`execute: approve route ${r.tag} to ${label}`),
      [await pau.executor.executeAddInitRateLimit({ payer, opId: r.init, key: r.key, pau: PublicKey.default })].map(printed),
    );
    assert.deepEqual(
      got(`schedule_op ${r.add}: add integration ${label} on PAU 1 (${r.tag})`),
      [await pau.governance.scheduleOp({ admin, opId: r.add, action: { kind: "addIntegration", controller, signer: ref.facility, key: r.key } })].map(printed),
    );
    assert.deepEqual(
      got(`execute: add integration ${label} on PAU 1 (${r.tag})`),
      [await pau.executor.executeAddIntegration({ payer, opId: r.add, controller, signer: ref.facility })].map(printed),
    );
    assert.deepEqual(
      got(`create_rate_limit ${r.tag} to ${label} on PAU 1`),
      [await pau.govops.createRateLimit({ member, controller, mint: depositMint, key: r.key, tag: r.tag, counterparty: r.counterparty, ...limit })].map(printed),
    );
  }
  assert.deepEqual(got(`set_routes of ${label}`), [printed(await nfat.governance.setRoutes({ governance: gov, facility: ref }))]);
  const prime = new PublicKey(f.primes![0]);
  assert.deepEqual(got(`approve_prime ${prime.toBase58()} on ${label}`), [printed(await nfat.governance.approvePrime({ governance: gov, facility: ref, prime }))]);
  for (const o of f.allowList!) {
    const owner = new PublicKey(o);
    assert.deepEqual(got(`list_holder ${o} on ${label}`), [printed(await nfat.governance.listHolder({ governance: gov, facility: ref, owner }))]);
  }
  assert.deepEqual(got(`set_allow_list on for ${label}`), [printed(await nfat.governance.setAllowList({ governance: gov, facility: ref, on: true }))]);
  const signers = new Set(steps.filter((s) => s.name.includes(label)).map((s) => s.signer));
  assert.deepEqual([...signers].sort(), ["admin", "nfatGovernance", "nfatGovops", "payer"]);
});

test("NFAT configs that cannot work are refused before anything is sent", async () => {
  const payer = PublicKey.unique();
  const f0 = cfg.nfat!.facilities[0];
  const withFacility = (patch: Record<string, unknown>): DeployConfig => ({
    ...cfg,
    nfat: { ...cfg.nfat!, facilities: [{ ...f0, ...patch } as typeof f0] },
  });
  const withBuybox = (patch: Record<string, unknown>) => withFacility({ buybox: { ...f0.buybox, ...patch } });
  const label = "NFAT facility 0";
  const refused = async (config: DeployConfig, why: RegExp) => assert.rejects(plan(config, payer), why);
  await refused(withBuybox({ minTenorMonths: 0 }), new RegExp(`${label}: buybox.minTenorMonths must be a whole number of months from 1 to`));
  await refused(withBuybox({ minTenorMonths: 30 }), /buybox.minTenorMonths \(30\) must be at most buybox.maxTenorMonths \(24\)/);
  await refused(withBuybox({ minPrincipal: "0" }), /buybox.minPrincipal must be base units from 1 to/);
  await refused(withBuybox({ minPrincipal: "200000000000000" }), /buybox.minPrincipal \(200000000000000\) must be at most buybox.maxPrincipal/);
  await refused(withBuybox({ minApyBps: 1_600 }), /buybox.minApyBps \(1600\) must be at most buybox.maxApyBps \(1500\)/);
  await refused(withBuybox({ schedules: [] }), /buybox.schedules must allow at least one schedule/);
  await refused(withBuybox({ schedules: ["bullet", "balloon"] }), /buybox.schedules: unknown schedule "balloon"/);
  await refused(withBuybox({ schedules: ["bullet", "bullet"] }), /buybox.schedules lists bullet twice/);
  await refused(withBuybox({ schedules: 8 }), /buybox.schedules must allow at least one schedule: a list of/);
  await refused(withBuybox({ maxPayments: 0 }), /buybox.maxPayments must be a whole number of payments from 1 to/);
  await refused(withBuybox({ assetType: "x".repeat(33) }), /buybox.assetType must be a label of at most 32 bytes/);
  await refused(withBuybox({ assetType: "a\0b" }), /buybox.assetType cannot contain NUL/);
  await refused(withFacility({ metadata: { ...f0.metadata, name: "" } }), /metadata.name must be 1 to/);
  await refused(withFacility({ warden: PublicKey.default.toBase58() }), /the beacon, the attestor and the warden cannot be the default key/);
  await refused(withFacility({ deployRoute: { maxAmount: "0", slope: "1" } }), /deployRoute.maxAmount must be base units from 1 to/);
  await refused(
    withFacility({ depositTokenProgram: PublicKey.default.toBase58() }),
    /depositTokenProgram must be SPL Token \(TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA\) or Token-2022/,
  );
  await refused({ ...cfg, nfat: { ...cfg.nfat!, facilities: [f0, f0] } }, new RegExp(`${label} is configured twice`));
  await refused(
    { ...cfg, nfat: { ...cfg.nfat!, facilities: [f0, { ...f0, facilityId: 1 }] } },
    /NFAT facility 1: its deploy route .* is NFAT facility 0's too: give each facility its own RWA endpoint account/,
  );
  const stranger = PublicKey.unique().toBase58();
  await refused({ ...cfg, nfat: { ...cfg.nfat!, govops: stranger } }, new RegExp(`nfat.govops ${stranger} is not a GovOps member of PAU 1`));
  // a second facility on its own endpoint is planned, and one with the schedules as flags
  await plan({ ...cfg, nfat: { ...cfg.nfat!, facilities: [f0, { ...f0, facilityId: 1, deployEndpoint: PublicKey.unique().toBase58() }] } }, payer);
  await plan(withBuybox({ schedules: SCHEDULE_BULLET }), payer);
});
