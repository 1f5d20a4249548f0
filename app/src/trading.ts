// halo_trading (the Trading Halo): the addresses one pool's instructions share
// (`PoolRef`, `PauLink`), and typed instruction builders grouped by the role that signs
// them. Data is encoded by Anchor's coder from the generated IDL; account lists mirror
// crates/halo-sdk/src/trading.rs and are checked byte for byte against it
// (test/golden-trading.test.ts). RFQ: the quote message the beacon signs (for the class's
// cluster domain), the Ed25519 precompile instruction that carries the signature, and
// `swapWithQuote`.
import { createPrivateKey, sign as ed25519Sign } from "node:crypto";
import type { Program } from "@anchor-lang/core";
import {
  type Keypair,
  PublicKey,
  SYSVAR_INSTRUCTIONS_PUBKEY,
  SystemProgram,
  TransactionInstruction,
} from "@solana/web3.js";
import { BN, type HaloTrading, PAU_PROGRAM_ID, tradingProgram } from "./program.ts";
import { ata, pda, TOKEN_PROGRAM_ID } from "./pda.ts";
import { rateLimitKey, TAGS } from "./keys.ts";
import type { Int } from "./pau.ts";
import type { Mode, Side } from "./amm.ts";

const bn = (v: Int) => new BN(v.toString());

/** Pyth's pull-oracle receiver program (owner of every `PriceUpdateV2` account). */
export const PYTH_RECEIVER_ID = new PublicKey("rec5EKMGg6MxZYaMdyBfgwp4d5rB9T1VQH5pJv5LtFJ");

/** The addresses one pool's instructions share (as `halo_sdk::trading::PoolRef`). */
export interface PoolRef {
  class: PublicKey;
  unitId: bigint;
  pool: PublicKey;
  book: PublicKey;
  assetMint: PublicKey;
  quoteMint: PublicKey;
  assetVault: PublicKey;
  quoteVault: PublicKey;
  /** The halo feed, or the Pyth `PriceUpdateV2` account to read. */
  priceAccount: PublicKey;
  assetTokenProgram: PublicKey;
  quoteTokenProgram: PublicKey;
}

/** Governance signing for a pool of its class: the `GovernedPool` accounts
 * (`halo_trading::instructions::shared`), and the start of other governance instructions. */
const governed = (governance: PublicKey, pool: PoolRef) => ({
  governance,
  class: pool.class,
  pool: pool.pool,
});

/** The owner signing for its position in the pool: how `deposit` and `claimWithdrawal` start. */
const ownedPosition = (owner: PublicKey, pool: PoolRef) => ({
  owner,
  class: pool.class,
  pool: pool.pool,
  position: pda.position(pool.pool, owner)[0],
});

/** Derives a pool's addresses (as `PoolRef::new`); token programs default to SPL Token. */
export function poolRef(p: {
  class: PublicKey;
  unitId: Int;
  bookId: Int;
  assetMint: PublicKey;
  quoteMint: PublicKey;
  priceAccount: PublicKey;
  assetTokenProgram?: PublicKey;
  quoteTokenProgram?: PublicKey;
}): PoolRef {
  const pool = pda.pool(p.class, p.unitId)[0];
  const book = pda.book(p.class, p.bookId)[0];
  return {
    class: p.class,
    unitId: BigInt(p.unitId.toString()),
    pool,
    book,
    assetMint: p.assetMint,
    quoteMint: p.quoteMint,
    assetVault: pda.vault(book, p.assetMint)[0],
    quoteVault: pda.vault(book, p.quoteMint)[0],
    priceAccount: p.priceAccount,
    assetTokenProgram: p.assetTokenProgram ?? TOKEN_PROGRAM_ID,
    quoteTokenProgram: p.quoteTokenProgram ?? TOKEN_PROGRAM_ID,
  };
}

/** The PAU accounts `fundFromPau` / `returnToPau` pass through to halo_pau. */
export interface PauLink {
  controller: PublicKey;
  /** The PAU proxy's custody token account of the quote mint. */
  custody: PublicKey;
  /** The `amm_fund` route key: `sha256("amm_fund" || quote_mint || quote_vault)`. */
  routeKey: Uint8Array;
}

/** The link of a pool to the class's PAU controller: custody is the proxy's ATA. */
export function pauLink(controller: PublicKey, p: PoolRef): PauLink {
  return {
    controller,
    custody: ata(pda.proxy(controller)[0], p.quoteMint, p.quoteTokenProgram),
    routeKey: rateLimitKey(TAGS.ammFund, p.quoteMint, p.quoteVault),
  };
}

