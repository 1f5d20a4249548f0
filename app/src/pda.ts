// Program-derived addresses of halo_pau, halo_oracle, halo_trading, halo_lcts, halo_nfat and
// halo_nfat_hook: one `pda`
// namespace with the names and seeds of crates/halo-sdk/src/pda.rs, the seeds read from the
// IDLs.
import { createHash } from "node:crypto";
import { PublicKey } from "@solana/web3.js";
import {
  LCTS_PROGRAM_ID,
  NFAT_HOOK_PROGRAM_ID,
  NFAT_PROGRAM_ID,
  ORACLE_PROGRAM_ID,
  PAU_PROGRAM_ID,
  TRADING_PROGRAM_ID,
} from "./program.ts";
import { seeds } from "./seeds.ts";

/** The upgradeable BPF loader, owner of every upgradeable program's ProgramData account. */
export const BPF_LOADER_UPGRADEABLE_PROGRAM_ID = new PublicKey("BPFLoaderUpgradeab1e11111111111111111111111");

/** What an instant removal invalidates ops for (`halo_pau::state::RemovalKind`). */
export type RemovalKind = "init" | "govops" | "integration";

/**
 * `sha256(tag || a || b)`: the target id seeding a removal record, with the tag "init"
 * (a = rate-limit key, b = the init's PAU scope), "govops" (a = controller, b = member) or
 * "integration" (a = controller, b = signer).
 */
export function removalTarget(kind: RemovalKind, a: Uint8Array, b: Uint8Array): Buffer {
  return createHash("sha256").update(Buffer.from(kind, "utf8")).update(a).update(b).digest();
}

/** A u64 id (bigint, number, decimal string or BN). */
type Id = bigint | number | string | { toString(): string };

const u64le = (v: Id) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(v.toString()));
  return b;
};
const find = (s: Buffer[], programId = PAU_PROGRAM_ID): [PublicKey, number] =>
  PublicKey.findProgramAddressSync(s, programId);
const oracle = (s: Buffer[]) => find(s, ORACLE_PROGRAM_ID);
const trading = (s: Buffer[]) => find(s, TRADING_PROGRAM_ID);
const lcts = (s: Buffer[]) => find(s, LCTS_PROGRAM_ID);
const nfat = (s: Buffer[]) => find(s, NFAT_PROGRAM_ID);

/**
 * A halo_lcts queue's side as its seed byte (`QueueSide::seed`): subscribe 0, redeem 1
 * (the side's name, or the byte itself).
 */
export type QueueSideSeed = "subscribe" | "redeem" | 0 | 1;

const sideSeed = (side: QueueSideSeed): Buffer => {
  const b = side === "subscribe" ? 0 : side === "redeem" ? 1 : side;
  if (b !== 0 && b !== 1) throw new RangeError(`a queue side is "subscribe" (0) or "redeem" (1), got ${JSON.stringify(side)}`);
  return Buffer.from([b]);
};

const removal = (configurator: PublicKey, target: Uint8Array) =>
  find([seeds.pau("seedRemoval"), configurator.toBuffer(), Buffer.from(target)]);

/**
 * Every program's PDAs, named as `halo_sdk::pda` (`pda::controller`, `pda::feed`,
 * `pda::pool`, ...). Seeds are the programs' `#[constant]`s, read from the generated IDLs
 * (`seeds.ts`); each helper returns `[address, bump]`.
 */
