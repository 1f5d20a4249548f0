// halo_lcts (the Passthrough Halo): the addresses one unit's instructions share (`UnitRef`,
// `QueueRef`, `UnitPau`), typed instruction builders grouped by the role that signs them,
// and the decoders of the views' return data. Data is encoded by Anchor's coder from the
// generated IDL; account lists mirror crates/halo-sdk/src/lcts.rs and are checked byte for
// byte against it (test/golden-lcts.test.ts). What an entry, a claim, an exit or a
// settlement pays is in lcts-quote.ts.
import type { IdlTypes, Program } from "@anchor-lang/core";
import { type PublicKey, SystemProgram, type TransactionInstruction } from "@solana/web3.js";
import { BN, type HaloLcts, LCTS_PROGRAM_ID, lctsProgram, PAU_PROGRAM_ID } from "./program.ts";
import { ata, pda, TOKEN_2022_PROGRAM_ID, TOKEN_PROGRAM_ID } from "./pda.ts";
import { rateLimitKey, TAGS } from "./keys.ts";
import type { Int } from "./pau.ts";

const bn = (v: Int) => new BN(v.toString());

/** 1.0 USDS per share: the rate a new unit starts at unless governance says otherwise. */
export const LCTS_WAD = 10n ** 18n;

/** A unit's pause flags (`PAUSE_*`): the whole unit, its subscribe side, its redeem side. */
export const PAUSE_UNIT = 1;
export const PAUSE_SUBSCRIBE = 2;
export const PAUSE_REDEEM = 4;
export const PAUSE_ALL = PAUSE_UNIT | PAUSE_SUBSCRIBE | PAUSE_REDEEM;

/** Which queue of a unit: USDS waiting for shares, or shares waiting for USDS. */
export type QueueSideName = "subscribe" | "redeem";
/** The IDL's `QueueSide` enum as Anchor encodes it. */
export type QueueSideArg = { subscribe: Record<string, never> } | { redeem: Record<string, never> };

/** A side (`"subscribe"` / `"redeem"`, or its Anchor form) by name. */
export function queueSideOf(side: QueueSideName | QueueSideArg): QueueSideName {
  const name = typeof side === "string" ? side : (Object.keys(side ?? {})[0] as QueueSideName);
  if ((name !== "subscribe" && name !== "redeem") || (typeof side !== "string" && Object.keys(side).length !== 1))
    throw new RangeError(`a queue side must be one of subscribe, redeem, got ${JSON.stringify(side)}`);
  return name;
}

/** A side as the IDL's `QueueSide` enum. */
export function queueSideArg(side: QueueSideName | QueueSideArg): QueueSideArg {
  return queueSideOf(side) === "subscribe" ? { subscribe: {} } : { redeem: {} };
}

/** The PAU accounts a unit converts through (as `halo_sdk::lcts::UnitPau`). */
export interface UnitPau {
  controller: PublicKey;
  /** The PAU proxy's custody token account of the USDS mint. */
  custody: PublicKey;
  /** The strategy's USDS token account: the deploy route's counterparty. */
  deployEndpoint: PublicKey;
}

/** The addresses one unit's instructions share (as `halo_sdk::lcts::UnitRef`). */
export interface UnitRef {
  class: PublicKey;
  unitId: bigint;
  unit: PublicKey;
  /** The Halo Unit share mint (Token-2022). */
  shareMint: PublicKey;
  usdsMint: PublicKey;
  usdsTokenProgram: PublicKey;
  subscribeQueue: PublicKey;
  redeemQueue: PublicKey;
  /** The subscribe queue's USDS (underlying) and share (reward) vaults. */
  subscribeUsdsVault: PublicKey;
  subscribeShareVault: PublicKey;
  /** The redeem queue's share (underlying) and USDS (reward) vaults. */
  redeemShareVault: PublicKey;
  redeemUsdsVault: PublicKey;
  pauController: PublicKey;
  pauProxy: PublicKey;
  pauCustody: PublicKey;
  /** The PAU Integration of the unit PDA. */
  pauIntegration: PublicKey;
  /** The PAU rate limits of the deploy route and the return route. */
  deployRateLimit: PublicKey;
  returnRateLimit: PublicKey;
  deployEndpoint: PublicKey;
}

