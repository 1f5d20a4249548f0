// Program-derived addresses of halo_pau: the same seeds as crates/halo-sdk/src/pda.rs.
import { createHash } from "node:crypto";
import { PublicKey } from "@solana/web3.js";
import { PAU_PROGRAM_ID } from "./program.ts";

/** The upgradeable BPF loader, owner of every upgradeable program's ProgramData account. */
export const BPF_LOADER_UPGRADEABLE_PROGRAM_ID = new PublicKey("BPFLoaderUpgradeab1e11111111111111111111111");

/** What an instant removal invalidates ops for (`halo_pau::state::RemovalKind`). */
export type RemovalKind = "init" | "govops" | "integration";

/**
 * `sha256(tag || a || b)`: the target id seeding a removal record, with the tag "init"
 * (a = rate-limit key, b = the init's PAU scope), "govops" (a = controller, b = member) or
 * "integration" (a = controller, b = signer).
 */
export function removalTarget(kind: RemovalKind, a: Uint8Array, b: Uint8Array): Buffer {
  return createHash("sha256").update(Buffer.from(kind, "utf8")).update(a).update(b).digest();
}

const enc = (s: string) => Buffer.from(s, "utf8");
const u64le = (v: bigint | number) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(v));
  return b;
};
const find = (seeds: Buffer[], programId = PAU_PROGRAM_ID): [PublicKey, number] =>
  PublicKey.findProgramAddressSync(seeds, programId);

const removal = (configurator: PublicKey, target: Uint8Array) =>
  find([enc("removal"), configurator.toBuffer(), Buffer.from(target)]);

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
  /** `["removal", configurator, target]`: the record of an instant removal. */
  removal,
  /** The removal record of init (`key`, `pau` scope). */
  initRemoval: (configurator: PublicKey, key: Uint8Array, pau: PublicKey) =>
    removal(configurator, removalTarget("init", key, pau.toBuffer())),
  /** The removal record of `member`'s GovOps membership on `controller`. */
  govopsRemoval: (configurator: PublicKey, controller: PublicKey, member: PublicKey) =>
    removal(configurator, removalTarget("govops", controller.toBuffer(), member.toBuffer())),
  /** The removal record of integration `signer` on `controller`. */
  integrationRemoval: (configurator: PublicKey, controller: PublicKey, signer: PublicKey) =>
    removal(configurator, removalTarget("integration", controller.toBuffer(), signer.toBuffer())),
  /**
   * The ProgramData account of `programId` (halo_pau by default): the upgradeable loader's
   * PDA of the program id, whose upgrade authority must sign `initializeConfigurator`.
   */
  programData: (programId: PublicKey = PAU_PROGRAM_ID) =>
    find([programId.toBuffer()], BPF_LOADER_UPGRADEABLE_PROGRAM_ID),
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
