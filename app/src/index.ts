// Halo on Solana: the TypeScript client for Primes, governance and operators.
export * from "./program.ts";
export * from "./pda.ts";
export * from "./keys.ts";
export * from "./pau.ts";
export * from "./accounts.ts";
export * from "./quote.ts";
export * from "./errors.ts";
