// The TS client against the real program: target/sbf/halo_pau.so (scripts/build-sbf) in
// LiteSVM's node package. Transactions are built with web3.js v1 and the client's builders,
// then bridged to @solana/kit's wire decoder, which LiteSVM takes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Keypair, PublicKey } from "@solana/web3.js";
import { address, lamports } from "@solana/kit";
import { LiteSVM } from "litesvm";
import { PauClient } from "../src/pau.ts";
import { pda, removalTarget } from "../src/pda.ts";
import { decodePauAccount, decodeRemoval } from "../src/accounts.ts";
import { errorFromCode } from "../src/errors.ts";
import { PAU_PROGRAM_ID } from "../src/program.ts";
import { Vm } from "./svm.ts";

const DELAY = 14n * 86_400n;

test("governance registers a PAU through the timelock on the SBF build", async () => {
  const vm = new Vm([[PAU_PROGRAM_ID, "halo_pau"]]);
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
        upgradeAuthority: payer,
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
        await client.governance.initializeController({ admin: admin.publicKey, pauId: 1 }),
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

/** A configurator (the payer as upgrade authority) and PAU 1, registered, with a GovOps member. */
async function bootstrap(vm: Vm, client: PauClient, admin: Keypair, govops: Keypair) {
  const payer = vm.payer.publicKey;
  const controller = pda.controller(client.configurator, 1)[0];
  assert.equal(
    vm.error(
      [
        await client.governance.initializeConfigurator({
          payer,
          upgradeAuthority: payer,
          admin: admin.publicKey,
          timelockDelayS: DELAY,
          sorlHopS: 64_800,
          sorlMaxChangeBps: 2_500,
        }),
        await client.governance.initializeController({ admin: admin.publicKey, pauId: 1 }),
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
  vm.warp(DELAY);
  assert.equal(
    vm.error([
      await client.executor.executeRegisterPau({ executor: payer, opId: 0, controller }),
      await client.executor.executeGrantGovops({ payer, opId: 1, controller, member: govops.publicKey }),
    ]),
    null,
  );
  return controller;
}

test("initializeConfigurator must be signed by the upgrade authority in halo_pau's ProgramData", async () => {
  const vm = new Vm([[PAU_PROGRAM_ID, "halo_pau"]]);
  const client = new PauClient();
  const stranger = Keypair.generate();
  vm.svm.airdrop(address(stranger.publicKey.toBase58()), lamports(1_000_000_000n));
  const init = (upgradeAuthority: PublicKey) =>
    client.governance.initializeConfigurator({
      payer: vm.payer.publicKey,
      upgradeAuthority,
      admin: stranger.publicKey,
      timelockDelayS: DELAY,
      sorlHopS: 64_800,
      sorlMaxChangeBps: 2_500,
    });
  // someone racing the deployer to a freshly deployed program is refused
  assert.equal(vm.error([await init(stranger.publicKey)], [stranger]), "NotUpgradeAuthority");
  assert.equal(vm.error([await init(vm.payer.publicKey)]), null);
  const c = decodePauAccount<{ admin: PublicKey; maxTransferFeeBps: number; adminOpsValidFrom: { toString(): string } }>(
    client.program,
    "configurator",
    vm.data(client.configurator),
  );
  assert.equal(c.admin.toBase58(), stranger.publicKey.toBase58());
  assert.equal(c.maxTransferFeeBps, 100, "the default maximum Token-2022 transfer fee (1 %)");
  assert.equal(c.adminOpsValidFrom.toString(), "0");
});

test("integrations are timelocked additions, and an instant removal invalidates ops scheduled before it", async () => {
  const vm = new Vm([[PAU_PROGRAM_ID, "halo_pau"]]);
  const client = new PauClient();
  const [admin, govops, newAdmin] = [Keypair.generate(), Keypair.generate(), Keypair.generate()];
  for (const k of [admin, govops, newAdmin]) vm.svm.airdrop(address(k.publicKey.toBase58()), lamports(10_000_000_000n));
  const payer = vm.payer.publicKey;
  const controller = await bootstrap(vm, client, admin, govops);

  // op 2: an integration (a Halo program's PDA, here any key) on route `key`
  const signer = Keypair.generate().publicKey;
  const [key, key2] = [Buffer.alloc(32, 7), Buffer.alloc(32, 9)];
  const add = (opId: number, k: Buffer) =>
    client.governance.scheduleOp({ admin: admin.publicKey, opId, action: { kind: "addIntegration", controller, signer, key: k } });
  assert.equal(vm.error([await add(2, key)], [admin]), null);
  const exec = (opId: number) => client.executor.executeAddIntegration({ payer, opId, controller, signer });
  assert.equal(vm.error([await exec(2)]), "TimelockNotElapsed");
  vm.warp(DELAY);
  assert.equal(vm.error([await exec(2)]), null);
  const integration = pda.integration(controller, signer)[0];
  const i = decodePauAccount<{ signer: PublicKey; keyCount: number; keys: number[][]; lastOpId: { toString(): string } }>(
    client.program,
    "integration",
    vm.data(integration),
  );
  assert.equal(i.signer.toBase58(), signer.toBase58());
  assert.equal(i.keyCount, 1);
  assert.deepEqual(Buffer.from(i.keys[0]), key);
  assert.equal(i.lastOpId.toString(), "2");

  // op 3 would add a second key, op 4 proposes a new admin; GovOps removes the integration
  // instantly, the admin withdraws the proposal: both ops were scheduled before, so both are dead
  assert.equal(
    vm.error(
      [
        await add(3, key2),
        await client.governance.scheduleOp({ admin: admin.publicKey, opId: 4, action: { kind: "transferAdmin", newAdmin: newAdmin.publicKey } }),
      ],
      [admin],
    ),
    null,
  );
  assert.equal(vm.error([await client.governance.clearPendingAdmin({ admin: admin.publicKey })], [admin]), "NoPendingAdmin");
  assert.equal(vm.error([await client.govops.removeIntegration({ member: govops.publicKey, controller, signer })], [govops]), null);
  assert.equal(vm.svm.getAccount(address(integration.toBase58())).exists, false, "the integration is closed");
  const removalAddress = pda.integrationRemoval(client.configurator, controller, signer)[0];
  const r = decodeRemoval(vm.data(removalAddress));
  assert.equal(r.configurator.toBase58(), client.configurator.toBase58());
  assert.deepEqual(Buffer.from(r.target), removalTarget("integration", controller.toBuffer(), signer.toBuffer()));
  assert.equal(r.validFromOpId.toString(), "5", "every op scheduled so far");
  assert.equal(r.removals.toString(), "1");
  assert.equal(r.removedAt.toString(), vm.svm.getClock().unixTimestamp.toString());

  vm.warp(DELAY);
  assert.equal(vm.error([await exec(3)]), "OpInvalidatedByRemoval");
  assert.equal(vm.error([await client.executor.executeConfigChange({ executor: payer, opId: 4 })]), null);
  assert.equal(vm.error([await client.governance.clearPendingAdmin({ admin: admin.publicKey })], [admin]), null);
  assert.equal(vm.error([await client.governance.acceptAdmin({ newAdmin: newAdmin.publicKey })], [newAdmin]), "NotPendingAdmin");
  const c = decodePauAccount<{ pendingAdmin: PublicKey; adminOpsValidFrom: { toString(): string } }>(
    client.program,
    "configurator",
    vm.data(client.configurator),
  );
  assert.equal(c.pendingAdmin.toBase58(), PublicKey.default.toBase58());
  assert.equal(c.adminOpsValidFrom.toString(), "5");

  // a fresh op for the same integration, scheduled after the removal, goes through
  assert.equal(vm.error([await add(5, key2)], [admin]), null);
  vm.warp(DELAY);
  assert.equal(vm.error([await exec(5)]), null);
});
