// The halo_pau program object: Anchor 1.x's client over the generated IDL.
import anchor from "@anchor-lang/core";
import type { Program, Provider } from "@anchor-lang/core";
import { Connection, PublicKey } from "@solana/web3.js";
import { HALO_PAU_IDL, type HaloPau } from "./idl/halo_pau.ts";

export const BN = anchor.BN;
export type BN = InstanceType<typeof anchor.BN>;

/** The program id the IDL was generated with (see `declare_id!` in programs/halo-pau). */
export const PAU_PROGRAM_ID = new PublicKey(HALO_PAU_IDL.address);

/**
 * A `Program` for building instructions and decoding accounts. Building needs no network:
 * the connection is used only by `fetch*` helpers.
 */
export function pauProgram(connection?: Connection): Program<HaloPau> {
  const provider = { connection: connection ?? new Connection("http://127.0.0.1:8899") } as Provider;
  return new anchor.Program<HaloPau>(HALO_PAU_IDL as unknown as HaloPau, provider);
}

export type { HaloPau };
