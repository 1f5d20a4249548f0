// Seeds read from the IDLs (src/seeds.ts): the lookup and its refusals on synthetic IDLs,
// then every seed name the client uses against the generated IDLs, and the one `pda`
// namespace (named as halo_sdk::pda) deriving with those seeds.
import { test } from "node:test";
import assert from "node:assert/strict";
import { PublicKey } from "@solana/web3.js";
import {
  idlSeed,
  type LctsSeedName,
  type NfatHookSeedName,
  type NfatSeedName,
  type OracleSeedName,
  type PauSeedName,
  seeds,
  type TradingSeedName,
} from "../src/seeds.ts";
import { pda } from "../src/pda.ts";
import {
  LCTS_PROGRAM_ID,
  NFAT_HOOK_PROGRAM_ID,
  NFAT_PROGRAM_ID,
  ORACLE_PROGRAM_ID,
  PAU_PROGRAM_ID,
  TRADING_PROGRAM_ID,
} from "../src/program.ts";

const bytes = (s: string) => `[${[...Buffer.from(s)].join(", ")}]`;
const idl = (constants: { name: string; type?: unknown; value?: unknown }[]) => ({
  address: "Fake111111111111111111111111111111111111111",
  metadata: { name: "halo_fake" },
  constants,
});

test("a bytes constant is read by its camelCase name, or its Rust spelling", () => {
  const camel = idl([{ name: "seedController", type: "bytes", value: bytes("controller") }]);
  assert.deepEqual(idlSeed(camel, "seedController"), Buffer.from("controller"));
  // the IDL JSON keeps the Rust name; its TypeScript type (and the generator's camelCasing) may differ
  const rust = idl([
    { name: "SEED_BOOK", type: "bytes", value: bytes("book") },
    { name: "SEED_BOOK_VAULT", type: "bytes", value: bytes("book_vault") },
  ]);
  assert.deepEqual(idlSeed(rust, "seedBook"), Buffer.from("book"));
  assert.deepEqual(idlSeed(rust, "seedBookVault"), Buffer.from("book_vault"));
  assert.deepEqual(idlSeed(idl([{ name: "sEEDBOOKVAULT", type: "bytes", value: bytes("book_vault") }]), "seedBookVault"), Buffer.from("book_vault"));
  // an exact name wins over a folded one
  const both = idl([
    { name: "SEED_X", type: "bytes", value: bytes("folded") },
    { name: "seedX", type: "bytes", value: bytes("exact") },
  ]);
  assert.deepEqual(idlSeed(both, "seedX"), Buffer.from("exact"));
  // callers get a copy: changing it does not change the next derivation
  const s = idlSeed(camel, "seedController");
  s[0] = 0;
  assert.deepEqual(idlSeed(camel, "seedController"), Buffer.from("controller"));
});

test("a missing, mistyped or malformed seed constant is a clear error", () => {
  assert.throws(
    () => idlSeed(idl([{ name: "seedOp", type: "bytes", value: bytes("op") }]), "seedController"),
    /halo_fake IDL has no constant "seedController" \(constants: seedOp\); regenerate the IDL/,
  );
  assert.throws(() => idlSeed({ metadata: { name: "halo_bare" } }, "seedFeed"), /halo_bare IDL has no constant "seedFeed" \(constants: none\)/);
  assert.throws(
    () => idlSeed(idl([{ name: "seedFeed", type: "u64", value: "7" }]), "seedFeed"),
    /constant "seedFeed" is of type "u64", not "bytes"/,
  );
  for (const value of ["[1, 2", "[]", "[256]", "[-1]", "[1.5]", '"feed"', 7])
    assert.throws(
      () => idlSeed(idl([{ name: "seedFeed", type: "bytes", value }]), "seedFeed"),
      /constant "seedFeed" is not a JSON array of byte values/,
      String(value),
    );
});

const PAU: Record<PauSeedName, string> = {
  seedConfigurator: "configurator",
  seedOp: "op",
  seedController: "controller",
  seedProxy: "proxy",
  seedGovops: "govops",
  seedInit: "init",
  seedRateLimit: "rate_limit",
  seedIntegration: "integration",
  seedRemoval: "removal",
};
const ORACLE: Record<OracleSeedName, string> = { seedFeed: "feed" };
const TRADING: Record<TradingSeedName, string> = {
  seedClass: "class",
  seedUnit: "unit",
  seedBook: "book",
  seedBookVault: "book_vault",
  seedLp: "lp",
  seedRedemption: "redemption",
  seedWithdrawGen: "withdraw_gen",
  seedQuote: "quote",
};

const LCTS: Record<LctsSeedName, string> = {
  seedClass: "class",
  seedUnit: "unit",
  seedShareMint: "share_mint",
  seedQueue: "queue",
  seedQueueVault: "queue_vault",
  seedGeneration: "generation",
  seedPosition: "position",
};

