// The lcts client against the real programs (target/sbf/halo_{pau,lcts}.so, from
// scripts/build-sbf) in LiteSVM's node package. Each test bootstraps a unit the way a
// deployment does: a PAU (its registration, GovOps, both LCTS routes' inits and the unit
// PDA's integration on both, through the timelock, waited out by setting the clock), a
// class, a unit with its Token-2022 share mint, both queues, the routes set on the unit,
// and the beacon's rate refresh (the timelock walk aged the rate). Then Primes subscribe,
// the beacon locks and settles with capacity through the PAU, a Prime claims, another
// exits, a redeem request nets against a subscription in settle_pair, keepers settle the
// finalized positions, the views are read from return data (whole, or trimmed of trailing
// zeros as a cluster hands it back), and the refusals come back as readable errors. Every amount moved is the one src/lcts-quote.ts predicts from the
// decoded accounts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Keypair, PublicKey } from "@solana/web3.js";
import { address } from "@solana/kit";
import { LiteSVM } from "litesvm";
import { PauClient } from "../src/pau.ts";
import { pda, TOKEN_2022_PROGRAM_ID } from "../src/pda.ts";
import { TAGS } from "../src/keys.ts";
import {
  decodeExchangeRateView,
  decodePositionView,
  deployRouteKey,
  LCTS_WAD,
  LctsClient,
  lctsPositionOf,
  PAUSE_SUBSCRIBE,
  type QueueSideName,
  returnRouteKey,
  type UnitParams,
  unitPau,
  unitRef,
} from "../src/lcts.ts";
import { decodeLctsAccount, decodePauAccount } from "../src/accounts.ts";
import { explainError } from "../src/errors.ts";
import { LCTS_PROGRAM_ID, PAU_PROGRAM_ID } from "../src/program.ts";
import {
  checkRateUpdate,
  finalizedReward,
  generationTotals,
  net,
  pendingReward,
  positionShares,
  quoteClaim,
  quoteEnter,
  quoteExit,
  quoteSettle,
  quoteSettlePair,
  underlyingOf,
} from "../src/lcts-quote.ts";
import { createAta, createMint, mintTo, wirePau, Vm } from "./svm.ts";

const UNIT = 1_000_000n;
const DELAY = 14n * 86_400n;
const T0 = 1_800_000_000n;
const DAY = 86_400n;

/** Daily epochs with the lock window open all day, a 3-hour lock bound, 1 % up / 5 % down, dust 100, a 1-USDS minimum (the Rust fixture's). */
const PARAMS: UnitParams = {
  maxRateUpBps: 100,
  maxRateDownBps: 500,
  epochS: 86_400,
  lockOffsetS: 0,
  lockWindowS: 86_400,
  maxLockS: 3 * 3_600,
  dust: 100,
  minEntry: UNIT,
};
const ROUTE_MAX = 10_000_000n * UNIT;
const ROUTE_SLOPE = ROUTE_MAX / 86_400n;

interface Prime {
  key: Keypair;
  usds: PublicKey;
  shares: PublicKey;
}

/**
 * A unit bootstrapped as a deployment does it (see the file's header), with a PAU whose
 * custody holds 10M USDS.
 */
