// Halo on Solana: the TypeScript client for Primes, governance and operators: halo_pau,
// halo_oracle and halo_trading.
export * from "./program.ts";
export * from "./pda.ts";
export * from "./seeds.ts";
export * from "./keys.ts";
export * from "./pau.ts";
export * from "./oracle.ts";
export * from "./trading.ts";
export * from "./accounts.ts";
export * from "./quote.ts";
export * from "./amm.ts";
export * from "./errors.ts";
