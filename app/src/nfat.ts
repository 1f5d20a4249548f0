// halo_nfat (the Structuring Halo): the addresses one facility's instructions share
// (`FacilityRef`, `DealRef`, `FacilityPau`), typed instruction builders grouped by the role
// that signs them, the strike's whole transaction, a plain wallet transfer of a deal NFT with
// the transfer hook's extra accounts, and the decoder of `deal_view`'s return data. Data is
// encoded by Anchor's coder from the generated IDL; account lists mirror
// crates/halo-sdk/src/nfat.rs and are checked byte for byte against it
// (test/golden-nfat.test.ts). What a deal owes and what its holder can redeem is in
// nfat-quote.ts.
import { createHash } from "node:crypto";
import type { IdlTypes, Program } from "@anchor-lang/core";
import { ComputeBudgetProgram, type PublicKey, SystemProgram, TransactionInstruction } from "@solana/web3.js";
import {
  BN,
  type HaloNfat,
  NFAT_HOOK_PROGRAM_ID,
  NFAT_PROGRAM_ID,
  nfatProgram,
  PAU_PROGRAM_ID,
} from "./program.ts";
import { ASSOCIATED_TOKEN_PROGRAM_ID, ata, pda, TOKEN_2022_PROGRAM_ID, TOKEN_PROGRAM_ID } from "./pda.ts";
import { rateLimitKey } from "./keys.ts";
import type { Int } from "./pau.ts";
import { padReturnData } from "./lcts.ts";

const bn = (v: Int) => new BN(v.toString());

/** The PAU route tags of a facility: its deploy route and its return route. */
export const TAG_NFAT_DEPLOY = "nfat_deploy";
export const TAG_NFAT_RETURN = "nfat_return";

/** A buybox's allowed schedules (`SCHEDULE_*` flags). */
export const SCHEDULE_BULLET = 1;
export const SCHEDULE_AMORTIZING = 2;
export const SCHEDULE_PERIODIC_INTEREST = 4;
export const SCHEDULE_ALL = SCHEDULE_BULLET | SCHEDULE_AMORTIZING | SCHEDULE_PERIODIC_INTEREST;

/**
 * The compute budget a strike's transaction asks for (`CLAIM_COMPUTE_UNITS`): claim, the
 * Prime's NFT account and the delivery, with headroom.
 */
export const CLAIM_COMPUTE_UNITS = 250_000;

/** The PAU accounts a facility deploys and returns through (as `halo_sdk::nfat::FacilityPau`). */
export interface FacilityPau {
  controller: PublicKey;
  /** The PAU proxy's custody token account of the deposit mint. */
  custody: PublicKey;
  /** The RWA endpoint's token account: the deploy route's counterparty. */
  endpoint: PublicKey;
}

/** The addresses one facility's instructions share (as `halo_sdk::nfat::FacilityRef`). */
export interface FacilityRef {
  authority: PublicKey;
  facilityId: bigint;
  facility: PublicKey;
  depositMint: PublicKey;
  depositTokenProgram: PublicKey;
  queueVault: PublicKey;
  redeemVault: PublicKey;
  pauController: PublicKey;
  pauProxy: PublicKey;
  pauCustody: PublicKey;
  /** The PAU Integration of the facility PDA. */
  pauIntegration: PublicKey;
  deployRateLimit: PublicKey;
  returnRateLimit: PublicKey;
  endpoint: PublicKey;
}

/** A deal's addresses (as `halo_sdk::nfat::DealRef`). */
export interface DealRef {
  dealId: bigint;
  deal: PublicKey;
  /** The deal's NFT mint (Token-2022). */
  nftMint: PublicKey;
  book: PublicKey;
}

/** The deploy route's key: `sha256("nfat_deploy" || deposit_mint || endpoint)`. */
export function nfatDeployRouteKey(f: Pick<FacilityRef, "depositMint" | "endpoint">): Buffer {
  return rateLimitKey(TAG_NFAT_DEPLOY, f.depositMint, f.endpoint);
}

/** The return route's key: `sha256("nfat_return" || deposit_mint || redeem_vault)`. */
export function nfatReturnRouteKey(f: Pick<FacilityRef, "depositMint" | "redeemVault">): Buffer {
  return rateLimitKey(TAG_NFAT_RETURN, f.depositMint, f.redeemVault);
}

/**
 * Every address of facility `facilityId` created by `authority`, on `pau` (as
 * `FacilityRef::new`); the deposit mint is SPL Token unless `depositTokenProgram` says
 * otherwise.
 */
