// Halo on Solana: the TypeScript client for Primes, governance and operators: halo_pau,
// halo_oracle, halo_trading, halo_lcts and halo_nfat (with its transfer hook).
export * from "./program.ts";
export * from "./pda.ts";
export * from "./seeds.ts";
export * from "./keys.ts";
export * from "./pau.ts";
export * from "./oracle.ts";
export * from "./trading.ts";
export * from "./lcts.ts";
export * from "./accounts.ts";
export * from "./quote.ts";
export * from "./amm.ts";
export * from "./lcts-quote.ts";
export * from "./nfat.ts";
export * from "./nfat-quote.ts";
export * from "./errors.ts";
