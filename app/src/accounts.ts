// Account fetch and decode for halo_pau, halo_oracle, halo_trading and halo_lcts (Anchor's
// coder over the generated IDLs; the discriminator is checked).
import { createHash } from "node:crypto";
import type { IdlAccounts, Program } from "@anchor-lang/core";
import { type Connection, PublicKey } from "@solana/web3.js";
import {
  BN,
  type HaloLcts,
  type HaloOracle,
  type HaloPau,
  type HaloTrading,
  PAU_PROGRAM_ID,
  TRADING_PROGRAM_ID,
} from "./program.ts";

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

// ---- halo_pau's Removal ------------------------------------------------------------------
// No instruction takes a removal record as a typed account (they are created and read by
// hand, and may not exist), so the IDL does not describe it: it is decoded here by hand (the
// layout of programs/halo-pau/src/state/removal.rs).

/** The record an instant removal leaves, at `pda.initRemoval` / `govopsRemoval` / `integrationRemoval`. */
export interface RemovalAccount {
  version: number;
  bump: number;
  configurator: PublicKey;
  /** `removalTarget(kind, a, b)`. */
  target: number[];
  /** Ops for this target with a smaller id were scheduled before the last removal. */
  validFromOpId: BN;
  /** unix seconds; the last removal. */
  removedAt: BN;
  removals: BN;
  reserved: number[];
}

/** Anchor's discriminator of `Removal`: `sha256("account:Removal")[..8]`. */
export const REMOVAL_DISCRIMINATOR = createHash("sha256").update("account:Removal").digest().subarray(0, 8);
/** Discriminator and fields. */
export const REMOVAL_SIZE = 8 + 1 + 1 + 32 + 32 + 8 + 8 + 8 + 32;

export function decodeRemoval(data: Uint8Array): RemovalAccount {
  const d = Buffer.from(data);
  if (d.length < REMOVAL_SIZE) throw new Error(`a Removal is ${REMOVAL_SIZE} bytes, got ${d.length}`);
  if (!d.subarray(0, 8).equals(REMOVAL_DISCRIMINATOR)) throw new Error("not a Removal (discriminator mismatch)");
  return {
    version: d[8],
    bump: d[9],
    configurator: new PublicKey(d.subarray(10, 42)),
    target: Array.from(d.subarray(42, 74)),
    validFromOpId: new BN(d.readBigUInt64LE(74).toString()),
    removedAt: new BN(d.readBigInt64LE(82).toString()),
    removals: new BN(d.readBigUInt64LE(90).toString()),
    reserved: Array.from(d.subarray(98, 130)),
  };
}

/**
 * The removal record at `address`, or `null` when the target was never removed (also when
 * the address only holds lamports someone sent it: the program creates records over those).
 */