export function facilityRef(p: {
  authority: PublicKey;
  facilityId: Int;
  depositMint: PublicKey;
  depositTokenProgram?: PublicKey;
  pau: FacilityPau;
}): FacilityRef {
  const facility = pda.nfatFacility(p.authority, p.facilityId)[0];
  const redeemVault = pda.nfatRedeemVault(facility)[0];
  const deployKey = nfatDeployRouteKey({ depositMint: p.depositMint, endpoint: p.pau.endpoint });
  const returnKey = nfatReturnRouteKey({ depositMint: p.depositMint, redeemVault });
  return {
    authority: p.authority,
    facilityId: BigInt(p.facilityId.toString()),
    facility,
    depositMint: p.depositMint,
    depositTokenProgram: p.depositTokenProgram ?? TOKEN_PROGRAM_ID,
    queueVault: pda.nfatQueueVault(facility)[0],
    redeemVault,
    pauController: p.pau.controller,
    pauProxy: pda.proxy(p.pau.controller)[0],
    pauCustody: p.pau.custody,
    pauIntegration: pda.integration(p.pau.controller, facility)[0],
    deployRateLimit: pda.rateLimit(p.pau.controller, deployKey)[0],
    returnRateLimit: pda.rateLimit(p.pau.controller, returnKey)[0],
    endpoint: p.pau.endpoint,
  };
}

/**
 * The PAU wiring of a facility on `controller`: custody is the proxy's ATA of the deposit
 * mint, `endpoint` the RWA endpoint's token account.
 */
export function facilityPau(
  controller: PublicKey,
  depositMint: PublicKey,
  endpoint: PublicKey,
  depositTokenProgram: PublicKey = TOKEN_PROGRAM_ID,
): FacilityPau {
  return { controller, custody: ata(pda.proxy(controller)[0], depositMint, depositTokenProgram), endpoint };
}

/** Book `bookId` of the facility. */
export const nfatBookOf = (f: FacilityRef, bookId: Int): PublicKey => pda.nfatBook(f.facility, bookId)[0];

/** Book `bookId`'s vault. */
export const nfatBookVaultOf = (f: FacilityRef, bookId: Int): PublicKey =>
  pda.nfatBookVault(nfatBookOf(f, bookId), f.depositMint)[0];

/** Deal `dealId`'s addresses, struck into `book` (as `FacilityRef::deal`). */
export function dealRef(f: FacilityRef, dealId: Int, book: PublicKey): DealRef {
  const deal = pda.nfatDeal(f.facility, dealId)[0];
  return { dealId: BigInt(dealId.toString()), deal, nftMint: pda.nfatNft(deal)[0], book };
}

/** `prime`'s queued capital and its approval. */
export const nfatDepositOf = (f: FacilityRef, prime: PublicKey) => pda.nfatDeposit(f.facility, prime)[0];
export const nfatApprovalOf = (f: FacilityRef, prime: PublicKey) => pda.nfatPrime(f.facility, prime)[0];
/** `owner`'s allow-list entry. */
export const nfatHolderEntryOf = (f: FacilityRef, owner: PublicKey) => pda.nfatHolder(f.facility, owner)[0];

/** `owner`'s associated token account for a deal NFT (Token-2022). */
export const nftAccount = (owner: PublicKey, nftMint: PublicKey): PublicKey =>
  ata(owner, nftMint, TOKEN_2022_PROGRAM_ID);

/** A facility's buybox (`Buybox`): each bound inclusive; bps as numbers, amounts and seconds as `Int`. */
export interface Buybox {
  minTenorMonths: number;
  maxTenorMonths: number;
  /** Base units of the deposit mint. */
  minPrincipal: Int;
  maxPrincipal: Int;
  minApyBps: number;
  maxApyBps: number;
  /** `SCHEDULE_*` flags. */
  schedules: number;
  maxPayments: number;
  /** bps a day of a payment covered after its date. */
  latePenaltyBpsPerDay: number;
  /** Seconds after maturity before an unpaid deal may be marked defaulted. */
  gracePeriodS: Int;
  /** Seconds; how far a deal's start may lie from its strike (either way). */
  maxStartOffsetS: Int;
  /** The asset type's label (UTF-8, at most 32 bytes; zero padded on chain). */
  assetType: string | Uint8Array;
}

/** The facility's role keys (`Roles`): lpha-nfat, lpha-attest, the warden. */
export interface Roles {
  beacon: PublicKey;
  attestor: PublicKey;
  warden: PublicKey;
}

/** A deal's terms as a client builds them (`Terms`; `schedule` by name). */
export interface DealTerms {
  principal: Int;
  apyBps: number;
  startTs: Int;
  tenorMonths: number;
  payments: number;
  schedule: "bullet" | "amortizing" | "periodicInterest";
}

