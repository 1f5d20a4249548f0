// Byte-for-byte parity with the Rust SDK for halo_nfat: instruction data and account metas
// (with the FacilityRef derivation and both route keys), the strike's whole transaction, a
// wallet transfer of a deal NFT with the hook's extra accounts, PDAs and bumps, every
// account type decoded to its Rust fields, deal_view's return data (trimmed of trailing
// zeros as a client receives it), the terms hashes, both error tables, and the deal maths
// of src/nfat-quote.ts against halo_math::nfat and halo_math::deal. The vectors come from
// tests/tests/golden/nfat.rs (the real halo-sdk and halo-math).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { PublicKey, type TransactionInstruction } from "@solana/web3.js";
import {
  type Buybox,
  CLAIM_COMPUTE_UNITS,
  computeUnitLimit,
  createNftAccount,
  DEAL_VIEW_SIZE,
  dealRef,
  type DealRef,
  type DealTerms,
  decodeDealView,
  decodeNfatAccount,
  facilityPau,
  facilityRef,
  type FacilityRef,
  type NfatAccountName,
  NfatClient,
  nfatDeployRouteKey,
  nfatReturnRouteKey,
  nftAccount,
  SCHEDULE_ALL,
  SCHEDULE_AMORTIZING,
  SCHEDULE_BULLET,
  SCHEDULE_PERIODIC_INTEREST,
  TAG_NFAT_DEPLOY,
  TAG_NFAT_RETURN,
  termsHash,
  transferNft,
} from "../src/nfat.ts";
import { pda, TOKEN_2022_PROGRAM_ID } from "../src/pda.ts";
import { errorFromCode, explainError, NFAT_ERRORS, NFAT_HOOK_ERRORS, programOfCode } from "../src/errors.ts";
import { NFAT_HOOK_PROGRAM_ID, NFAT_PROGRAM_ID, PAU_PROGRAM_ID } from "../src/program.ts";
import { MathError } from "../src/amm.ts";
import {
  type Amounts,
  addMonths,
  checkLedger,
  checkTerms,
  dateOf,
  daysLate,
  days360,
  dealStanding,
  dueBy,
  fullyFunded,
  fund,
  interest,
  latePenalty,
  type Ledger,
  LedgerRefusal,
  ledgerOf,
  MAX_TENOR_MONTHS,
  maturityTs,
  newLedger,
  payment,
  periodMonths,
  quoteRedeem,
  redeem,
  schedule,
  scheduleOf,
  settled,
  type Standing,
  standing,
  type Terms,
  termsOf,
  TermsRefusal,
  totalDue,
  unclaimed,
} from "../src/nfat-quote.ts";
import { diff, hex, type J, label, pk, plain } from "./parity.ts";

const golden: J = JSON.parse(readFileSync(new URL("./golden/halo_nfat.json", import.meta.url), "utf8"));
const client = new NfatClient();

const DERIVED = [
  "facility",
  "queueVault",
  "redeemVault",
  "pauController",
  "pauProxy",
  "pauCustody",
  "pauIntegration",
  "deployRateLimit",
  "returnRateLimit",
  "endpoint",
] as const;

/** The FacilityRef a golden vector was built from, derived again by the TS client. */
function facility(r: J): FacilityRef {
  const f = facilityRef({
    authority: pk(r.authority),
    facilityId: r.facilityId,
    depositMint: pk(r.depositMint),
    depositTokenProgram: pk(r.depositTokenProgram),
    pau: { controller: pk(r.pau.controller), custody: pk(r.pau.custody), endpoint: pk(r.pau.endpoint) },
  });
  for (const k of DERIVED) assert.equal(f[k].toBase58(), r[k], `derived ${k}`);
  assert.equal(f.facilityId, BigInt(r.facilityId));
  assert.equal(nfatDeployRouteKey(f).toString("hex"), r.deployRouteKey, "deploy route key");
  assert.equal(nfatReturnRouteKey(f).toString("hex"), r.returnRouteKey, "return route key");
  return f;
}