export async function fetchRemoval(connection: Connection, address: PublicKey): Promise<RemovalAccount | null> {
  const info = await connection.getAccountInfo(address);
  return info && info.owner.equals(PAU_PROGRAM_ID) && info.data.length > 0 ? decodeRemoval(info.data) : null;
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

// ---- halo_trading's Book ------------------------------------------------------------------
// `create_pool` creates the book by hand (prefund-safe), so no instruction takes it as a
// typed account and the IDL does not describe it: it is decoded here by hand (the layout of
// programs/halo-trading/src/state/book.rs, checked against the Rust serialisation in
// test/golden-trading.test.ts).

/** A pool's book (its sleeve), at `pda.book(class, bookId)`. */
export interface BookAccount {
  version: number;
  bump: number;
  class: PublicKey;
  pool: PublicKey;
  bookId: BN;
  assetVault: PublicKey;
  quoteVault: PublicKey;
  reserved: number[];
}

/** Anchor's discriminator of `Book`: `sha256("account:Book")[..8]`. */
export const BOOK_DISCRIMINATOR = createHash("sha256").update("account:Book").digest().subarray(0, 8);
/** Discriminator and fields. */
export const BOOK_SIZE = 8 + 1 + 1 + 32 + 32 + 8 + 32 + 32 + 32;

export function decodeBook(data: Uint8Array): BookAccount {
  const d = Buffer.from(data);
  if (d.length < BOOK_SIZE) throw new Error(`a Book is ${BOOK_SIZE} bytes, got ${d.length}`);
  if (!d.subarray(0, 8).equals(BOOK_DISCRIMINATOR)) throw new Error("not a Book (discriminator mismatch)");
  return {
    version: d[8],
    bump: d[9],
    class: new PublicKey(d.subarray(10, 42)),
    pool: new PublicKey(d.subarray(42, 74)),
    bookId: new BN(d.readBigUInt64LE(74).toString()),
    assetVault: new PublicKey(d.subarray(82, 114)),
    quoteVault: new PublicKey(d.subarray(114, 146)),
    reserved: Array.from(d.subarray(146, 178)),
  };
}

/** The book at `address`, or `null` if it does not exist (or only holds lamports). */
export async function fetchBook(connection: Connection, address: PublicKey): Promise<BookAccount | null> {
  const info = await connection.getAccountInfo(address);
  return info && info.owner.equals(TRADING_PROGRAM_ID) && info.data.length > 0 ? decodeBook(info.data) : null;
}

// ---- halo_trading's QuoteReceipt ----------------------------------------------------------
// No instruction takes a receipt as a typed account, so the IDL does not describe it: it is
// decoded here by hand (the layout of programs/halo-trading/src/state/quote_receipt.rs,
// checked against the Rust serialisation in test/golden-trading.test.ts).

/** A filled RFQ quote's receipt, at `pda.quoteReceipt(pool, nonce)`. */
export interface QuoteReceiptAccount {
  version: number;
  bump: number;
  pool: PublicKey;
  user: PublicKey;
  nonce: BN;
  /** unix seconds. */
  filledAt: BN;
  reserved: number[];
}

/** Anchor's discriminator of `QuoteReceipt`: `sha256("account:QuoteReceipt")[..8]`. */
export const QUOTE_RECEIPT_DISCRIMINATOR = createHash("sha256").update("account:QuoteReceipt").digest().subarray(0, 8);
/** Discriminator and fields. */
export const QUOTE_RECEIPT_SIZE = 8 + 1 + 1 + 32 + 32 + 8 + 8 + 16;

export function decodeQuoteReceipt(data: Uint8Array): QuoteReceiptAccount {
  const d = Buffer.from(data);
  if (d.length < QUOTE_RECEIPT_SIZE) throw new Error(`a QuoteReceipt is ${QUOTE_RECEIPT_SIZE} bytes, got ${d.length}`);
  if (!d.subarray(0, 8).equals(QUOTE_RECEIPT_DISCRIMINATOR)) throw new Error("not a QuoteReceipt (discriminator mismatch)");
  return {
    version: d[8],
    bump: d[9],
    pool: new PublicKey(d.subarray(10, 42)),
    user: new PublicKey(d.subarray(42, 74)),
    nonce: new BN(d.readBigUInt64LE(74).toString()),
    filledAt: new BN(d.readBigInt64LE(82).toString()),
    reserved: Array.from(d.subarray(90, 106)),
  };
}

/**
 * The receipt of `(pool, nonce)` if that quote filled, else `null` (also when the address
 * only holds lamports someone sent it: the program creates receipts over those).
 */
export async function fetchQuoteReceipt(connection: Connection, address: PublicKey): Promise<QuoteReceiptAccount | null> {
  const info = await connection.getAccountInfo(address);
  return info && info.owner.equals(TRADING_PROGRAM_ID) ? decodeQuoteReceipt(info.data) : null;
}

// ---- halo_lcts ---------------------------------------------------------------------------

/** Decoded halo_lcts accounts, typed from the IDL (u64 / i64 / u128 as BN, enums as `{ variant: {} }`). */
export type LctsAccounts = IdlAccounts<HaloLcts>;
export type LctsAccountName = keyof LctsAccounts & string;
export type LctsClassAccount = LctsAccounts["lctsClass"];
export type LctsUnitAccount = LctsAccounts["lctsUnit"];
export type QueueAccount = LctsAccounts["queue"];
export type FinalizedGenerationAccount = LctsAccounts["finalizedGeneration"];
/** An owner's position in a queue (`pda.lctsPosition`). */
export type LctsPositionAccount = LctsAccounts["position"];

export function decodeLctsAccount<N extends LctsAccountName>(
  program: Program<HaloLcts>,
  name: N,
  data: Uint8Array,
): LctsAccounts[N] {
  return program.coder.accounts.decode(name, Buffer.from(data)) as LctsAccounts[N];
}

/** Fetches and decodes an account; `null` if it does not exist (a closed position, a generation not finalized). */
export async function fetchLctsAccount<N extends LctsAccountName>(
  program: Program<HaloLcts>,
  name: N,
  address: PublicKey,
): Promise<LctsAccounts[N] | null> {
  const info = await program.provider.connection.getAccountInfo(address);
  return info ? decodeLctsAccount(program, name, info.data) : null;
}
