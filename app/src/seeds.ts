// PDA seeds read from the programs' IDLs instead of restated here: every seed constant of
// halo_pau, halo_oracle, halo_trading and halo_lcts carries Anchor's `#[constant]`, so each
// IDL lists it under `constants` as `{ name, type: "bytes", value: "[99, 111, ...]" }` (the
// value is a string holding a JSON array of byte values).
import { HALO_ORACLE_IDL } from "./idl/halo_oracle.ts";
import { HALO_PAU_IDL } from "./idl/halo_pau.ts";
import { HALO_TRADING_IDL } from "./idl/halo_trading.ts";
import { HALO_LCTS_IDL } from "./idl/halo_lcts.ts";
import { HALO_NFAT_IDL } from "./idl/halo_nfat.ts";
import { HALO_NFAT_HOOK_IDL } from "./idl/halo_nfat_hook.ts";

/** One `constants` entry of an IDL (the JSON object or its camelCased type). */
export interface IdlConstant {
  name: string;
  type?: unknown;
  value?: unknown;
}

/** The parts of an IDL a seed is read from (any IDL object exported by `./idl/*.ts` fits). */
export interface IdlWithConstants {
  address?: string;
  metadata?: { name?: string };
  constants?: readonly IdlConstant[];
}

/** halo_pau's seed constants (`programs/halo-pau/src/constants.rs`), as the IDL names them. */
export type PauSeedName =
  | "seedConfigurator"
  | "seedOp"
  | "seedController"
  | "seedProxy"
  | "seedGovops"
  | "seedInit"
  | "seedRateLimit"
  | "seedIntegration"
  | "seedRemoval";

/** halo_oracle's seed constants. */
export type OracleSeedName = "seedFeed";

/** halo_trading's seed constants. */
export type TradingSeedName =
  | "seedClass"
  | "seedUnit"
  | "seedBook"
  | "seedBookVault"
  | "seedLp"
  | "seedRedemption"
  | "seedWithdrawGen"
  | "seedQuote";

/** halo_lcts's seed constants (`programs/halo-lcts/src/constants.rs`). */
export type LctsSeedName =
  | "seedClass"
  | "seedUnit"
  | "seedShareMint"
  | "seedQueue"
  | "seedQueueVault"
  | "seedGeneration"
  | "seedPosition";

/** halo_nfat's seed constants (`programs/halo-nfat/src/constants.rs`). */
export type NfatSeedName =
  | "seedFacility"
  | "seedPrime"
  | "seedDeposit"
  | "seedQueueVault"
  | "seedRedeemVault"
  | "seedBook"
  | "seedBookVault"
  | "seedDeal"
  | "seedNft"
  | "seedHolder";

/** halo_nfat_hook's seed constant (the transfer-hook interface's own). */
export type NfatHookSeedName = "seedExtraAccountMetas";

/**
 * A constant's name as one comparable word: the IDL JSON keeps the Rust spelling
 * (`SEED_BOOK_VAULT`) while its camelCased TypeScript type says `seedBookVault`.
 */
const fold = (name: string) => name.replace(/_/g, "").toLowerCase();

const idlName = (idl: IdlWithConstants) => idl.metadata?.name ?? idl.address ?? "the";

const cache = new WeakMap<object, Map<string, Buffer>>();

/**
 * The bytes of the `bytes` constant `name` of `idl` (matched as written, else ignoring case
 * and underscores, so `seedController` finds `SEED_CONTROLLER`). Throws when the IDL has
 * no such constant, when it is not of type `bytes`, or when its value is not a JSON array
 * of byte values. The result is a fresh copy (callers may not alter the IDL's seed).
 */
export function idlSeed(idl: IdlWithConstants, name: string): Buffer {
  let known = cache.get(idl);
  if (!known) {
    known = new Map();
    cache.set(idl, known);
  }
  const hit = known.get(name);
  if (hit) return Buffer.from(hit);

  const constants = idl.constants ?? [];
  const c = constants.find((k) => k.name === name) ?? constants.find((k) => fold(k.name) === fold(name));
  if (!c) {
    const have = constants.map((k) => k.name).join(", ") || "none";
    throw new Error(
      `${idlName(idl)} IDL has no constant "${name}" (constants: ${have}); ` +
        "regenerate the IDL (cargo run -p halo-idl) from programs whose seeds carry #[constant]",
    );
  }
  if (c.type !== "bytes") {
    throw new Error(`${idlName(idl)} IDL constant "${c.name}" is of type ${JSON.stringify(c.type)}, not "bytes"`);
  }
  let bytes: unknown;
  try {
    bytes = typeof c.value === "string" ? JSON.parse(c.value) : c.value;
  } catch {
    bytes = undefined;
  }
  if (
    !Array.isArray(bytes) ||
    bytes.length === 0 ||
    !bytes.every((b) => typeof b === "number" && Number.isInteger(b) && b >= 0 && b <= 255)
  ) {
    throw new Error(
      `${idlName(idl)} IDL constant "${c.name}" is not a JSON array of byte values: ${JSON.stringify(c.value)}`,
    );
  }
  const seed = Buffer.from(bytes as number[]);
  known.set(name, seed);
  return Buffer.from(seed);
}

/** The seeds of each program, read from its generated IDL on first use. */
export const seeds = {
  pau: (name: PauSeedName): Buffer => idlSeed(HALO_PAU_IDL as IdlWithConstants, name),
  oracle: (name: OracleSeedName): Buffer => idlSeed(HALO_ORACLE_IDL as IdlWithConstants, name),
  trading: (name: TradingSeedName): Buffer => idlSeed(HALO_TRADING_IDL as IdlWithConstants, name),
  lcts: (name: LctsSeedName): Buffer => idlSeed(HALO_LCTS_IDL as IdlWithConstants, name),
  nfat: (name: NfatSeedName): Buffer => idlSeed(HALO_NFAT_IDL as IdlWithConstants, name),
  nfatHook: (name: NfatHookSeedName): Buffer => idlSeed(HALO_NFAT_HOOK_IDL as IdlWithConstants, name),
};
