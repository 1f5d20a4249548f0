// Byte-for-byte parity with the Rust SDK for halo_oracle: instruction data and account
// metas, the feed PDA and its bump, a decoded Feed, and the error table. The vectors come
// from tests/tests/golden/oracle.rs (the real halo-sdk).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import type { TransactionInstruction } from "@solana/web3.js";
import { OracleClient } from "../src/oracle.ts";
import { pda } from "../src/pda.ts";
import { decodeOracleAccount, type FeedAccount } from "../src/accounts.ts";
import { ORACLE_ERRORS, errorFromCode } from "../src/errors.ts";
import { ORACLE_PROGRAM_ID } from "../src/program.ts";
import { feedPriceWad } from "../src/amm.ts";
import { diff, hex, type J, label, pk, plain } from "./parity.ts";

const golden: J = JSON.parse(readFileSync(new URL("./golden/halo_oracle.json", import.meta.url), "utf8"));
const client = new OracleClient();

/** The TS client's builder for each golden instruction, fed the golden inputs. */
const builders: Record<string, (i: J) => Promise<TransactionInstruction>> = {
  createFeed: (i) =>
    client.governance.createFeed({
      authority: pk(i.authority),
      feedId: i.feedId,
      decimals: i.decimals,
      maxMoveBps: i.maxMoveBps,
      initialValue: i.initialValue,
    }),
  addReporter: (i) =>
    client.governance.addReporter({ governance: pk(i.governance), feed: pk(i.feed), reporter: pk(i.reporter) }),
  removeReporter: (i) =>
    client.governance.removeReporter({ governance: pk(i.governance), feed: pk(i.feed), reporter: pk(i.reporter) }),
  setMaxMove: (i) =>
    client.governance.setMaxMove({ governance: pk(i.governance), feed: pk(i.feed), maxMoveBps: i.maxMoveBps }),
  proposeGovernance: (i) =>
    client.governance.proposeGovernance({
      governance: pk(i.governance),
      feed: pk(i.feed),
      newGovernance: pk(i.newGovernance),
    }),
  acceptGovernance: (i) => client.governance.acceptGovernance({ newGovernance: pk(i.newGovernance), feed: pk(i.feed) }),
  governancePublish: (i) =>
    client.governance.governancePublish({
      governance: pk(i.governance),
      feed: pk(i.feed),
      value: i.value,
      publishTs: i.publishTs,
    }),
  publish: (i) => client.reporter.publish({ reporter: pk(i.reporter), feed: pk(i.feed), value: i.value, publishTs: i.publishTs }),
};

test("every halo_oracle instruction has a golden vector and a TS builder", () => {
  const idlNames = new Set<string>(client.program.idl.instructions.map((i: { name: string }) => i.name));
  const goldenNames = new Set<string>(golden.instructions.map((g: J) => g.name));
  assert.deepEqual([...goldenNames].sort(), [...idlNames].sort());
  assert.deepEqual(Object.keys(builders).sort(), [...idlNames].sort());
  assert.equal(golden.programId, ORACLE_PROGRAM_ID.toBase58());
});

for (const g of golden.instructions as J[]) {
  test(`oracle instruction ${label(g, ["feedId"])} matches the Rust SDK byte for byte`, async () => {
    const built = await builders[g.name](g.inputs);
    assert.deepEqual(diff(built, g), []);
  });
}

test("feed PDAs and bumps match", () => {
  assert.ok(golden.pdas.length >= 3);
  for (const p of golden.pdas as J[]) {
    assert.equal(p.name, "feed");
    const [addr, bump] = pda.feed(pk(p.inputs.authority), p.inputs.feedId);
    assert.equal(addr.toBase58(), p.address);
    assert.equal(bump, p.bump);
  }
});

test("a Feed serialised by the program's types decodes to every Rust field", () => {
  assert.equal(golden.accounts.length, 1);
  for (const a of golden.accounts as J[]) {
    const d = decodeOracleAccount(client.program, a.type, hex(a.data));
    assert.deepEqual(plain(d), a.fields, a.type);
  }
  // the decoded type is the IDL's: a feed's NAV as a WAD price
  const feed: FeedAccount = decodeOracleAccount(client.program, "feed", hex(golden.accounts[0].data));
  assert.equal(feedPriceWad(feed.value, feed.decimals), 1_002_500_000_000_000_000n);
});

test("oracle error codes, names and messages match the program", () => {
  assert.equal(ORACLE_ERRORS.size, golden.errors.length);
  for (const e of golden.errors as J[]) {
    assert.deepEqual(ORACLE_ERRORS.get(e.code), { code: e.code, name: e.name, msg: e.msg });
    assert.deepEqual(errorFromCode(e.code), { code: e.code, name: e.name, msg: e.msg });
  }
});
