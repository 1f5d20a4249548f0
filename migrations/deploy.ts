// Deploy + bootstrap for a real cluster, from a config file (see config.example.json).
//
//   node --import tsx migrations/deploy.ts --config migrations/config.json --dry-run
//   node --import tsx migrations/deploy.ts --config migrations/config.json --phase schedule
//   node --import tsx migrations/deploy.ts --config migrations/config.json --phase execute
//
// Deploy the programs first (`anchor deploy`). Then:
//  * schedule: initialize the configurator, create each PAU's controller, schedule its
//    registration, its GovOps grants and its route inits behind the timelock;
//  * execute (once the timelock delay has passed): execute those operations.
// Admin-signed transactions need `adminKeypair`; for a multisig admin, leave it null and
// the script prints those transactions as base64 messages to propose instead of sending.
// --dry-run prints every transaction it would send and touches no network.
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import {
  Connection,
  Keypair,
  PublicKey,
  Transaction,
  TransactionInstruction,
  sendAndConfirmTransaction,
} from "../app/src/web3.ts";
import { PauClient, type TimelockAction } from "../app/src/pau.ts";
import { pda } from "../app/src/pda.ts";
import { rateLimitKey } from "../app/src/keys.ts";

export interface RouteConfig {
  tag: string;
  mint: string;
  counterparty: string;
  maxAmount: string;
  slope: string;
  scope: "global" | "pau";
}

export interface DeployConfig {
  cluster: string;
  payerKeypair: string;
  adminKeypair: string | null;
  configurator: { admin: string; timelockDelayS: number; sorlHopS: number; sorlMaxChangeBps: number };
  paus: { pauId: number; govops: string[]; routes: RouteConfig[] }[];
  tradingPools: unknown[];
  lctsUnits: unknown[];
  nfatFacilities: unknown[];
}

export interface Step {
  phase: "schedule" | "execute";
  name: string;
  signer: "payer" | "admin";
  instructions: TransactionInstruction[];
}

/** Every transaction of the bootstrap, in order. Op ids start at `firstOpId`. */
export async function plan(cfg: DeployConfig, payer: PublicKey, firstOpId = 0): Promise<Step[]> {
  for (const [what, list] of [
    ["trading pools", cfg.tradingPools],
    ["LCTS units", cfg.lctsUnits],
    ["NFAT facilities", cfg.nfatFacilities],
  ] as const) {
    if (list.length > 0) throw new Error(`${what} cannot be bootstrapped yet: that program is not built`);
  }
  const client = new PauClient();
  const admin = new PublicKey(cfg.configurator.admin);
  const steps: Step[] = [
    {
      phase: "schedule",
      name: "initialize_configurator",
      signer: "payer",
      instructions: [await client.governance.initializeConfigurator({ payer, ...cfg.configurator, admin })],
    },
  ];
  const executes: Step[] = [];
  let opId = firstOpId;
  for (const p of cfg.paus) {
    const controller = pda.controller(client.configurator, p.pauId)[0];
    const actions: { action: TimelockAction; exec: () => Promise<TransactionInstruction>; label: string }[] = [];
    const reg = opId;
    actions.push({
      label: `register PAU ${p.pauId}`,
      action: { kind: "registerPau", controller },
      exec: () => client.executor.executeRegisterPau({ executor: payer, opId: reg, controller }),
    });
    opId++;
    for (const m of p.govops) {
      const id = opId++;
      const member = new PublicKey(m);
      actions.push({
        label: `grant GovOps ${m} on PAU ${p.pauId}`,
        action: { kind: "grantGovOps", controller, member },
        exec: () => client.executor.executeGrantGovops({ payer, opId: id, controller, member }),
      });
    }
    for (const r of p.routes) {
      const id = opId++;
      const key = rateLimitKey(r.tag, new PublicKey(r.mint), new PublicKey(r.counterparty));
      const pau = r.scope === "pau" ? controller : PublicKey.default;
      actions.push({
        label: `approve route ${r.tag} on PAU ${p.pauId}`,
        action: { kind: "addInitRateLimit", key, pau, maxAmount: r.maxAmount, slope: r.slope },
        exec: () => client.executor.executeAddInitRateLimit({ payer, opId: id, key, pau }),
      });
    }
    steps.push({
      phase: "schedule",
      name: `init_controller ${p.pauId}`,
      signer: "admin",
      instructions: [await client.governance.initController({ admin, pauId: p.pauId })],
    });
    let first = reg;
    for (const a of actions) {
      steps.push({
        phase: "schedule",
        name: `schedule_op ${first++}: ${a.label}`,
        signer: "admin",
        instructions: [await client.governance.scheduleOp({ admin, opId: first - 1, action: a.action })],
      });
      executes.push({ phase: "execute", name: `execute: ${a.label}`, signer: "payer", instructions: [await a.exec()] });
    }
  }
  return [...steps, ...executes];
}

export function describe(s: Step): string {
  const lines = [`[${s.phase}] ${s.name} (signed by ${s.signer})`];
  for (const ix of s.instructions) {
    lines.push(`    program ${ix.programId.toBase58()} data ${Buffer.from(ix.data).toString("hex")}`);
    for (const k of ix.keys) {
      lines.push(`      ${k.pubkey.toBase58()}${k.isSigner ? " signer" : ""}${k.isWritable ? " writable" : ""}`);
    }
  }
  return lines.join("\n");
}

function loadKeypair(path: string): Keypair {
  const p = path.startsWith("~") ? homedir() + path.slice(1) : path;
  return Keypair.fromSecretKey(Uint8Array.from(JSON.parse(readFileSync(p, "utf8"))));
}

async function main(argv: string[]) {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const cfg: DeployConfig = JSON.parse(readFileSync(arg("--config") ?? "migrations/config.json", "utf8"));
  const dryRun = argv.includes("--dry-run");
  const phase = arg("--phase") ?? "all";
  if (dryRun) {
    const payer = new PublicKey(arg("--payer") ?? "11111111111111111111111111111112");
    const steps = await plan(cfg, payer);
    for (const s of steps) console.log(describe(s));
    console.log(`${steps.length} transactions (dry run: nothing sent)`);
    return;
  }
  const payer = loadKeypair(cfg.payerKeypair);
  const admin = cfg.adminKeypair ? loadKeypair(cfg.adminKeypair) : null;
  const connection = new Connection(cfg.cluster, "confirmed");
  const steps = (await plan(cfg, payer.publicKey)).filter((s) => phase === "all" || s.phase === phase);
  for (const s of steps) {
    const tx = new Transaction().add(...s.instructions);
    if (s.signer === "admin" && !admin) {
      tx.feePayer = payer.publicKey;
      tx.recentBlockhash = (await connection.getLatestBlockhash()).blockhash;
      console.log(`${s.name}: propose to the admin multisig:\n  ${tx.serializeMessage().toString("base64")}`);
      continue;
    }
    const signers = s.signer === "admin" && admin ? [payer, admin] : [payer];
    const sig = await sendAndConfirmTransaction(connection, tx, signers);
    console.log(`${s.name}: ${sig}`);
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop() ?? "")) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