/** One queue's addresses, as the side-generic instructions take them (`QueueRef`). */
export interface QueueRef {
  queue: PublicKey;
  underlyingMint: PublicKey;
  underlyingVault: PublicKey;
  underlyingTokenProgram: PublicKey;
  rewardMint: PublicKey;
  rewardVault: PublicKey;
  rewardTokenProgram: PublicKey;
}

/** The deploy route's key: `sha256("lcts_deploy" || usds_mint || deploy_endpoint)`. */
export function deployRouteKey(u: Pick<UnitRef, "usdsMint" | "deployEndpoint">): Buffer {
  return rateLimitKey(TAGS.lctsDeploy, u.usdsMint, u.deployEndpoint);
}

/** The return route's key: `sha256("lcts_return" || usds_mint || redeem_usds_vault)`. */
export function returnRouteKey(u: Pick<UnitRef, "usdsMint" | "redeemUsdsVault">): Buffer {
  return rateLimitKey(TAGS.lctsReturn, u.usdsMint, u.redeemUsdsVault);
}

/**
 * Every address of unit `unitId` of `class`, converting through `pau` (as `UnitRef::new`):
 * the share mint is Token-2022; USDS is SPL Token unless `usdsTokenProgram` says otherwise.
 */
export function unitRef(p: {
  class: PublicKey;
  unitId: Int;
  usdsMint: PublicKey;
  usdsTokenProgram?: PublicKey;
  pau: UnitPau;
}): UnitRef {
  const unit = pda.lctsUnit(p.class, p.unitId)[0];
  const shareMint = pda.shareMint(unit)[0];
  const subscribeQueue = pda.lctsQueue(unit, "subscribe")[0];
  const redeemQueue = pda.lctsQueue(unit, "redeem")[0];
  const redeemUsdsVault = pda.queueVault(redeemQueue, p.usdsMint)[0];
  const deployKey = deployRouteKey({ usdsMint: p.usdsMint, deployEndpoint: p.pau.deployEndpoint });
  const returnKey = returnRouteKey({ usdsMint: p.usdsMint, redeemUsdsVault });
  return {
    class: p.class,
    unitId: BigInt(p.unitId.toString()),
    unit,
    shareMint,
    usdsMint: p.usdsMint,
    usdsTokenProgram: p.usdsTokenProgram ?? TOKEN_PROGRAM_ID,
    subscribeQueue,
    redeemQueue,
    subscribeUsdsVault: pda.queueVault(subscribeQueue, p.usdsMint)[0],
    subscribeShareVault: pda.queueVault(subscribeQueue, shareMint)[0],
    redeemShareVault: pda.queueVault(redeemQueue, shareMint)[0],
    redeemUsdsVault,
    pauController: p.pau.controller,
    pauProxy: pda.proxy(p.pau.controller)[0],
    pauCustody: p.pau.custody,
    pauIntegration: pda.integration(p.pau.controller, unit)[0],
    deployRateLimit: pda.rateLimit(p.pau.controller, deployKey)[0],
    returnRateLimit: pda.rateLimit(p.pau.controller, returnKey)[0],
    deployEndpoint: p.pau.deployEndpoint,
  };
}

/**
 * The PAU wiring of a unit converting through `controller`: custody is the proxy's ATA of
 * the USDS mint (as a PAU's custody is everywhere), `deployEndpoint` the strategy's account.
 */
export function unitPau(
  controller: PublicKey,
  usdsMint: PublicKey,
  deployEndpoint: PublicKey,
  usdsTokenProgram: PublicKey = TOKEN_PROGRAM_ID,
): UnitPau {
  return { controller, custody: ata(pda.proxy(controller)[0], usdsMint, usdsTokenProgram), deployEndpoint };
}