/** The DealRef of a vector, derived again from its facility and id. */
function deal(f: FacilityRef, r: J): DealRef {
  const d = dealRef(f, r.dealId, pk(r.book));
  assert.equal(d.deal.toBase58(), r.deal, "deal address");
  assert.equal(d.nftMint.toBase58(), r.nftMint, "NFT mint address");
  return d;
}

const buybox = (b: J): Buybox => ({ ...b, assetType: hex(b.assetType) }) as unknown as Buybox;
const roles = (r: J) => ({ beacon: pk(r.beacon), attestor: pk(r.attestor), warden: pk(r.warden) });
const dealTerms = (t: J): DealTerms => ({ ...t, schedule: scheduleOf(t.schedule) }) as DealTerms;

/** The TS client's builder for each golden instruction, fed the golden inputs. */
const builders: Record<string, (i: J) => Promise<TransactionInstruction>> = {
  createFacility: (i) =>
    client.governance.createFacility({
      facility: facility(i.facility),
      buybox: buybox(i.buybox),
      roles: roles(i.roles),
      name: i.name,
      symbol: i.symbol,
      uri: i.uri,
    }),
  proposeGovernance: (i) =>
    client.governance.proposeGovernance({
      governance: pk(i.governance),
      facility: facility(i.facility),
      newGovernance: pk(i.newGovernance),
    }),
  acceptGovernance: (i) => client.governance.acceptGovernance({ newGovernance: pk(i.newGovernance), facility: facility(i.facility) }),
  setBuybox: (i) => client.governance.setBuybox({ governance: pk(i.governance), facility: facility(i.facility), buybox: buybox(i.buybox) }),
  setRoles: (i) => client.governance.setRoles({ governance: pk(i.governance), facility: facility(i.facility), roles: roles(i.roles) }),
  setAllowList: (i) => client.governance.setAllowList({ governance: pk(i.governance), facility: facility(i.facility), on: i.on }),
  setRoutes: (i) => client.governance.setRoutes({ governance: pk(i.governance), facility: facility(i.facility) }),
  approvePrime: (i) => client.governance.approvePrime({ governance: pk(i.governance), facility: facility(i.facility), prime: pk(i.prime) }),
  revokePrime: (i) => client.governance.revokePrime({ governance: pk(i.governance), facility: facility(i.facility), prime: pk(i.prime) }),
  listHolder: (i) => client.governance.listHolder({ governance: pk(i.governance), facility: facility(i.facility), owner: pk(i.owner) }),
  delistHolder: (i) => client.governance.delistHolder({ governance: pk(i.governance), facility: facility(i.facility), owner: pk(i.owner) }),
  writeOff: (i) => {
    const f = facility(i.facility);
    return client.governance.writeOff({ governance: pk(i.governance), facility: f, deal: deal(f, i.deal) });
  },
  setHalted: (i) => client.warden.setHalted({ signer: pk(i.signer), facility: facility(i.facility), halted: i.halted }),
  markDefault: (i) => {
    const f = facility(i.facility);
    return client.warden.markDefault({ signer: pk(i.signer), facility: f, deal: deal(f, i.deal) });
  },
  attest: (i) =>
    client.warden.attest({ attestor: pk(i.attestor), facility: facility(i.facility), book: pk(i.book), kind: i.kind, hash: hex(i.hash) }),
  createBook: (i) => client.beacon.createBook({ beacon: pk(i.beacon), facility: facility(i.facility), bookId: i.bookId }),
  claim: (i) => {
    const f = facility(i.facility);
    return client.beacon.claim({ beacon: pk(i.beacon), facility: f, prime: pk(i.prime), deal: deal(f, i.deal), terms: dealTerms(i.terms) });
  },
  moveBook: (i) => client.beacon.moveBook({ beacon: pk(i.beacon), facility: facility(i.facility), book: pk(i.book), to: i.to }),
  deploy: (i) => client.beacon.deploy({ beacon: pk(i.beacon), facility: facility(i.facility), book: pk(i.book), amount: i.amount }),
  returnFunds: (i) => client.beacon.returnFunds({ beacon: pk(i.beacon), facility: facility(i.facility), book: pk(i.book), amount: i.amount }),
  release: (i) => client.beacon.release({ beacon: pk(i.beacon), facility: facility(i.facility), book: pk(i.book), amount: i.amount }),
  fund: (i) => {
    const f = facility(i.facility);
    return client.beacon.fund({ beacon: pk(i.beacon), facility: f, deal: deal(f, i.deal), add: i.add });
  },
  deposit: (i) =>
    client.prime.deposit({ prime: pk(i.prime), facility: facility(i.facility), primeToken: pk(i.primeToken), amount: i.amount }),
  withdraw: (i) =>
    client.prime.withdraw({ prime: pk(i.prime), facility: facility(i.facility), primeToken: pk(i.primeToken), amount: i.amount }),
  redeem: (i) => {
    const f = facility(i.facility);
    return client.holder.redeem({
      holder: pk(i.holder),
      facility: f,
      deal: deal(f, i.deal),
      holderNftAccount: pk(i.holderNftAccount),
      holderToken: pk(i.holderToken),
      max: i.max,
    });
  },
  pay: (i) => {
    const f = facility(i.facility);
    return client.anyone.pay({ payer: pk(i.payer), facility: f, deal: deal(f, i.deal), payerToken: pk(i.payerToken), add: i.add });
  },
  deliverNft: (i) => {
    const f = facility(i.facility);
    return client.anyone.deliverNft({ facility: f, deal: deal(f, i.deal), depositor: pk(i.depositor) });
  },
  dealView: (i) => {
    const f = facility(i.facility);
    return client.views.dealView({ facility: f, deal: deal(f, i.deal) });
  },
};

