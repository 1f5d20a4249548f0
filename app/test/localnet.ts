// Shared by the tests that run over JSON-RPC: the local validator (`halo-localnet`, Surfpool
// with the SBF builds loaded, built by scripts/test from bench/), started on free ports and
// always stopped, and its cheatcodes.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";
import { EventParser } from "@anchor-lang/core";
import {
  Connection,
  type Keypair,
  LAMPORTS_PER_SOL,
  type PublicKey,
  sendAndConfirmTransaction,
  SYSVAR_CLOCK_PUBKEY,
  Transaction,
  type TransactionInstruction,
} from "@solana/web3.js";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** The `halo-localnet` binary: HALO_LOCALNET, else where scripts/test builds it. */
export function localnetBinary(): string {
  if (process.env.HALO_LOCALNET) return process.env.HALO_LOCALNET;
  const target = process.env.CARGO_TARGET_DIR ?? `${root}target`;
  return `${target}/bench/debug/halo-localnet`;
}

export interface Localnet {
  rpc: string;
  ws: string;
  connection: Connection;
  /** Stops the validator (idempotent). */
  stop(): void;
}

/**
 * Starts a local validator with every Halo program loaded, `upgradeAuthority` recorded as
 * their upgrade authority. Resolves once it serves; the process is killed by `stop()` and,
 * should the test runner die first, exits when its standard input closes.
 */
export async function startLocalnet(upgradeAuthority: PublicKey): Promise<Localnet> {
  const bin = localnetBinary();
  if (!existsSync(bin)) {
    throw new Error(
      `${bin} is missing: build it with cargo build --manifest-path bench/Cargo.toml --target-dir "\${CARGO_TARGET_DIR:-target}/bench" --bin halo-localnet (scripts/test does), or set HALO_LOCALNET`,
    );
  }
  const child: ChildProcess = spawn(bin, ["--upgrade-authority", upgradeAuthority.toBase58()], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const stop = () => {
    if (child.exitCode === null && !child.killed) {
      child.stdin?.end();
      child.kill("SIGKILL");
    }
  };
  process.once("exit", stop);
  const line = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once("line", resolve);
    child.once("exit", (code) => reject(new Error(`halo-localnet exited (${code}) before it served`)));
  }).catch((e) => {
    stop();
    throw e;
  });
  const m = line.match(/^rpc (\S+) ws (\S+)$/);
  if (!m) {
    stop();
    throw new Error(`halo-localnet said ${JSON.stringify(line)}, not "rpc <url> ws <url>"`);
  }
  const [, rpc, ws] = m;
  const connection = new Connection(rpc, { commitment: "confirmed", wsEndpoint: ws });
  return {
    rpc,
    ws,
    connection,
    stop: () => {
      // web3.js reconnects its websocket forever once the validator is gone, which keeps
      // the test process alive: close it first (it has no public close). A subscription
      // still being torn down (a confirmation's signatureSubscribe) would make web3.js
      // reconnect right after an explicit close, so forget them, and turn the client's
      // own reconnection off.
      const c = connection as unknown as {
        _subscriptionsByHash: Record<string, unknown>;
        _rpcWebSocket: { reconnect: boolean; close(): void };
      };
      c._subscriptionsByHash = {};
      c._rpcWebSocket.reconnect = false;
      try {
        c._rpcWebSocket.close();
      } catch {
        // not connected: nothing to close
      }
      stop();
    },
  };
}

/** A JSON-RPC call; a method the cluster does not have is refused with a clear message. */
async function call<T>(rpc: string, method: string, params: unknown[]): Promise<T> {
  const res = await fetch(rpc, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = (await res.json()) as { result?: T; error?: { code: number; message: string } };
  if (body.error) {
    if (body.error.code === -32601) {
      throw new Error(`${method} is a Surfpool cheatcode: ${rpc} is not a local Surfpool validator (${body.error.message})`);
    }
    throw new Error(`${method}: ${body.error.message}`);
  }
  return body.result as T;
}

/** Moves the validator's clock to `unixSeconds` (`surfnet_timeTravel`). */
export async function timeTravel(rpc: string, unixSeconds: bigint): Promise<void> {
  await call(rpc, "surfnet_timeTravel", [{ absoluteTimestamp: Number(unixSeconds * 1000n) }]);
  // the Clock sysvar takes the new time at the next slot: wait for it
  const connection = new Connection(rpc, "confirmed");
  for (let i = 0; i < 100; i++) {
    if ((await clusterTime(connection)) >= unixSeconds) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${rpc}: the clock did not reach ${unixSeconds} after surfnet_timeTravel`);
}

/** The cluster's unix time (the Clock sysvar's `unix_timestamp`). */
export async function clusterTime(connection: Connection): Promise<bigint> {
  const clock = await connection.getAccountInfo(SYSVAR_CLOCK_PUBKEY, "confirmed");
  if (!clock) throw new Error("the cluster has no Clock sysvar");
  return Buffer.from(clock.data).readBigInt64LE(32);
}

/** Airdrops `sol` to `key` and waits until it is confirmed. */
export async function airdrop(connection: Connection, key: PublicKey, sol = 10): Promise<void> {
  const sig = await connection.requestAirdrop(key, sol * LAMPORTS_PER_SOL);
  const { blockhash, lastValidBlockHeight } = await connection.getLatestBlockhash();
  await connection.confirmTransaction({ signature: sig, blockhash, lastValidBlockHeight }, "confirmed");
}

/** One transaction, paid by `payer` and signed by `signers` too, confirmed. */
export function sendTx(connection: Connection, payer: Keypair, ixs: TransactionInstruction[], signers: Keypair[] = []): Promise<string> {
  return sendAndConfirmTransaction(connection, new Transaction().add(...ixs), [payer, ...signers], { commitment: "confirmed" });
}

/** The events `program` emitted in a confirmed transaction (its logs, Anchor's parser), by name. */
export async function eventsOf(
  connection: Connection,
  program: { programId: PublicKey; coder: ConstructorParameters<typeof EventParser>[1] },
  signature: string,
): Promise<string[]> {
  const tx = await connection.getTransaction(signature, { commitment: "confirmed", maxSupportedTransactionVersion: 0 });
  assert.ok(tx?.meta?.logMessages, `transaction ${signature} has logs`);
  return [...new EventParser(program.programId, program.coder).parseLogs(tx.meta.logMessages)].map((e) => e.name);
}
