// The oracle client against the real program: target/sbf/halo_oracle.so (scripts/build-sbf)
// in LiteSVM's node package, as test/litesvm.test.ts does for halo_pau.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Keypair } from "@solana/web3.js";
import { address, lamports } from "@solana/kit";
import { LiteSVM } from "litesvm";
import { OracleClient } from "../src/oracle.ts";
import { pda } from "../src/pda.ts";
import { decodeOracleAccount } from "../src/accounts.ts";
import { errorFromCode } from "../src/errors.ts";
import { ORACLE_PROGRAM_ID } from "../src/program.ts";
import { feedPriceWad } from "../src/amm.ts";
import { Vm } from "./svm.ts";


test("a feed is created, a reporter publishes within the guard, and a larger move needs governance", async () => {
  const vm = new Vm([[ORACLE_PROGRAM_ID, "halo_oracle"]]);
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
  const vm = new Vm([[ORACLE_PROGRAM_ID, "halo_oracle"]]);
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