/** A book's lifecycle (`BookStatus`). */
export type BookStatusName = "created" | "filling" | "deploying" | "atRest" | "unwinding" | "closed";
/** What an attestation vouches for (`AttestationKind`). */
export type AttestationKindName = "preDeployment" | "atRest";

const variant = <T extends string>(name: T, allowed: readonly T[], what: string) => {
  if (!allowed.includes(name)) throw new RangeError(`${what} must be one of ${allowed.join(", ")}, got ${JSON.stringify(name)}`);
  return { [name]: {} } as Record<T, Record<string, never>>;
};

/** The asset-type label as the buybox's 32 bytes (UTF-8, zero padded). */
export function assetTypeBytes(label: string | Uint8Array): number[] {
  const b = typeof label === "string" ? Buffer.from(label, "utf8") : Buffer.from(label);
  if (b.length > 32) throw new RangeError(`an asset-type label is at most 32 bytes, got ${b.length}`);
  const out = Buffer.alloc(32);
  b.copy(out);
  return [...out];
}

function buyboxArg(b: Buybox) {
  return {
    minTenorMonths: b.minTenorMonths,
    maxTenorMonths: b.maxTenorMonths,
    minPrincipal: bn(b.minPrincipal),
    maxPrincipal: bn(b.maxPrincipal),
    minApyBps: b.minApyBps,
    maxApyBps: b.maxApyBps,
    schedules: b.schedules,
    maxPayments: b.maxPayments,
    latePenaltyBpsPerDay: b.latePenaltyBpsPerDay,
    gracePeriodS: bn(b.gracePeriodS),
    maxStartOffsetS: bn(b.maxStartOffsetS),
    assetType: assetTypeBytes(b.assetType),
  };
}

function termsArg(t: DealTerms) {
  return {
    principal: bn(t.principal),
    apyBps: t.apyBps,
    startTs: bn(t.startTs),
    tenorMonths: t.tenorMonths,
    payments: t.payments,
    schedule: variant(t.schedule, ["bullet", "amortizing", "periodicInterest"] as const, "a schedule"),
  };
}

/** `ComputeBudget::SetComputeUnitLimit(units)`. */
export function computeUnitLimit(units: number): TransactionInstruction {
  return ComputeBudgetProgram.setComputeUnitLimit({ units });
}

/** Creates `owner`'s associated account for a deal NFT, paid by `payer` (idempotent). */
export function createNftAccount(payer: PublicKey, owner: PublicKey, nftMint: PublicKey): TransactionInstruction {
  return new TransactionInstruction({
    programId: ASSOCIATED_TOKEN_PROGRAM_ID,
    keys: [
      { pubkey: payer, isSigner: true, isWritable: true },
      { pubkey: nftAccount(owner, nftMint), isSigner: false, isWritable: true },
      { pubkey: owner, isSigner: false, isWritable: false },
      { pubkey: nftMint, isSigner: false, isWritable: false },
      { pubkey: SystemProgram.programId, isSigner: false, isWritable: false },
      { pubkey: TOKEN_2022_PROGRAM_ID, isSigner: false, isWritable: false },
    ],
    data: Buffer.from([1]), // CreateIdempotent
  });
}

/**
 * A plain wallet transfer of a deal NFT (Token-2022 `TransferChecked`, amount 1, decimals
 * 0) from `owner`'s associated account to `toOwner`'s, with the transfer hook's extra
 * accounts as a wallet resolves them from the mint's validation account: the facility,
 * halo_nfat, the receiver's allow-list entry, then the hook program and the validation
 * account (as `halo_sdk::nfat::transfer_nft`). The receiver's account must exist
 * (`createNftAccount`).
 */
export function transferNft(p: {
  owner: PublicKey;
  facility: FacilityRef;
  nftMint: PublicKey;
  toOwner: PublicKey;
}): TransactionInstruction {
  const data = Buffer.alloc(10);
  data.writeUInt8(12, 0); // TransferChecked
  data.writeBigUInt64LE(1n, 1);
  data.writeUInt8(0, 9);
  return new TransactionInstruction({
    programId: TOKEN_2022_PROGRAM_ID,
    keys: [
      { pubkey: nftAccount(p.owner, p.nftMint), isSigner: false, isWritable: true },
      { pubkey: p.nftMint, isSigner: false, isWritable: false },
      { pubkey: nftAccount(p.toOwner, p.nftMint), isSigner: false, isWritable: true },
      { pubkey: p.owner, isSigner: true, isWritable: false },
      { pubkey: p.facility.facility, isSigner: false, isWritable: false },
      { pubkey: NFAT_PROGRAM_ID, isSigner: false, isWritable: false },
      { pubkey: nfatHolderEntryOf(p.facility, p.toOwner), isSigner: false, isWritable: false },
      { pubkey: NFAT_HOOK_PROGRAM_ID, isSigner: false, isWritable: false },
      { pubkey: pda.nfatExtraAccountMetas(p.nftMint)[0], isSigner: false, isWritable: false },
    ],
    data,
  });
}