export const pda = {
  // ---- halo_pau ----
  /** `["configurator"]`. */
  configurator: () => find([seeds.pau("seedConfigurator")]),
  /** `["op", configurator, op_id le]`: a timelock op. */
  op: (configurator: PublicKey, opId: Id) => find([seeds.pau("seedOp"), configurator.toBuffer(), u64le(opId)]),
  /** `["controller", configurator, pau_id le]`. */
  controller: (configurator: PublicKey, pauId: Id) =>
    find([seeds.pau("seedController"), configurator.toBuffer(), u64le(pauId)]),
  /** `["proxy", controller]`: the PAU's custody owner. */
  proxy: (controller: PublicKey) => find([seeds.pau("seedProxy"), controller.toBuffer()]),
  /** `["govops", controller, member]`. */
  govops: (controller: PublicKey, member: PublicKey) =>
    find([seeds.pau("seedGovops"), controller.toBuffer(), member.toBuffer()]),
  /** `["init", configurator, key, pau]`: a route approved by the timelock (`pau` default = any PAU). */
  initRateLimit: (configurator: PublicKey, key: Uint8Array, pau: PublicKey) =>
    find([seeds.pau("seedInit"), configurator.toBuffer(), Buffer.from(key), pau.toBuffer()]),
  /** `["rate_limit", controller, key]`. */
  rateLimit: (controller: PublicKey, key: Uint8Array) =>
    find([seeds.pau("seedRateLimit"), controller.toBuffer(), Buffer.from(key)]),
  /** `["integration", controller, signer]`. */
  integration: (controller: PublicKey, signer: PublicKey) =>
    find([seeds.pau("seedIntegration"), controller.toBuffer(), signer.toBuffer()]),
  /** `["removal", configurator, target]`: the record of an instant removal. */
  removal,
  /** The removal record of init (`key`, `pau` scope). */
  initRemoval: (configurator: PublicKey, key: Uint8Array, pau: PublicKey) =>
    removal(configurator, removalTarget("init", key, pau.toBuffer())),
  /** The removal record of `member`'s GovOps membership on `controller`. */
  govopsRemoval: (configurator: PublicKey, controller: PublicKey, member: PublicKey) =>
    removal(configurator, removalTarget("govops", controller.toBuffer(), member.toBuffer())),
  /** The removal record of integration `signer` on `controller`. */
  integrationRemoval: (configurator: PublicKey, controller: PublicKey, signer: PublicKey) =>
    removal(configurator, removalTarget("integration", controller.toBuffer(), signer.toBuffer())),
  /**
   * The ProgramData account of `programId` (halo_pau by default): the upgradeable loader's
   * PDA of the program id, whose upgrade authority must sign `initializeConfigurator`.
   */
  programData: (programId: PublicKey = PAU_PROGRAM_ID) =>
    find([programId.toBuffer()], BPF_LOADER_UPGRADEABLE_PROGRAM_ID),

  // ---- halo_oracle ----
  /** `["feed", authority, feed_id le]`: the authority is the feed's creator. */
  feed: (authority: PublicKey, feedId: Id) =>
    oracle([seeds.oracle("seedFeed"), authority.toBuffer(), u64le(feedId)]),

  // ---- halo_trading ----
  /** `["class", authority, class_id le]`: a trading class. */
  class: (authority: PublicKey, classId: Id) =>
    trading([seeds.trading("seedClass"), authority.toBuffer(), u64le(classId)]),
  /** `["unit", class, unit_id le]`: the pool (a Halo Unit). */
  pool: (klass: PublicKey, unitId: Id) => trading([seeds.trading("seedUnit"), klass.toBuffer(), u64le(unitId)]),
  /** `["book", class, book_id le]`: the book owning a pool's vaults. */
  book: (klass: PublicKey, bookId: Id) => trading([seeds.trading("seedBook"), klass.toBuffer(), u64le(bookId)]),
  /** `["book_vault", book, mint]`: the pool's token account for `mint`. */
  vault: (book: PublicKey, mint: PublicKey) =>
    trading([seeds.trading("seedBookVault"), book.toBuffer(), mint.toBuffer()]),
  /** `["lp", pool, owner]`: an LP position. */
  position: (pool: PublicKey, owner: PublicKey) =>
    trading([seeds.trading("seedLp"), pool.toBuffer(), owner.toBuffer()]),
  /** `["withdraw_gen", pool, id le]`: a withdrawal generation. */
  generation: (pool: PublicKey, id: Id) =>
    trading([seeds.trading("seedWithdrawGen"), pool.toBuffer(), u64le(id)]),
  /** `["redemption", pool, id le]`: an issuer redemption. */
  redemption: (pool: PublicKey, id: Id) => trading([seeds.trading("seedRedemption"), pool.toBuffer(), u64le(id)]),
  /** `["quote", pool, nonce le]`: an RFQ quote's receipt (exists once the quote filled). */
  quoteReceipt: (pool: PublicKey, nonce: Id) =>
    trading([seeds.trading("seedQuote"), pool.toBuffer(), u64le(nonce)]),

  // ---- halo_lcts ----
  /** `["class", authority, class_id le]`: a Passthrough Halo Class. */
  lctsClass: (authority: PublicKey, classId: Id) =>
    lcts([seeds.lcts("seedClass"), authority.toBuffer(), u64le(classId)]),
  /** `["unit", class, unit_id le]`: a Passthrough Halo Unit (owns the vaults, mints the shares, is the PAU integration). */
  lctsUnit: (klass: PublicKey, unitId: Id) => lcts([seeds.lcts("seedUnit"), klass.toBuffer(), u64le(unitId)]),
  /** `["share_mint", unit]`: the unit's Halo Unit share mint (Token-2022). */
  shareMint: (unit: PublicKey) => lcts([seeds.lcts("seedShareMint"), unit.toBuffer()]),
  /** `["queue", unit, side]` (side 0: subscribe, 1: redeem). */
  lctsQueue: (unit: PublicKey, side: QueueSideSeed) => lcts([seeds.lcts("seedQueue"), unit.toBuffer(), sideSeed(side)]),
  /** `["queue_vault", queue, mint]`: a queue's token account for `mint`. */
  queueVault: (queue: PublicKey, mint: PublicKey) =>
    lcts([seeds.lcts("seedQueueVault"), queue.toBuffer(), mint.toBuffer()]),
  /** `["generation", queue, gen_id le]`: a finalized generation. */
  lctsGeneration: (queue: PublicKey, genId: Id) =>
    lcts([seeds.lcts("seedGeneration"), queue.toBuffer(), u64le(genId)]),
  /** `["position", queue, owner]`: an owner's position in a queue. */
  lctsPosition: (queue: PublicKey, owner: PublicKey) =>
    lcts([seeds.lcts("seedPosition"), queue.toBuffer(), owner.toBuffer()]),

  // ---- halo_nfat ----
  /** `["class", authority, facility_id le]`: a Structuring Halo facility. */
  nfatFacility: (authority: PublicKey, facilityId: Id) =>
    nfat([seeds.nfat("seedFacility"), authority.toBuffer(), u64le(facilityId)]),
  /** `["prime", facility, prime]`: a Prime's approval. */
  nfatPrime: (facility: PublicKey, prime: PublicKey) =>
    nfat([seeds.nfat("seedPrime"), facility.toBuffer(), prime.toBuffer()]),
  /** `["deposit", facility, prime]`: a Prime's queued capital. */
  nfatDeposit: (facility: PublicKey, prime: PublicKey) =>
    nfat([seeds.nfat("seedDeposit"), facility.toBuffer(), prime.toBuffer()]),
  /** `["queue_vault", facility]`: the queue's token account. */
  nfatQueueVault: (facility: PublicKey) => nfat([seeds.nfat("seedQueueVault"), facility.toBuffer()]),
  /** `["redeem_vault", facility]`: funded money waiting for the holders. */
  nfatRedeemVault: (facility: PublicKey) => nfat([seeds.nfat("seedRedeemVault"), facility.toBuffer()]),
  /** `["book", facility, book_id le]`. */
  nfatBook: (facility: PublicKey, bookId: Id) =>
    nfat([seeds.nfat("seedBook"), facility.toBuffer(), u64le(bookId)]),
  /** `["book_vault", book, mint]`: the book's token account. */
  nfatBookVault: (book: PublicKey, mint: PublicKey) =>
    nfat([seeds.nfat("seedBookVault"), book.toBuffer(), mint.toBuffer()]),
  /** `["deal", facility, deal_id le]`: a deal (the Halo Unit). */
  nfatDeal: (facility: PublicKey, dealId: Id) =>
    nfat([seeds.nfat("seedDeal"), facility.toBuffer(), u64le(dealId)]),
  /** `["nft", deal]`: the deal's NFT mint (Token-2022). */
  nfatNft: (deal: PublicKey) => nfat([seeds.nfat("seedNft"), deal.toBuffer()]),
  /** `["holder", facility, owner]`: an owner's allow-list entry. */
  nfatHolder: (facility: PublicKey, owner: PublicKey) =>
    nfat([seeds.nfat("seedHolder"), facility.toBuffer(), owner.toBuffer()]),
  /** halo_nfat_hook's `["extra-account-metas", mint]`: the mint's transfer-hook accounts. */
  nfatExtraAccountMetas: (mint: PublicKey) =>
    find([seeds.nfatHook("seedExtraAccountMetas"), mint.toBuffer()], NFAT_HOOK_PROGRAM_ID),
};

export const TOKEN_PROGRAM_ID = new PublicKey("TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA");
export const TOKEN_2022_PROGRAM_ID = new PublicKey("TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb");
export const ASSOCIATED_TOKEN_PROGRAM_ID = new PublicKey("ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL");

/** The associated token account of `owner` for `mint` (PDAs allowed as owners). */
export function ata(owner: PublicKey, mint: PublicKey, tokenProgram = TOKEN_PROGRAM_ID): PublicKey {
  return PublicKey.findProgramAddressSync(
    [owner.toBuffer(), tokenProgram.toBuffer(), mint.toBuffer()],
    ASSOCIATED_TOKEN_PROGRAM_ID,
  )[0];
}