async function setup() {
  const vm = new Vm(
    [
      [PAU_PROGRAM_ID, "halo_pau"],
      [LCTS_PROGRAM_ID, "halo_lcts"],
    ],
    T0,
  );
  const pau = new PauClient();
  const lcts = new LctsClient();
  const [admin, govops, gov, beacon, freezer, strategy] = Array.from({ length: 6 }, () => Keypair.generate());
  for (const k of [admin, govops, gov, beacon, freezer]) vm.fund(k.publicKey);
  const payer = vm.payer.publicKey;

  // the PAU: configurator, controller, USDS in custody, the strategy's USDS account
  const usdsMint = Keypair.generate();
  const controller = pda.controller(pau.configurator, 1)[0];
  const [custody, createCustody] = createAta(vm, pda.proxy(controller)[0], usdsMint.publicKey);
  const [endpoint, createEndpoint] = createAta(vm, strategy.publicKey, usdsMint.publicKey);
  assert.equal(
    vm.error(
      [
        await pau.governance.initializeConfigurator({
          payer,
          upgradeAuthority: payer,
          admin: admin.publicKey,
          timelockDelayS: DELAY,
          sorlHopS: 64_800,
          sorlMaxChangeBps: 2_500,
        }),
        await pau.governance.initializeController({ admin: admin.publicKey, pauId: 1 }),
        ...createMint(vm, usdsMint, 6),
        createCustody,
        createEndpoint,
        mintTo(vm, usdsMint.publicKey, custody, 10_000_000n * UNIT),
      ],
      [admin, usdsMint],
    ),
    null,
  );

  // the class, the unit and its share mint, both queues (governance creates the class)
  const klass = pda.lctsClass(gov.publicKey, 0)[0];
  const u = unitRef({ class: klass, unitId: 0, usdsMint: usdsMint.publicKey, pau: unitPau(controller, usdsMint.publicKey, endpoint) });
  assert.equal(u.pauCustody.toBase58(), custody.toBase58());
  const g = gov.publicKey;
  assert.equal(
    vm.error(
      [
        await lcts.governance.createClass({ authority: g, classId: 0 }),
        await lcts.governance.createUnit({
          governance: g,
          unit: u,
          beacon: beacon.publicKey,
          freezer: freezer.publicKey,
          rateWad: LCTS_WAD,
          params: PARAMS,
          metadata: { name: "Halo Passthrough Unit 0", symbol: "HPU", uri: "https://example.invalid/halo/lcts/unit.json" },
        }),
        await lcts.governance.createQueue({ governance: g, unit: u, side: "subscribe" }),
        await lcts.governance.createQueue({ governance: g, unit: u, side: "redeem" }),
      ],
      [gov],
    ),
    null,
  );
  // the routes cannot be set yet: their rate limits do not exist
  assert.notEqual(vm.error([await lcts.governance.setUnitRoutes({ governance: g, unit: u })], [gov]), null);

  // the PAU side through the timelock: registration, GovOps, both routes' global inits and
  // the unit PDA as their integration (the second op adds the return key to it)
  await wirePau(vm, {
    admin,
    govops,
    controller,
    signer: u.unit,
    mint: usdsMint.publicKey,
    routes: [
      { tag: TAGS.lctsDeploy, key: deployRouteKey(u), counterparty: endpoint },
      { tag: TAGS.lctsReturn, key: returnRouteKey(u), counterparty: u.redeemUsdsVault },
    ],
    maxAmount: ROUTE_MAX,
    slope: ROUTE_SLOPE,
    delay: DELAY,
  });
  // governance sets the routes on the unit; the beacon refreshes the rate the walk aged
  assert.equal(vm.error([await lcts.governance.setUnitRoutes({ governance: g, unit: u })], [gov]), null);
  const stale = decodeExchangeRateView(vm.view(await lcts.views.exchangeRate({ unit: u })));
  assert.equal(stale.stale, true, "fourteen days after its creation the rate is stale");
  assert.equal(vm.error([await lcts.beacon.updateExchangeRate({ beacon: beacon.publicKey, unit: u, rateWad: LCTS_WAD })], [beacon]), null);

  const integration = decodePauAccount<{ signer: PublicKey; keyCount: number; keys: number[][] }>(
    pau.program,
    "integration",
    vm.data(u.pauIntegration),
  );
  assert.equal(integration.signer.toBase58(), u.unit.toBase58());
  assert.deepEqual(
    integration.keys.slice(0, integration.keyCount).map((k) => Buffer.from(k).toString("hex")),
    [deployRouteKey(u), returnRouteKey(u)].map((k) => k.toString("hex")),
  );

  /** A Prime with `usds` base units and an empty share account (Token-2022). */
  const prime = (usds: bigint): Prime => {
    const key = Keypair.generate();
    vm.fund(key.publicKey, 1_000_000_000n);
    const [usdsAccount, createUsds] = createAta(vm, key.publicKey, usdsMint.publicKey);
    const [sharesAccount, createShares] = createAta(vm, key.publicKey, u.shareMint, TOKEN_2022_PROGRAM_ID);
    const ixs = [createUsds, createShares];
    if (usds > 0n) ixs.push(mintTo(vm, usdsMint.publicKey, usdsAccount, usds));
    assert.equal(vm.error(ixs), null);
    return { key, usds: usdsAccount, shares: sharesAccount };
  };
  const queue = (side: QueueSideName) =>
    decodeLctsAccount(lcts.program, "queue", vm.data(side === "subscribe" ? u.subscribeQueue : u.redeemQueue));
  const position = (side: QueueSideName, p: Prime) => {
    const at = lctsPositionOf(u, side, p.key.publicKey);
    return vm.exists(at) ? decodeLctsAccount(lcts.program, "position", vm.data(at)) : null;
  };
  const unitState = () => decodeLctsAccount(lcts.program, "lctsUnit", vm.data(u.unit));
  const subscribe = async (p: Prime, amount: bigint, finalizedGen?: bigint) =>
    vm.error(
      [
        await lcts.prime.subscribe({
          owner: p.key.publicKey,
          unit: u,
          ownerUsds: p.usds,
          ownerShares: p.shares,
          amount,
          finalizedGen,
        }),
      ],
      [p.key],
    );
  const lock = async (side: QueueSideName, signer = beacon) =>
    vm.error([await lcts.beacon.lock({ beacon: signer.publicKey, unit: u, side })], [signer]);
  const settle = async (side: QueueSideName, capacity: bigint) =>
    vm.error(
      [await lcts.beacon.settle({ beacon: beacon.publicKey, unit: u, side, genId: queue(side).genId.toString(), capacity })],
      [beacon],
    );
  const keeper = Keypair.generate();
  vm.fund(keeper.publicKey, 1_000_000_000n);
  const settleFinalized = async (side: QueueSideName, p: Prime) =>
    vm.error(
      [
        await lcts.prime.settleFinalized({
          caller: keeper.publicKey,
          unit: u,
          side,
          owner: p.key.publicKey,
          genId: position(side, p)!.genId.toString(),
          ownerReward: side === "subscribe" ? p.shares : p.usds,
        }),
      ],
      [keeper],
    );
  return { vm, pau, lcts, u, gov, beacon, freezer, keeper, custody, endpoint, prime, queue, position, unitState, subscribe, lock, settle, settleFinalized };
}