/** The queue on `side` (subscribe: USDS in, shares out; redeem: the reverse), as `UnitRef::queue`. */
export function queueRef(u: UnitRef, side: QueueSideName | QueueSideArg): QueueRef {
  const usds = [u.usdsMint, u.usdsTokenProgram] as const;
  const shares = [u.shareMint, TOKEN_2022_PROGRAM_ID] as const;
  return queueSideOf(side) === "subscribe"
    ? {
        queue: u.subscribeQueue,
        underlyingMint: usds[0],
        underlyingVault: u.subscribeUsdsVault,
        underlyingTokenProgram: usds[1],
        rewardMint: shares[0],
        rewardVault: u.subscribeShareVault,
        rewardTokenProgram: shares[1],
      }
    : {
        queue: u.redeemQueue,
        underlyingMint: shares[0],
        underlyingVault: u.redeemShareVault,
        underlyingTokenProgram: shares[1],
        rewardMint: usds[0],
        rewardVault: u.redeemUsdsVault,
        rewardTokenProgram: usds[1],
      };
}

/** `owner`'s position in the queue on `side`. */
export function lctsPositionOf(u: UnitRef, side: QueueSideName | QueueSideArg, owner: PublicKey): PublicKey {
  return pda.lctsPosition(queueRef(u, side).queue, owner)[0];
}

/** The finalized generation `genId` of the queue on `side`. */
export function lctsGenerationOf(u: UnitRef, side: QueueSideName | QueueSideArg, genId: Int): PublicKey {
  return pda.lctsGeneration(queueRef(u, side).queue, genId)[0];
}

/** Governance-set unit parameters (`UnitParams`; bps as numbers, seconds and amounts as `Int`). */
export interface UnitParams {
  /** bps (≤ 10,000); the most one beacon update may raise the exchange rate. */
  maxRateUpBps: number;
  /** bps (≤ 5,000); the most one beacon update may lower it (a haircut). */
  maxRateDownBps: number;
  /** Seconds (one minute to 31 days): one rate update per epoch; an older rate is stale; the lock cycle. */
  epochS: Int;
  /** Seconds after each epoch's start (unix time modulo `epochS`) at which the lock window opens. */
  lockOffsetS: Int;
  /** Seconds the lock window stays open (`epochS`: any time); `lockOffsetS + lockWindowS ≤ epochS`. */
  lockWindowS: Int;
  /** Seconds (one minute to seven days); a generation LOCKED longer may be unlocked, and net-settled, by anyone. */
  maxLockS: Int;
  /** Base units; a settlement that would leave less converts it too, so the generation finalizes. */
  dust: Int;
  /** Base units (> 0); the smallest entry. */
  minEntry: Int;
}

/** The share mint's Token-2022 metadata (name 1 to 32 bytes, symbol ≤ 10, URI ≤ 200). */
export interface ShareMetadata {
  name: string;
  symbol: string;
  uri: string;
}

function paramsArg(p: UnitParams) {
  return {
    maxRateUpBps: p.maxRateUpBps,
    maxRateDownBps: p.maxRateDownBps,
    epochS: bn(p.epochS),
    lockOffsetS: bn(p.lockOffsetS),
    lockWindowS: bn(p.lockWindowS),
    maxLockS: bn(p.maxLockS),
    dust: bn(p.dust),
    minEntry: bn(p.minEntry),
  };
}

/** Governance signing for a unit of its class: the `GovernedUnit` accounts. */
const governed = (governance: PublicKey, u: UnitRef) => ({ governance, class: u.class, unit: u.unit });

/** A finalized generation's address, or `null` (no account: Anchor passes the program id). */
const finalizedAt = (queue: PublicKey, gen: Int | null | undefined) =>
  gen === null || gen === undefined ? null : pda.lctsGeneration(queue, gen)[0];

export class LctsClient {
  constructor(readonly program: Program<HaloLcts> = lctsProgram()) {}