/**
 * Where a pool reads its price: a halo_oracle feed, a Pyth feed id, or a fixed wind-down
 * price (WAD; set only through `proposePriceSource`: swaps and deposits close on it, LPs
 * exit at it).
 */
export type PriceSource =
  | { kind: "haloFeed"; feed: PublicKey }
  | { kind: "pyth"; feedId: Uint8Array }
  | { kind: "fixed"; priceWad: Int };

/** A per-side limit: `maxAmount` base units (u64::MAX = unlimited), refilled at `slope` per second. */
export interface LimitParams {
  maxAmount: Int;
  slope: Int;
}

/** Governance-set pool parameters (bps and seconds as numbers, amounts as `Int`). */
export interface PoolParams {
  bidSpreadBps: number;
  askSpreadBps: number;
  skewStartBps: number;
  skewMaxBps: number;
  /** Seconds; the oldest price LP operations (deposits, withdrawals, PAU funding, redemptions) accept. */
  maxStalenessS: number;
  /**
   * Seconds; the oldest price a swap accepts (1 to `maxStalenessS`): short for market
   * (Pyth) prices, so a trader cannot pick among old updates; `maxStalenessS` for a daily NAV.
   */
  swapMaxStalenessS: number;
  /**
   * Seconds; a swap accepts a price different from the one the pool's swaps last traded
   * on only this long after that price changed (0 for market-priced pools, which still get
   * one price per slot).
   */
  minPriceIntervalS: number;
  maxDeviationBps: number;
  maxConfidenceBps: number;
  positionLimit: Int;
  minTrade: Int;
  maxTrade: Int;
  bidLimit: LimitParams;
  askLimit: LimitParams;
  redeemLimit: LimitParams;
  redemptionAccount: PublicKey;
  settlementPeriodS: number;
  /** RFQ (`swapWithQuote`): quotes signed by the class's beacon are accepted. */
  rfqEnabled: boolean;
  /** The least spread (bps, ≤ 5,000) against NAV an RFQ quote must keep on either side. */
  rfqMinSpreadBps: number;
}

/** `halo_math::pricing::Side` as Anchor encodes it (the IDL's `Side` enum). */
export type SideArg = { sellAsset: Record<string, never> } | { buyAsset: Record<string, never> };
/** `halo_math::pricing::Mode` as Anchor encodes it (the IDL's `Mode` enum). */
export type ModeArg = { exactIn: Record<string, never> } | { exactOut: Record<string, never> };

const variant = <T extends string>(v: T | Partial<Record<T, unknown>>, names: readonly T[], what: string): T => {
  const name = typeof v === "string" ? v : (Object.keys(v ?? {}) as T[])[0];
  if (!names.includes(name) || (typeof v !== "string" && Object.keys(v).length !== 1))
    throw new RangeError(`${what} must be one of ${names.join(", ")}, got ${JSON.stringify(v)}`);
  return name;
};

const sideOf = (side: Side | SideArg): Side => variant<Side>(side, ["sellAsset", "buyAsset"], "side");
const modeOf = (mode: Mode | ModeArg): Mode => variant<Mode>(mode, ["exactIn", "exactOut"], "mode");

/** A side (`"sellAsset"` / `"buyAsset"`, or its Anchor form) as the IDL's `Side` enum. */
export function sideArg(side: Side | SideArg): SideArg {
  return sideOf(side) === "sellAsset" ? { sellAsset: {} } : { buyAsset: {} };
}

/** A mode (`"exactIn"` / `"exactOut"`, or its Anchor form) as the IDL's `Mode` enum. */
export function modeArg(mode: Mode | ModeArg): ModeArg {
  return modeOf(mode) === "exactIn" ? { exactIn: {} } : { exactOut: {} };
}

// ---- RFQ ----------------------------------------------------------------------------------

/** Domain tag of an RFQ quote's signed message (`RFQ_DOMAIN`). */
export const RFQ_DOMAIN = Buffer.from("halo-rfq-v1", "utf8");
/** The Ed25519 signature-verification precompile. */
export const ED25519_PROGRAM_ID = new PublicKey("Ed25519SigVerify111111111111111111111111111");

/**
 * An RFQ quote (`halo_trading::rfq::RfqQuote`): the beacon signs it off-chain, `user` fills
 * it with `swapWithQuote` before `expiry` (unix seconds), once per `(pool, nonce)`.
 * Amounts are base units: `assetAmount` of the asset against exactly `quoteAmount` of USDS.
 */