test("Primes subscribe, the beacon settles part of the queue through the PAU, one Prime claims and another exits", async () => {
  const { vm, lcts, u, beacon, custody, endpoint, prime, queue, position, unitState, subscribe, lock, settle } = await setup();
  const [a, b, c] = [prime(1_000n * UNIT), prime(1_000n * UNIT), prime(1_000n * UNIT)];

  // two subscriptions: shares at par in an empty generation, then at its price
  const first = quoteEnter({ queue: queue("subscribe"), amount: 600n * UNIT, minEntry: PARAMS.minEntry });
  assert.equal(await subscribe(a, 600n * UNIT), null);
  const second = quoteEnter({ queue: queue("subscribe"), amount: 400n * UNIT, minEntry: PARAMS.minEntry });
  assert.equal(await subscribe(b, 400n * UNIT), null);
  let q = queue("subscribe");
  assert.deepEqual(q.status, { active: {} });
  assert.equal(q.totalShares.toString(), (first.shares + second.shares).toString());
  assert.equal(q.totalUnderlying.toString(), (1_000n * UNIT).toString());
  assert.equal(q.positions.toString(), "2");
  assert.equal(position("subscribe", a)!.shares.toString(), first.shares.toString());
  assert.equal(vm.balance(u.subscribeUsdsVault), 1_000n * UNIT);

  // refusals, readable: below the minimum entry, a lock by someone not the beacon
  assert.equal(await subscribe(c, UNIT / 2n), "BelowMinimumEntry");
  assert.equal(await lock("subscribe", c.key), "NotBeacon");

  // the beacon locks: entries and claims wait
  assert.equal(await lock("subscribe"), null);
  assert.deepEqual(queue("subscribe").status, { locked: {} });
  const locked = await lcts.prime.subscribe({ owner: c.key.publicKey, unit: u, ownerUsds: c.usds, ownerShares: c.shares, amount: 100n * UNIT });
  const code = vm.send([locked], [c.key]);
  assert.equal(explainError(new Error(`custom program error: 0x${(code ?? 0).toString(16)}`)), "QueueLocked: The queue is locked for settlement");
  const early = await lcts.prime.claim({ owner: a.key.publicKey, unit: u, side: "subscribe", rewardTo: a.shares });
  assert.equal(vm.error([early], [a.key]), "QueueLocked");

  // a settlement with half the queue's capacity: out of custody along the deploy route to
  // the strategy, shares at the rate into the queue, the reward spread pro rata
  const predicted = quoteSettle({ side: "subscribe", queue: queue("subscribe"), capacity: 500n * UNIT, dust: PARAMS.dust, rateWad: unitState().rateWad });
  assert.equal(predicted.converted, 500n * UNIT);
  assert.equal(predicted.drained, false);
  assert.equal(await settle("subscribe", 500n * UNIT), null);
  q = queue("subscribe");
  assert.deepEqual(q.status, { active: {} });
  assert.deepEqual(generationTotals(q), predicted.totals);
  assert.equal(vm.balance(endpoint), 500n * UNIT);
  assert.equal(vm.balance(custody), 10_000_000n * UNIT, "custody passes the USDS through");
  assert.equal(vm.balance(u.subscribeUsdsVault), 500n * UNIT);
  assert.equal(vm.balance(u.subscribeShareVault), predicted.reward);
  assert.equal(vm.mint(u.shareMint).supply, predicted.reward);
  const deployLimit = decodePauAccount<{ totalOut: { toString(): string } }>(new PauClient().program, "rateLimit", vm.data(u.deployRateLimit));
  assert.equal(deployLimit.totalOut.toString(), (500n * UNIT).toString());

  // the position view agrees with the maths on the decoded accounts
  const pa = position("subscribe", a)!;
  const view = decodePositionView(vm.view(await lcts.views.positionView({ unit: u, side: "subscribe", owner: a.key.publicKey })));
  assert.equal(view.finalized, false);
  assert.equal(view.genId.toString(), "0");
  assert.equal(view.shares.toString(), pa.shares.toString());
  assert.equal(view.pendingUnderlying.toString(), underlyingOf(generationTotals(q), positionShares(pa)).toString());
  assert.equal(view.claimableReward.toString(), pendingReward(generationTotals(q), positionShares(pa)).toString());
  assert.equal(view.pendingUnderlying.toString(), (300n * UNIT).toString());
  assert.equal(view.claimableReward.toString(), (300n * UNIT).toString());
  assert.equal(view.finalizedClaimable.toString(), "0");
  assert.deepEqual(view.queueStatus, { active: {} });
  assert.equal(view.nextLockAt.toString(), vm.now().toString(), "the lock window is open all day");
  assert.equal(view.unlockAllowedAfter.toString(), "0");

  // A claims its shares; B exits with its unconverted USDS and its shares
  const claimed = quoteClaim(q, pa);
  assert.equal(vm.error([await lcts.prime.claim({ owner: a.key.publicKey, unit: u, side: "subscribe", rewardTo: a.shares })], [a.key]), null);
  assert.equal(vm.balance(a.shares), claimed);
  assert.equal(position("subscribe", a)!.rewardDebt.toString(), queue("subscribe").rewardPerShare.toString());
  const out = quoteExit(queue("subscribe"), position("subscribe", b)!);
  assert.equal(out.underlying, 200n * UNIT);
  assert.equal(out.reward, 200n * UNIT);
  const exit = await lcts.prime.exit({ owner: b.key.publicKey, unit: u, side: "subscribe", ownerUsds: b.usds, ownerShares: b.shares });
  assert.equal(vm.error([exit], [b.key]), null);
  assert.equal(vm.balance(b.usds), 600n * UNIT + out.underlying);
  assert.equal(vm.balance(b.shares), out.reward);
  assert.equal(position("subscribe", b), null, "the exit closed B's position");
  q = queue("subscribe");
  assert.deepEqual(generationTotals(q), out.totals);
  assert.equal(q.positions.toString(), "1");

  // the rate view: fresh, then stale; read whole (LiteSVM) or with its trailing `false`
  // trimmed (what a cluster's runtime hands back)
  const raw = vm.view(await lcts.views.exchangeRate({ unit: u }));
  assert.equal(raw.length, 25);
  assert.equal(raw[24], 0);
  const rate = decodeExchangeRateView(raw);
  assert.deepEqual(decodeExchangeRateView(raw.subarray(0, 24)), rate);
  assert.equal(rate.rateWad.toString(), LCTS_WAD.toString());
  assert.equal(rate.updatedAt.toString(), unitState().rateUpdatedAt.toString());
  assert.equal(rate.stale, false);
  vm.warp(DAY + 1n);
  assert.equal(decodeExchangeRateView(vm.view(await lcts.views.exchangeRate({ unit: u }))).stale, true);
  // a stale rate: the beacon may lock, not settle, until it refreshes the rate
  assert.equal(await lock("subscribe"), null);
  assert.equal(await settle("subscribe", 100n * UNIT), "RateStale");
  assert.equal(
    vm.error([await lcts.beacon.updateExchangeRate({ beacon: beacon.publicKey, unit: u, rateWad: LCTS_WAD })], [beacon]),
    null,
  );
  assert.equal(await settle("subscribe", 100n * UNIT), null);
});