  /**
   * `subscribe` / `request_redeem` (`halo_sdk::lcts::enter`): the owner's USDS and share
   * accounts, taken as underlying and reward by side.
   */
  private enter(
    side: QueueSideName,
    p: { owner: PublicKey; unit: UnitRef; ownerUsds: PublicKey; ownerShares: PublicKey; finalizedGen?: Int | null },
  ) {
    const q = queueRef(p.unit, side);
    const [from, to] = side === "subscribe" ? [p.ownerUsds, p.ownerShares] : [p.ownerShares, p.ownerUsds];
    return {
      owner: p.owner,
      unit: p.unit.unit,
      queue: q.queue,
      position: pda.lctsPosition(q.queue, p.owner)[0],
      finalizedGeneration: finalizedAt(q.queue, p.finalizedGen),
      underlyingMint: q.underlyingMint,
      ownerUnderlying: from,
      underlyingVault: q.underlyingVault,
      rewardMint: q.rewardMint,
      ownerReward: to,
      rewardVault: q.rewardVault,
      underlyingTokenProgram: q.underlyingTokenProgram,
      rewardTokenProgram: q.rewardTokenProgram,
      systemProgram: SystemProgram.programId,
    };
  }

  /**
   * Primes (position owners); `settleFinalized` by anyone (a keeper crank paying the owner).
   * Subscribe side: USDS in, Halo Unit shares out; redeem side: shares in, USDS out. Each
   * entry pays out what the position had earned; a position whose generation finalized is
   * settled first (pass `finalizedGen`, the position's `genId`).
   */
  readonly prime = {
    /** Queues `amount` USDS (base units, ≥ the unit's `minEntry`) for shares. */
    subscribe: (p: {
      owner: PublicKey;
      unit: UnitRef;
      ownerUsds: PublicKey;
      ownerShares: PublicKey;
      amount: Int;
      finalizedGen?: Int | null;
    }): Promise<TransactionInstruction> =>
      this.program.methods
        .subscribe(bn(p.amount))
        .accountsStrict(this.enter("subscribe", p))
        .instruction(),
    /** Queues `amount` Halo Unit shares for USDS. */
    requestRedeem: (p: {
      owner: PublicKey;
      unit: UnitRef;
      ownerUsds: PublicKey;
      ownerShares: PublicKey;
      amount: Int;
      finalizedGen?: Int | null;
    }): Promise<TransactionInstruction> =>
      this.program.methods
        .requestRedeem(bn(p.amount))
        .accountsStrict(this.enter("redeem", p))
        .instruction(),
    /** Pays the reward earned so far (shares on the subscribe side, USDS on the redeem side) into `rewardTo`. */
    claim: (p: { owner: PublicKey; unit: UnitRef; side: QueueSideName | QueueSideArg; rewardTo: PublicKey }) => {
      const q = queueRef(p.unit, p.side);
      return this.program.methods
        .claim()
        .accountsStrict({
          owner: p.owner,
          unit: p.unit.unit,
          queue: q.queue,
          position: pda.lctsPosition(q.queue, p.owner)[0],
          rewardMint: q.rewardMint,
          rewardVault: q.rewardVault,
          ownerReward: p.rewardTo,
          rewardTokenProgram: q.rewardTokenProgram,
        })
        .instruction();
    },
    /** Full exit: the unconverted underlying and the earned reward; closes the position. */
    exit: (p: {
      owner: PublicKey;
      unit: UnitRef;
      side: QueueSideName | QueueSideArg;
      ownerUsds: PublicKey;
      ownerShares: PublicKey;
    }) => {
      const side = queueSideOf(p.side);
      const q = queueRef(p.unit, side);
      const [underlying, reward] = side === "subscribe" ? [p.ownerUsds, p.ownerShares] : [p.ownerShares, p.ownerUsds];
      return this.program.methods
        .exit()
        .accountsStrict({
          owner: p.owner,
          unit: p.unit.unit,
          queue: q.queue,
          position: pda.lctsPosition(q.queue, p.owner)[0],
          underlyingMint: q.underlyingMint,
          underlyingVault: q.underlyingVault,
          ownerUnderlying: underlying,
          rewardMint: q.rewardMint,
          rewardVault: q.rewardVault,
          ownerReward: reward,
          underlyingTokenProgram: q.underlyingTokenProgram,
          rewardTokenProgram: q.rewardTokenProgram,
        })
        .instruction();
    },
    /**
     * Anyone (a keeper): pays `owner`'s finalized position (generation `genId`, the
     * position's) into `ownerReward` (the owner's account of the reward mint) and closes
     * it, its rent back to the owner.
     */
    settleFinalized: (p: {
      caller: PublicKey;
      unit: UnitRef;
      side: QueueSideName | QueueSideArg;
      owner: PublicKey;
      genId: Int;
      ownerReward: PublicKey;
    }) => {
      const q = queueRef(p.unit, p.side);
      return this.program.methods
        .settleFinalized()
        .accountsStrict({
          caller: p.caller,
          unit: p.unit.unit,
          queue: q.queue,
          position: pda.lctsPosition(q.queue, p.owner)[0],
          generation: pda.lctsGeneration(q.queue, p.genId)[0],
          owner: p.owner,
          ownerReward: p.ownerReward,
          rewardMint: q.rewardMint,
          rewardVault: q.rewardVault,
          rewardTokenProgram: q.rewardTokenProgram,
        })
        .instruction();
    },
  };

