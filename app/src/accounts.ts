// Account fetch and decode for halo_pau, halo_oracle and halo_trading (Anchor's coder over
// the generated IDLs; the discriminator is checked).
import type { IdlAccounts, Program } from "@anchor-lang/core";
import type { PublicKey } from "@solana/web3.js";
import type { HaloOracle, HaloPau, HaloTrading } from "./program.ts";

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

// ---- halo_oracle ------------------------------------------------------------------------

/** Decoded halo_oracle accounts, typed from the IDL (u64 / i64 as BN, keys as PublicKey). */
export type OracleAccounts = IdlAccounts<HaloOracle>;
export type OracleAccountName = keyof OracleAccounts & string;
export type FeedAccount = OracleAccounts["feed"];

export function decodeOracleAccount<N extends OracleAccountName>(
  program: Program<HaloOracle>,
  name: N,
  data: Uint8Array,
): OracleAccounts[N] {
  return program.coder.accounts.decode(name, Buffer.from(data)) as OracleAccounts[N];
}

export async function fetchOracleAccount<N extends OracleAccountName>(
  program: Program<HaloOracle>,
  name: N,
  address: PublicKey,
): Promise<OracleAccounts[N] | null> {
  const info = await program.provider.connection.getAccountInfo(address);
  return info ? decodeOracleAccount(program, name, info.data) : null;
}

// ---- halo_trading -----------------------------------------------------------------------

/** Decoded halo_trading accounts, typed from the IDL (u64 / u128 / i128 as BN). */
export type TradingAccounts = IdlAccounts<HaloTrading>;
export type TradingAccountName = keyof TradingAccounts & string;
export type TradingClassAccount = TradingAccounts["tradingClass"];
export type PoolAccount = TradingAccounts["pool"];
export type BookAccount = TradingAccounts["book"];
export type LpPositionAccount = TradingAccounts["lpPosition"];
export type RedemptionAccount = TradingAccounts["redemption"];
export type WithdrawGenerationAccount = TradingAccounts["withdrawGeneration"];

export function decodeTradingAccount<N extends TradingAccountName>(
  program: Program<HaloTrading>,
  name: N,
  data: Uint8Array,
): TradingAccounts[N] {
  return program.coder.accounts.decode(name, Buffer.from(data)) as TradingAccounts[N];
}

export async function fetchTradingAccount<N extends TradingAccountName>(
  program: Program<HaloTrading>,
  name: N,
  address: PublicKey,
): Promise<TradingAccounts[N] | null> {
  const info = await program.provider.connection.getAccountInfo(address);
  return info ? decodeTradingAccount(program, name, info.data) : null;
}
