// Byte-for-byte parity with the Rust SDK for halo_lcts: instruction data and account metas
// (with the UnitRef derivation and both route keys), PDAs and bumps, every account type
// decoded to its Rust fields, the views' return data (trimmed of trailing zeros as a
// client receives it) decoded to their fields, the error table, and the queue maths of
// src/lcts-quote.ts against halo_math::lcts. The vectors come from tests/tests/golden/
// lcts.rs (the real halo-sdk and halo-math).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { PublicKey, type TransactionInstruction } from "@solana/web3.js";
import {
  decodeExchangeRateView,
  decodePositionView,
  deployRouteKey,
  EXCHANGE_RATE_VIEW_SIZE,
  LCTS_WAD,
  LctsClient,
  lctsGenerationOf,
  lctsPositionOf,
  padReturnData,
  PAUSE_ALL,
  PAUSE_REDEEM,
  PAUSE_SUBSCRIBE,
  PAUSE_UNIT,
  POSITION_VIEW_SIZE,
  queueRef,
  queueSideArg,
  returnRouteKey,
  type UnitParams,
  unitPau,
  unitRef,
  type UnitRef,
  viewReturnData,
} from "../src/lcts.ts";
import { pda, TOKEN_2022_PROGRAM_ID } from "../src/pda.ts";
import { TAGS } from "../src/keys.ts";
import { decodeLctsAccount, type LctsPositionAccount, type QueueAccount } from "../src/accounts.ts";
import { errorFromCode, explainError, LCTS_ERRORS, programOfCode } from "../src/errors.ts";
import { LCTS_PROGRAM_ID, PAU_PROGRAM_ID } from "../src/program.ts";
import { MathError } from "../src/amm.ts";
import {
  checkRateUpdate,
  claim,
  conversionOf,
  enter,
  exit,
  finalizedReward,
  type GenerationTotals,
  generationTotals,
  LctsRefusal,
  net,
  pendingReward,
  type PositionShares,
  positionShares,
  quoteClaim,
  quoteEnter,
  quoteExit,
  rateIsStale,
  RateUpdateRefusal,
  settle,
  sharesForUsds,
  underlyingOf,
  usdsForShares,
} from "../src/lcts-quote.ts";
import { diff, hex, type J, label, pk, plain } from "./parity.ts";

const golden: J = JSON.parse(readFileSync(new URL("./golden/halo_lcts.json", import.meta.url), "utf8"));
const client = new LctsClient();

const DERIVED = [
  "unit",
  "shareMint",
  "subscribeQueue",
  "redeemQueue",
  "subscribeUsdsVault",
  "subscribeShareVault",
  "redeemShareVault",
  "redeemUsdsVault",
  "pauController",
  "pauProxy",
  "pauCustody",
  "pauIntegration",
  "deployRateLimit",
  "returnRateLimit",
  "deployEndpoint",
] as const;

/** The UnitRef a golden vector was built from, derived again by the TS client. */
function unit(r: J): UnitRef {
  const u = unitRef({
    class: pk(r.class),
    unitId: r.unitId,
    usdsMint: pk(r.usdsMint),
    usdsTokenProgram: pk(r.usdsTokenProgram),
    pau: { controller: pk(r.pau.controller), custody: pk(r.pau.custody), deployEndpoint: pk(r.pau.deployEndpoint) },
  });
  for (const k of DERIVED) assert.equal(u[k].toBase58(), r[k], `derived ${k}`);
  assert.equal(u.unitId, BigInt(r.unitId));
  assert.equal(deployRouteKey(u).toString("hex"), r.deployRouteKey, "deploy route key");
  assert.equal(returnRouteKey(u).toString("hex"), r.returnRouteKey, "return route key");
  return u;
}

const params = (p: J): UnitParams => ({ ...p }) as UnitParams;
const gen = (v: J): string | null => (v === null ? null : String(v));