export interface RfqQuote {
  pool: PublicKey;
  user: PublicKey;
  side: Side;
  assetAmount: Int;
  quoteAmount: Int;
  expiry: Int;
  nonce: Int;
}

const U64_MAX = (1n << 64n) - 1n;
const I64_MIN = -(1n << 63n);

function u64(v: Int, what: string): bigint {
  const x = BigInt(v.toString());
  if (x < 0n || x > U64_MAX) throw new RangeError(`${what} ${x} is not a u64`);
  return x;
}

function i64(v: Int, what: string): bigint {
  const x = BigInt(v.toString());
  if (x < I64_MIN || x >= -I64_MIN) throw new RangeError(`${what} ${x} is not an i64`);
  return x;
}

/** Length of a class's RFQ cluster domain (`TradingClass::rfq_domain`). */
export const RFQ_CLUSTER_DOMAIN_LEN = 32;

function clusterBytes(cluster: Uint8Array): Buffer {
  if (cluster.length !== RFQ_CLUSTER_DOMAIN_LEN)
    throw new RangeError(`an RFQ cluster domain is ${RFQ_CLUSTER_DOMAIN_LEN} bytes, got ${cluster.length}`);
  return Buffer.from(cluster);
}

/**
 * A cluster's RFQ domain: its genesis hash (base58, as `Connection.getGenesisHash()`
 * returns it) as 32 bytes. Governance sets it on each class (`setRfqDomain`), and every
 * quote's message carries it, so a quote signed for one cluster is not valid on another.
 */
export function clusterDomain(genesisHash: string): Buffer {
  let key: PublicKey;
  try {
    key = new PublicKey(genesisHash);
  } catch {
    throw new RangeError(`a genesis hash is 32 bytes in base58, got ${JSON.stringify(genesisHash)}`);
  }
  return key.toBuffer();
}

/** The RFQ domain of the cluster `connection` talks to (its genesis hash). */
export async function fetchClusterDomain(connection: { getGenesisHash(): Promise<string> }): Promise<Buffer> {
  return clusterDomain(await connection.getGenesisHash());
}

/**
 * The bytes the beacon signs (`RfqQuote::message(cluster)`): `"halo-rfq-v1"`, the class's
 * cluster domain (`TradingClass.rfqDomain`, 32 bytes), then the quote in borsh.
 */
export function quoteMessage(q: RfqQuote, cluster: Uint8Array): Buffer {
  const domain = clusterBytes(cluster);
  const b = Buffer.alloc(32 + 32 + 1 + 8 * 4);
  q.pool.toBuffer().copy(b, 0);
  q.user.toBuffer().copy(b, 32);
  b[64] = sideOf(q.side) === "sellAsset" ? 0 : 1;
  b.writeBigUInt64LE(u64(q.assetAmount, "assetAmount"), 65);
  b.writeBigUInt64LE(u64(q.quoteAmount, "quoteAmount"), 73);
  b.writeBigInt64LE(i64(q.expiry, "expiry"), 81);
  b.writeBigUInt64LE(u64(q.nonce, "nonce"), 89);
  return Buffer.concat([RFQ_DOMAIN, domain, b]);
}

/**
 * The data of an Ed25519 precompile instruction verifying one signature, laid out as
 * `halo_trading::rfq::ed25519_instruction_data`: `[1, 0]`, then the signature, public key
 * and message offsets with instruction index `u16::MAX` (this instruction), then the public
 * key, the signature and the message. The program accepts only this layout.
 */
export function ed25519InstructionData(pubkey: Uint8Array, signature: Uint8Array, message: Uint8Array): Buffer {
  if (pubkey.length !== 32) throw new RangeError(`an Ed25519 public key is 32 bytes, got ${pubkey.length}`);
  if (signature.length !== 64) throw new RangeError(`an Ed25519 signature is 64 bytes, got ${signature.length}`);
  const header = 16;
  const pkOff = header;
  const sigOff = pkOff + 32;
  const msgOff = sigOff + 64;
  const h = Buffer.alloc(header);
  h[0] = 1;
  h[1] = 0;
  // as the Rust helper: a message longer than u16::MAX bytes records the length u16::MAX
  const fields = [sigOff, 0xffff, pkOff, 0xffff, msgOff, Math.min(message.length, 0xffff), 0xffff];
  fields.forEach((v, i) => h.writeUInt16LE(v, 2 + 2 * i));
  return Buffer.concat([h, Buffer.from(pubkey), Buffer.from(signature), Buffer.from(message)]);
}