  /**
   * The class's governance (the creator of the class); `setPaused` also the unit's freezer
   * (adding flags only); `acceptClassGovernance` the proposed governance; `unlock` anyone
   * once a lock outlasted `maxLockS` (governance at any time).
   */
  readonly governance = {
    /** Creates class `classId` of `authority`, which becomes its governance. */
    createClass: (p: { authority: PublicKey; classId: Int }): Promise<TransactionInstruction> =>
      this.program.methods
        .createClass(bn(p.classId))
        .accountsStrict({
          authority: p.authority,
          class: pda.lctsClass(p.authority, p.classId)[0],
          systemProgram: SystemProgram.programId,
        })
        .instruction(),
    /**
     * Proposes `newGovernance` for the class (two-step rotation): the role moves only when
     * that key signs `acceptClassGovernance`. `PublicKey.default` withdraws the proposal.
     */
    proposeClassGovernance: (p: { governance: PublicKey; class: PublicKey; newGovernance: PublicKey }) =>
      this.program.methods
        .proposeClassGovernance(p.newGovernance)
        .accountsStrict({ signer: p.governance, class: p.class })
        .instruction(),
    /** Signed by the proposed governance (the class's `pendingGovernance`): takes the role. */
    acceptClassGovernance: (p: { newGovernance: PublicKey; class: PublicKey }) =>
      this.program.methods
        .acceptClassGovernance()
        .accountsStrict({ signer: p.newGovernance, class: p.class })
        .instruction(),
    /**
     * Creates unit `unit` (built with `unitRef` from the same unit id) and its Token-2022
     * share mint (the USDS mint's decimals, `metadata` on the mint), converting through the
     * unit's PAU controller. Its routes are set by `setUnitRoutes` once the queues exist.
     */
    createUnit: (p: {
      governance: PublicKey;
      unit: UnitRef;
      beacon: PublicKey;
      freezer: PublicKey;
      /** WAD; the starting exchange rate (USDS base units per share base unit). */
      rateWad: Int;
      params: UnitParams;
      metadata: ShareMetadata;
    }) =>
      this.program.methods
        .createUnit({
          unitId: bn(p.unit.unitId),
          beacon: p.beacon,
          freezer: p.freezer,
          rateWad: bn(p.rateWad),
          params: paramsArg(p.params),
          metadata: { name: p.metadata.name, symbol: p.metadata.symbol, uri: p.metadata.uri },
        })
        .accountsStrict({
          governance: p.governance,
          class: p.unit.class,
          unit: p.unit.unit,
          shareMint: p.unit.shareMint,
          underlyingMint: p.unit.usdsMint,
          pauController: p.unit.pauController,
          underlyingTokenProgram: p.unit.usdsTokenProgram,
          shareTokenProgram: TOKEN_2022_PROGRAM_ID,
          systemProgram: SystemProgram.programId,
        })
        .instruction(),
    /** Creates the unit's queue on `side` (DORMANT) and its USDS and share vaults. */
    createQueue: (p: { governance: PublicKey; unit: UnitRef; side: QueueSideName | QueueSideArg }) => {
      const queue = queueRef(p.unit, p.side).queue;
      return this.program.methods
        .createQueue(queueSideArg(p.side) as never)
        .accountsStrict({
          governance: p.governance,
          class: p.unit.class,
          unit: p.unit.unit,
          queue,
          usdsMint: p.unit.usdsMint,
          shareMint: p.unit.shareMint,
          usdsVault: pda.queueVault(queue, p.unit.usdsMint)[0],
          shareVault: pda.queueVault(queue, p.unit.shareMint)[0],
          usdsTokenProgram: p.unit.usdsTokenProgram,
          shareTokenProgram: TOKEN_2022_PROGRAM_ID,
          systemProgram: SystemProgram.programId,
        })
        .instruction();
    },
    /**
     * Sets (or rewires) the unit's PAU routes: the deploy route (custody → the strategy's
     * `deployEndpoint`) and the return route (custody → the redeem queue's USDS vault). Both
     * rate limits must exist: their inits and the unit PDA's integration go through the
     * PAU's timelock.
     */
    setUnitRoutes: (p: { governance: PublicKey; unit: UnitRef }) =>
      this.program.methods
        .setUnitRoutes()
        .accountsStrict({
          governance: p.governance,
          class: p.unit.class,
          unit: p.unit.unit,
          redeemQueue: p.unit.redeemQueue,
          deployRateLimit: p.unit.deployRateLimit,
          returnRateLimit: p.unit.returnRateLimit,
        })
        .instruction(),
    setUnitParams: (p: { governance: PublicKey; unit: UnitRef; params: UnitParams }) =>
      this.program.methods
        .setUnitParams(paramsArg(p.params))
        .accountsStrict(governed(p.governance, p.unit))
        .instruction(),
    setUnitRoles: (p: { governance: PublicKey; unit: UnitRef; beacon: PublicKey; freezer: PublicKey }) =>
      this.program.methods
        .setUnitRoles(p.beacon, p.freezer)
        .accountsStrict(governed(p.governance, p.unit))
        .instruction(),
    /** Sets the exchange rate (WAD) outside the beacon's bounds, at any time. */
    setExchangeRate: (p: { governance: PublicKey; unit: UnitRef; rateWad: Int }) =>
      this.program.methods
        .setExchangeRate(bn(p.rateWad))
        .accountsStrict(governed(p.governance, p.unit))
        .instruction(),
    /**
     * Replaces the unit's pause flags (`PAUSE_UNIT | PAUSE_SUBSCRIBE | PAUSE_REDEEM`).
     * Signer: governance, or the freezer adding flags (only governance lifts one).
     */
    setPaused: (p: { signer: PublicKey; unit: UnitRef; flags: number }) =>
      this.program.methods
        .setPaused(p.flags)
        .accountsStrict({ signer: p.signer, class: p.unit.class, unit: p.unit.unit })
        .instruction(),
    /** Unlocks the queue on `side` with nothing converted: governance at any time, anyone after `maxLockS`. */
    unlock: (p: { caller: PublicKey; unit: UnitRef; side: QueueSideName | QueueSideArg }) =>
      this.program.methods
        .unlock()
        .accountsStrict({
          caller: p.caller,
          class: p.unit.class,
          unit: p.unit.unit,
          queue: queueRef(p.unit, p.side).queue,
        })
        .instruction(),
  };

