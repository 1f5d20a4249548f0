// The deploy + bootstrap script's dry run: every transaction it would send, in order.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PublicKey } from "@solana/web3.js";
import { plan, type DeployConfig } from "../../migrations/deploy.ts";
import { PauClient } from "../src/pau.ts";
import { pda } from "../src/pda.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const cfgPath = `${root}migrations/config.example.json`;
const cfg: DeployConfig = JSON.parse(readFileSync(cfgPath, "utf8"));

test("the dry run prints every transaction and sends nothing", () => {
  const out = execFileSync(process.execPath, ["--import", "tsx", "../migrations/deploy.ts", "--config", cfgPath, "--dry-run"], {
    cwd: `${root}app`,
    encoding: "utf8",
  });
  const headers = out.split("\n").filter((l) => l.startsWith("["));
  assert.deepEqual(
    headers.map((h) => h.replace(/ \(signed by .*\)$/, "")),
    [
      "[schedule] initialize_configurator",
      "[schedule] init_controller 1",
      "[schedule] schedule_op 0: register PAU 1",
      `[schedule] schedule_op 1: grant GovOps ${cfg.paus[0].govops[0]} on PAU 1`,
      "[schedule] schedule_op 2: approve route transfer on PAU 1",
      "[execute] execute: register PAU 1",
      `[execute] execute: grant GovOps ${cfg.paus[0].govops[0]} on PAU 1`,
      "[execute] execute: approve route transfer on PAU 1",
    ],
  );
  assert.match(out, /8 transactions \(dry run: nothing sent\)/);
});

test("the plan's instructions are the client's, for the configured PAU", async () => {
  const payer = PublicKey.unique();
  const steps = await plan(cfg, payer);
  const client = new PauClient();
  const controller = pda.controller(client.configurator, 1)[0];
  const expected = await client.executor.executeRegisterPau({ executor: payer, opId: 0, controller });
  const exec = steps.find((s) => s.name === "execute: register PAU 1");
  assert.ok(exec);
  assert.deepEqual(exec.instructions[0].data, expected.data);
  assert.deepEqual(
    exec.instructions[0].keys.map((k) => k.pubkey.toBase58()),
    expected.keys.map((k) => k.pubkey.toBase58()),
  );
});

test("programs that are not built yet are refused, not skipped", async () => {
  await assert.rejects(plan({ ...cfg, tradingPools: [{}] }, PublicKey.unique()), /not built/);
});