/** The Ed25519 precompile instruction verifying `signature` by `signer` over `message`. */
export function ed25519VerifyInstruction(
  signer: PublicKey,
  signature: Uint8Array,
  message: Uint8Array,
): TransactionInstruction {
  return new TransactionInstruction({
    programId: ED25519_PROGRAM_ID,
    keys: [],
    data: ed25519InstructionData(signer.toBuffer(), signature, message),
  });
}

// PKCS#8 DER prefix of an Ed25519 private key: the 32-byte seed follows
const PKCS8_ED25519 = Buffer.from("302e020100300506032b657004220420", "hex");

/** The beacon's Ed25519 signature (64 bytes) over `quoteMessage(quote, cluster)`. */
export function signQuote(beacon: Keypair, quote: RfqQuote, cluster: Uint8Array): Buffer {
  const message = quoteMessage(quote, cluster);
  const key = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519, Buffer.from(beacon.secretKey.subarray(0, 32))]),
    format: "der",
    type: "pkcs8",
  });
  return ed25519Sign(null, message, key);
}
const limitArg = (l: LimitParams) => ({ maxAmount: bn(l.maxAmount), slope: bn(l.slope) });

function paramsArg(p: PoolParams) {
  return {
    bidSpreadBps: p.bidSpreadBps,
    askSpreadBps: p.askSpreadBps,
    skewStartBps: p.skewStartBps,
    skewMaxBps: p.skewMaxBps,
    maxStalenessS: p.maxStalenessS,
    swapMaxStalenessS: p.swapMaxStalenessS,
    minPriceIntervalS: p.minPriceIntervalS,
    maxDeviationBps: p.maxDeviationBps,
    maxConfidenceBps: p.maxConfidenceBps,
    positionLimit: bn(p.positionLimit),
    minTrade: bn(p.minTrade),
    maxTrade: bn(p.maxTrade),
    bidLimit: limitArg(p.bidLimit),
    askLimit: limitArg(p.askLimit),
    redeemLimit: limitArg(p.redeemLimit),
    redemptionAccount: p.redemptionAccount,
    settlementPeriodS: p.settlementPeriodS,
    rfqEnabled: p.rfqEnabled,
    rfqMinSpreadBps: p.rfqMinSpreadBps,
  };
}

function sourceArg(s: PriceSource) {
  switch (s.kind) {
    case "haloFeed":
      return { haloFeed: { feed: s.feed } };
    case "pyth":
      return { pyth: { feedId: Array.from(s.feedId) } };
    case "fixed":
      return { fixed: { priceWad: bn(s.priceWad) } };
  }
}

/** The next redemption's address (`id + 1`, saturating as the SDK does): pending redemptions close oldest first. */
const nextRedemption = (pool: PublicKey, id: Int) => {
  const i = BigInt(id.toString());
  return pda.redemption(pool, i < U64_MAX ? i + 1n : i)[0];
};

export class TradingClient {
  constructor(readonly program: Program<HaloTrading> = tradingProgram()) {}

  /** The PAU LP position, integration and rate limit of a pool's funding route. */
  /** The accounts `fundFromPau` and `returnToPau` share (one `PauFunding` struct on chain). */
  private pauFunding(beacon: PublicKey, p: PoolRef, link: PauLink) {
    const proxy = pda.proxy(link.controller)[0];
    return {
      beacon,
      class: p.class,
      pool: p.pool,
      pauPosition: pda.position(p.pool, proxy)[0],
      pauIntegration: pda.integration(link.controller, p.pool)[0],
      pauController: link.controller,
      pauProxy: proxy,
      pauRateLimit: pda.rateLimit(link.controller, link.routeKey)[0],
      quoteMint: p.quoteMint,
      pauCustody: link.custody,
      quoteVault: p.quoteVault,
      priceAccount: p.priceAccount,
      tokenProgram: p.quoteTokenProgram,
      pauProgram: PAU_PROGRAM_ID,
    };
  }