/** The `PauAccounts` of a deploy or a return. */
const pauAccounts = (f: FacilityRef, rateLimit: PublicKey) => ({
  integration: f.pauIntegration,
  controller: f.pauController,
  proxy: f.pauProxy,
  rateLimit,
  custody: f.pauCustody,
  pauProgram: PAU_PROGRAM_ID,
});

/** A direction of money into a deal: principal, interest, penalty (base units). */
export interface AmountsIn {
  principal: Int;
  interest: Int;
  penalty: Int;
}

export class NfatClient {
  constructor(readonly program: Program<HaloNfat> = nfatProgram()) {}

  /**
   * The facility's governance (its creator until rotated); `acceptGovernance` the proposed
   * governance.
   */
  readonly governance = {
    /**
     * Creates facility `facilityId` of `authority` (built with `facilityRef`), which
     * becomes its governance, with its queue and redeem vaults, its buybox, its role keys
     * and the NFTs' metadata (name ≤ 20 bytes, read "<name> #<deal id>"; symbol ≤ 10; URI
     * ≤ 120).
     */
    createFacility: (p: {
      facility: FacilityRef;
      buybox: Buybox;
      roles: Roles;
      name: string;
      symbol: string;
      uri: string;
    }): Promise<TransactionInstruction> =>
      this.program.methods
        .createFacility({
          facilityId: bn(p.facility.facilityId),
          buybox: buyboxArg(p.buybox),
          roles: p.roles,
          name: p.name,
          symbol: p.symbol,
          uri: p.uri,
        })
        .accountsStrict({
          authority: p.facility.authority,
          facility: p.facility.facility,
          depositMint: p.facility.depositMint,
          queueVault: p.facility.queueVault,
          redeemVault: p.facility.redeemVault,
          pauController: p.facility.pauController,
          depositTokenProgram: p.facility.depositTokenProgram,
          systemProgram: SystemProgram.programId,
        })
        .instruction(),
    /**
     * Proposes `newGovernance` (two-step rotation): the role moves only when that key signs
     * `acceptGovernance`.
     */
    proposeGovernance: (p: { governance: PublicKey; facility: FacilityRef; newGovernance: PublicKey }) =>
      this.program.methods
        .proposeGovernance(p.newGovernance)
        .accountsStrict({ signer: p.governance, facility: p.facility.facility })
        .instruction(),
    /** Signed by the proposed governance: takes the role. */
    acceptGovernance: (p: { newGovernance: PublicKey; facility: FacilityRef }) =>
      this.program.methods
        .acceptGovernance()
        .accountsStrict({ signer: p.newGovernance, facility: p.facility.facility })
        .instruction(),
    /** Replaces the buybox (each bound checked). */
    setBuybox: (p: { governance: PublicKey; facility: FacilityRef; buybox: Buybox }) =>
      this.program.methods
        .setBuybox(buyboxArg(p.buybox))
        .accountsStrict({ governance: p.governance, facility: p.facility.facility })
        .instruction(),
    /** Replaces the beacon, attestor and warden keys. */
    setRoles: (p: { governance: PublicKey; facility: FacilityRef; roles: Roles }) =>
      this.program.methods
        .setRoles(p.roles)
        .accountsStrict({ governance: p.governance, facility: p.facility.facility })
        .instruction(),
    /**
     * Wires the facility's PAU routes (deploy: custody → endpoint; return: custody → the
     * redeem vault). Both rate limits must exist (the PAU's timelock creates them).
     */
    setRoutes: (p: { governance: PublicKey; facility: FacilityRef }) =>
      this.program.methods
        .setRoutes()
        .accountsStrict({
          governance: p.governance,
          facility: p.facility.facility,
          deployRateLimit: p.facility.deployRateLimit,
          returnRateLimit: p.facility.returnRateLimit,
        })
        .instruction(),
    /** Approves `prime` to queue capital and be struck deals. */
    approvePrime: (p: { governance: PublicKey; facility: FacilityRef; prime: PublicKey }) =>
      this.program.methods
        .approvePrime()
        .accountsStrict({
          governance: p.governance,
          facility: p.facility.facility,
          prime: p.prime,
          approvedPrime: nfatApprovalOf(p.facility, p.prime),
          systemProgram: SystemProgram.programId,
        })
        .instruction(),
    /** Revokes `prime`'s approval (its queued capital stays withdrawable). */
    revokePrime: (p: { governance: PublicKey; facility: FacilityRef; prime: PublicKey }) =>
      this.program.methods
        .revokePrime()
        .accountsStrict({
          governance: p.governance,
          facility: p.facility.facility,
          approvedPrime: nfatApprovalOf(p.facility, p.prime),
        })
        .instruction(),
    /** Turns the NFTs' transfer allow-list on or off. */
    setAllowList: (p: { governance: PublicKey; facility: FacilityRef; on: boolean }) =>
      this.program.methods
        .setAllowList(p.on)
        .accountsStrict({ governance: p.governance, facility: p.facility.facility })
        .instruction(),
    /** Lists `owner` as a permitted NFT receiver. */
    listHolder: (p: { governance: PublicKey; facility: FacilityRef; owner: PublicKey }) =>
      this.program.methods
        .listHolder()
        .accountsStrict({
          governance: p.governance,
          facility: p.facility.facility,
          owner: p.owner,
          holder: nfatHolderEntryOf(p.facility, p.owner),
          systemProgram: SystemProgram.programId,
        })
        .instruction(),
    delistHolder: (p: { governance: PublicKey; facility: FacilityRef; owner: PublicKey }) =>
      this.program.methods
        .delistHolder()
        .accountsStrict({
          governance: p.governance,
          facility: p.facility.facility,
          holder: nfatHolderEntryOf(p.facility, p.owner),
        })
        .instruction(),
    /** Writes a defaulted deal off (nothing more owed; its holder may still burn the NFT). */
    writeOff: (p: { governance: PublicKey; facility: FacilityRef; deal: DealRef }) =>
      this.program.methods
        .writeOff()
        .accountsStrict({ governance: p.governance, facility: p.facility.facility, deal: p.deal.deal })
        .instruction(),
  };

