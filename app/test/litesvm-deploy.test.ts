// The deploy script's plan (migrations/deploy.ts), run end to end against the real programs
// (target/sbf/halo_{pau,oracle,trading,lcts,nfat,nfat_hook}.so, from scripts/build-sbf) in
// LiteSVM's node package: the schedule phase (configurator, signed by the deployer as halo_pau's upgrade
// authority; PAU, timelocked route inits and pool integrations, a NAV feed with its
// reporter, a class with its RFQ cluster domain, a pool priced by the feed and one priced
// by Pyth, with their own swap staleness and price-change interval; a Passthrough Halo
// class and unit with its share mint and both queues, its two routes' inits and the unit
// PDA's integration on both; a Structuring Halo facility with its buybox, roles and NFT
// metadata, its two routes' inits and the facility PDA's integration on both), the timelock
// waited out by setting the clock, then the execute phase (the ops, which create each
// pool's, the unit's and the facility's integration, then each pool's amm_fund rate limit
// and the PAU proxy's LP position, the unit's two rate limits and its routes, the
// facility's two rate limits, its routes, its Prime and its allow-list). The execute phase
// is planned again from the cluster after the schedule phase, as a run of its own would:
// the same transactions. The wiring is then used: the beacon funds both pools from the
// PAU's custody, the unit's beacon settles a Prime's subscription through it, and the
// facility's approved Prime queues capital. A third run of the same config plans nothing;
// a changed buybox and beacon plan only set_buybox and set_roles; a facility added later
// plans only its own steps, its ops continuing from the configurator's next op id.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Keypair, PublicKey, TransactionInstruction } from "@solana/web3.js";
import { address, lamports } from "@solana/kit";
import { LiteSVM } from "litesvm";
import {
  type ChainView,
  type DeployConfig,
  describe as describeStep,
  type NfatFacilityConfig,
  plan,
  planRun,
  type Signer,
  type Step,
} from "../../migrations/deploy.ts";
import { PauClient } from "../src/pau.ts";
import { ata, pda, TOKEN_2022_PROGRAM_ID, TOKEN_PROGRAM_ID } from "../src/pda.ts";
import { OracleClient } from "../src/oracle.ts";
import { pauLink, poolRef, PYTH_RECEIVER_ID, TradingClient } from "../src/trading.ts";
import { LCTS_WAD, LctsClient, unitPau, unitRef } from "../src/lcts.ts";
import {
  assetTypeBytes,
  decodeNfatAccount,
  facilityPau,
  facilityRef,
  NfatClient,
  nfatApprovalOf,
  nfatDeployRouteKey,
  nfatHolderEntryOf,
  nfatReturnRouteKey,
  SCHEDULE_ALL,
} from "../src/nfat.ts";
import { decodeLctsAccount, decodeOracleAccount, decodePauAccount, decodeTradingAccount } from "../src/accounts.ts";
import { errorFromCode } from "../src/errors.ts";
import {
  LCTS_PROGRAM_ID,
  NFAT_HOOK_PROGRAM_ID,
  NFAT_PROGRAM_ID,
  ORACLE_PROGRAM_ID,
  PAU_PROGRAM_ID,
  TRADING_PROGRAM_ID,
} from "../src/program.ts";
import { rateLimitState, type RateLimitStateFields } from "../src/quote.ts";
import { createAta, createMint, mintTo, transfer, Vm } from "./svm.ts";

const example: DeployConfig = JSON.parse(
  readFileSync(fileURLToPath(new URL("../../migrations/config.example.json", import.meta.url)), "utf8"),
);
const DELAY = 14n * 86_400n;
const UNIT = 1_000_000n;

/** The cluster as the deploy script reads it (`PlanOptions.chain`). */
function chainOf(vm: Vm): ChainView {
  return {
    getAccounts: async (keys) =>
      keys.map((k) => {
        const a = vm.svm.getAccount(address(k.toBase58()));
        return a.exists ? { owner: new PublicKey(a.programAddress), data: a.data } : null;
      }),
  };
}

/** A step as the dry run prints it (its instructions, byte for byte). */
const printedSteps = (steps: Step[]) => steps.map((s) => describeStep(s));

/** `CreateIdempotent` of `owner`'s associated token account `account` of `mint`. */
function createAtaOnly(vm: Vm, account: PublicKey, owner: PublicKey, mint: PublicKey, tokenProgram = TOKEN_PROGRAM_ID) {
  const [derived, ix] = createAta(vm, owner, mint, tokenProgram);
  assert.equal(derived.toBase58(), account.toBase58(), "the associated token account");
  return ix;
}

