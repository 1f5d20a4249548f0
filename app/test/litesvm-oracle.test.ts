// The oracle client against the real program: target/sbf/halo_oracle.so (scripts/build-sbf)
// in LiteSVM's node package, as test/litesvm.test.ts does for halo_pau.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Keypair, type PublicKey, Transaction, type TransactionInstruction } from "@solana/web3.js";
import { address, getTransactionDecoder, lamports } from "@solana/kit";
import { FailedTransactionMetadata, LiteSVM } from "litesvm";
import { OracleClient } from "../src/oracle.ts";
import { pda } from "../src/pda.ts";
import { decodeOracleAccount } from "../src/accounts.ts";
import { errorFromCode } from "../src/errors.ts";
import { ORACLE_PROGRAM_ID } from "../src/program.ts";
import { feedPriceWad } from "../src/amm.ts";

const SO = fileURLToPath(new URL("../../target/sbf/halo_oracle.so", import.meta.url));

class Vm {
  svm = new LiteSVM();
  payer = Keypair.generate();
  constructor() {
    assert.ok(existsSync(SO), `${SO} is missing: run scripts/build-sbf first`);
    this.svm.addProgramFromFile(address(ORACLE_PROGRAM_ID.toBase58()), SO);
    this.svm.airdrop(address(this.payer.publicKey.toBase58()), lamports(100_000_000_000n));
  }
  /** Sends one transaction; returns the custom error code on failure, null on success. */
  send(ixs: TransactionInstruction[], signers: Keypair[] = []): number | null {
    const tx = new Transaction().add(...ixs);
    tx.recentBlockhash = this.svm.latestBlockhash();
    tx.feePayer = this.payer.publicKey;
    tx.sign(this.payer, ...signers);
    const res = this.svm.sendTransaction(getTransactionDecoder().decode(tx.serialize()));
    this.svm.expireBlockhash();
    if (res instanceof FailedTransactionMetadata) {
      const err = res.err() as { err?: () => { code?: number } };
      const code = typeof err.err === "function" ? err.err().code : undefined;
      return code ?? -1;
    }
    return null;
  }
  now(): bigint {
    return this.svm.getClock().unixTimestamp;
  }
  warp(seconds: bigint) {
    const c = this.svm.getClock();
    c.unixTimestamp = c.unixTimestamp + seconds;
    this.svm.setClock(c);
  }
  data(pk: PublicKey): Uint8Array {
    const a = this.svm.getAccount(address(pk.toBase58()));
    assert.ok(a.exists, `account ${pk.toBase58()} missing`);
    return a.data;
  }
}

test("a feed is created, a reporter publishes within the guard, and a larger move needs governance", async () => {
  const vm = new Vm();
  const client = new OracleClient();
  const reporter = Keypair.generate();
  const gov = vm.payer.publicKey;
  const feed = pda.feed(gov, 1)[0];

  assert.equal(
    vm.send([
      await client.governance.createFeed({ authority: gov, feedId: 1, decimals: 6, maxMoveBps: 100, initialValue: 1_000_000 }),
      await client.governance.addReporter({ governance: gov, feed, reporter: reporter.publicKey }),
    ]),
    null,
  );
  vm.warp(60n);
  // +0.5 %: within the 1 % guard
  assert.equal(
    vm.send([await client.reporter.publish({ reporter: reporter.publicKey, feed, value: 1_005_000, publishTs: vm.now() })], [reporter]),
    null,
  );
  vm.warp(60n);
  // +2 %: the reporter is refused, with a code the client explains
  const refused = vm.send(
    [await client.reporter.publish({ reporter: reporter.publicKey, feed, value: 1_025_100, publishTs: vm.now() })],
    [reporter],
  );
  assert.equal(errorFromCode(refused ?? 0)?.name, "MoveNeedsGovernance");
  assert.equal(
    vm.send([await client.governance.governancePublish({ governance: gov, feed, value: 1_025_100, publishTs: vm.now() })]),
    null,
  );

  const f = decodeOracleAccount(client.program, "feed", vm.data(feed));
  assert.equal(f.governance.toBase58(), gov.toBase58());
  assert.equal(f.reporterCount, 1);
  assert.equal(f.reporters[0].toBase58(), reporter.publicKey.toBase58());
  assert.equal(f.value.toString(), "1025100");
  assert.equal(f.updates.toString(), "3");
  assert.equal(feedPriceWad(f.value, f.decimals), 1_025_100_000_000_000_000n);

  // a stranger is not the feed's governance
  const stranger = Keypair.generate();
  vm.svm.airdrop(address(stranger.publicKey.toBase58()), lamports(1_000_000_000n));
  const code = vm.send([await client.governance.setMaxMove({ governance: stranger.publicKey, feed, maxMoveBps: 5 })], [stranger]);
  assert.equal(errorFromCode(code ?? 0)?.name, "NotGovernance");
});

test("the feed's governance rotates in two steps: only the proposed key accepts", async () => {
  const vm = new Vm();
  const client = new OracleClient();
  const gov = vm.payer.publicKey;
  const feed = pda.feed(gov, 2)[0];
  const [next, stranger] = [Keypair.generate(), Keypair.generate()];
  assert.equal(
    vm.send([await client.governance.createFeed({ authority: gov, feedId: 2, decimals: 6, maxMoveBps: 100, initialValue: 1_000_000 })]),
    null,
  );
  const f = () => decodeOracleAccount(client.program, "feed", vm.data(feed));
  const early = vm.send([await client.governance.acceptGovernance({ newGovernance: next.publicKey, feed })], [next]);
  assert.equal(errorFromCode(early ?? 0)?.name, "NotPendingGovernance");
  assert.equal(vm.send([await client.governance.proposeGovernance({ governance: gov, feed, newGovernance: next.publicKey })]), null);
  assert.equal(f().pendingGovernance.toBase58(), next.publicKey.toBase58());
  assert.equal(f().governance.toBase58(), gov.toBase58());
  const wrong = vm.send([await client.governance.acceptGovernance({ newGovernance: stranger.publicKey, feed })], [stranger]);
  assert.equal(errorFromCode(wrong ?? 0)?.name, "NotPendingGovernance");
  assert.equal(vm.send([await client.governance.acceptGovernance({ newGovernance: next.publicKey, feed })], [next]), null);
  assert.equal(f().governance.toBase58(), next.publicKey.toBase58());
  assert.equal(f().pendingGovernance.toBase58(), "11111111111111111111111111111111");
  // the old governance has lost the role
  const old = vm.send([await client.governance.setMaxMove({ governance: gov, feed, maxMoveBps: 5 })]);
  assert.equal(errorFromCode(old ?? 0)?.name, "NotGovernance");
  assert.equal(vm.send([await client.governance.setMaxMove({ governance: next.publicKey, feed, maxMoveBps: 5 })], [next]), null);
});