  /** The warden (or governance) and the attestor (lpha-attest). */
  readonly warden = {
    /** Halts or resumes claims, deployment and funding (the warden halts; governance also resumes). */
    setHalted: (p: { signer: PublicKey; facility: FacilityRef; halted: boolean }) =>
      this.program.methods
        .setHalted(p.halted)
        .accountsStrict({ signer: p.signer, facility: p.facility.facility })
        .instruction(),
    /** Marks an unpaid deal defaulted, after maturity plus the grace period. */
    markDefault: (p: { signer: PublicKey; facility: FacilityRef; deal: DealRef }) =>
      this.program.methods
        .markDefault()
        .accountsStrict({ signer: p.signer, facility: p.facility.facility, deal: p.deal.deal })
        .instruction(),
    /** The attestor posts a pre-deployment or at-rest attestation hash on `book`. */
    attest: (p: {
      attestor: PublicKey;
      facility: FacilityRef;
      book: PublicKey;
      kind: AttestationKindName;
      hash: Uint8Array;
    }) => {
      if (p.hash.length !== 32) throw new RangeError(`an attestation hash is 32 bytes, got ${p.hash.length}`);
      return this.program.methods
        .attest(variant(p.kind, ["preDeployment", "atRest"] as const, "an attestation kind") as never, [...p.hash])
        .accountsStrict({ attestor: p.attestor, facility: p.facility.facility, book: p.book })
        .instruction();
    },
  };