  /** The unit's beacon (lpha-lcts); `settlePair` with zero capacities by anyone after `maxLockS`. */
  readonly beacon = {
    /** Locks the queue's ACTIVE generation for settlement, in the lock window (a DORMANT queue: no-op). */
    lock: (p: { beacon: PublicKey; unit: UnitRef; side: QueueSideName | QueueSideArg }) =>
      this.program.methods
        .lock()
        .accountsStrict({ beacon: p.beacon, unit: p.unit.unit, queue: queueRef(p.unit, p.side).queue })
        .instruction(),
    /**
     * Settles the LOCKED queue on `side`, whose current generation is `genId` (the queue's
     * `genId`), with `capacity` base units of its underlying through the PAU: subscribe
     * along the deploy route, redeem along the return route. The beacon pays for the
     * finalized generation's account when this drains it.
     */
    settle: (p: { beacon: PublicKey; unit: UnitRef; side: QueueSideName | QueueSideArg; genId: Int; capacity: Int }) => {
      const side = queueSideOf(p.side);
      const q = queueRef(p.unit, side);
      const [rateLimit, destination] =
        side === "subscribe"
          ? [p.unit.deployRateLimit, p.unit.deployEndpoint]
          : [p.unit.returnRateLimit, p.unit.redeemUsdsVault];
      return this.program.methods
        .settle(bn(p.capacity))
        .accountsStrict({
          beacon: p.beacon,
          unit: p.unit.unit,
          queue: q.queue,
          generation: pda.lctsGeneration(q.queue, p.genId)[0],
          usdsMint: p.unit.usdsMint,
          shareMint: p.unit.shareMint,
          underlyingVault: q.underlyingVault,
          rewardVault: q.rewardVault,
          pauIntegration: p.unit.pauIntegration,
          pauController: p.unit.pauController,
          pauProxy: p.unit.pauProxy,
          pauRateLimit: rateLimit,
          pauCustody: p.unit.pauCustody,
          pauDestination: destination,
          usdsTokenProgram: p.unit.usdsTokenProgram,
          shareTokenProgram: TOKEN_2022_PROGRAM_ID,
          pauProgram: PAU_PROGRAM_ID,
          systemProgram: SystemProgram.programId,
        })
        .instruction();
    },
    /**
     * Nets both queues inside the unit (each LOCKED or DORMANT), then settles what remains
     * with `subscribeCapacity` (USDS) and `redeemCapacity` (shares) through the PAU.
     * `subscribeGen` / `redeemGen` are the queues' current `genId`s. `caller`: the beacon,
     * or anyone with both capacities zero once every LOCKED queue outlasted `maxLockS`.
     */
    settlePair: (p: {
      caller: PublicKey;
      unit: UnitRef;
      subscribeGen: Int;
      redeemGen: Int;
      subscribeCapacity: Int;
      redeemCapacity: Int;
    }) => {
      const u = p.unit;
      return this.program.methods
        .settlePair(bn(p.subscribeCapacity), bn(p.redeemCapacity))
        .accountsStrict({
          caller: p.caller,
          unit: u.unit,
          subscribeQueue: u.subscribeQueue,
          redeemQueue: u.redeemQueue,
          subscribeGeneration: pda.lctsGeneration(u.subscribeQueue, p.subscribeGen)[0],
          redeemGeneration: pda.lctsGeneration(u.redeemQueue, p.redeemGen)[0],
          usdsMint: u.usdsMint,
          shareMint: u.shareMint,
          subscribeUsdsVault: u.subscribeUsdsVault,
          subscribeShareVault: u.subscribeShareVault,
          redeemShareVault: u.redeemShareVault,
          redeemUsdsVault: u.redeemUsdsVault,
          pauIntegration: u.pauIntegration,
          pauController: u.pauController,
          pauProxy: u.pauProxy,
          deployRateLimit: u.deployRateLimit,
          returnRateLimit: u.returnRateLimit,
          pauCustody: u.pauCustody,
          deployEndpoint: u.deployEndpoint,
          usdsTokenProgram: u.usdsTokenProgram,
          shareTokenProgram: TOKEN_2022_PROGRAM_ID,
          pauProgram: PAU_PROGRAM_ID,
          systemProgram: SystemProgram.programId,
        })
        .instruction();
    },
    /** Refreshes the exchange rate (WAD): once per epoch, within governance's up / down bounds. */
    updateExchangeRate: (p: { beacon: PublicKey; unit: UnitRef; rateWad: Int }) =>
      this.program.methods
        .updateExchangeRate(bn(p.rateWad))
        .accountsStrict({ beacon: p.beacon, unit: p.unit.unit })
        .instruction(),
  };

