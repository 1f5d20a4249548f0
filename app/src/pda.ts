// Program-derived addresses of halo_pau: the same seeds as crates/halo-sdk/src/pda.rs.
import { PublicKey } from "@solana/web3.js";
import { PAU_PROGRAM_ID } from "./program.ts";

const enc = (s: string) => Buffer.from(s, "utf8");
const u64le = (v: bigint | number) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(v));
  return b;
};
const find = (seeds: Buffer[], programId = PAU_PROGRAM_ID): [PublicKey, number] =>
  PublicKey.findProgramAddressSync(seeds, programId);

export const pda = {
  configurator: () => find([enc("configurator")]),
  op: (configurator: PublicKey, opId: bigint | number) => find([enc("op"), configurator.toBuffer(), u64le(opId)]),
  controller: (configurator: PublicKey, pauId: bigint | number) =>
    find([enc("controller"), configurator.toBuffer(), u64le(pauId)]),
  proxy: (controller: PublicKey) => find([enc("proxy"), controller.toBuffer()]),
  govops: (controller: PublicKey, member: PublicKey) => find([enc("govops"), controller.toBuffer(), member.toBuffer()]),
  initRateLimit: (configurator: PublicKey, key: Uint8Array, pau: PublicKey) =>
    find([enc("init"), configurator.toBuffer(), Buffer.from(key), pau.toBuffer()]),
  rateLimit: (controller: PublicKey, key: Uint8Array) => find([enc("rate_limit"), controller.toBuffer(), Buffer.from(key)]),
  integration: (controller: PublicKey, signer: PublicKey) =>
    find([enc("integration"), controller.toBuffer(), signer.toBuffer()]),
};

export const TOKEN_PROGRAM_ID = new PublicKey("TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA");
export const TOKEN_2022_PROGRAM_ID = new PublicKey("TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb");
export const ASSOCIATED_TOKEN_PROGRAM_ID = new PublicKey("ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL");

/** The associated token account of `owner` for `mint` (PDAs allowed as owners). */
export function ata(owner: PublicKey, mint: PublicKey, tokenProgram = TOKEN_PROGRAM_ID): PublicKey {
  return PublicKey.findProgramAddressSync(
    [owner.toBuffer(), tokenProgram.toBuffer(), mint.toBuffer()],
    ASSOCIATED_TOKEN_PROGRAM_ID,
  )[0];
}
