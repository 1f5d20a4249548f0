// Readable errors: program error codes to their names and messages, from the IDLs of
// halo_pau (6000..), halo_oracle (6100..), halo_trading (6200..), halo_lcts (6300..),
// halo_nfat (6400..) and halo_nfat_hook (6500..),
// plus Anchor's own.
import { HALO_PAU_IDL } from "./idl/halo_pau.ts";
import { HALO_ORACLE_IDL } from "./idl/halo_oracle.ts";
import { HALO_TRADING_IDL } from "./idl/halo_trading.ts";
import { HALO_LCTS_IDL } from "./idl/halo_lcts.ts";
import { HALO_NFAT_IDL } from "./idl/halo_nfat.ts";
import { HALO_NFAT_HOOK_IDL } from "./idl/halo_nfat_hook.ts";

export interface ProgramErrorInfo {
  code: number;
  name: string;
  msg: string;
}

const table = (errors: readonly { code: number; name: string; msg: string }[]): ReadonlyMap<number, ProgramErrorInfo> =>
  new Map(errors.map((e) => [e.code, { code: e.code, name: e.name, msg: e.msg }]));

export const PAU_ERRORS = table(HALO_PAU_IDL.errors);
export const ORACLE_ERRORS = table(HALO_ORACLE_IDL.errors);
export const TRADING_ERRORS = table(HALO_TRADING_IDL.errors);
export const LCTS_ERRORS = table(HALO_LCTS_IDL.errors);
export const NFAT_ERRORS = table(HALO_NFAT_IDL.errors);
export const NFAT_HOOK_ERRORS = table(HALO_NFAT_HOOK_IDL.errors);

/** Which Halo program a custom error code belongs to, if any. */
export function programOfCode(
  code: number,
): "halo_pau" | "halo_oracle" | "halo_trading" | "halo_lcts" | "halo_nfat" | "halo_nfat_hook" | undefined {
  if (PAU_ERRORS.has(code)) return "halo_pau";
  if (ORACLE_ERRORS.has(code)) return "halo_oracle";
  if (TRADING_ERRORS.has(code)) return "halo_trading";
  if (LCTS_ERRORS.has(code)) return "halo_lcts";
  if (NFAT_ERRORS.has(code)) return "halo_nfat";
  if (NFAT_HOOK_ERRORS.has(code)) return "halo_nfat_hook";
  return undefined;
}

/** Anchor's own account-validation refusals that Halo instructions can produce. */
const ANCHOR_ERRORS: Record<number, [string, string]> = {
  2000: ["ConstraintMut", "A mut constraint was violated"],
  2001: ["ConstraintHasOne", "A has one constraint was violated"],
  2003: ["ConstraintRaw", "A raw constraint was violated"],
  2006: ["ConstraintSeeds", "A seeds constraint was violated"],
  2040: ["ConstraintDuplicateMutableAccount", "A duplicate mutable account was passed"],
  3001: ["AccountDiscriminatorNotFound", "No discriminator was found on the account"],
  3002: ["AccountDiscriminatorMismatch", "Account discriminator did not match what was expected"],
  3007: ["AccountOwnedByWrongProgram", "The given account is owned by a different program than expected"],
  3008: ["InvalidProgramId", "Program ID was not as expected"],
  3010: ["AccountNotSigner", "The given account did not sign"],
  3012: ["AccountNotInitialized", "The program expected this account to be already initialized"],
};

/** The program or Anchor error with this custom code, if known. */
export function errorFromCode(code: number): ProgramErrorInfo | undefined {
  const p =
    PAU_ERRORS.get(code) ??
    ORACLE_ERRORS.get(code) ??
    TRADING_ERRORS.get(code) ??
    LCTS_ERRORS.get(code) ??
    NFAT_ERRORS.get(code) ??
    NFAT_HOOK_ERRORS.get(code);
  if (p) return p;
  const a = ANCHOR_ERRORS[code];
  return a ? { code, name: a[0], msg: a[1] } : undefined;
}

/**
 * Finds the custom error code in an error or its logs (web3.js `SendTransactionError`,
 * simulation logs, or a plain message with "custom program error: 0x..."), and returns
 * "Name: message". Undefined when no code is found.
 */
export function explainError(err: unknown, logs: string[] = []): string | undefined {
  const texts: string[] = [...logs];
  if (err instanceof Error) texts.push(err.message);
  else if (typeof err === "string") texts.push(err);
  const l = (err as { logs?: unknown })?.logs;
  if (Array.isArray(l)) texts.push(...l.map(String));
  const code = (err as { code?: unknown })?.code;
  const candidates: number[] = typeof code === "number" ? [code] : [];
  for (const t of texts) {
    const m = /custom program error: 0x([0-9a-fA-F]+)/.exec(t) ?? /Error Number: (\d+)/.exec(t);
    if (m) candidates.push(m[0].includes("0x") ? parseInt(m[1], 16) : parseInt(m[1], 10));
  }
  for (const c of candidates) {
    const e = errorFromCode(c);
    if (e) return `${e.name}: ${e.msg}`;
  }
  return undefined;
}