const NFAT: Record<NfatSeedName, string> = {
  seedFacility: "class",
  seedPrime: "prime",
  seedDeposit: "deposit",
  seedQueueVault: "queue_vault",
  seedRedeemVault: "redeem_vault",
  seedBook: "book",
  seedBookVault: "book_vault",
  seedDeal: "deal",
  seedNft: "nft",
  seedHolder: "holder",
};

const NFAT_HOOK: Record<NfatHookSeedName, string> = { seedExtraAccountMetas: "extra-account-metas" };

// The seeds' bytes are the programs' (programs/*/src/constants.rs); these expected strings
// only check that the generated IDLs carry them, the client derives from the IDLs.
test("halo_trading's IDL carries every seed the client derives with", () => {
  for (const [name, want] of Object.entries(TRADING)) assert.deepEqual(seeds.trading(name as TradingSeedName), Buffer.from(want), name);
});

test("halo_lcts's IDL carries every seed the client derives with", () => {
  for (const [name, want] of Object.entries(LCTS)) assert.deepEqual(seeds.lcts(name as LctsSeedName), Buffer.from(want), name);
});

test("halo_nfat's and halo_nfat_hook's IDLs carry every seed the client derives with", () => {
  for (const [name, want] of Object.entries(NFAT)) assert.deepEqual(seeds.nfat(name as NfatSeedName), Buffer.from(want), name);
  for (const [name, want] of Object.entries(NFAT_HOOK))
    assert.deepEqual(seeds.nfatHook(name as NfatHookSeedName), Buffer.from(want), name);
});

test("halo_pau's IDL carries every seed the client derives with (needs the regenerated IDL)", () => {
  for (const [name, want] of Object.entries(PAU)) assert.deepEqual(seeds.pau(name as PauSeedName), Buffer.from(want), name);
});

test("halo_oracle's IDL carries every seed the client derives with (needs the regenerated IDL)", () => {
  for (const [name, want] of Object.entries(ORACLE)) assert.deepEqual(seeds.oracle(name as OracleSeedName), Buffer.from(want), name);
});