  /**
   * The class's governance (the creator); `setClassPaused(true)` also the beacon or
   * freezer; `acceptClassGovernance` the proposed governance.
   */
  readonly governance = {
    /** Creates class `classId` of `authority`, funded by the PAU `pauController`. */
    createClass: (p: {
      authority: PublicKey;
      quoteMint: PublicKey;
      pauController: PublicKey;
      classId: Int;
      beacon: PublicKey;
      freezer: PublicKey;
    }): Promise<TransactionInstruction> =>
      this.program.methods
        .createClass({ classId: bn(p.classId), beacon: p.beacon, freezer: p.freezer })
        .accountsStrict({
          authority: p.authority,
          class: pda.class(p.authority, p.classId)[0],
          quoteMint: p.quoteMint,
          pauController: p.pauController,
          systemProgram: SystemProgram.programId,
        })
        .instruction(),
    setClassRoles: (p: { governance: PublicKey; class: PublicKey; beacon: PublicKey; freezer: PublicKey }) =>
      this.program.methods
        .setClassRoles(p.beacon, p.freezer)
        .accountsStrict({ governance: p.governance, class: p.class })
        .instruction(),
    /** Pause: governance, beacon or freezer; unpause: governance only. */
    setClassPaused: (p: { signer: PublicKey; class: PublicKey; paused: boolean }) =>
      this.program.methods
        .setClassPaused(p.paused)
        .accountsStrict({ signer: p.signer, class: p.class })
        .instruction(),
    /** Adds the pool `pool` (built with `poolRef` from the same unit and book ids). */
    createPool: (p: {
      governance: PublicKey;
      pool: PoolRef;
      unitId: Int;
      bookId: Int;
      priceSource: PriceSource;
      params: PoolParams;
    }) =>
      this.program.methods
        .createPool({
          unitId: bn(p.unitId),
          bookId: bn(p.bookId),
          priceSource: sourceArg(p.priceSource) as never,
          params: paramsArg(p.params),
        })
        .accountsStrict({
          governance: p.governance,
          class: p.pool.class,
          pool: p.pool.pool,
          book: p.pool.book,
          generation: pda.generation(p.pool.pool, 0)[0],
          assetMint: p.pool.assetMint,
          quoteMint: p.pool.quoteMint,
          assetVault: p.pool.assetVault,
          quoteVault: p.pool.quoteVault,
          priceAccount: p.pool.priceAccount,
          assetTokenProgram: p.pool.assetTokenProgram,
          quoteTokenProgram: p.pool.quoteTokenProgram,
          systemProgram: SystemProgram.programId,
        })
        .instruction(),
    setPoolParams: (p: { governance: PublicKey; pool: PoolRef; params: PoolParams }) =>
      this.program.methods
        .setPoolParams(paramsArg(p.params))
        .accountsStrict(governed(p.governance, p.pool))
        .instruction(),
    setSides: (p: { governance: PublicKey; pool: PoolRef; buyEnabled: boolean; sellEnabled: boolean }) =>
      this.program.methods
        .setSides(p.buyEnabled, p.sellEnabled)
        .accountsStrict(governed(p.governance, p.pool))
        .instruction(),
    clearRedemptionFailure: (p: { governance: PublicKey; pool: PoolRef }) =>
      this.program.methods
        .clearRedemptionFailure()
        .accountsStrict(governed(p.governance, p.pool))
        .instruction(),
    /**
     * Proposes `newGovernance` for the class (two-step rotation): the role moves only when
     * that key signs `acceptClassGovernance`, so a mistyped key never takes it. A new
     * proposal replaces a pending one; `PublicKey.default` withdraws it.
     */
    proposeClassGovernance: (p: { governance: PublicKey; class: PublicKey; newGovernance: PublicKey }) =>
      this.program.methods
        .proposeClassGovernance(p.newGovernance)
        .accountsStrict({ governance: p.governance, class: p.class })
        .instruction(),
    /** Signed by the proposed governance (the class's `pendingGovernance`): takes the role. */
    acceptClassGovernance: (p: { newGovernance: PublicKey; class: PublicKey }) =>
      this.program.methods
        .acceptClassGovernance()
        .accountsStrict({ newGovernance: p.newGovernance, class: p.class })
        .instruction(),
    /**
     * Sets the class's RFQ cluster domain: the cluster's genesis hash (`clusterDomain`,
     * 32 bytes, not zero). RFQ fills are refused until it is set; quotes signed for another
     * domain stop being valid at once.
     */
    setRfqDomain: (p: { governance: PublicKey; class: PublicKey; domain: Uint8Array }) =>
      this.program.methods
        .setRfqDomain(Array.from(clusterBytes(p.domain)))
        .accountsStrict({ governance: p.governance, class: p.class })
        .instruction(),
    /**
     * Proposes a new price source for the pool: another halo feed or Pyth feed id when the
     * oracle is replaced, or a fixed wind-down price when it is gone for good. It applies
     * (`applyPriceSource`) only after a delay (`PRICE_SOURCE_DELAY_S`, two days), so LPs see
     * it coming; a new proposal replaces a pending one.
     */
    proposePriceSource: (p: { governance: PublicKey; pool: PoolRef; source: PriceSource }) =>
      this.program.methods
        .proposePriceSource(sourceArg(p.source) as never)
        .accountsStrict(governed(p.governance, p.pool))
        .instruction(),
    /**
     * Applies the proposed source once its delay has passed. `priceAccount` is the new
     * source's (its halo feed or Pyth `PriceUpdateV2`; any account for a fixed price): it
     * must hold a valid price. Use a `PoolRef` with that `priceAccount` from then on.
     */
    applyPriceSource: (p: { governance: PublicKey; pool: PoolRef; priceAccount: PublicKey }) =>
      this.program.methods
        .applyPriceSource()
        .accountsStrict({
          ...governed(p.governance, p.pool),
          priceAccount: p.priceAccount,
        })
        .instruction(),
    /** Writes off failed redemption `id`: withdrawals stop waiting for its recovery. */
    writeOffRedemption: (p: { governance: PublicKey; pool: PoolRef; id: Int }) =>
      this.program.methods
        .writeOffRedemption()
        .accountsStrict({
          ...governed(p.governance, p.pool),
          redemption: pda.redemption(p.pool.pool, p.id)[0],
        })
        .instruction(),
  };