/** The TS client's builder for each golden instruction, fed the golden inputs. */
const builders: Record<string, (i: J) => Promise<TransactionInstruction>> = {
  createClass: (i) => client.governance.createClass({ authority: pk(i.authority), classId: i.classId }),
  proposeClassGovernance: (i) =>
    client.governance.proposeClassGovernance({
      governance: pk(i.governance),
      class: pk(i.class),
      newGovernance: pk(i.newGovernance),
    }),
  acceptClassGovernance: (i) => client.governance.acceptClassGovernance({ newGovernance: pk(i.newGovernance), class: pk(i.class) }),
  createUnit: (i) => {
    const u = unit(i.unit);
    assert.equal(i.args.unitId, u.unitId.toString(), "the args' unit id is the UnitRef's");
    return client.governance.createUnit({
      governance: pk(i.governance),
      unit: u,
      beacon: pk(i.args.beacon),
      freezer: pk(i.args.freezer),
      rateWad: i.args.rateWad,
      params: params(i.args.params),
      metadata: i.args.metadata,
    });
  },
  createQueue: (i) => client.governance.createQueue({ governance: pk(i.governance), unit: unit(i.unit), side: i.side }),
  setUnitRoutes: (i) => client.governance.setUnitRoutes({ governance: pk(i.governance), unit: unit(i.unit) }),
  setUnitParams: (i) =>
    client.governance.setUnitParams({ governance: pk(i.governance), unit: unit(i.unit), params: params(i.params) }),
  setUnitRoles: (i) =>
    client.governance.setUnitRoles({
      governance: pk(i.governance),
      unit: unit(i.unit),
      beacon: pk(i.beacon),
      freezer: pk(i.freezer),
    }),
  setExchangeRate: (i) => client.governance.setExchangeRate({ governance: pk(i.governance), unit: unit(i.unit), rateWad: i.rateWad }),
  setPaused: (i) => client.governance.setPaused({ signer: pk(i.signer), unit: unit(i.unit), flags: i.flags }),
  unlock: (i) => client.governance.unlock({ caller: pk(i.caller), unit: unit(i.unit), side: i.side }),
  lock: (i) => client.beacon.lock({ beacon: pk(i.beacon), unit: unit(i.unit), side: i.side }),
  settle: (i) =>
    client.beacon.settle({ beacon: pk(i.beacon), unit: unit(i.unit), side: i.side, genId: i.genId, capacity: i.capacity }),
  settlePair: (i) =>
    client.beacon.settlePair({
      caller: pk(i.caller),
      unit: unit(i.unit),
      subscribeGen: i.subscribeGen,
      redeemGen: i.redeemGen,
      subscribeCapacity: i.subscribeCapacity,
      redeemCapacity: i.redeemCapacity,
    }),
  updateExchangeRate: (i) => client.beacon.updateExchangeRate({ beacon: pk(i.beacon), unit: unit(i.unit), rateWad: i.rateWad }),
  exchangeRate: (i) => client.views.exchangeRate({ unit: unit(i.unit) }),
  positionView: (i) =>
    client.views.positionView({ unit: unit(i.unit), side: i.side, owner: pk(i.owner), finalizedGen: gen(i.finalizedGen) }),
  subscribe: (i) =>
    client.prime.subscribe({
      owner: pk(i.owner),
      unit: unit(i.unit),
      ownerUsds: pk(i.ownerUsds),
      ownerShares: pk(i.ownerShares),
      amount: i.amount,
      finalizedGen: gen(i.finalizedGen),
    }),
  requestRedeem: (i) =>
    client.prime.requestRedeem({
      owner: pk(i.owner),
      unit: unit(i.unit),
      ownerUsds: pk(i.ownerUsds),
      ownerShares: pk(i.ownerShares),
      amount: i.amount,
      finalizedGen: gen(i.finalizedGen),
    }),
  claim: (i) => client.prime.claim({ owner: pk(i.owner), unit: unit(i.unit), side: i.side, rewardTo: pk(i.rewardTo) }),
  exit: (i) =>
    client.prime.exit({
      owner: pk(i.owner),
      unit: unit(i.unit),
      side: i.side,
      ownerUsds: pk(i.ownerUsds),
      ownerShares: pk(i.ownerShares),
    }),
  settleFinalized: (i) =>
    client.prime.settleFinalized({
      caller: pk(i.caller),
      unit: unit(i.unit),
      side: i.side,
      owner: pk(i.owner),
      genId: i.genId,
      ownerReward: pk(i.ownerReward),
    }),
};