  /**
   * Read-only views (anyone; simulate them): their answer is the instruction's return
   * data, read with `decodeExchangeRateView` / `decodePositionView`.
   */
  readonly views = {
    /** The unit's exchange rate, its update time and whether it is stale. */
    exchangeRate: (p: { unit: UnitRef }) =>
      this.program.methods.exchangeRate().accountsStrict({ unit: p.unit.unit }).instruction(),
    /**
     * `owner`'s position on `side`: pending underlying, claimable and finalized rewards, the
     * queue's status and next lock time. Pass `finalizedGen` (the position's `genId`) when
     * its generation finalized.
     */
    positionView: (p: { unit: UnitRef; side: QueueSideName | QueueSideArg; owner: PublicKey; finalizedGen?: Int | null }) => {
      const q = queueRef(p.unit, p.side).queue;
      return this.program.methods
        .positionView()
        .accountsStrict({
          unit: p.unit.unit,
          queue: q,
          position: pda.lctsPosition(q, p.owner)[0],
          finalizedGeneration: finalizedAt(q, p.finalizedGen),
        })
        .instruction();
    },
  };
}

// ---- the views' return data ---------------------------------------------------------------

/** halo_lcts's types as Anchor's coder decodes them (u64 / i64 / u128 as BN). */
type LctsTypes = IdlTypes<HaloLcts>;
/** The `exchange_rate` view's answer: `rateWad` (WAD), `updatedAt` (unix seconds), `stale`. */
export type ExchangeRateView = LctsTypes["exchangeRateView"];
/** The `position_view` answer (see `PositionView` in programs/halo-lcts). */
export type PositionView = LctsTypes["positionView"];

