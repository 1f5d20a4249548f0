// The TS client against the real program: target/sbf/halo_pau.so (scripts/build-sbf) in
// LiteSVM's node package. Transactions are built with web3.js v1 and the client's builders,
// then bridged to @solana/kit's wire decoder, which LiteSVM takes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Keypair, PublicKey, Transaction, TransactionInstruction } from "@solana/web3.js";
import { address, getTransactionDecoder, lamports } from "@solana/kit";
import { FailedTransactionMetadata, LiteSVM } from "litesvm";
import { PauClient } from "../src/pau.ts";
import { pda } from "../src/pda.ts";
import { decodePauAccount } from "../src/accounts.ts";
import { errorFromCode } from "../src/errors.ts";
import { PAU_PROGRAM_ID } from "../src/program.ts";

const SO = fileURLToPath(new URL("../../target/sbf/halo_pau.so", import.meta.url));
const DELAY = 14n * 86_400n;

class Vm {
  svm = new LiteSVM();
  payer = Keypair.generate();
  constructor() {
    assert.ok(existsSync(SO), `${SO} is missing: run scripts/build-sbf first`);
    this.svm.addProgramFromFile(address(PAU_PROGRAM_ID.toBase58()), SO);
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

test("governance registers a PAU through the timelock on the SBF build", async () => {
  const vm = new Vm();
  const client = new PauClient();
  const admin = Keypair.generate();
  const govops = Keypair.generate();
  const relayer = Keypair.generate();
  vm.svm.airdrop(address(admin.publicKey.toBase58()), lamports(10_000_000_000n));
  vm.svm.airdrop(address(govops.publicKey.toBase58()), lamports(10_000_000_000n));
  const payer = vm.payer.publicKey;

  assert.equal(
    vm.send([
      await client.governance.initializeConfigurator({
        payer,
        admin: admin.publicKey,
        timelockDelayS: DELAY,
        sorlHopS: 64_800,
        sorlMaxChangeBps: 2_500,
      }),
    ]),
    null,
  );
  const controller = pda.controller(client.configurator, 1)[0];
  assert.equal(
    vm.send(
      [
        await client.governance.initController({ admin: admin.publicKey, pauId: 1 }),
        await client.governance.scheduleOp({ admin: admin.publicKey, opId: 0, action: { kind: "registerPau", controller } }),
        await client.governance.scheduleOp({
          admin: admin.publicKey,
          opId: 1,
          action: { kind: "grantGovOps", controller, member: govops.publicKey },
        }),
      ],
      [admin],
    ),
    null,
  );

  // too early: the program refuses, with a code the client can explain
  const early = vm.send([await client.executor.executeRegisterPau({ executor: payer, opId: 0, controller })]);
  assert.equal(errorFromCode(early ?? 0)?.name, "TimelockNotElapsed");

  vm.warp(DELAY);
  assert.equal(
    vm.send([
      await client.executor.executeRegisterPau({ executor: payer, opId: 0, controller }),
      await client.executor.executeGrantGovops({ payer, opId: 1, controller, member: govops.publicKey }),
    ]),
    null,
  );
  assert.equal(
    vm.send([await client.govops.setRelayer({ member: govops.publicKey, controller, relayer: relayer.publicKey })], [govops]),
    null,
  );
  const c = decodePauAccount<{ registered: boolean; relayer: PublicKey; pauId: { toString(): string } }>(
    client.program,
    "controller",
    vm.data(controller),
  );
  assert.equal(c.registered, true);
  assert.equal(c.relayer.toBase58(), relayer.publicKey.toBase58());
  assert.equal(c.pauId.toString(), "1");

  // a stranger is not the admin
  const stranger = Keypair.generate();
  vm.svm.airdrop(address(stranger.publicKey.toBase58()), lamports(1_000_000_000n));
  const refused = vm.send([await client.governance.setTimelockPaused({ admin: stranger.publicKey, paused: true })], [stranger]);
  assert.equal(errorFromCode(refused ?? 0)?.name, "NotAdmin");
});