test("every halo_lcts instruction has a golden vector and a TS builder", () => {
  const idlNames = new Set<string>(client.program.idl.instructions.map((i: { name: string }) => i.name));
  const goldenNames = new Set<string>(golden.instructions.map((g: J) => g.name));
  assert.deepEqual([...goldenNames].sort(), [...idlNames].sort());
  assert.deepEqual(Object.keys(builders).sort(), [...idlNames].sort());
  assert.equal(golden.programId, LCTS_PROGRAM_ID.toBase58());
  assert.equal(golden.pauProgramId, PAU_PROGRAM_ID.toBase58());
});

test("a UnitRef derives every address and both route keys as UnitRef::new", () => {
  assert.equal(golden.units.length, 2);
  for (const r of golden.units as J[]) {
    const u = unit(r);
    // the share mint is Token-2022 whatever the USDS token program
    assert.equal(queueRef(u, "subscribe").rewardTokenProgram.toBase58(), TOKEN_2022_PROGRAM_ID.toBase58());
    assert.equal(queueRef(u, "redeem").underlyingTokenProgram.toBase58(), TOKEN_2022_PROGRAM_ID.toBase58());
    assert.equal(queueRef(u, "redeem").rewardTokenProgram.toBase58(), r.usdsTokenProgram);
    assert.equal(queueRef(u, { redeem: {} }).queue.toBase58(), r.redeemQueue);
    // unitPau derives the custody as the proxy's ATA (the fixture's custody)
    const w = unitPau(pk(r.pau.controller), pk(r.usdsMint), pk(r.pau.deployEndpoint), pk(r.usdsTokenProgram));
    assert.equal(w.custody.toBase58(), r.pau.custody);
  }
  assert.throws(() => queueRef(unit(golden.units[0]), "deposit" as never), /a queue side must be one of subscribe, redeem/);
  assert.throws(() => queueSideArg({ subscribe: {}, redeem: {} } as never), /a queue side must be one of subscribe, redeem/);
});

for (const g of golden.instructions as J[]) {
  const variant = label(g, ["side", "classId", "flags", "rateWad", "finalizedGen", "genId", "subscribeGen"]);
  const unitId = g.inputs.unit ? ` of unit ${g.inputs.unit.unitId}` : "";
  test(`lcts instruction ${variant}${unitId} matches the Rust SDK byte for byte`, async () => {
    const built = await builders[g.name](g.inputs);
    assert.deepEqual(diff(built, g), []);
  });
}

test("an entry with a flipped side or a missing finalized generation is caught", async () => {
  const g = golden.instructions.find((x: J) => x.name === "subscribe" && x.inputs.finalizedGen !== null && x.inputs.unit.unitId === "5");
  const without = await builders.subscribe({ ...g.inputs, finalizedGen: null });
  // the optional account falls back to the program id, read-only
  assert.deepEqual(diff(without, g), ["account 4"]);
  assert.equal(without.keys[4].pubkey.toBase58(), LCTS_PROGRAM_ID.toBase58());
  assert.equal(without.keys[4].isWritable, false);
  const redeem = await builders.requestRedeem(g.inputs);
  assert.ok(diff(redeem, g).includes("data"));
  assert.ok(diff(redeem, g).includes("account 2"), "the other queue");
});