test("a redeem request nets against a subscription in settle_pair, and keepers settle the finalized positions", async () => {
  const { vm, lcts, u, beacon, keeper, custody, prime, queue, position, unitState, subscribe, lock, settle, settleFinalized } = await setup();

  // R holds shares the real way: subscribed, settled in full (the generation finalizes),
  // then paid by a keeper
  const r = prime(1_000n * UNIT);
  assert.equal(await subscribe(r, 1_000n * UNIT), null);
  assert.equal(await lock("subscribe"), null);
  assert.equal(await settle("subscribe", 1_000n * UNIT), null);
  let q = queue("subscribe");
  assert.deepEqual(q.status, { dormant: {} });
  assert.equal(q.genId.toString(), "1");
  const gen0 = decodeLctsAccount(lcts.program, "finalizedGeneration", vm.data(pda.lctsGeneration(u.subscribeQueue, 0)[0]));
  assert.equal(gen0.genId.toString(), "0");
  assert.equal(gen0.totalShares.toString(), (1_000n * UNIT).toString());
  const rPos = position("subscribe", r)!;
  const owed = finalizedReward(rPos, gen0);
  assert.equal(owed, 1_000n * UNIT);
  const view = decodePositionView(
    vm.view(await lcts.views.positionView({ unit: u, side: "subscribe", owner: r.key.publicKey, finalizedGen: 0 })),
  );
  assert.equal(view.finalized, true);
  assert.equal(view.finalizedClaimable.toString(), owed.toString());
  assert.deepEqual(view.queueStatus, { dormant: {} });
  // the view needs the finalized generation; claim is refused on a DORMANT queue
  assert.equal(
    vm.error([await lcts.views.positionView({ unit: u, side: "subscribe", owner: r.key.publicKey })]),
    "FinalizedGenerationRequired",
  );
  assert.equal(vm.error([await lcts.prime.claim({ owner: r.key.publicKey, unit: u, side: "subscribe", rewardTo: r.shares })], [r.key]), "QueueNotActive");
  const rentBack = vm.svm.getBalance(address(r.key.publicKey.toBase58()))!;
  assert.equal(await settleFinalized("subscribe", r), null);
  assert.equal(vm.balance(r.shares), owed);
  assert.equal(position("subscribe", r), null, "the keeper's crank closed the position");
  assert.ok(vm.svm.getBalance(address(r.key.publicKey.toBase58()))! > rentBack, "its rent went to the owner");

  // a day later the beacon raises the rate by half a percent (within its 1 % bound; more is refused)
  vm.warp(DAY);
  const old = unitState();
  const bounds = { maxUpBps: old.params.maxRateUpBps, maxDownBps: old.params.maxRateDownBps, epochS: old.params.epochS };
  const newRate = 1_005_000_000_000_000_000n;
  checkRateUpdate(old.rateWad, newRate, old.rateUpdatedAt, vm.now(), bounds);
  assert.throws(() => checkRateUpdate(old.rateWad, 1_010_000_000_000_000_001n, old.rateUpdatedAt, vm.now(), bounds), /AboveBound/);
  const update = (rateWad: bigint) => lcts.beacon.updateExchangeRate({ beacon: beacon.publicKey, unit: u, rateWad });
  assert.equal(vm.error([await update(1_010_000_000_000_000_001n)], [beacon]), "RateAboveBound");
  assert.equal(vm.error([await update(newRate)], [beacon]), null);

  // R asks to redeem 400 shares, S subscribes 300 USDS; the beacon locks both
  const s = prime(300n * UNIT);
  const redeem = await lcts.prime.requestRedeem({ owner: r.key.publicKey, unit: u, ownerUsds: r.usds, ownerShares: r.shares, amount: 400n * UNIT });
  assert.equal(vm.error([redeem], [r.key]), null);
  assert.equal(vm.balance(u.redeemShareVault), 400n * UNIT);
  assert.equal(await subscribe(s, 300n * UNIT), null);
  assert.equal(await lock("subscribe"), null);
  assert.equal(await lock("redeem"), null);

  // settle_pair: the subscription is matched inside the unit, the rest of the redemption
  // comes from custody along the return route
  const pair = {
    subscribe: queue("subscribe"),
    redeem: queue("redeem"),
    subscribeCapacity: 0n,
    redeemCapacity: 1_000n * UNIT,
    rateWad: newRate,
    dust: PARAMS.dust,
  };
  const plan = quoteSettlePair(pair);
  assert.deepEqual(plan.netting, net(300n * UNIT, 400n * UNIT, newRate));
  assert.equal(plan.netting.usds, 300n * UNIT, "the whole subscription nets");
  assert.ok(plan.netting.sharesFromRedeemers - plan.netting.sharesToSubscribers <= 1n);
  assert.ok(plan.subscribe.drained && plan.redeem.drained);
  const pairIx = (caller: PublicKey, subscribeCapacity: bigint, redeemCapacity: bigint) =>
    lcts.beacon.settlePair({
      caller,
      unit: u,
      subscribeGen: pair.subscribe.genId.toString(),
      redeemGen: pair.redeem.genId.toString(),
      subscribeCapacity,
      redeemCapacity,
    });
  // capacity is the beacon's alone
  assert.equal(vm.error([await pairIx(keeper.publicKey, 0n, 1_000n * UNIT)], [keeper]), "CapacityNeedsBeacon");
  const supplyBefore = vm.mint(u.shareMint).supply;
  assert.equal(vm.error([await pairIx(beacon.publicKey, 0n, 1_000n * UNIT)], [beacon]), null);
  const received = plan.redeem.reward - plan.netting.usds;
  assert.equal(vm.balance(custody), 10_000_000n * UNIT - received);
  assert.equal(vm.balance(u.redeemUsdsVault), plan.redeem.reward);
  assert.equal(vm.balance(u.subscribeShareVault), plan.subscribe.reward);
  assert.equal(vm.balance(u.subscribeUsdsVault), 0n);
  assert.equal(vm.balance(u.redeemShareVault), 0n);
  // burned: the redeemed shares beyond those passed to the subscribers
  assert.equal(supplyBefore - vm.mint(u.shareMint).supply, 400n * UNIT - plan.netting.sharesToSubscribers);
  for (const side of ["subscribe", "redeem"] as const) {
    q = queue(side);
    assert.deepEqual(q.status, { dormant: {} });
    const at = pda.lctsGeneration(side === "subscribe" ? u.subscribeQueue : u.redeemQueue, pair[side].genId.toString())[0];
    const g = decodeLctsAccount(lcts.program, "finalizedGeneration", vm.data(at));
    assert.equal(g.finalRewardPerShare.toString(), plan[side].totals.rewardPerShare.toString(), side);
    assert.equal(q.genId.toString(), (BigInt(pair[side].genId.toString()) + 1n).toString());
  }

  // the keeper pays both finalized positions: S its shares, R its USDS
  const sGen = decodeLctsAccount(lcts.program, "finalizedGeneration", vm.data(pda.lctsGeneration(u.subscribeQueue, pair.subscribe.genId.toString())[0]));
  const rGen = decodeLctsAccount(lcts.program, "finalizedGeneration", vm.data(pda.lctsGeneration(u.redeemQueue, pair.redeem.genId.toString())[0]));
  const sOwed = finalizedReward(position("subscribe", s)!, sGen);
  const rOwed = finalizedReward(position("redeem", r)!, rGen);
  assert.ok(plan.subscribe.reward - sOwed <= 1n, "rounding dust stays in the vault");
  assert.ok(plan.redeem.reward - rOwed <= 1n);
  assert.equal(await settleFinalized("subscribe", s), null);
  assert.equal(await settleFinalized("redeem", r), null);
  assert.equal(vm.balance(s.shares), sOwed);
  assert.equal(vm.balance(r.usds), rOwed);
  assert.equal(vm.balance(r.shares), 1_000n * UNIT - 400n * UNIT);
  // a position not finalized is not the keeper's: its generation has no account yet, so
  // Anchor refuses it before the program's own check
  const t = prime(10n * UNIT);
  assert.equal(await subscribe(t, 10n * UNIT), null);
  assert.equal(await settleFinalized("subscribe", t), "AccountNotInitialized");
});