test("one pda namespace, named as halo_sdk::pda, derives each program's PDAs under its program id", () => {
  const [a, b] = [PublicKey.unique(), PublicKey.unique()];
  const le = (n: bigint) => {
    const x = Buffer.alloc(8);
    x.writeBigUInt64LE(n);
    return x;
  };
  const at = (seedsOf: Buffer[], program: PublicKey) => PublicKey.findProgramAddressSync(seedsOf, program);
  const t = (s: string) => Buffer.from(s);
  // halo_trading (seeds in the IDL today)
  assert.deepEqual(pda.class(a, 3), at([t("class"), a.toBuffer(), le(3n)], TRADING_PROGRAM_ID));
  assert.deepEqual(pda.pool(a, 5n), at([t("unit"), a.toBuffer(), le(5n)], TRADING_PROGRAM_ID));
  assert.deepEqual(pda.book(a, "9"), at([t("book"), a.toBuffer(), le(9n)], TRADING_PROGRAM_ID));
  assert.deepEqual(pda.vault(a, b), at([t("book_vault"), a.toBuffer(), b.toBuffer()], TRADING_PROGRAM_ID));
  assert.deepEqual(pda.position(a, b), at([t("lp"), a.toBuffer(), b.toBuffer()], TRADING_PROGRAM_ID));
  assert.deepEqual(pda.generation(a, 0), at([t("withdraw_gen"), a.toBuffer(), le(0n)], TRADING_PROGRAM_ID));
  assert.deepEqual(pda.redemption(a, 2), at([t("redemption"), a.toBuffer(), le(2n)], TRADING_PROGRAM_ID));
  assert.deepEqual(pda.quoteReceipt(a, 7), at([t("quote"), a.toBuffer(), le(7n)], TRADING_PROGRAM_ID));
  // halo_lcts: the same seed words as trading's class and unit, under its own program id
  assert.deepEqual(pda.lctsClass(a, 3), at([t("class"), a.toBuffer(), le(3n)], LCTS_PROGRAM_ID));
  assert.notDeepEqual(pda.lctsClass(a, 3), pda.class(a, 3));
  assert.deepEqual(pda.lctsUnit(a, 5n), at([t("unit"), a.toBuffer(), le(5n)], LCTS_PROGRAM_ID));
  assert.deepEqual(pda.shareMint(a), at([t("share_mint"), a.toBuffer()], LCTS_PROGRAM_ID));
  assert.deepEqual(pda.lctsQueue(a, "redeem"), at([t("queue"), a.toBuffer(), Buffer.from([1])], LCTS_PROGRAM_ID));
  assert.deepEqual(pda.queueVault(a, b), at([t("queue_vault"), a.toBuffer(), b.toBuffer()], LCTS_PROGRAM_ID));
  assert.deepEqual(pda.lctsGeneration(a, "2"), at([t("generation"), a.toBuffer(), le(2n)], LCTS_PROGRAM_ID));
  assert.deepEqual(pda.lctsPosition(a, b), at([t("position"), a.toBuffer(), b.toBuffer()], LCTS_PROGRAM_ID));
  // halo_nfat: a facility shares the "class" word with the other Halos' classes, under its own id
  assert.deepEqual(pda.nfatFacility(a, 3), at([t("class"), a.toBuffer(), le(3n)], NFAT_PROGRAM_ID));
  assert.notDeepEqual(pda.nfatFacility(a, 3), pda.lctsClass(a, 3));
  assert.deepEqual(pda.nfatPrime(a, b), at([t("prime"), a.toBuffer(), b.toBuffer()], NFAT_PROGRAM_ID));
  assert.deepEqual(pda.nfatDeposit(a, b), at([t("deposit"), a.toBuffer(), b.toBuffer()], NFAT_PROGRAM_ID));
  assert.deepEqual(pda.nfatQueueVault(a), at([t("queue_vault"), a.toBuffer()], NFAT_PROGRAM_ID));
  assert.deepEqual(pda.nfatRedeemVault(a), at([t("redeem_vault"), a.toBuffer()], NFAT_PROGRAM_ID));
  assert.deepEqual(pda.nfatBook(a, 9n), at([t("book"), a.toBuffer(), le(9n)], NFAT_PROGRAM_ID));
  assert.deepEqual(pda.nfatBookVault(a, b), at([t("book_vault"), a.toBuffer(), b.toBuffer()], NFAT_PROGRAM_ID));
  assert.deepEqual(pda.nfatDeal(a, 4), at([t("deal"), a.toBuffer(), le(4n)], NFAT_PROGRAM_ID));
  assert.deepEqual(pda.nfatNft(a), at([t("nft"), a.toBuffer()], NFAT_PROGRAM_ID));
  assert.deepEqual(pda.nfatHolder(a, b), at([t("holder"), a.toBuffer(), b.toBuffer()], NFAT_PROGRAM_ID));
  assert.deepEqual(pda.nfatExtraAccountMetas(a), at([t("extra-account-metas"), a.toBuffer()], NFAT_HOOK_PROGRAM_ID));
  // the SDK's names, and no others
  assert.deepEqual(Object.keys(pda).sort(), [
    "book",
    "class",
    "configurator",
    "controller",
    "feed",
    "generation",
    "govops",
    "govopsRemoval",
    "initRateLimit",
    "initRemoval",
    "integration",
    "integrationRemoval",
    "lctsClass",
    "lctsGeneration",
    "lctsPosition",
    "lctsQueue",
    "lctsUnit",
    "nfatBook",
    "nfatBookVault",
    "nfatDeal",
    "nfatDeposit",
    "nfatExtraAccountMetas",
    "nfatFacility",
    "nfatHolder",
    "nfatNft",
    "nfatPrime",
    "nfatQueueVault",
    "nfatRedeemVault",
    "op",
    "pool",
    "position",
    "programData",
    "proxy",
    "queueVault",
    "quoteReceipt",
    "rateLimit",
    "redemption",
    "removal",
    "shareMint",
    "vault",
  ]);
});

test("the PAU and oracle PDAs derive with their IDL seeds under their program ids (needs the regenerated IDL)", () => {
  const [a, b] = [PublicKey.unique(), PublicKey.unique()];
  const key = Buffer.alloc(32, 5);
  const le = (n: bigint) => {
    const x = Buffer.alloc(8);
    x.writeBigUInt64LE(n);
    return x;
  };
  const t = (s: string) => Buffer.from(s);
  const pau = (s: Buffer[]) => PublicKey.findProgramAddressSync(s, PAU_PROGRAM_ID);
  assert.deepEqual(pda.configurator(), pau([t("configurator")]));
  assert.deepEqual(pda.op(a, 4), pau([t("op"), a.toBuffer(), le(4n)]));
  assert.deepEqual(pda.controller(a, 1), pau([t("controller"), a.toBuffer(), le(1n)]));
  assert.deepEqual(pda.proxy(a), pau([t("proxy"), a.toBuffer()]));
  assert.deepEqual(pda.govops(a, b), pau([t("govops"), a.toBuffer(), b.toBuffer()]));
  assert.deepEqual(pda.initRateLimit(a, key, b), pau([t("init"), a.toBuffer(), key, b.toBuffer()]));
  assert.deepEqual(pda.rateLimit(a, key), pau([t("rate_limit"), a.toBuffer(), key]));
  assert.deepEqual(pda.integration(a, b), pau([t("integration"), a.toBuffer(), b.toBuffer()]));
  assert.deepEqual(pda.removal(a, key), pau([t("removal"), a.toBuffer(), key]));
  assert.deepEqual(pda.feed(a, 1), PublicKey.findProgramAddressSync([t("feed"), a.toBuffer(), le(1n)], ORACLE_PROGRAM_ID));
});
