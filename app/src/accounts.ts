// Account fetch and decode for halo_pau (Anchor's coder over the generated IDL).
import type { Program } from "@anchor-lang/core";
import type { PublicKey } from "@solana/web3.js";
import type { HaloPau } from "./program.ts";

export type PauAccountName =
  | "configurator"
  | "timelockOp"
  | "controller"
  | "govOpsMembership"
  | "initRateLimit"
  | "rateLimit"
  | "integration";

/** Decodes raw account bytes (discriminator checked). */
export function decodePauAccount<T = Record<string, unknown>>(
  program: Program<HaloPau>,
  name: PauAccountName,
  data: Uint8Array,
): T {
  return program.coder.accounts.decode(name, Buffer.from(data)) as T;
}

/** Fetches and decodes an account; `null` if it does not exist. */
export async function fetchPauAccount<T = Record<string, unknown>>(
  program: Program<HaloPau>,
  name: PauAccountName,
  address: PublicKey,
): Promise<T | null> {
  const info = await program.provider.connection.getAccountInfo(address);
  return info ? decodePauAccount<T>(program, name, info.data) : null;
}