  /** The beacon (lpha-amm) and the freezer; `poke` is permissionless. */
  readonly operator = {
    /** Signer: governance, beacon or freezer. */
    pausePool: (p: { signer: PublicKey; pool: PoolRef }) =>
      this.program.methods
        .pausePool()
        .accountsStrict({ signer: p.signer, class: p.pool.class, pool: p.pool.pool })
        .instruction(),
    /** Signer: governance or beacon. */
    resumePool: (p: { signer: PublicKey; pool: PoolRef }) =>
      this.program.methods
        .resumePool()
        .accountsStrict({
          signer: p.signer,
          class: p.pool.class,
          pool: p.pool.pool,
          priceAccount: p.pool.priceAccount,
        })
        .instruction(),
    poke: (p: { pool: PoolRef }) =>
      this.program.methods
        .poke()
        .accountsStrict({ pool: p.pool.pool, priceAccount: p.pool.priceAccount })
        .instruction(),
    fundFromPau: (p: { beacon: PublicKey; pool: PoolRef; link: PauLink; amount: Int }) =>
      this.program.methods
        .fundFromPau(bn(p.amount))
        .accountsStrict(this.pauFunding(p.beacon, p.pool, p.link))
        .instruction(),
    returnToPau: (p: { beacon: PublicKey; pool: PoolRef; link: PauLink; amount: Int }) =>
      this.program.methods
        .returnToPau(bn(p.amount))
        .accountsStrict(this.pauFunding(p.beacon, p.pool, p.link))
        .instruction(),
    /** `id` must be the pool's `nextRedemptionId`. */
    startRedemption: (p: { beacon: PublicKey; pool: PoolRef; redemptionAccount: PublicKey; id: Int; amount: Int }) =>
      this.program.methods
        .startRedemption(bn(p.amount))
        .accountsStrict({
          beacon: p.beacon,
          class: p.pool.class,
          pool: p.pool.pool,
          redemption: pda.redemption(p.pool.pool, p.id)[0],
          assetMint: p.pool.assetMint,
          assetVault: p.pool.assetVault,
          redemptionAccount: p.redemptionAccount,
          priceAccount: p.pool.priceAccount,
          tokenProgram: p.pool.assetTokenProgram,
          systemProgram: SystemProgram.programId,
        })
        .instruction(),
    /**
     * Settles pending redemption `id` (the pool's oldest pending one: they close in order);
     * the next redemption (`id + 1`, which may not exist) becomes the oldest.
     */
    settleRedemption: (p: { beacon: PublicKey; pool: PoolRef; id: Int; received: Int }) =>
      this.program.methods
        .settleRedemption(bn(p.received))
        .accountsStrict({
          beacon: p.beacon,
          class: p.pool.class,
          pool: p.pool.pool,
          redemption: pda.redemption(p.pool.pool, p.id)[0],
          nextRedemption: nextRedemption(p.pool.pool, p.id),
          quoteVault: p.pool.quoteVault,
        })
        .instruction(),
    /** Signer: beacon or freezer. `id` is the oldest pending redemption, as for `settleRedemption`. */
    failRedemption: (p: { signer: PublicKey; pool: PoolRef; id: Int }) =>
      this.program.methods
        .failRedemption()
        .accountsStrict({
          signer: p.signer,
          class: p.pool.class,
          pool: p.pool.pool,
          redemption: pda.redemption(p.pool.pool, p.id)[0],
          nextRedemption: nextRedemption(p.pool.pool, p.id),
        })
        .instruction(),
    /** `openGen` must be the pool's `queueOpenGen`. `caller`: the beacon, or anyone once the
     *  generation has waited three days since its first request. */
    rollWithdrawals: (p: { caller: PublicKey; pool: PoolRef; openGen: Int }) => {
      const open = BigInt(p.openGen.toString());
      // as the SDK: the next id saturates at u64::MAX
      const next = open < (1n << 64n) - 1n ? open + 1n : open;
      return this.program.methods
        .rollWithdrawals()
        .accountsStrict({
          caller: p.caller,
          class: p.pool.class,
          pool: p.pool.pool,
          openGeneration: pda.generation(p.pool.pool, open)[0],
          nextGeneration: pda.generation(p.pool.pool, next)[0],
          systemProgram: SystemProgram.programId,
        })
        .instruction();
    },
    /** `settlingGen` must be the pool's `queueSettlingGen`. `caller`: the beacon, or anyone
     *  once the generation has been closed for three days. */
    settleWithdrawals: (p: { caller: PublicKey; pool: PoolRef; settlingGen: Int; maxQuote: Int }) =>
      this.program.methods
        .settleWithdrawals(bn(p.maxQuote))
        .accountsStrict({
          caller: p.caller,
          class: p.pool.class,
          pool: p.pool.pool,
          generation: pda.generation(p.pool.pool, p.settlingGen)[0],
          priceAccount: p.pool.priceAccount,
        })
        .instruction(),
  };