/** Borsh sizes of the views' answers. */
export const EXCHANGE_RATE_VIEW_SIZE = 16 + 8 + 1;
export const POSITION_VIEW_SIZE = 8 + 1 + 16 + 8 + 8 + 8 + 1 + 8 + 8;

/**
 * A view's return data padded back to `size` bytes: the runtime trims trailing zero bytes
 * from return data (a `false` or a zero at the end of the answer is dropped), as
 * `halo_sdk::decode::return_data` pads them back. Longer data is refused.
 */
export function padReturnData(data: Uint8Array, size: number, what = "the view"): Buffer {
  if (data.length > size) throw new Error(`${what}'s return data is ${size} bytes at most, got ${data.length}`);
  const out = Buffer.alloc(size);
  Buffer.from(data).copy(out);
  return out;
}

let defaultProgram: Program<HaloLcts> | undefined;
const coderOf = (program?: Program<HaloLcts>) => (program ?? (defaultProgram ??= lctsProgram())).coder.types;

/** Decodes the `exchange_rate` view's return data (trailing zeros trimmed or not). */
export function decodeExchangeRateView(returnData: Uint8Array, program?: Program<HaloLcts>): ExchangeRateView {
  const padded = padReturnData(returnData, EXCHANGE_RATE_VIEW_SIZE, "exchange_rate");
  return coderOf(program).decode("exchangeRateView", padded) as ExchangeRateView;
}

/** Decodes the `position_view` view's return data (trailing zeros trimmed or not). */
export function decodePositionView(returnData: Uint8Array, program?: Program<HaloLcts>): PositionView {
  const padded = padReturnData(returnData, POSITION_VIEW_SIZE, "position_view");
  return coderOf(program).decode("positionView", padded) as PositionView;
}

/**
 * The return data of a view from a simulation's result (web3.js `simulateTransaction`:
 * `{ programId, data: [base64, "base64"] }`), checked to come from halo_lcts; an empty
 * answer (all zeros, trimmed away) gives no return data at all: empty bytes then.
 */
export function viewReturnData(
  returnData: { programId: string; data: [string, string] | readonly [string, string] } | null | undefined,
  programId: PublicKey = LCTS_PROGRAM_ID,
): Buffer {
  if (!returnData) return Buffer.alloc(0);
  if (returnData.programId !== programId.toBase58())
    throw new Error(`return data of ${returnData.programId}, not of halo_lcts ${programId.toBase58()}`);
  return Buffer.from(returnData.data[0], (returnData.data[1] as BufferEncoding) ?? "base64");
}