/** `owner`'s associated token account `account` of `mint`, holding `amount` minted by the payer. */
function createFunded(vm: Vm, account: PublicKey, owner: PublicKey, mint: PublicKey, amount: bigint): TransactionInstruction[] {
  return [createAtaOnly(vm, account, owner, mint), mintTo(vm, mint, account, amount)];
}

// ---- a Pyth PriceUpdateV2 (Full verification), owned by the Pyth receiver --------------

function setPythPrice(vm: Vm, account: PublicKey, feedId: Buffer, price: bigint, expo: number, publishTime: bigint) {
  const d = Buffer.alloc(133);
  let at = 0;
  Buffer.from([34, 241, 35, 99, 157, 126, 244, 205]).copy(d, at); // discriminator
  at += 8 + 32; // write authority
  d[at++] = 1; // VerificationLevel::Full
  feedId.copy(d, at);
  at += 32;
  at = d.writeBigInt64LE(price, at);
  at = d.writeBigUInt64LE(price / 10_000n, at); // conf: 1 bp
  at = d.writeInt32LE(expo, at);
  at = d.writeBigInt64LE(publishTime, at);
  d.writeBigInt64LE(publishTime, at); // prev publish time; ema and posted slot stay 0
  vm.svm.setAccount({
    address: address(account.toBase58()),
    data: d,
    executable: false,
    lamports: lamports(BigInt(vm.rent(d.length))),
    programAddress: address(PYTH_RECEIVER_ID.toBase58()),
    space: BigInt(d.length),
  });
}