  /** The facility's beacon (lpha-nfat). */
  readonly beacon = {
    /** Creates book `bookId` (the facility's `nextBookId`) and its vault. */
    createBook: (p: { beacon: PublicKey; facility: FacilityRef; bookId: Int }) => {
      const book = nfatBookOf(p.facility, p.bookId);
      return this.program.methods
        .createBook()
        .accountsStrict({
          beacon: p.beacon,
          facility: p.facility.facility,
          book,
          bookVault: pda.nfatBookVault(book, p.facility.depositMint)[0],
          depositMint: p.facility.depositMint,
          depositTokenProgram: p.facility.depositTokenProgram,
          systemProgram: SystemProgram.programId,
        })
        .instruction();
    },
    /**
     * Strikes `deal` (its id the facility's `nextDealId`) for `prime` into `deal.book`: the
     * principal from the Prime's queue, the Deal with its terms and their hash, the NFT mint
     * with its metadata and the hook's accounts. The token reaches the Prime by
     * `deliverNft`: send `strike` for the whole transaction.
     */
    claim: (p: { beacon: PublicKey; facility: FacilityRef; prime: PublicKey; deal: DealRef; terms: DealTerms }) => {
      const f = p.facility;
      return this.program.methods
        .claim(bn(p.terms.principal), termsArg(p.terms) as never)
        .accountsStrict({
          beacon: p.beacon,
          facility: f.facility,
          prime: p.prime,
          approvedPrime: nfatApprovalOf(f, p.prime),
          deposit: nfatDepositOf(f, p.prime),
          book: p.deal.book,
          queueVault: f.queueVault,
          bookVault: pda.nfatBookVault(p.deal.book, f.depositMint)[0],
          depositMint: f.depositMint,
          deal: p.deal.deal,
          nftMint: p.deal.nftMint,
          extraAccountMetaList: pda.nfatExtraAccountMetas(p.deal.nftMint)[0],
          depositTokenProgram: f.depositTokenProgram,
          nftTokenProgram: TOKEN_2022_PROGRAM_ID,
          hookProgram: NFAT_HOOK_PROGRAM_ID,
          systemProgram: SystemProgram.programId,
        })
        .instruction();
    },
    /**
     * The strike as one transaction (`claim_transaction`): the compute budget, `claim`, the
     * Prime's NFT account (paid by the beacon) and `deliverNft`. The Prime holds the NFT
     * when it lands.
     */
    strike: async (p: {
      beacon: PublicKey;
      facility: FacilityRef;
      prime: PublicKey;
      deal: DealRef;
      terms: DealTerms;
    }): Promise<TransactionInstruction[]> => [
      computeUnitLimit(CLAIM_COMPUTE_UNITS),
      await this.beacon.claim(p),
      createNftAccount(p.beacon, p.prime, p.deal.nftMint),
      await this.anyone.deliverNft({ facility: p.facility, deal: p.deal, depositor: p.prime }),
    ],
    /** Moves `book` to `to`; gated on an attestation newer than its last move where the lifecycle says so. */
    moveBook: (p: { beacon: PublicKey; facility: FacilityRef; book: PublicKey; to: BookStatusName }) =>
      this.program.methods
        .moveBook(
          variant(p.to, ["created", "filling", "deploying", "atRest", "unwinding", "closed"] as const, "a book status") as never,
        )
        .accountsStrict({ beacon: p.beacon, facility: p.facility.facility, book: p.book })
        .instruction(),
    /** Deploys `amount` of `book` to the RWA endpoint through the PAU (rate limited). */
    deploy: (p: { beacon: PublicKey; facility: FacilityRef; book: PublicKey; amount: Int }) => {
      const f = p.facility;
      return this.program.methods
        .deploy(bn(p.amount))
        .accountsStrict({
          beacon: p.beacon,
          facility: f.facility,
          book: p.book,
          bookVault: pda.nfatBookVault(p.book, f.depositMint)[0],
          depositMint: f.depositMint,
          pau: pauAccounts(f, f.deployRateLimit),
          endpoint: f.endpoint,
          depositTokenProgram: f.depositTokenProgram,
        })
        .instruction();
    },
    /** Brings `amount` returned by the RWA from PAU custody into the redeem vault, for `book`. */
    returnFunds: (p: { beacon: PublicKey; facility: FacilityRef; book: PublicKey; amount: Int }) => {
      const f = p.facility;
      return this.program.methods
        .returnFunds(bn(p.amount))
        .accountsStrict({
          beacon: p.beacon,
          facility: f.facility,
          book: p.book,
          redeemVault: f.redeemVault,
          depositMint: f.depositMint,
          pau: pauAccounts(f, f.returnRateLimit),
          depositTokenProgram: f.depositTokenProgram,
        })
        .instruction();
    },
    /** Moves `amount` of `book`'s undeployed capital to the redeem vault. */
    release: (p: { beacon: PublicKey; facility: FacilityRef; book: PublicKey; amount: Int }) => {
      const f = p.facility;
      return this.program.methods
        .release(bn(p.amount))
        .accountsStrict({
          beacon: p.beacon,
          facility: f.facility,
          book: p.book,
          bookVault: pda.nfatBookVault(p.book, f.depositMint)[0],
          redeemVault: f.redeemVault,
          depositMint: f.depositMint,
          depositTokenProgram: f.depositTokenProgram,
        })
        .instruction();
    },
    /** Funds `deal` from its book's returned capital (late payments record their penalty). */
    fund: (p: { beacon: PublicKey; facility: FacilityRef; deal: DealRef; add: AmountsIn }) =>
      this.program.methods
        .fund(bn(p.add.principal), bn(p.add.interest), bn(p.add.penalty))
        .accountsStrict({ beacon: p.beacon, facility: p.facility.facility, book: p.deal.book, deal: p.deal.deal })
        .instruction(),
  };

