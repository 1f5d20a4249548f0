// The TS client over JSON-RPC, against a real local validator (halo-localnet: Surfpool with
// the SBF builds): governance initialises the configurator as halo_pau's upgrade
// authority, creates PAU 1 and schedules its registration; the early execution is refused
// by the cluster's preflight with a readable error; the clock is moved past the timelock
// (surfnet_timeTravel); the execution confirms. Events are decoded from the confirmed
// transactions (getTransaction + Anchor's event parser) and from a live onLogs
// subscription.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { EventParser } from "@anchor-lang/core";
import {
  Keypair,
  type Logs,
  type PublicKey,
  sendAndConfirmTransaction,
  SendTransactionError,
  Transaction,
  type TransactionInstruction,
} from "@solana/web3.js";
import { PauClient } from "../src/pau.ts";
import { pda } from "../src/pda.ts";
import { decodePauAccount } from "../src/accounts.ts";
import { explainError } from "../src/errors.ts";
import { PAU_PROGRAM_ID } from "../src/program.ts";
import { airdrop, clusterTime, eventsOf, type Localnet, sendTx, startLocalnet, timeTravel } from "./localnet.ts";

const DELAY = 14n * 86_400n;
const payer = Keypair.generate();
let net: Localnet;

before(async () => {
  net = await startLocalnet(payer.publicKey);
});
after(() => net?.stop());

const send = (ixs: TransactionInstruction[], signers: Keypair[] = []) => sendTx(net.connection, payer, ixs, signers);

test("governance runs a timelock cycle over JSON-RPC: refused early with a readable error, executed after the clock moves, events decoded", async () => {
  const { connection } = net;
  const client = new PauClient();
  const admin = Keypair.generate();
  const govops = Keypair.generate();
  await airdrop(connection, payer.publicKey, 100);
  await airdrop(connection, admin.publicKey);

  const controller = pda.controller(client.configurator, 1)[0];
  const init = await send([
    await client.governance.initializeConfigurator({
      payer: payer.publicKey,
      upgradeAuthority: payer.publicKey,
      admin: admin.publicKey,
      timelockDelayS: DELAY,
      sorlHopS: 64_800,
      sorlMaxChangeBps: 2_500,
    }),
  ]);
  assert.deepEqual(await eventsOf(net.connection, client.program, init), ["configuratorInitialized"]);
  const scheduled = await send(
    [
      await client.governance.initializeController({ admin: admin.publicKey, pauId: 1 }),
      await client.governance.scheduleOp({ admin: admin.publicKey, opId: 0, action: { kind: "registerPau", controller } }),
      await client.governance.scheduleOp({ admin: admin.publicKey, opId: 1, action: { kind: "grantGovOps", controller, member: govops.publicKey } }),
    ],
    [admin],
  );
  assert.deepEqual(await eventsOf(net.connection, client.program, scheduled), ["controllerCreated", "opScheduled", "opScheduled"]);

  // a second initialisation is refused, and so is the early execution: the preflight's
  // logs say why, and the client reads the program's error from them
  const execute = [
    await client.executor.executeRegisterPau({ executor: payer.publicKey, opId: 0, controller }),
    await client.executor.executeGrantGovops({ payer: payer.publicKey, opId: 1, controller, member: govops.publicKey }),
  ];
  const early = await send(execute).then(
    () => assert.fail("executed before the timelock"),
    (e: unknown) => e,
  );
  assert.ok(early instanceof SendTransactionError, String(early));
  const logs = (await early.getLogs(connection)) ?? [];
  assert.match(explainError(early, logs) ?? "", /^TimelockNotElapsed: /);

  // past the timelock (the cluster's clock, moved by the cheatcode), a live log
  // subscription sees the execution
  const seen: Logs[] = [];
  const sub = connection.onLogs(PAU_PROGRAM_ID, (l) => seen.push(l), "confirmed");
  try {
    const now = await clusterTime(connection);
    await timeTravel(net.rpc, now + DELAY + 60n);
    assert.ok((await clusterTime(connection)) >= now + DELAY, "the clock moved past the timelock");
    const executed = await send(execute);
    assert.deepEqual(await eventsOf(net.connection, client.program, executed), ["opExecuted", "pauRegistered", "opExecuted", "govOpsGranted"]);
    for (let i = 0; i < 50 && !seen.some((l) => l.signature === executed); i++) await new Promise((r) => setTimeout(r, 100));
    const live = seen.find((l) => l.signature === executed);
    assert.ok(live, "the subscription saw the execution");
    assert.equal(live.err, null);
    const parser = new EventParser(client.program.programId, client.program.coder);
    assert.ok([...parser.parseLogs(live.logs)].some((e) => e.name === "pauRegistered"));
  } finally {
    await connection.removeOnLogsListener(sub);
  }

  // what governance created, read back over RPC
  const account = await connection.getAccountInfo(controller, "confirmed");
  assert.ok(account);
  assert.equal(account.owner.toBase58(), PAU_PROGRAM_ID.toBase58());
  const c = decodePauAccount<{ registered: boolean; pauId: { toString(): string } }>(client.program, "controller", account.data);
  assert.equal(c.registered, true);
  assert.equal(c.pauId.toString(), "1");
  assert.ok(await connection.getAccountInfo(pda.govops(controller, govops.publicKey)[0], "confirmed"), "GovOps granted");

  // a stranger is not the admin: refused by the program, readable from the logs
  const stranger = Keypair.generate();
  await airdrop(connection, stranger.publicKey, 1);
  const refused = await sendAndConfirmTransaction(
    connection,
    new Transaction().add(await client.governance.setTimelockPaused({ admin: stranger.publicKey, paused: true })),
    [stranger],
  ).then(
    () => assert.fail("a stranger paused the timelock"),
    (e: unknown) => e,
  );
  assert.ok(refused instanceof SendTransactionError);
  assert.match(explainError(refused, (await refused.getLogs(connection)) ?? []) ?? "", /^NotAdmin: /);
});

test("the cheatcodes are refused with a clear message on a cluster that is not Surfpool", async () => {
  // a JSON-RPC endpoint without surfnet_* methods: this one answers every call "method not found"
  const { createServer } = await import("node:http");
  const server = createServer((_req, res) => {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ jsonrpc: "2.0", id: 1, error: { code: -32601, message: "Method not found" } }));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  try {
    await assert.rejects(
      timeTravel(`http://127.0.0.1:${port}`, 1n),
      /surfnet_timeTravel is a Surfpool cheatcode: http:\/\/127.0.0.1:\d+ is not a local Surfpool validator/,
    );
  } finally {
    server.close();
  }
});
