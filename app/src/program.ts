// The program objects of halo_pau, halo_oracle, halo_trading, halo_lcts, halo_nfat and
// halo_nfat_hook: Anchor 1.x's
// client over the generated IDLs (app/src/idl, written by `cargo run -p halo-idl`).
import anchor from "@anchor-lang/core";
import type { Program, Provider } from "@anchor-lang/core";
import { Connection, PublicKey } from "@solana/web3.js";
import { HALO_PAU_IDL, type HaloPau } from "./idl/halo_pau.ts";
import { HALO_ORACLE_IDL, type HaloOracle } from "./idl/halo_oracle.ts";
import { HALO_TRADING_IDL, type HaloTrading } from "./idl/halo_trading.ts";
import { HALO_LCTS_IDL, type HaloLcts } from "./idl/halo_lcts.ts";
import { HALO_NFAT_IDL, type HaloNfat } from "./idl/halo_nfat.ts";
import { HALO_NFAT_HOOK_IDL, type HaloNfatHook } from "./idl/halo_nfat_hook.ts";

export const BN = anchor.BN;
export type BN = InstanceType<typeof anchor.BN>;

/** The program id the IDL was generated with (see `declare_id!` in programs/halo-pau). */
export const PAU_PROGRAM_ID = new PublicKey(HALO_PAU_IDL.address);

/** The program ids of halo_oracle, halo_trading and halo_lcts (their `declare_id!`). */
export const ORACLE_PROGRAM_ID = new PublicKey(HALO_ORACLE_IDL.address);
export const TRADING_PROGRAM_ID = new PublicKey(HALO_TRADING_IDL.address);
export const LCTS_PROGRAM_ID = new PublicKey(HALO_LCTS_IDL.address);
/** halo_nfat (the Structuring Halo) and its transfer-hook program halo_nfat_hook. */
export const NFAT_PROGRAM_ID = new PublicKey(HALO_NFAT_IDL.address);
export const NFAT_HOOK_PROGRAM_ID = new PublicKey(HALO_NFAT_HOOK_IDL.address);

const provider = (connection?: Connection) =>
  ({ connection: connection ?? new Connection("http://127.0.0.1:8899") }) as Provider;

/**
 * A `Program` for building instructions and decoding accounts. Building needs no network:
 * the connection is used only by `fetch*` helpers.
 */
export function pauProgram(connection?: Connection): Program<HaloPau> {
  return new anchor.Program<HaloPau>(HALO_PAU_IDL as unknown as HaloPau, provider(connection));
}

/** The halo_oracle `Program` (NAV feeds); building needs no network. */
export function oracleProgram(connection?: Connection): Program<HaloOracle> {
  return new anchor.Program<HaloOracle>(HALO_ORACLE_IDL as unknown as HaloOracle, provider(connection));
}

/** The halo_trading `Program` (the Trading Halo AMM); building needs no network. */
export function tradingProgram(connection?: Connection): Program<HaloTrading> {
  return new anchor.Program<HaloTrading>(HALO_TRADING_IDL as unknown as HaloTrading, provider(connection));
}

/** The halo_lcts `Program` (the Passthrough Halo's queues); building needs no network. */
export function lctsProgram(connection?: Connection): Program<HaloLcts> {
  return new anchor.Program<HaloLcts>(HALO_LCTS_IDL as unknown as HaloLcts, provider(connection));
}

/** The halo_nfat `Program` (the Structuring Halo's facilities and deals); building needs no network. */
export function nfatProgram(connection?: Connection): Program<HaloNfat> {
  return new anchor.Program<HaloNfat>(HALO_NFAT_IDL as unknown as HaloNfat, provider(connection));
}

/** The halo_nfat_hook `Program` (the deal NFTs' transfer hook); building needs no network. */
export function nfatHookProgram(connection?: Connection): Program<HaloNfatHook> {
  return new anchor.Program<HaloNfatHook>(HALO_NFAT_HOOK_IDL as unknown as HaloNfatHook, provider(connection));
}

export type { HaloPau, HaloOracle, HaloTrading, HaloLcts, HaloNfat, HaloNfatHook };