test("every halo_nfat instruction has a golden vector and a TS builder", () => {
  const idlNames = new Set<string>(client.program.idl.instructions.map((i: { name: string }) => i.name));
  const goldenNames = new Set<string>(golden.instructions.map((g: J) => g.name));
  assert.deepEqual([...goldenNames].sort(), [...idlNames].sort());
  assert.deepEqual(Object.keys(builders).sort(), [...idlNames].sort());
  assert.equal(golden.programId, NFAT_PROGRAM_ID.toBase58());
  assert.equal(golden.hookProgramId, NFAT_HOOK_PROGRAM_ID.toBase58());
  assert.equal(golden.pauProgramId, PAU_PROGRAM_ID.toBase58());
});

test("a FacilityRef derives every address and both route keys as FacilityRef::new", () => {
  assert.equal(golden.facilities.length, 2);
  for (const r of golden.facilities as J[]) {
    const f = facility(r);
    // facilityPau derives the custody as the proxy's ATA (the fixture's custody)
    const w = facilityPau(pk(r.pau.controller), pk(r.depositMint), pk(r.pau.endpoint), pk(r.depositTokenProgram));
    assert.equal(w.custody.toBase58(), r.pau.custody);
    assert.equal(f.depositTokenProgram.toBase58(), r.depositTokenProgram);
  }
  // the deposit mint is SPL Token unless said otherwise
  const r = golden.facilities[0];
  const plainRef = facilityRef({
    authority: pk(r.authority),
    facilityId: BigInt(r.facilityId),
    depositMint: pk(r.depositMint),
    pau: { controller: pk(r.pau.controller), custody: pk(r.pau.custody), endpoint: pk(r.pau.endpoint) },
  });
  assert.equal(plainRef.depositTokenProgram.toBase58(), r.depositTokenProgram);
});

for (const g of golden.instructions as J[]) {
  const variant = label(g, ["on", "halted", "kind", "to", "bookId", "amount", "max"]);
  const id = g.inputs.facility ? ` of facility ${g.inputs.facility.facilityId}` : "";
  test(`nfat instruction ${variant}${id} matches the Rust SDK byte for byte`, async () => {
    const built = await builders[g.name](g.inputs);
    assert.deepEqual(diff(built, g), []);
  });
}

