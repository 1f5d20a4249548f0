// Rate-limit keys: sha256(tag || mint || counterparty), the bytes halo_pau hashes.
import { createHash } from "node:crypto";
import { PublicKey } from "@solana/web3.js";

export const TAGS = {
  transfer: "transfer",
  ammFund: "amm_fund",
  lctsDeploy: "lcts_deploy",
  lctsReturn: "lcts_return",
  nfatDeploy: "nfat_deploy",
  redeemIssuer: "redeem_issuer",
} as const;

export function rateLimitKey(tag: string | Uint8Array, mint: PublicKey, counterparty: PublicKey): Buffer {
  const t = typeof tag === "string" ? Buffer.from(tag, "utf8") : Buffer.from(tag);
  return createHash("sha256").update(t).update(mint.toBuffer()).update(counterparty.toBuffer()).digest();
}