test("the deploy plan bootstraps a feed, a class, a halo-feed pool, a Pyth pool, an LCTS unit and an NFAT facility, wired to the PAU; a second run sends nothing", async () => {
  const vm = new Vm([
    [PAU_PROGRAM_ID, "halo_pau"],
    [ORACLE_PROGRAM_ID, "halo_oracle"],
    [TRADING_PROGRAM_ID, "halo_trading"],
    [LCTS_PROGRAM_ID, "halo_lcts"],
    [NFAT_PROGRAM_ID, "halo_nfat"],
    [NFAT_HOOK_PROGRAM_ID, "halo_nfat_hook"],
  ]);
  const [admin, oracleGov, tradingGov, govops, beacon, freezer, reporter] = Array.from({ length: 7 }, () => Keypair.generate());
  const [lctsGov, lctsBeacon, lctsFreezer, strategy] = Array.from({ length: 4 }, () => Keypair.generate());
  for (const k of [admin, oracleGov, tradingGov, govops, beacon, lctsGov, lctsBeacon]) vm.fund(k.publicKey);
  const [quoteMint, haloAsset, pythAsset] = [Keypair.generate(), Keypair.generate(), Keypair.generate()];
  assert.equal(
    vm.send([...createMint(vm, quoteMint, 6), ...createMint(vm, haloAsset, 6), ...createMint(vm, pythAsset, 6)], [quoteMint, haloAsset, pythAsset]),
    null,
  );
  const pythFeedId = Buffer.alloc(32, 0xab);
  const pythAccount = Keypair.generate().publicKey;
  setPythPrice(vm, pythAccount, pythFeedId, 100_000_000n, -8, vm.now());

  // the example's t-bill pool, its feed and its route bounds, with this test's keys
  const ex = example.trading!.classes[0];
  const haloPool = ex.pools[0];
  const { swapMaxStalenessS: _s, minPriceIntervalS: _i, ...pythParams } = haloPool.params;
  // the cluster's genesis hash, as the script reads it (LiteSVM has none: a fixed one)
  const rfqDomain = Buffer.alloc(32, 0x5c);
  const cfg: DeployConfig = {
    ...example,
    configurator: { ...example.configurator, admin: admin.publicKey.toBase58(), timelockDelayS: Number(DELAY) },
    paus: [{ ...example.paus[0], govops: [govops.publicKey.toBase58()] }],
    oracle: {
      governance: oracleGov.publicKey.toBase58(),
      governanceKeypair: null,
      feeds: [{ ...example.oracle!.feeds[0], reporters: [reporter.publicKey.toBase58()] }],
    },
    trading: {
      governance: tradingGov.publicKey.toBase58(),
      governanceKeypair: null,
      govops: govops.publicKey.toBase58(),
      govopsKeypair: null,
      classes: [
        {
          ...ex,
          beacon: beacon.publicKey.toBase58(),
          freezer: freezer.publicKey.toBase58(),
          quoteMint: quoteMint.publicKey.toBase58(),
          pools: [
            { ...haloPool, assetMint: haloAsset.publicKey.toBase58() },
            {
              ...haloPool,
              unitId: 2,
              bookId: 2,
              assetMint: pythAsset.publicKey.toBase58(),
              priceSource: { pythFeedId: pythFeedId.toString("hex"), priceAccount: pythAccount.toBase58() },
              // market prices: the defaults (a 60 s swap staleness, no change interval)
              params: pythParams,
            },
          ],
        },
      ],
    },
  };

  // the example's Passthrough Halo unit, with this test's keys, USDS (the quote mint) and
  // the strategy's USDS account (the deploy route's counterparty: it exists beforehand)
  const lctsClass = example.lcts!.classes[0];
  const lctsUnit = lctsClass.units[0];
  const endpoint = ata(strategy.publicKey, quoteMint.publicKey);
  assert.equal(vm.send([createAtaOnly(vm, endpoint, strategy.publicKey, quoteMint.publicKey)]), null);
  cfg.lcts = {
    governance: lctsGov.publicKey.toBase58(),
    governanceKeypair: null,
    govops: govops.publicKey.toBase58(),
    govopsKeypair: null,
    classes: [
      {
        ...lctsClass,
        usdsMint: quoteMint.publicKey.toBase58(),
        units: [
          {
            ...lctsUnit,
            beacon: lctsBeacon.publicKey.toBase58(),
            freezer: lctsFreezer.publicKey.toBase58(),
            deployEndpoint: endpoint.toBase58(),
          },
        ],
      },
    ],
  };

  // the example's Structuring Halo facility, with this test's keys, USDS and the RWA
  // endpoint's USDS account (the deploy route's counterparty: it exists beforehand)
  const [nfatGov, nfatBeacon, nfatAttestor, nfatWarden, rwa, nfatPrime, holder] = Array.from({ length: 7 }, () => Keypair.generate());
  for (const k of [nfatGov, nfatBeacon, nfatAttestor, rwa, nfatPrime]) vm.fund(k.publicKey);
  const exFacility = example.nfat!.facilities[0];
  const rwaEndpoint = ata(rwa.publicKey, quoteMint.publicKey);
  assert.equal(vm.send([createAtaOnly(vm, rwaEndpoint, rwa.publicKey, quoteMint.publicKey)]), null);
  const facilityCfg: NfatFacilityConfig = {
    ...exFacility,
    depositMint: quoteMint.publicKey.toBase58(),
    beacon: nfatBeacon.publicKey.toBase58(),
    attestor: nfatAttestor.publicKey.toBase58(),
    warden: nfatWarden.publicKey.toBase58(),
    deployEndpoint: rwaEndpoint.toBase58(),
    primes: [nfatPrime.publicKey.toBase58()],
    allowList: [nfatPrime.publicKey.toBase58(), holder.publicKey.toBase58()],
  };
  cfg.nfat = {
    governance: nfatGov.publicKey.toBase58(),
    governanceKeypair: null,
    govops: govops.publicKey.toBase58(),
    govopsKeypair: null,
    facilities: [facilityCfg],
  };

  const signers: Record<Signer, Keypair[]> = {
    payer: [],
    admin: [admin],
    oracleGovernance: [oracleGov],
    tradingGovernance: [tradingGov],
    govops: [govops],
    lctsGovernance: [lctsGov],
    lctsGovops: [govops],
    nfatGovernance: [nfatGov],
    nfatGovops: [govops],
  };
  const sendAll = (steps: Step[]) => {
    for (const s of steps) assert.equal(vm.send(s.instructions, signers[s.signer]), null, s.name);
  };
  // against the empty cluster, the plan is the fresh deployment's (the dry run's)
  const fresh = await planRun(cfg, vm.payer.publicKey, { rfqDomain, chain: chainOf(vm) });
  assert.deepEqual(fresh.skipped, []);
  const steps = fresh.steps;
  assert.deepEqual(printedSteps(steps), printedSteps(await plan(cfg, vm.payer.publicKey, { rfqDomain })));
  const schedule = steps.filter((s) => s.phase === "schedule");
  const execute = steps.filter((s) => s.phase === "execute");
  // schedule: configurator, controller, 3 PAU ops, per pool its route init and its
  // integration (4 ops), feed, class, 2 pools, the unit's two route inits and two
  // integration keys (4 ops), the LCTS class, the unit with its queues, the facility's two
  // route inits and two integration keys (4 ops), the facility; execute: the 15 ops, per
  // pool its rate limit and the proxy's LP position, the unit's two rate limits and its
  // routes, the facility's two rate limits, its routes, its Prime, its two holders and its
  // allow-list
  assert.equal(schedule.length, 24);
  assert.equal(execute.length, 29);

  sendAll(schedule);

  // the execute phase as a run of its own plans it: the cluster has every schedule step,
  // and the scheduled ops are executed under their ids
  const second = await planRun(cfg, vm.payer.publicKey, { rfqDomain, chain: chainOf(vm) });
  assert.deepEqual(printedSteps(second.steps), printedSteps(execute));
  // (skipped in planning order; a facility already there has its buybox and roles compared
  // with the config, and they are the config's)
  assert.deepEqual(
    second.skipped.map((s) => s.name).sort(),
    [...schedule.map((s) => s.name), "set_buybox of NFAT facility 0", "set_roles of NFAT facility 0"].sort(),
  );
  assert.ok(second.skipped.filter((s) => s.name.startsWith("schedule_op")).every((s) => /^scheduled as op \d+, not executed yet$/.test(s.why)));

  // the execute phase waits for the timelock
  const early = vm.send(execute[0].instructions, signers[execute[0].signer]);
  assert.equal(errorFromCode(early ?? 0)?.name, "TimelockNotElapsed");
  vm.warp(DELAY);
  sendAll(execute);

  // what the plan created, read back from the programs' accounts
  const pau = new PauClient();
  const oracle = new OracleClient();
  const trading = new TradingClient();
  const controller = pda.controller(pau.configurator, 1)[0];
  const proxy = pda.proxy(controller)[0];
  const feed = pda.feed(oracleGov.publicKey, 1)[0];
  const f = decodeOracleAccount(oracle.program, "feed", vm.data(feed));
  assert.equal(f.governance.toBase58(), oracleGov.publicKey.toBase58());
  assert.equal(f.reporterCount, 1);
  assert.equal(f.reporters[0].toBase58(), reporter.publicKey.toBase58());
  assert.equal(f.value.toString(), example.oracle!.feeds[0].initialValue);

  const klass = pda.class(tradingGov.publicKey, 1)[0];
  const c = decodeTradingAccount(trading.program, "tradingClass", vm.data(klass));
  assert.equal(c.governance.toBase58(), tradingGov.publicKey.toBase58());
  assert.equal(c.pauController.toBase58(), controller.toBase58());
  assert.equal(c.beacon.toBase58(), beacon.publicKey.toBase58());
  assert.equal(c.quoteMint.toBase58(), quoteMint.publicKey.toBase58());
  assert.equal(c.poolCount.toString(), "2");
  assert.deepEqual(Buffer.from(c.rfqDomain), rfqDomain);

  const refs = [
    poolRef({ class: klass, unitId: 1, bookId: 1, assetMint: haloAsset.publicKey, quoteMint: quoteMint.publicKey, priceAccount: feed }),
    poolRef({ class: klass, unitId: 2, bookId: 2, assetMint: pythAsset.publicKey, quoteMint: quoteMint.publicKey, priceAccount: pythAccount }),
  ];
  for (const [i, ref] of refs.entries()) {
    const pool = decodeTradingAccount(trading.program, "pool", vm.data(ref.pool));
    assert.equal(pool.params.bidSpreadBps, 5);
    assert.equal(pool.params.maxStalenessS, haloPool.params.maxStalenessS);
    assert.equal(pool.params.swapMaxStalenessS, i === 0 ? haloPool.params.swapMaxStalenessS : 60);
    assert.equal(pool.params.minPriceIntervalS, i === 0 ? haloPool.params.minPriceIntervalS : 0);
    assert.equal(pool.params.askSpreadBps, 5);
    assert.equal(pool.params.redemptionAccount.toBase58(), haloPool.params.redemptionAccount);
    assert.equal(pool.params.rfqEnabled, haloPool.params.rfqEnabled);
    assert.equal(pool.params.rfqMinSpreadBps, haloPool.params.rfqMinSpreadBps);
    assert.equal(pool.quoteVault.toBase58(), ref.quoteVault.toBase58());

    const link = pauLink(controller, ref);
    const rl = decodePauAccount<{
      counterparty: PublicKey;
      counterpartyOwner: PublicKey;
      maxFeeBps: number;
      mint: PublicKey;
      limit: RateLimitStateFields;
    }>(pau.program, "rateLimit", vm.data(pda.rateLimit(controller, link.routeKey)[0]));
    assert.equal(rl.counterparty.toBase58(), ref.quoteVault.toBase58());
    // the route is bound to the vault's owner when it opened (SPL Token: owner at offset 32)
    const vaultOwner = new PublicKey(Buffer.from(vm.data(ref.quoteVault)).subarray(32, 64));
    assert.equal(rl.counterpartyOwner.toBase58(), vaultOwner.toBase58());
    assert.equal(rl.maxFeeBps, 100, "the configurator's default maximum transfer fee");
    assert.equal(rl.mint.toBase58(), quoteMint.publicKey.toBase58());
    assert.equal(rl.limit.maxAmount.toString(), haloPool.fundRoute.maxAmount);
    assert.equal(rateLimitState(rl).slope.toString(), haloPool.fundRoute.slope);
    const integ = decodePauAccount<{ signer: PublicKey; keyCount: number; keys: number[][] }>(
      pau.program,
      "integration",
      vm.data(pda.integration(controller, ref.pool)[0]),
    );
    assert.equal(integ.signer.toBase58(), ref.pool.toBase58());
    assert.equal(integ.keyCount, 1);
    assert.deepEqual(Buffer.from(integ.keys[0]), Buffer.from(link.routeKey));
    const pos = decodeTradingAccount(trading.program, "lpPosition", vm.data(pda.position(ref.pool, proxy)[0]));
    assert.equal(pos.owner.toBase58(), proxy.toBase58());
  }

  // the wiring works: fresh prices, then the beacon draws USDS from the PAU's custody
  const custody = pauLink(controller, refs[0]).custody;
  assert.equal(vm.send(createFunded(vm, custody, proxy, quoteMint.publicKey, 1_000_000n * UNIT)), null);
  assert.equal(
    vm.send([await oracle.reporter.publish({ reporter: reporter.publicKey, feed, value: 1_000_100, publishTs: vm.now() })], [reporter]),
    null,
  );
  setPythPrice(vm, pythAccount, pythFeedId, 100_000_000n, -8, vm.now());
  for (const [i, ref] of refs.entries()) {
    const amount = BigInt(i + 1) * 100_000n * UNIT;
    assert.equal(
      vm.send([await trading.operator.fundFromPau({ beacon: beacon.publicKey, pool: ref, link: pauLink(controller, ref), amount })], [beacon]),
      null,
    );
    assert.equal(vm.balance(ref.quoteVault), amount);
    const pos = decodeTradingAccount(trading.program, "lpPosition", vm.data(pda.position(ref.pool, proxy)[0]));
    assert.ok(BigInt(pos.shares.toString()) > 0n, "the PAU's position received shares");
  }
  assert.equal(vm.balance(custody), 700_000n * UNIT);

  // the LCTS unit the plan created: its class, share mint, queues and routes
  const lcts = new LctsClient();
  const lctsKlass = pda.lctsClass(lctsGov.publicKey, lctsClass.classId)[0];
  const u = unitRef({
    class: lctsKlass,
    unitId: lctsUnit.unitId,
    usdsMint: quoteMint.publicKey,
    pau: unitPau(controller, quoteMint.publicKey, endpoint),
  });
  const lc = decodeLctsAccount(lcts.program, "lctsClass", vm.data(lctsKlass));
  assert.equal(lc.governance.toBase58(), lctsGov.publicKey.toBase58());
  assert.equal(lc.unitCount.toString(), "1");
  const unit = decodeLctsAccount(lcts.program, "lctsUnit", vm.data(u.unit));
  assert.equal(unit.class.toBase58(), lctsKlass.toBase58());
  assert.equal(unit.unitId.toString(), String(lctsUnit.unitId));
  assert.equal(unit.underlyingMint.toBase58(), quoteMint.publicKey.toBase58());
  assert.equal(unit.shareMint.toBase58(), u.shareMint.toBase58());
  assert.equal(unit.pauController.toBase58(), controller.toBase58());
  assert.equal(unit.beacon.toBase58(), lctsBeacon.publicKey.toBase58());
  assert.equal(unit.freezer.toBase58(), lctsFreezer.publicKey.toBase58());
  assert.equal(unit.rateWad.toString(), lctsUnit.rateWad);
  assert.equal(unit.params.minEntry.toString(), lctsUnit.params.minEntry);
  assert.equal(unit.params.maxLockS.toString(), String(lctsUnit.params.maxLockS));
  assert.equal(unit.deployRateLimit.toBase58(), u.deployRateLimit.toBase58());
  assert.equal(unit.returnRateLimit.toBase58(), u.returnRateLimit.toBase58());
  assert.equal(unit.subscribeQueue.toBase58(), u.subscribeQueue.toBase58());
  assert.equal(unit.redeemQueue.toBase58(), u.redeemQueue.toBase58());
  const shareMint = vm.svm.getAccount(address(u.shareMint.toBase58()));
  assert.ok(shareMint.exists, "the share mint exists");
  assert.equal(shareMint.programAddress, TOKEN_2022_PROGRAM_ID.toBase58(), "the share mint is Token-2022");
  assert.ok(Buffer.from(shareMint.data).includes(Buffer.from(lctsUnit.metadata.name)), "its metadata names the unit");
  for (const q of [u.subscribeQueue, u.redeemQueue]) {
    const queue = decodeLctsAccount(lcts.program, "queue", vm.data(q));
    assert.deepEqual(queue.status, { dormant: {} });
    assert.equal(queue.unit.toBase58(), u.unit.toBase58());
  }
  for (const [key, counterparty] of [
    [u.deployRateLimit, endpoint],
    [u.returnRateLimit, u.redeemUsdsVault],
  ] as const) {
    const rl = decodePauAccount<{ counterparty: PublicKey; counterpartyOwner: PublicKey }>(pau.program, "rateLimit", vm.data(key));
    assert.equal(rl.counterparty.toBase58(), counterparty.toBase58());
  }

  // the unit works: its beacon refreshes the rate the timelock aged, a Prime subscribes and
  // the beacon settles it through the PAU's custody to the strategy
  const prime = Keypair.generate();
  vm.fund(prime.publicKey);
  const primeUsds = ata(prime.publicKey, quoteMint.publicKey);
  const primeShares = ata(prime.publicKey, u.shareMint, TOKEN_2022_PROGRAM_ID);
  assert.equal(
    vm.send([
      ...createFunded(vm, primeUsds, prime.publicKey, quoteMint.publicKey, 1_000n * UNIT),
      createAtaOnly(vm, primeShares, prime.publicKey, u.shareMint, TOKEN_2022_PROGRAM_ID),
    ]),
    null,
  );
  const b = lctsBeacon.publicKey;
  assert.equal(vm.send([await lcts.beacon.updateExchangeRate({ beacon: b, unit: u, rateWad: LCTS_WAD })], [lctsBeacon]), null);
  const sub = await lcts.prime.subscribe({ owner: prime.publicKey, unit: u, ownerUsds: primeUsds, ownerShares: primeShares, amount: 1_000n * UNIT });
  assert.equal(vm.send([sub], [prime]), null);
  assert.equal(
    vm.send(
      [
        await lcts.beacon.lock({ beacon: b, unit: u, side: "subscribe" }),
        await lcts.beacon.settle({ beacon: b, unit: u, side: "subscribe", genId: 0, capacity: 1_000n * UNIT }),
      ],
      [lctsBeacon],
    ),
    null,
  );
  assert.equal(vm.balance(endpoint), 1_000n * UNIT);
  assert.equal(vm.balance(custody), 700_000n * UNIT, "custody passed the USDS through");
  assert.equal(vm.balance(u.subscribeShareVault), 1_000n * UNIT);

  // the NFAT facility the plan created: its buybox, roles, routes, Prime and allow-list
  const nfat = new NfatClient();
  const fRef = facilityRef({
    authority: nfatGov.publicKey,
    facilityId: exFacility.facilityId,
    depositMint: quoteMint.publicKey,
    pau: facilityPau(controller, quoteMint.publicKey, rwaEndpoint),
  });
  const fac = decodeNfatAccount<{
    governance: PublicKey;
    beacon: PublicKey;
    attestor: PublicKey;
    warden: PublicKey;
    depositMint: PublicKey;
    pauController: PublicKey;
    deployRateLimit: PublicKey;
    returnRateLimit: PublicKey;
    allowList: boolean;
    halted: boolean;
    name: string;
    symbol: string;
    uri: string;
    buybox: { minTenorMonths: number; maxTenorMonths: number; minApyBps: number; maxApyBps: number; schedules: number; assetType: number[] };
    queue: { total: { toString(): string } };
  }>("facility", vm.data(fRef.facility), nfat.program);
  assert.equal(fac.governance.toBase58(), nfatGov.publicKey.toBase58());
  assert.equal(fac.beacon.toBase58(), nfatBeacon.publicKey.toBase58());
  assert.equal(fac.attestor.toBase58(), nfatAttestor.publicKey.toBase58());
  assert.equal(fac.warden.toBase58(), nfatWarden.publicKey.toBase58());
  assert.equal(fac.depositMint.toBase58(), quoteMint.publicKey.toBase58());
  assert.equal(fac.pauController.toBase58(), controller.toBase58());
  assert.equal(fac.deployRateLimit.toBase58(), fRef.deployRateLimit.toBase58());
  assert.equal(fac.returnRateLimit.toBase58(), fRef.returnRateLimit.toBase58());
  assert.equal(fac.allowList, true);
  assert.equal(fac.halted, false);
  assert.deepEqual([fac.name, fac.symbol, fac.uri], [exFacility.metadata.name, exFacility.metadata.symbol, exFacility.metadata.uri]);
  assert.equal(fac.buybox.minTenorMonths, exFacility.buybox.minTenorMonths);
  assert.equal(fac.buybox.maxTenorMonths, exFacility.buybox.maxTenorMonths);
  assert.equal(fac.buybox.minApyBps, exFacility.buybox.minApyBps);
  assert.equal(fac.buybox.maxApyBps, exFacility.buybox.maxApyBps);
  assert.equal(fac.buybox.schedules, SCHEDULE_ALL);
  assert.deepEqual(fac.buybox.assetType, assetTypeBytes(exFacility.buybox.assetType));
  for (const [key, routeKey, counterparty, limit] of [
    [fRef.deployRateLimit, nfatDeployRouteKey(fRef), rwaEndpoint, exFacility.deployRoute],
    [fRef.returnRateLimit, nfatReturnRouteKey(fRef), fRef.redeemVault, exFacility.returnRoute],
  ] as const) {
    assert.equal(key.toBase58(), pda.rateLimit(controller, routeKey)[0].toBase58());
    const rl = decodePauAccount<{ counterparty: PublicKey; limit: RateLimitStateFields }>(pau.program, "rateLimit", vm.data(key));
    assert.equal(rl.counterparty.toBase58(), counterparty.toBase58());
    assert.equal(rl.limit.maxAmount.toString(), limit.maxAmount);
    assert.equal(rateLimitState(rl).slope.toString(), limit.slope);
  }
  const fInteg = decodePauAccount<{ signer: PublicKey; keyCount: number; keys: number[][] }>(pau.program, "integration", vm.data(fRef.pauIntegration));
  assert.equal(fInteg.signer.toBase58(), fRef.facility.toBase58());
  assert.deepEqual(
    fInteg.keys.slice(0, fInteg.keyCount).map((k) => Buffer.from(k).toString("hex")).sort(),
    [nfatDeployRouteKey(fRef), nfatReturnRouteKey(fRef)].map((k) => k.toString("hex")).sort(),
  );
  assert.ok(vm.svm.getAccount(address(nfatApprovalOf(fRef, nfatPrime.publicKey).toBase58())).exists, "the Prime is approved");
  for (const owner of [nfatPrime, holder]) {
    assert.ok(vm.svm.getAccount(address(nfatHolderEntryOf(fRef, owner.publicKey).toBase58())).exists, "the owner is listed");
  }

  // the facility works: the approved Prime queues USDS; a Prime the config did not name cannot
  const nfatPrimeUsds = ata(nfatPrime.publicKey, quoteMint.publicKey);
  assert.equal(vm.send(createFunded(vm, nfatPrimeUsds, nfatPrime.publicKey, quoteMint.publicKey, 10_000n * UNIT)), null);
  assert.equal(
    vm.send([await nfat.prime.deposit({ prime: nfatPrime.publicKey, facility: fRef, primeToken: nfatPrimeUsds, amount: 10_000n * UNIT })], [nfatPrime]),
    null,
  );
  assert.equal(vm.balance(fRef.queueVault), 10_000n * UNIT);
  assert.equal(vm.balance(nfatPrimeUsds), 0n);

  // a third run finds everything in place and plans nothing
  const third = await planRun(cfg, vm.payer.publicKey, { rfqDomain, chain: chainOf(vm) });
  assert.deepEqual(third.steps.map((s) => s.name), []);

  // a changed buybox and beacon plan only set_buybox and set_roles, and they apply
  const newBeacon = Keypair.generate();
  cfg.nfat.facilities[0] = {
    ...facilityCfg,
    beacon: newBeacon.publicKey.toBase58(),
    buybox: { ...facilityCfg.buybox, maxApyBps: 1_600 },
  };
  const changed = await planRun(cfg, vm.payer.publicKey, { rfqDomain, chain: chainOf(vm) });
  assert.deepEqual(
    changed.steps.map((s) => s.name),
    ["set_buybox of NFAT facility 0", "set_roles of NFAT facility 0"],
  );
  sendAll(changed.steps);
  const after = decodeNfatAccount<{ beacon: PublicKey; buybox: { maxApyBps: number } }>("facility", vm.data(fRef.facility), nfat.program);
  assert.equal(after.beacon.toBase58(), newBeacon.publicKey.toBase58());
  assert.equal(after.buybox.maxApyBps, 1_600);
  assert.deepEqual((await planRun(cfg, vm.payer.publicKey, { rfqDomain, chain: chainOf(vm) })).steps, []);

  // a facility added later plans only its own steps, its ops from the configurator's next id
  const rwa2 = Keypair.generate();
  const rwa2Endpoint = ata(rwa2.publicKey, quoteMint.publicKey);
  assert.equal(vm.send([createAtaOnly(vm, rwa2Endpoint, rwa2.publicKey, quoteMint.publicKey)]), null);
  cfg.nfat.facilities.push({ ...facilityCfg, facilityId: 1, deployEndpoint: rwa2Endpoint.toBase58(), allowList: undefined });
  const added = await planRun(cfg, vm.payer.publicKey, { rfqDomain, chain: chainOf(vm) });
  assert.deepEqual(
    added.steps.map((s) => s.name),
    [
      "create_facility 1 (PAU 1)",
      "schedule_op 15: approve route nfat_deploy to NFAT facility 1",
      "schedule_op 16: approve route nfat_return to NFAT facility 1",
      "schedule_op 17: add integration NFAT facility 1 on PAU 1 (nfat_deploy)",
      "schedule_op 18: add integration NFAT facility 1 on PAU 1 (nfat_return)",
      "execute: approve route nfat_deploy to NFAT facility 1",
      "execute: approve route nfat_return to NFAT facility 1",
      "execute: add integration NFAT facility 1 on PAU 1 (nfat_deploy)",
      "execute: add integration NFAT facility 1 on PAU 1 (nfat_return)",
      "create_rate_limit nfat_deploy to NFAT facility 1 on PAU 1",
      "create_rate_limit nfat_return to NFAT facility 1 on PAU 1",
      "set_routes of NFAT facility 1",
      `approve_prime ${nfatPrime.publicKey.toBase58()} on NFAT facility 1`,
    ],
  );

  // what the cluster refuses is refused before anything is sent: an endpoint of another
  // mint, a deposit mint that is not one, and a new facility on a route that is open
  // already (facility 0's, left out of the config)
  const others = Keypair.generate();
  assert.equal(vm.send(createMint(vm, others, 6), [others]), null);
  const wrongEndpoint = ata(rwa2.publicKey, others.publicKey);
  assert.equal(vm.send([createAtaOnly(vm, wrongEndpoint, rwa2.publicKey, others.publicKey)]), null);
  const withFacilities = (...facilities: NfatFacilityConfig[]): DeployConfig => ({ ...cfg, nfat: { ...cfg.nfat!, facilities } });
  await assert.rejects(
    planRun(withFacilities({ ...facilityCfg, facilityId: 2, deployEndpoint: wrongEndpoint.toBase58() }), vm.payer.publicKey, { rfqDomain, chain: chainOf(vm) }),
    new RegExp(`NFAT facility 2: deployEndpoint ${wrongEndpoint.toBase58()} holds ${others.publicKey.toBase58()}, not the deposit mint`),
  );
  await assert.rejects(
    planRun(withFacilities({ ...facilityCfg, facilityId: 2, depositMint: rwa2.publicKey.toBase58() }), vm.payer.publicKey, { rfqDomain, chain: chainOf(vm) }),
    /NFAT facility 2: depositMint .* is not a mint of TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA on this cluster/,
  );
  await assert.rejects(
    planRun(withFacilities({ ...facilityCfg, facilityId: 2 }), vm.payer.publicKey, { rfqDomain, chain: chainOf(vm) }),
    /NFAT facility 2: its nfat_deploy route .* is open already, and not for this facility/,
  );
});