test("the freezer pauses and only governance lifts it; a lock outlasting its bound is lifted by anyone", async () => {
  const { vm, lcts, u, gov, freezer, keeper, prime, queue, unitState, subscribe, lock } = await setup();
  const p = prime(100n * UNIT);
  const pause = async (signer: Keypair, flags: number) =>
    vm.error([await lcts.governance.setPaused({ signer: signer.publicKey, unit: u, flags })], [signer]);
  assert.equal(await pause(freezer, PAUSE_SUBSCRIBE), null);
  assert.equal(unitState().paused, PAUSE_SUBSCRIBE);
  assert.equal(await subscribe(p, 10n * UNIT), "Paused");
  assert.equal(await pause(freezer, 0), "OnlyGovernanceUnpauses");
  assert.equal(await pause(keeper, PAUSE_SUBSCRIBE), "NotPauser");
  assert.equal(await pause(gov, 0), null);
  assert.equal(await subscribe(p, 10n * UNIT), null);

  // a lock the beacon never settles: anyone may unlock it once it outlasted maxLockS
  assert.equal(await lock("subscribe"), null);
  const unlock = await lcts.governance.unlock({ caller: keeper.publicKey, unit: u, side: "subscribe" });
  assert.equal(vm.error([unlock], [keeper]), "LockNotExpired");
  const view = decodePositionView(vm.view(await lcts.views.positionView({ unit: u, side: "subscribe", owner: p.key.publicKey })));
  assert.deepEqual(view.queueStatus, { locked: {} });
  assert.equal(view.unlockAllowedAfter.toString(), (BigInt(queue("subscribe").lockedAt.toString()) + BigInt(PARAMS.maxLockS)).toString());
  vm.warp(BigInt(PARAMS.maxLockS) + 1n);
  assert.equal(vm.error([unlock], [keeper]), null);
  assert.deepEqual(queue("subscribe").status, { active: {} });
  // the Prime takes everything back
  const out = await lcts.prime.exit({ owner: p.key.publicKey, unit: u, side: "subscribe", ownerUsds: p.usds, ownerShares: p.shares });
  assert.equal(vm.error([out], [p.key]), null);
  assert.equal(vm.balance(p.usds), 100n * UNIT);
  assert.deepEqual(queue("subscribe").status, { dormant: {} });
});