  /** Approved Primes: their queue. */
  readonly prime = {
    /** Queues `amount` from `primeToken` (the Prime's deposit-mint account). */
    deposit: (p: { prime: PublicKey; facility: FacilityRef; primeToken: PublicKey; amount: Int }) => {
      const f = p.facility;
      return this.program.methods
        .deposit(bn(p.amount))
        .accountsStrict({
          prime: p.prime,
          facility: f.facility,
          approvedPrime: nfatApprovalOf(f, p.prime),
          deposit: nfatDepositOf(f, p.prime),
          primeToken: p.primeToken,
          queueVault: f.queueVault,
          depositMint: f.depositMint,
          depositTokenProgram: f.depositTokenProgram,
          systemProgram: SystemProgram.programId,
        })
        .instruction();
    },
    /** Withdraws `amount` of the Prime's queued capital (any time, halted or not). */
    withdraw: (p: { prime: PublicKey; facility: FacilityRef; primeToken: PublicKey; amount: Int }) => {
      const f = p.facility;
      return this.program.methods
        .withdraw(bn(p.amount))
        .accountsStrict({
          prime: p.prime,
          facility: f.facility,
          deposit: nfatDepositOf(f, p.prime),
          primeToken: p.primeToken,
          queueVault: f.queueVault,
          depositMint: f.depositMint,
          depositTokenProgram: f.depositTokenProgram,
        })
        .instruction();
    },
  };

  /** A deal NFT's holder. */
  readonly holder = {
    /**
     * Redeems up to `max` (base units; default everything) of what `deal` has funded and
     * unclaimed, into `holderToken`; proven by `holderNftAccount` (default: the holder's
     * associated account). The final redemption burns the NFT and closes its accounts.
     */
    redeem: (p: {
      holder: PublicKey;
      facility: FacilityRef;
      deal: DealRef;
      holderToken: PublicKey;
      holderNftAccount?: PublicKey;
      max?: Int;
    }) => {
      const f = p.facility;
      return this.program.methods
        .redeem(bn(p.max ?? (1n << 64n) - 1n))
        .accountsStrict({
          holder: p.holder,
          holderNftAccount: p.holderNftAccount ?? nftAccount(p.holder, p.deal.nftMint),
          holderToken: p.holderToken,
          facility: f.facility,
          deal: p.deal.deal,
          nftMint: p.deal.nftMint,
          redeemVault: f.redeemVault,
          depositMint: f.depositMint,
          depositTokenProgram: f.depositTokenProgram,
          nftTokenProgram: TOKEN_2022_PROGRAM_ID,
        })
        .instruction();
    },
  };

  /** Anyone. */
  readonly anyone = {
    /** Pays `deal` directly from `payerToken` (a gift to the holder's claim). */
    pay: (p: { payer: PublicKey; facility: FacilityRef; deal: DealRef; payerToken: PublicKey; add: AmountsIn }) => {
      const f = p.facility;
      return this.program.methods
        .pay(bn(p.add.principal), bn(p.add.interest), bn(p.add.penalty))
        .accountsStrict({
          payer: p.payer,
          payerToken: p.payerToken,
          facility: f.facility,
          deal: p.deal.deal,
          redeemVault: f.redeemVault,
          depositMint: f.depositMint,
          depositTokenProgram: f.depositTokenProgram,
        })
        .instruction();
    },
    /**
     * Mints a struck deal's NFT to `depositor` (the deal's Prime), whose associated NFT
     * account must exist (`createNftAccount`); once per deal.
     */
    deliverNft: (p: { facility: FacilityRef; deal: DealRef; depositor: PublicKey }) =>
      this.program.methods
        .deliverNft()
        .accountsStrict({
          facility: p.facility.facility,
          deal: p.deal.deal,
          nftMint: p.deal.nftMint,
          depositor: p.depositor,
          depositorNftAccount: nftAccount(p.depositor, p.deal.nftMint),
          nftTokenProgram: TOKEN_2022_PROGRAM_ID,
        })
        .instruction(),
  };

  /** Read-only (simulate it): the answer is the return data, read with `decodeDealView`. */
  readonly views = {
    dealView: (p: { facility: FacilityRef; deal: DealRef }) =>
      this.program.methods
        .dealView()
        .accountsStrict({ facility: p.facility.facility, deal: p.deal.deal })
        .instruction(),
  };
}