test("the strike's transaction, a wallet transfer and the NFT account match the Rust SDK", async () => {
  const byName = Object.fromEntries((golden.transactions as J[]).map((t) => [t.name, t]));
  const s = byName.strike;
  const f = facility(s.inputs.facility);
  const built = await client.beacon.strike({
    beacon: pk(s.inputs.beacon),
    facility: f,
    prime: pk(s.inputs.prime),
    deal: deal(f, s.inputs.deal),
    terms: dealTerms(s.inputs.terms),
  });
  assert.equal(built.length, 4);
  built.forEach((ix, n) => assert.deepEqual(diff(ix, s.instructions[n]), [], `strike instruction ${n}`));
  assert.equal(CLAIM_COMPUTE_UNITS, s.computeUnits);
  assert.deepEqual(diff(computeUnitLimit(CLAIM_COMPUTE_UNITS), s.instructions[0]), []);
  const t = byName.transferNft;
  const transfer = transferNft({
    owner: pk(t.inputs.owner),
    facility: facility(t.inputs.facility),
    nftMint: pk(t.inputs.nftMint),
    toOwner: pk(t.inputs.toOwner),
  });
  assert.deepEqual(diff(transfer, t.instructions[0]), []);
  const c = byName.createNftAccount;
  assert.deepEqual(diff(createNftAccount(pk(c.inputs.payer), pk(c.inputs.owner), pk(c.inputs.nftMint)), c.instructions[0]), []);
  // the NFT account is the owner's Token-2022 associated account
  assert.equal(c.instructions[0].accounts[1].pubkey, nftAccount(pk(c.inputs.owner), pk(c.inputs.nftMint)).toBase58());
  assert.equal(c.instructions[0].accounts[5].pubkey, TOKEN_2022_PROGRAM_ID.toBase58());
});

test("a claim with other terms or another deal id is caught", async () => {
  const g = golden.instructions.find((x: J) => x.name === "claim" && x.inputs.terms.schedule.bullet && x.inputs.facility.facilityId === "4");
  const other = await builders.claim({ ...g.inputs, terms: { ...g.inputs.terms, apyBps: g.inputs.terms.apyBps + 1 } });
  assert.deepEqual(diff(other, g), ["data"]);
  const next = await builders.claim({
    ...g.inputs,
    deal: (() => {
      const f = facility(g.inputs.facility);
      const d = dealRef(f, BigInt(g.inputs.deal.dealId) + 1n, pk(g.inputs.deal.book));
      return { dealId: d.dealId.toString(), deal: d.deal.toBase58(), nftMint: d.nftMint.toBase58(), book: g.inputs.deal.book };
    })(),
  });
  // the deal, its mint and the mint's extra-account-metas move
  assert.deepEqual(diff(next, g), ["account 9", "account 10", "account 11"]);
  await assert.rejects(async () => builders.claim({ ...g.inputs, terms: { ...g.inputs.terms, schedule: { weekly: {} } } }), /a schedule is one of/);
  const f = facility(g.inputs.facility);
  const book = pk(g.inputs.deal.book);
  assert.throws(() => client.warden.attest({ attestor: pk(g.inputs.beacon), facility: f, book, kind: "atRest", hash: new Uint8Array(31) }), /32 bytes/);
});