test("PDAs and bumps match", () => {
  for (const p of golden.pdas as J[]) {
    const i = p.inputs;
    const [addr, bump] = (() => {
      switch (p.name) {
        case "lctsClass":
          return pda.lctsClass(pk(i.authority), i.classId);
        case "lctsUnit":
          return pda.lctsUnit(pk(i.class), i.unitId);
        case "shareMint":
          return pda.shareMint(pk(i.unit));
        case "lctsQueue":
          return pda.lctsQueue(pk(i.unit), i.side);
        case "queueVault":
          return pda.queueVault(pk(i.queue), pk(i.mint));
        case "lctsGeneration":
          return pda.lctsGeneration(pk(i.queue), i.genId);
        case "lctsPosition":
          return pda.lctsPosition(pk(i.queue), pk(i.owner));
      }
      throw new Error(p.name);
    })();
    assert.equal(addr.toBase58(), p.address, p.name);
    assert.equal(bump, p.bump, `${p.name} bump`);
  }
  const kinds = new Set(golden.pdas.map((p: J) => p.name));
  assert.deepEqual([...kinds].sort(), [
    "lctsClass",
    "lctsGeneration",
    "lctsPosition",
    "lctsQueue",
    "lctsUnit",
    "queueVault",
    "shareMint",
  ]);
  // a queue's side by name or by seed byte; nothing else
  const u = pk(golden.pdas.find((p: J) => p.name === "lctsQueue").inputs.unit);
  assert.deepEqual(pda.lctsQueue(u, "subscribe"), pda.lctsQueue(u, 0));
  assert.deepEqual(pda.lctsQueue(u, "redeem"), pda.lctsQueue(u, 1));
  assert.throws(() => pda.lctsQueue(u, 2 as never), /a queue side is "subscribe" \(0\) or "redeem" \(1\)/);
  // the UnitRef helpers name the same addresses
  const r = unit(golden.units[0]);
  const owner = PublicKey.unique();
  assert.deepEqual(lctsPositionOf(r, "redeem", owner), pda.lctsPosition(r.redeemQueue, owner)[0]);
  assert.deepEqual(lctsGenerationOf(r, "subscribe", 9), pda.lctsGeneration(r.subscribeQueue, 9)[0]);
});

test("every account type serialised by the program's types decodes to every Rust field", () => {
  const types = new Set<string>();
  for (const a of golden.accounts as J[]) {
    const d = decodeLctsAccount(client.program, a.type, hex(a.data));
    assert.deepEqual(plain(d), a.fields, a.type);
    types.add(a.type);
  }
  const idlAccounts = client.program.idl.accounts.map((a: { name: string }) => a.name);
  assert.deepEqual([...types].sort(), [...idlAccounts].sort());
  // another account's bytes are refused (the discriminator is checked)
  const position = golden.accounts.find((x: J) => x.type === "position");
  assert.throws(() => decodeLctsAccount(client.program, "queue", hex(position.data)));
});