  /** Users: swaps at NAV ± spread (see `amm.ts` for the quote), and RFQ fills. */
  readonly user = {
    /**
     * `mode` `"exactIn"`: `amount` is what the user gives and `limit` its minimum out;
     * `"exactOut"`: `amount` is what the user receives and `limit` its maximum in (the
     * bound `withinBound` checks; `limitWithSlippage` sets it from a quote). Refused after
     * `expiry`. `side` and `mode` take amm.ts's strings or the IDL's enum objects.
     */
    swap: (p: {
      user: PublicKey;
      pool: PoolRef;
      userAsset: PublicKey;
      userQuote: PublicKey;
      side: Side | SideArg;
      mode: Mode | ModeArg;
      amount: Int;
      limit: Int;
      expiry: Int;
    }) =>
      this.program.methods
        .swap({
          side: sideArg(p.side) as never,
          mode: modeArg(p.mode) as never,
          amount: bn(p.amount),
          limit: bn(p.limit),
          expiry: bn(p.expiry),
        })
        .accountsStrict({
          user: p.user,
          class: p.pool.class,
          pool: p.pool.pool,
          priceAccount: p.pool.priceAccount,
          assetMint: p.pool.assetMint,
          quoteMint: p.pool.quoteMint,
          userAsset: p.userAsset,
          userQuote: p.userQuote,
          assetVault: p.pool.assetVault,
          quoteVault: p.pool.quoteVault,
          assetTokenProgram: p.pool.assetTokenProgram,
          quoteTokenProgram: p.pool.quoteTokenProgram,
        })
        .instruction(),
    /**
     * Fills `quote` for its user (the signer); `payer` pays the receipt's rent. Send it
     * right after the Ed25519 verification of the beacon's signature over
     * `quoteMessage(quote, cluster)` (`fillQuote` / `signedQuote` build both). `pool` must
     * be the quote's pool.
     */
    swapWithQuote: (p: { payer: PublicKey; pool: PoolRef; userAsset: PublicKey; userQuote: PublicKey; quote: RfqQuote }) => {
      const q = p.quote;
      return this.program.methods
        .swapWithQuote({
          pool: q.pool,
          user: q.user,
          side: sideArg(q.side) as never,
          assetAmount: bn(u64(q.assetAmount, "assetAmount")),
          quoteAmount: bn(u64(q.quoteAmount, "quoteAmount")),
          expiry: bn(i64(q.expiry, "expiry")),
          nonce: bn(u64(q.nonce, "nonce")),
        })
        .accountsStrict({
          swap: {
            user: q.user,
            class: p.pool.class,
            pool: p.pool.pool,
            priceAccount: p.pool.priceAccount,
            assetMint: p.pool.assetMint,
            quoteMint: p.pool.quoteMint,
            userAsset: p.userAsset,
            userQuote: p.userQuote,
            assetVault: p.pool.assetVault,
            quoteVault: p.pool.quoteVault,
            assetTokenProgram: p.pool.assetTokenProgram,
            quoteTokenProgram: p.pool.quoteTokenProgram,
          },
          payer: p.payer,
          quoteReceipt: pda.quoteReceipt(p.pool.pool, q.nonce)[0],
          instructions: SYSVAR_INSTRUCTIONS_PUBKEY,
          systemProgram: SystemProgram.programId,
        })
        .instruction();
    },
    /**
     * The two instructions a user sends for a quote the beacon signed off-chain
     * (`signature` over `quoteMessage(quote, cluster)`, `cluster` the class's
     * `rfqDomain`): the Ed25519 verification, then the fill.
     */
    fillQuote: async (p: {
      beacon: PublicKey;
      signature: Uint8Array;
      cluster: Uint8Array;
      payer: PublicKey;
      pool: PoolRef;
      userAsset: PublicKey;
      userQuote: PublicKey;
      quote: RfqQuote;
    }): Promise<[TransactionInstruction, TransactionInstruction]> => [
      ed25519VerifyInstruction(p.beacon, p.signature, quoteMessage(p.quote, p.cluster)),
      await this.user.swapWithQuote(p),
    ],
    /**
     * The beacon's keypair signs `quote` for the class's cluster domain `cluster` (its
     * `rfqDomain`), as `halo_sdk::trading::signed_quote`: verification, then fill.
     */
    signedQuote: (p: {
      beacon: Keypair;
      cluster: Uint8Array;
      payer: PublicKey;
      pool: PoolRef;
      userAsset: PublicKey;
      userQuote: PublicKey;
      quote: RfqQuote;
    }): Promise<[TransactionInstruction, TransactionInstruction]> =>
      this.user.fillQuote({ ...p, beacon: p.beacon.publicKey, signature: signQuote(p.beacon, p.quote, p.cluster) }),
  };