test("PDAs and bumps match", () => {
  for (const p of golden.pdas as J[]) {
    const i = p.inputs;
    const [addr, bump] = (() => {
      switch (p.name) {
        case "nfatFacility":
          return pda.nfatFacility(pk(i.authority), i.facilityId);
        case "nfatPrime":
          return pda.nfatPrime(pk(i.facility), pk(i.prime));
        case "nfatDeposit":
          return pda.nfatDeposit(pk(i.facility), pk(i.prime));
        case "nfatQueueVault":
          return pda.nfatQueueVault(pk(i.facility));
        case "nfatRedeemVault":
          return pda.nfatRedeemVault(pk(i.facility));
        case "nfatHolder":
          return pda.nfatHolder(pk(i.facility), pk(i.owner));
        case "nfatBook":
          return pda.nfatBook(pk(i.facility), i.bookId);
        case "nfatBookVault":
          return pda.nfatBookVault(pk(i.book), pk(i.mint));
        case "nfatDeal":
          return pda.nfatDeal(pk(i.facility), i.dealId);
        case "nfatNft":
          return pda.nfatNft(pk(i.deal));
        case "nfatExtraAccountMetas":
          return pda.nfatExtraAccountMetas(pk(i.mint));
      }
      throw new Error(p.name);
    })();
    assert.equal(addr.toBase58(), p.address, p.name);
    assert.equal(bump, p.bump, `${p.name} bump`);
  }
  const kinds = new Set(golden.pdas.map((p: J) => p.name));
  assert.equal(kinds.size, 11);
});

test("every account type serialised by the program's types decodes to every Rust field", () => {
  const types = new Set<string>();
  for (const a of golden.accounts as J[]) {
    const d = decodeNfatAccount(a.type as NfatAccountName, hex(a.data));
    assert.deepEqual(plain(d), a.fields, a.type);
    types.add(a.type);
  }
  const idlAccounts = client.program.idl.accounts.map((a: { name: string }) => a.name);
  assert.deepEqual([...types].sort(), [...idlAccounts].sort());
  // another account's bytes are refused (the discriminator is checked)
  const book = golden.accounts.find((x: J) => x.type === "book");
  assert.throws(() => decodeNfatAccount("deal", hex(book.data)));
});