test("the views' return data decodes, trailing zeros trimmed by the runtime or not", () => {
  const kinds = new Set<string>();
  for (const v of golden.views as J[]) {
    const decode = v.type === "exchangeRateView" ? decodeExchangeRateView : decodePositionView;
    const size = v.type === "exchangeRateView" ? EXCHANGE_RATE_VIEW_SIZE : POSITION_VIEW_SIZE;
    assert.equal(hex(v.serialized).length, size, `${v.type} size`);
    assert.deepEqual(plain(decode(hex(v.returnData))), v.fields, `${v.type} from the trimmed bytes`);
    assert.deepEqual(plain(decode(hex(v.serialized))), v.fields, `${v.type} from the full bytes`);
    assert.deepEqual(plain(decode(hex(v.returnData), client.program)), v.fields, `${v.type} with the client's program`);
    kinds.add(v.type);
  }
  assert.deepEqual([...kinds].sort(), ["exchangeRateView", "positionView"]);
  // the vectors do exercise the padding: some answers lose bytes, one loses everything
  assert.ok(golden.views.some((v: J) => v.returnData.length < v.serialized.length && v.returnData.length > 0));
  assert.ok(golden.views.some((v: J) => v.returnData === ""));
  assert.throws(() => decodeExchangeRateView(Buffer.alloc(26)), /exchange_rate's return data is 25 bytes at most, got 26/);
  assert.deepEqual(padReturnData(Buffer.from([1, 2]), 4), Buffer.from([1, 2, 0, 0]));
  // a simulation's return data, as web3.js gives it
  const v = golden.views[0];
  const b64 = hex(v.returnData).toString("base64");
  assert.deepEqual(viewReturnData({ programId: LCTS_PROGRAM_ID.toBase58(), data: [b64, "base64"] }), hex(v.returnData));
  assert.deepEqual(viewReturnData(null), Buffer.alloc(0));
  assert.throws(
    () => viewReturnData({ programId: PAU_PROGRAM_ID.toBase58(), data: [b64, "base64"] }),
    /return data of .*, not of halo_lcts/,
  );
});

test("lcts error codes, names and messages match the program", () => {
  assert.equal(LCTS_ERRORS.size, golden.errors.length);
  for (const e of golden.errors as J[]) {
    assert.deepEqual(LCTS_ERRORS.get(e.code), { code: e.code, name: e.name, msg: e.msg });
    assert.deepEqual(errorFromCode(e.code), { code: e.code, name: e.name, msg: e.msg });
    assert.equal(programOfCode(e.code), "halo_lcts");
  }
  const locked = golden.errors.find((e: J) => e.name === "QueueLocked");
  assert.equal(explainError(new Error(`custom program error: 0x${locked.code.toString(16)}`)), `QueueLocked: ${locked.msg}`);
});

test("constants are the program's", () => {
  const c = golden.constants;
  assert.equal(LCTS_WAD.toString(), c.wad);
  assert.deepEqual([PAUSE_UNIT, PAUSE_SUBSCRIBE, PAUSE_REDEEM, PAUSE_ALL], [c.pauseUnit, c.pauseSubscribe, c.pauseRedeem, c.pauseAll]);
  assert.equal(TAGS.lctsDeploy, c.tagLctsDeploy);
  assert.equal(TAGS.lctsReturn, c.tagLctsReturn);
});

// ---- halo_math::lcts ------------------------------------------------------------------

const totals = (t: J): GenerationTotals => generationTotals(t as never);
const position = (p: J): PositionShares => positionShares(p as never);
const s = (v: bigint) => v.toString();
const totalsJson = (t: GenerationTotals) => ({
  totalShares: s(t.totalShares),
  totalUnderlying: s(t.totalUnderlying),
  rewardPerShare: s(t.rewardPerShare),
});
const positionJson = (p: PositionShares) => ({ shares: s(p.shares), rewardDebt: s(p.rewardDebt) });

/** The Rust result of `f`: its value, or `{ error }` with the refusal's or maths error's name. */
function result<T>(f: () => T, ok: (v: T) => unknown): unknown {
  try {
    return ok(f());
  } catch (e) {
    if (e instanceof MathError || e instanceof LctsRefusal || e instanceof RateUpdateRefusal) return { error: e.kind };
    throw e;
  }
}

test("enter mints the Rust shares, pays the Rust reward, and refuses as Rust does", () => {
  assert.ok(golden.math.enter.length > 50);
  for (const c of golden.math.enter as J[]) {
    const [g, p] = [totals(c.totals), position(c.position)];
    const got = result(
      () => enter(g, p, c.amount, c.minEntry),
      (r) => ({ shares: s(r.shares), reward: s(r.reward), totals: totalsJson(r.totals), position: positionJson(r.position) }),
    );
    assert.deepEqual(got, c.result, JSON.stringify(c));
    // the inputs are not changed
    assert.deepEqual(totalsJson(g), c.totals);
  }
  const errors = new Set(golden.math.enter.map((c: J) => c.result.error).filter(Boolean));
  assert.deepEqual([...errors].sort(), ["BelowMinimumEntry", "GenerationDrained", "Overflow", "ZeroShares"]);
});

test("exit pays the Rust underlying and reward (the last one out takes the dust)", () => {
  for (const c of golden.math.exit as J[]) {
    const got = result(
      () => exit(totals(c.totals), position(c.position)),
      (r) => ({ underlying: s(r.underlying), reward: s(r.reward), totals: totalsJson(r.totals), position: positionJson(r.position) }),
    );
    assert.deepEqual(got, c.result, JSON.stringify(c));
  }
  assert.ok(golden.math.exit.some((c: J) => c.result.error === "EmptyPosition"));
});

test("pending reward, underlying and claim match", () => {
  for (const c of golden.math.positions as J[]) {
    const [g, p] = [totals(c.totals), position(c.position)];
    assert.deepEqual(result(() => pendingReward(g, p), s), c.pendingReward, JSON.stringify(c));
    assert.deepEqual(result(() => underlyingOf(g, p), s), c.underlyingOf, JSON.stringify(c));
    assert.deepEqual(
      result(() => claim(g, p), (r) => ({ reward: s(r.reward), position: positionJson(r.position) })),
      c.claim,
      JSON.stringify(c),
    );
  }
});

test("conversion and settlement match", () => {
  for (const c of golden.math.conversion as J[])
    assert.equal(s(conversionOf(c.remaining, c.capacity, c.dust)), c.converted, JSON.stringify(c));
  for (const c of golden.math.settle as J[]) {
    const got = result(
      () => settle(totals(c.totals), c.converted, c.reward),
      (r) => ({ drained: r.drained, converted: s(r.converted), totals: totalsJson(r.totals) }),
    );
    assert.deepEqual(got, c.result, JSON.stringify(c));
  }
});

test("shares for USDS, USDS for shares and netting at the exchange rate match", () => {
  for (const c of golden.math.rates as J[]) {
    assert.deepEqual(result(() => sharesForUsds(c.amount, c.rateWad), s), c.sharesForUsds, JSON.stringify(c));
    assert.deepEqual(result(() => usdsForShares(c.amount, c.rateWad), s), c.usdsForShares, JSON.stringify(c));
  }
  for (const c of golden.math.net as J[]) {
    const got = result(
      () => net(c.subscribeUsds, c.redeemShares, c.rateWad),
      (n) => ({ usds: s(n.usds), sharesToSubscribers: s(n.sharesToSubscribers), sharesFromRedeemers: s(n.sharesFromRedeemers) }),
    );
    assert.deepEqual(got, c.result, JSON.stringify(c));
  }
});

test("rate updates and staleness match", () => {
  for (const c of golden.math.rateUpdates as J[]) {
    const b = { maxUpBps: c.maxUpBps, maxDownBps: c.maxDownBps, epochS: c.epochS };
    const got = result(
      () => checkRateUpdate(c.oldWad, c.newWad, c.updatedAt, c.now, b),
      () => ({ ok: true }),
    );
    assert.deepEqual(got, c.result, JSON.stringify(c));
    assert.equal(rateIsStale(c.updatedAt, c.now, c.epochS), c.stale, JSON.stringify(c));
  }
  const kinds = new Set(golden.math.rateUpdates.map((c: J) => c.result.error).filter(Boolean));
  // an old rate at the u128 edge: its ceiling overflows
  assert.deepEqual([...kinds].sort(), ["AboveBound", "BelowBound", "Overflow", "TooSoon", "Zero"]);
});

test("the quotes read decoded accounts: a claim, an exit and an entry on the golden queue", () => {
  const acc = (type: string, side?: string) =>
    golden.accounts.find((a: J) => a.type === type && (!side || a.fields.side[side]));
  const queue = decodeLctsAccount(client.program, "queue", hex(acc("queue", "subscribe").data)) as QueueAccount;
  const pos = decodeLctsAccount(client.program, "position", hex(acc("position").data)) as LctsPositionAccount;
  const g = generationTotals(queue);
  const p = positionShares(pos);
  assert.equal(quoteClaim(queue, pos), pendingReward(g, p));
  const out = quoteExit(queue, pos);
  assert.deepEqual(out, exit(g, p));
  // 300 of 1,000 queue shares of 600 USDS: 180 USDS back, and the reward earned since the debt
  assert.equal(out.underlying, 180_000_000n);
  assert.equal(out.reward, 66_666_666n);
  const e = quoteEnter({ queue, position: pos, amount: 6_000_000n, minEntry: 1_000_000n });
  assert.equal(e.shares, (6_000_000n * g.totalShares) / g.totalUnderlying);
  assert.equal(e.reward, out.reward);
  // a position of a finalized generation: its reward is the generation's, and it restarts
  const generation = decodeLctsAccount(client.program, "finalizedGeneration", hex(acc("finalizedGeneration").data));
  const old = { ...pos, genId: generation.genId };
  const restarted = quoteEnter({ queue, position: old, finalized: generation, amount: 6_000_000n, minEntry: 1n });
  assert.equal(restarted.reward, finalizedReward(old, generation));
  assert.equal(restarted.position.shares, restarted.shares);
  assert.throws(() => quoteEnter({ queue, position: old, amount: 6_000_000n, minEntry: 1n }), /FinalizedGenerationRequired/);
  // a locked queue takes no entry
  const locked = decodeLctsAccount(client.program, "queue", hex(acc("queue", "redeem").data)) as QueueAccount;
  assert.throws(() => quoteEnter({ queue: locked, amount: 1n, minEntry: 1n }), /QueueLocked/);
});