  /** LPs (Primes): positions, deposits and the withdrawal queue. */
  readonly lp = {
    /** Opens `owner`'s position; anyone pays. */
    openPosition: (p: { payer: PublicKey; pool: PoolRef; owner: PublicKey }) =>
      this.program.methods
        .openPosition(p.owner)
        .accountsStrict({
          payer: p.payer,
          pool: p.pool.pool,
          position: pda.position(p.pool.pool, p.owner)[0],
          systemProgram: SystemProgram.programId,
        })
        .instruction(),
    deposit: (p: { owner: PublicKey; pool: PoolRef; ownerQuote: PublicKey; amount: Int; minShares: Int }) =>
      this.program.methods
        .deposit(bn(p.amount), bn(p.minShares))
        .accountsStrict({
          ...ownedPosition(p.owner, p.pool),
          quoteMint: p.pool.quoteMint,
          ownerQuote: p.ownerQuote,
          quoteVault: p.pool.quoteVault,
          priceAccount: p.pool.priceAccount,
          tokenProgram: p.pool.quoteTokenProgram,
        })
        .instruction(),
    /** `openGen` must be the pool's `queueOpenGen`. */
    requestWithdrawal: (p: { owner: PublicKey; pool: PoolRef; openGen: Int; shares: Int }) =>
      this.program.methods
        .requestWithdrawal(bn(p.shares))
        .accountsStrict({
          owner: p.owner,
          pool: p.pool.pool,
          position: pda.position(p.pool.pool, p.owner)[0],
          generation: pda.generation(p.pool.pool, p.openGen)[0],
        })
        .instruction(),
    /** `gen` must be the position's `queueGen`. */
    claimWithdrawal: (p: { owner: PublicKey; pool: PoolRef; gen: Int; ownerQuote: PublicKey }) =>
      this.program.methods
        .claimWithdrawal()
        .accountsStrict({
          ...ownedPosition(p.owner, p.pool),
          generation: pda.generation(p.pool.pool, p.gen)[0],
          quoteMint: p.pool.quoteMint,
          ownerQuote: p.ownerQuote,
          quoteVault: p.pool.quoteVault,
          tokenProgram: p.pool.quoteTokenProgram,
        })
        .instruction(),
  };
}