// ---- accounts and the view's return data -------------------------------------------------

/** halo_nfat's types as Anchor's coder decodes them (u64 / i64 as BN). */
type NfatTypes = IdlTypes<HaloNfat>;
/** The `deal_view` answer (see `DealView` in programs/halo-nfat). */
export type DealView = NfatTypes["dealView"];

/** Borsh size of `deal_view`'s answer. */
export const DEAL_VIEW_SIZE = 1 + 8 + 3 * 24 + 8 + 8 + 4 + 4 + 8 + 1;

/** halo_nfat's account types, by their IDL names. */
export type NfatAccountName = "facility" | "book" | "deal" | "queueDeposit" | "approvedPrime" | "holderEntry";

let defaultProgram: Program<HaloNfat> | undefined;
const programOf = (program?: Program<HaloNfat>) => program ?? (defaultProgram ??= nfatProgram());

/** Decodes a halo_nfat account's data (discriminator checked). */
export function decodeNfatAccount<T = Record<string, unknown>>(
  name: NfatAccountName,
  data: Uint8Array,
  program?: Program<HaloNfat>,
): T {
  return programOf(program).coder.accounts.decode(name, Buffer.from(data)) as T;
}

/** Decodes `deal_view`'s return data (trailing zeros trimmed or not). */
export function decodeDealView(returnData: Uint8Array, program?: Program<HaloNfat>): DealView {
  const padded = padReturnData(returnData, DEAL_VIEW_SIZE, "deal_view");
  return programOf(program).coder.types.decode("dealView", padded) as DealView;
}

// ---- the terms hash ----------------------------------------------------------------------

const SCHEDULES = ["bullet", "amortizing", "periodicInterest"] as const;

/** A whole number in [0, max] (a bigint, an integer number or a decimal string), or a RangeError naming `what`. */
function whole(v: Int, max: bigint, what: string): bigint {
  let n: bigint | null = null;
  if (typeof v === "bigint") n = v;
  else if (typeof v === "number") n = Number.isSafeInteger(v) ? BigInt(v) : null;
  else if (/^[0-9]+$/.test(v)) n = BigInt(v);
  if (n === null || n > max) throw new RangeError(`${what} must be a whole number from 0 to ${max}, got ${String(v)}`);
  if (n < 0n) throw new RangeError(`${what} must be a whole number from 0 to ${max}, got ${n}`);
  return n;
}

/**
 * The hash a Deal records of its terms (`terms_hash`): sha256 of "halo-nfat-terms", the
 * facility, the deal id (u64 LE) and the Borsh terms (principal u64, apy u32, start i64,
 * tenor u32, payments u32, schedule u8). A holder checks a deal's `termsHash` against the
 * terms agreed off chain with it. Terms that do not fit their fields are refused.
 */
export function termsHash(facility: PublicKey, dealId: Int, t: DealTerms): Buffer {
  const U32 = 0xffff_ffffn;
  const U64 = (1n << 64n) - 1n;
  const schedule = SCHEDULES.indexOf(t.schedule);
  if (!Object.hasOwn(t, "schedule") || schedule < 0) {
    throw new RangeError(`a schedule must be one of ${SCHEDULES.join(", ")}, got ${JSON.stringify(t.schedule)}`);
  }
  const start = typeof t.startTs === "string" && /^-?[0-9]+$/.test(t.startTs) ? BigInt(t.startTs) : t.startTs;
  if ((typeof start === "number" && !Number.isSafeInteger(start)) || typeof start === "string") {
    throw new RangeError(`startTs must be a whole number of unix seconds, got ${String(t.startTs)}`);
  }
  const startTs = BigInt(start);
  if (startTs < -(1n << 63n) || startTs >= 1n << 63n) throw new RangeError(`startTs must fit an i64, got ${startTs}`);
  const terms = Buffer.alloc(8 + 4 + 8 + 4 + 4 + 1);
  terms.writeBigUInt64LE(whole(t.principal, U64, "principal"), 0);
  terms.writeUInt32LE(Number(whole(t.apyBps, U32, "apyBps")), 8);
  terms.writeBigInt64LE(startTs, 12);
  terms.writeUInt32LE(Number(whole(t.tenorMonths, U32, "tenorMonths")), 20);
  terms.writeUInt32LE(Number(whole(t.payments, U32, "payments")), 24);
  terms.writeUInt8(schedule, 28);
  const id = Buffer.alloc(8);
  id.writeBigUInt64LE(whole(dealId, U64, "dealId"));
  return createHash("sha256").update("halo-nfat-terms").update(facility.toBuffer()).update(id).update(terms).digest();
}