test("deal_view's return data decodes, trailing zeros trimmed by the runtime or not", () => {
  for (const v of golden.views as J[]) {
    assert.equal(hex(v.serialized).length, DEAL_VIEW_SIZE, "dealView size");
    assert.deepEqual(plain(decodeDealView(hex(v.returnData))), v.fields, "from the trimmed bytes");
    assert.deepEqual(plain(decodeDealView(hex(v.serialized), client.program)), v.fields, "from the full bytes");
  }
  assert.ok(golden.views.some((v: J) => v.returnData.length < v.serialized.length && v.returnData.length > 0));
  assert.ok(golden.views.some((v: J) => v.returnData === ""));
  assert.throws(() => decodeDealView(Buffer.alloc(DEAL_VIEW_SIZE + 1)), /deal_view's return data is 114 bytes at most, got 115/);
});

test("the terms hash is the program's", () => {
  for (const h of golden.termsHashes as J[])
    assert.equal(termsHash(pk(h.facility), h.dealId, dealTerms(h.terms)).toString("hex"), h.hash, JSON.stringify(h.terms));
  // and a deal account's recorded hash is its terms'
  for (const a of golden.accounts.filter((x: J) => x.type === "deal")) {
    const d = decodeNfatAccount<J>("deal", hex(a.data));
    const t = termsOf(d.terms);
    assert.equal(termsHash(d.facility, d.dealId.toString(), t).toString("hex"), a.fields.termsHash);
  }
  // terms that do not fit their fields are refused, not hashed into something else
  const h = golden.termsHashes[0] as J;
  const t = dealTerms(h.terms);
  const f = pk(h.facility);
  assert.throws(() => termsHash(f, h.dealId, { ...t, schedule: "toString" as never }), /a schedule must be one of bullet, amortizing, periodicInterest/);
  assert.throws(() => termsHash(f, h.dealId, { ...t, apyBps: 10.5 }), /apyBps must be a whole number from 0 to 4294967295, got 10.5/);
  assert.throws(() => termsHash(f, h.dealId, { ...t, payments: -1 }), /payments must be a whole number/);
  assert.throws(() => termsHash(f, h.dealId, { ...t, tenorMonths: 2 ** 32 }), /tenorMonths must be a whole number/);
  assert.throws(() => termsHash(f, h.dealId, { ...t, principal: 1n << 64n }), /principal must be a whole number from 0 to 18446744073709551615/);
  assert.throws(() => termsHash(f, h.dealId, { ...t, principal: "1e6" }), /principal must be a whole number/);
  assert.throws(() => termsHash(f, -1n, t), /dealId must be a whole number/);
  assert.throws(() => termsHash(f, h.dealId, { ...t, startTs: 1.5 }), /startTs must be a whole number of unix seconds/);
  assert.throws(() => termsHash(f, h.dealId, { ...t, startTs: 1n << 63n }), /startTs must fit an i64/);
});

test("nfat and hook error codes, names and messages match the programs", () => {
  for (const [table, errors, program] of [
    [NFAT_ERRORS, golden.errors, "halo_nfat"],
    [NFAT_HOOK_ERRORS, golden.hookErrors, "halo_nfat_hook"],
  ] as const) {
    assert.equal(table.size, errors.length);
    for (const e of errors as J[]) {
      assert.deepEqual(table.get(e.code), { code: e.code, name: e.name, msg: e.msg });
      assert.deepEqual(errorFromCode(e.code), { code: e.code, name: e.name, msg: e.msg });
      assert.equal(programOfCode(e.code), program);
    }
  }
  const e = golden.errors.find((x: J) => x.name === "NftAlreadyDelivered");
  assert.equal(explainError(new Error(`custom program error: 0x${e.code.toString(16)}`)), `NftAlreadyDelivered: ${e.msg}`);
});

test("constants are the program's", () => {
  const c = golden.constants;
  assert.deepEqual(
    [SCHEDULE_BULLET, SCHEDULE_AMORTIZING, SCHEDULE_PERIODIC_INTEREST, SCHEDULE_ALL],
    [c.scheduleBullet, c.scheduleAmortizing, c.schedulePeriodicInterest, c.scheduleAll],
  );
  assert.equal(TAG_NFAT_DEPLOY, c.tagNfatDeploy);
  assert.equal(TAG_NFAT_RETURN, c.tagNfatReturn);
  assert.equal(MAX_TENOR_MONTHS, c.maxTenorMonths);
});

// ---- halo_math::nfat and halo_math::deal -------------------------------------------------

const s = (v: bigint | number) => v.toString();

/** The Rust result of `f`: its value, or `{ error }` with the refusal's or maths error's name. */
function result<T>(f: () => T, ok: (v: T) => unknown): unknown {
  try {
    return ok(f());
  } catch (e) {
    if (e instanceof MathError || e instanceof TermsRefusal || e instanceof LedgerRefusal) return { error: e.kind };
    throw e;
  }
}

test("the calendar: civil dates, months added (clamped to the month's end), 30/360 days", () => {
  const cal = golden.math.calendar;
  for (const c of cal.dateOf as J[]) {
    const got = result(
      () => dateOf(c.ts),
      ([d, secs]) => ({ year: s(d.year), month: d.month, day: d.day, secs: s(secs) }),
    );
    assert.deepEqual(got, c.result, c.ts);
  }
  for (const c of cal.addMonths as J[]) assert.deepEqual(result(() => addMonths(c.ts, c.months), s), c.result, JSON.stringify(c));
  for (const c of cal.days360 as J[]) assert.deepEqual(result(() => days360(c.from, c.to), s), c.result, JSON.stringify(c));
  for (const c of cal.interest as J[])
    assert.deepEqual(result(() => interest(c.principal, c.apyBps, c.days), s), c.result, JSON.stringify(c));
  // the table reaches every refusal
  const errors = new Set([...cal.addMonths, ...cal.days360, ...cal.interest].map((c: J) => c.result.error).filter(Boolean));
  assert.deepEqual([...errors].sort(), ["BadDate", "Overflow"]);
  // Sky's example: a 25M bullet at 10 % for 6 months owes 1.25M
  assert.equal(interest(25_000_000_000_000n, 1_000, 180), 1_250_000_000_000n);
});

const termsJson = (t: J) => termsOf(t as never);
const paymentJson = (p: { dueTs: bigint; principal: bigint; interest: bigint }) => ({
  dueTs: s(p.dueTs),
  principal: s(p.principal),
  interest: s(p.interest),
});
const dueJson = (d: { principal: bigint; interest: bigint }) => ({ principal: s(d.principal), interest: s(d.interest) });

test("schedules: checks, maturities, every payment, what is due by a time, the totals", () => {
  assert.ok(golden.math.schedules.length >= 10);
  for (const c of golden.math.schedules as J[]) {
    const t: Terms = termsJson(c.terms);
    const what = JSON.stringify(c.terms);
    assert.deepEqual(result(() => checkTerms(t), () => ({ ok: true })), c.check, what);
    assert.equal(periodMonths(t), c.periodMonths, what);
    assert.deepEqual(result(() => maturityTs(t), s), c.maturityTs, what);
    for (const p of c.payments as J[]) assert.deepEqual(result(() => payment(t, p.i), paymentJson), p.result, `${what} #${p.i}`);
    for (const d of c.dueBy as J[]) assert.deepEqual(result(() => dueBy(t, d.now), dueJson), d.result, `${what} at ${d.now}`);
    assert.deepEqual(result(() => totalDue(t), dueJson), c.total, what);
    if (c.check.ok && t.payments <= 13) {
      // the whole schedule is the payments, in order
      assert.deepEqual(schedule(t).map(paymentJson), c.payments.slice(0, t.payments).map((p: J) => p.result), what);
    }
  }
  const errors = new Set(golden.math.schedules.map((c: J) => c.check.error).filter(Boolean));
  assert.deepEqual([...errors].sort(), ["BadDate", "BadSchedule"]);
});

test("days late round up, penalties round down", () => {
  for (const c of golden.math.lates.daysLate as J[]) assert.equal(s(daysLate(c.dueTs, c.paidTs)), c.days, JSON.stringify(c));
  for (const c of golden.math.lates.latePenalty as J[])
    assert.deepEqual(result(() => latePenalty(c.overdue, c.days, c.bpsPerDay), s), c.result, JSON.stringify(c));
});

const amountsJson = (a: Amounts) => ({ principal: s(a.principal), interest: s(a.interest), penalty: s(a.penalty) });
const ledgerJson = (l: Ledger) => ({
  principalOutstanding: s(l.principalOutstanding),
  totalInterest: s(l.totalInterest),
  funded: amountsJson(l.funded),
  claimed: amountsJson(l.claimed),
  penaltyOwed: s(l.penaltyOwed),
  paidThrough: l.paidThrough,
  coveredPrincipal: s(l.coveredPrincipal),
  coveredInterest: s(l.coveredInterest),
  daysLate: l.daysLate,
  latePayments: l.latePayments,
});
const standingJson = (st: Standing) => ({
  redeemable: amountsJson(st.redeemable),
  unfunded: amountsJson(st.unfunded),
  overdue: amountsJson(st.overdue),
  penaltyAccruing: s(st.penaltyAccruing),
  daysOverdue: s(st.daysOverdue),
});
const amounts = (a: J): Amounts => ({ principal: BigInt(a.principal), interest: BigInt(a.interest), penalty: BigInt(a.penalty) });

test("ledger walks: fundings (late penalties recorded), redemptions and standings step by step", () => {
  const seen = new Set<string>();
  for (const w of golden.math.ledgers as J[]) {
    const t = termsJson(w.terms);
    let l = newLedger(t);
    assert.deepEqual(ledgerJson(l), w.start);
    for (const st of w.steps as J[]) {
      const what = `${JSON.stringify(w.terms.schedule)} ${JSON.stringify(st.step)}`;
      const before = ledgerJson(l);
      let got: unknown;
      switch (st.step.op) {
        case "fund":
          got = result(
            () => fund(l, t, st.step.now, amounts(st.step.add), w.bpsPerDay),
            (r) => {
              l = r.ledger;
              return {
                funding: { newlyCovered: r.funding.newlyCovered, penaltyRecorded: s(r.funding.penaltyRecorded), daysLate: r.funding.daysLate },
                ledger: ledgerJson(r.ledger),
              };
            },
          );
          break;
        case "redeem":
          got = result(
            () => redeem(l, st.step.max),
            (r) => {
              l = r.ledger;
              return { paid: amountsJson(r.paid), ledger: ledgerJson(r.ledger) };
            },
          );
          break;
        case "standing":
          got = result(() => standing(l, t, st.step.now, w.bpsPerDay), standingJson);
          break;
      }
      assert.deepEqual(got, st.result, what);
      if ((st.result as J).error) assert.deepEqual(ledgerJson(l), before, `${what}: a refusal changes nothing`);
      assert.equal(settled(l, t), st.settled, `${what} settled`);
      assert.equal(fullyFunded(l, t), st.fullyFunded, `${what} fully funded`);
      assert.equal(checkLedger(l, t), st.check, `${what} check`);
      if ((st.result as J).error) seen.add((st.result as J).error);
    }
  }
  assert.deepEqual([...seen].sort(), ["InterestOverfunded", "NothingToFund", "Overflow", "PenaltyOverfunded", "PrincipalOverfunded"]);
});

test("the quotes read decoded deals: standing and what a redemption pays", () => {
  const facilityAcc = decodeNfatAccount<J>("facility", hex(golden.accounts.find((a: J) => a.type === "facility").data));
  const bps = facilityAcc.buybox.latePenaltyBpsPerDay;
  const deals = golden.accounts.filter((a: J) => a.type === "deal").map((a: J) => decodeNfatAccount<J>("deal", hex(a.data)));
  assert.equal(deals.length, 4);
  const [bullet, amort, defaulted, writtenOff] = deals;
  // the bullet: funded whole 10 days late (penalty 5 bps a day on 26.25M), 13M redeemed
  const t = termsOf(bullet.terms);
  const st = dealStanding(bullet, bps, maturityTs(t));
  assert.deepEqual(st, standing(ledgerOf(bullet.ledger), t, maturityTs(t), bps));
  assert.equal(ledgerOf(bullet.ledger).penaltyOwed, (26_250_000_000_000n * 5n * 10n) / 10_000n);
  assert.deepEqual(st.redeemable, unclaimed(ledgerOf(bullet.ledger)));
  const all = quoteRedeem(bullet);
  assert.equal(all.final, false, "the penalty is owed and not yet funded");
  assert.equal(all.total, st.redeemable.principal + st.redeemable.interest + st.redeemable.penalty);
  const part = quoteRedeem(bullet, 1n);
  // one base unit: penalty first, then interest, then principal (the 13M redeemed took the interest)
  assert.equal(st.redeemable.interest, 0n);
  assert.equal(st.redeemable.penalty, 0n);
  assert.deepEqual(part.paid, { principal: 1n, interest: 0n, penalty: 0n });
  // the amortizing deal: everything funded was redeemed; nothing to pay now
  assert.equal(quoteRedeem(amort).total, 0n);
  assert.equal(ledgerOf(amort.ledger).paidThrough, 2);
  // a defaulted deal's recovery is the holder's
  assert.equal(quoteRedeem(defaulted).total, 3_000_000_000_000n);
  assert.equal(quoteRedeem(defaulted).final, false);
  // a written-off deal with nothing unclaimed: the redemption closes it
  assert.deepEqual(quoteRedeem(writtenOff), { paid: { principal: 0n, interest: 0n, penalty: 0n }, total: 0n, final: true });
  // a decoded deal's terms and ledger are refused when malformed
  assert.throws(() => termsOf({ ...bullet.terms, apyBps: -1 }), /apyBps out of range/);
  assert.throws(() => scheduleOf("weekly" as never), /a schedule is one of/);
});

test("PublicKey helpers: the NFT account is the Token-2022 ATA", () => {
  const [owner, mint] = [PublicKey.unique(), PublicKey.unique()];
  assert.deepEqual(
    nftAccount(owner, mint),
    PublicKey.findProgramAddressSync(
      [owner.toBuffer(), TOKEN_2022_PROGRAM_ID.toBuffer(), mint.toBuffer()],
      new PublicKey("ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL"),
    )[0],
  );
});
