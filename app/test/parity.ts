// Shared by the golden tests of halo_oracle and halo_trading: instruction comparison and
// the plain form decoded accounts are compared in (the form tests/tests/golden writes).
import { PublicKey, type TransactionInstruction } from "@solana/web3.js";

export type J = Record<string, any>;

export const pk = (s: string) => new PublicKey(s);
export const hex = (s: string) => Buffer.from(s, "hex");

/** Every difference between a built instruction and its golden vector (empty = identical). */
export function diff(built: TransactionInstruction, g: J): string[] {
  const out: string[] = [];
  if (built.programId.toBase58() !== g.programId) out.push("program id");
  if (Buffer.from(built.data).toString("hex") !== g.data) out.push("data");
  if (built.keys.length !== g.accounts.length) out.push("account count");
  built.keys.forEach((m, i) => {
    const e = g.accounts[i];
    if (!e || m.pubkey.toBase58() !== e.pubkey || m.isSigner !== e.isSigner || m.isWritable !== e.isWritable)
      out.push(`account ${i}`);
  });
  return out;
}

/**
 * A decoded account in plain JSON: keys as base58, BN as decimal strings, byte arrays as
 * hex, other arrays and objects (structs, and enums as `{ variant: { fields } }`) walked.
 */
export function plain(v: any): any {
  if (v === null || v === undefined || typeof v !== "object") return v;
  if (v instanceof PublicKey) return v.toBase58();
  if (v.constructor?.name === "BN") return v.toString();
  if (Array.isArray(v)) return v.every((x) => typeof x === "number") ? Buffer.from(v).toString("hex") : v.map(plain);
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
}

/** Golden test names: the instruction and what distinguishes its variants. */
export function label(g: J, keys: string[]): string {
  const extra = keys.filter((k) => g.inputs[k] !== undefined).map((k) => `${k}=${JSON.stringify(g.inputs[k])}`);
  return extra.length ? `${g.name} (${extra.join(", ")})` : g.name;
}
