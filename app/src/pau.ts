// Typed instruction builders for halo_pau, grouped by the role that signs them. Data is
// encoded by Anchor's coder from the generated IDL; account lists mirror
// crates/halo-sdk/src/pau.rs and are checked byte for byte against it (test/golden.test.ts).
import type { Program } from "@anchor-lang/core";
import { PublicKey, SystemProgram, TransactionInstruction } from "@solana/web3.js";
import { BN, type HaloPau, pauProgram } from "./program.ts";
import { ata, pda } from "./pda.ts";

/** u64 / i64 inputs: bigint, number or decimal string. */
export type Int = bigint | number | string;
const bn = (v: Int) => new BN(v.toString());
const key32 = (k: Uint8Array) => Array.from(k);

/** An addition that waits out the timelock. */
export type TimelockAction =
  | { kind: "registerPau"; controller: PublicKey }
  | { kind: "addInitRateLimit"; key: Uint8Array; pau: PublicKey; maxAmount: Int; slope: Int }
  | { kind: "grantGovOps"; controller: PublicKey; member: PublicKey }
  | { kind: "setTimelockDelay"; seconds: Int }
  | { kind: "setSorlHop"; seconds: Int }
  | { kind: "setSorlMaxChange"; bps: number }
  | { kind: "transferAdmin"; newAdmin: PublicKey }
  /**
   * Let `signer` (a Halo program's PDA) `draw` / `repay` on `controller` along route `key`:
   * creates the integration, or adds the key to it (at most 8 keys). Executed by
   * `executor.executeAddIntegration`.
   */
  | { kind: "addIntegration"; controller: PublicKey; signer: PublicKey; key: Uint8Array }
  /** The largest Token-2022 transfer fee a route accepts (bps, at most 1,000). */
  | { kind: "setMaxTransferFee"; bps: number };

function actionArg(a: TimelockAction): unknown {
  switch (a.kind) {
    case "registerPau":
      return { registerPau: { controller: a.controller } };
    case "addInitRateLimit":
      return { addInitRateLimit: { key: key32(a.key), pau: a.pau, maxAmount: bn(a.maxAmount), slope: bn(a.slope) } };
    case "grantGovOps":
      return { grantGovOps: { controller: a.controller, member: a.member } };
    case "setTimelockDelay":
      return { setTimelockDelay: { seconds: bn(a.seconds) } };
    case "setSorlHop":
      return { setSorlHop: { seconds: bn(a.seconds) } };
    case "setSorlMaxChange":
      return { setSorlMaxChange: { bps: a.bps } };
    case "transferAdmin":
      return { transferAdmin: { newAdmin: a.newAdmin } };
    case "addIntegration":
      return { addIntegration: { controller: a.controller, signer: a.signer, key: key32(a.key) } };
    case "setMaxTransferFee":
      return { setMaxTransferFee: { bps: a.bps } };
  }
}

/** The token accounts and program of one movement (as `halo_sdk::pau::Route`). */
export interface Route {
  controller: PublicKey;
  key: Uint8Array;
  mint: PublicKey;
  tokenProgram: PublicKey;
  /** Custody token account owned by the proxy. */
  custody: PublicKey;
  /** The route's counterparty token account. */
  counterparty: PublicKey;
}

export class PauClient {
  readonly configurator: PublicKey;

  constructor(readonly program: Program<HaloPau> = pauProgram()) {
    this.configurator = pda.configurator()[0];
  }

  private op(opId: Int) {
    return pda.op(this.configurator, BigInt(opId.toString()))[0];
  }

  /** The configurator and scheduled op `opId`: the accounts every `execute_*` (but
   * `executeConfigChange`) starts with. */
  private executeOp(opId: Int) {
    return { configurator: this.configurator, op: this.op(opId) };
  }

  /** The `GovOpsOnController` accounts of `setRelayer`, `setFreezer` and `unfreeze`:
   * `member`, its membership of `controller`, and the controller. */
  private govopsOn(controller: PublicKey, member: PublicKey) {
    return { member, membership: this.membership(controller, member), controller };
  }

  private membership(controller: PublicKey, member: PublicKey) {
    return pda.govops(controller, member)[0];
  }

  /** The PAU-specific init of route `key` on `controller`, its removal record, and the global init. */
  private inits(controller: PublicKey, key: Uint8Array) {
    return {
      pauInit: pda.initRateLimit(this.configurator, key, controller)[0],
      // a removed PAU-specific init never falls back to the global one
      pauInitRemoval: pda.initRemoval(this.configurator, key, controller)[0],
      globalInit: pda.initRateLimit(this.configurator, key, PublicKey.default)[0],
    };
  }

  /** Core Council (configurator admin), the deployer, and the proposed admin. */
  readonly governance = {
    /** Signed by `payer` and by `upgradeAuthority`, the key in halo_pau's ProgramData account. */
    initializeConfigurator: (p: {
      payer: PublicKey;
      upgradeAuthority: PublicKey;
      admin: PublicKey;
      timelockDelayS: Int;
      sorlHopS: Int;
      sorlMaxChangeBps: number;
    }): Promise<TransactionInstruction> =>
      this.program.methods
        .initializeConfigurator({
          admin: p.admin,
          timelockDelayS: bn(p.timelockDelayS),
          sorlHopS: bn(p.sorlHopS),
          sorlMaxChangeBps: p.sorlMaxChangeBps,
        })
        .accountsStrict({
          payer: p.payer,
          upgradeAuthority: p.upgradeAuthority,
          programData: pda.programData()[0],
          configurator: this.configurator,
          systemProgram: SystemProgram.programId,
        })
        .instruction(),
    /** `opId` must be the configurator's `nextOpId`. */
    scheduleOp: (p: { admin: PublicKey; opId: Int; action: TimelockAction }) =>
      this.program.methods
        .scheduleOp(actionArg(p.action) as never)
        .accountsStrict({
          admin: p.admin,
          configurator: this.configurator,
          op: this.op(p.opId),
          systemProgram: SystemProgram.programId,
        })
        .instruction(),
    cancelOp: (p: { admin: PublicKey; opId: Int }) =>
      this.program.methods
        .cancelOp()
        .accountsStrict({ admin: p.admin, configurator: this.configurator, op: this.op(p.opId) })
        .instruction(),
    setTimelockPaused: (p: { admin: PublicKey; paused: boolean }) =>
      this.program.methods
        .setTimelockPaused(p.paused)
        .accountsStrict({ admin: p.admin, configurator: this.configurator })
        .instruction(),
    /** Drops the pending admin; `transferAdmin` ops scheduled before this can no longer be executed. */
    clearPendingAdmin: (p: { admin: PublicKey }) =>
      this.program.methods
        .clearPendingAdmin()
        .accountsStrict({ admin: p.admin, configurator: this.configurator })
        .instruction(),
    acceptAdmin: (p: { newAdmin: PublicKey }) =>
      this.program.methods
        .acceptAdmin()
        .accountsStrict({ newAdmin: p.newAdmin, configurator: this.configurator })
        .instruction(),
    initializeController: (p: { admin: PublicKey; pauId: Int }) => {
      const controller = pda.controller(this.configurator, BigInt(p.pauId.toString()))[0];
      return this.program.methods
        .initializeController(bn(p.pauId))
        .accountsStrict({
          admin: p.admin,
          configurator: this.configurator,
          controller,
          proxy: pda.proxy(controller)[0],
          systemProgram: SystemProgram.programId,
        })
        .instruction();
    },
    unregisterPau: (p: { admin: PublicKey; controller: PublicKey }) =>
      this.program.methods
        .unregisterPau()
        .accountsStrict({ admin: p.admin, configurator: this.configurator, controller: p.controller })
        .instruction(),
    removeInitRateLimit: (p: { admin: PublicKey; key: Uint8Array; pau: PublicKey }) =>
      this.program.methods
        .removeInitRateLimit()
        .accountsStrict({
          admin: p.admin,
          configurator: this.configurator,
          initRateLimit: pda.initRateLimit(this.configurator, p.key, p.pau)[0],
          removal: pda.initRemoval(this.configurator, p.key, p.pau)[0],
          systemProgram: SystemProgram.programId,
        })
        .instruction(),
    revokeGovops: (p: { admin: PublicKey; controller: PublicKey; member: PublicKey }) =>
      this.program.methods
        .revokeGovops()
        .accountsStrict({
          admin: p.admin,
          configurator: this.configurator,
          controller: p.controller,
          membership: this.membership(p.controller, p.member),
          removal: pda.govopsRemoval(this.configurator, p.controller, p.member)[0],
          systemProgram: SystemProgram.programId,
        })
        .instruction(),
  };

  /** Anyone, once an operation's timelock has elapsed. */
  readonly executor = {
    executeRegisterPau: (p: { executor: PublicKey; opId: Int; controller: PublicKey }) =>
      this.program.methods
        .executeRegisterPau()
        .accountsStrict({
          executor: p.executor,
          ...this.executeOp(p.opId),
          controller: p.controller,
        })
        .instruction(),
    executeAddInitRateLimit: (p: { payer: PublicKey; opId: Int; key: Uint8Array; pau: PublicKey }) =>
      this.program.methods
        .executeAddInitRateLimit(key32(p.key), p.pau)
        .accountsStrict({
          payer: p.payer,
          ...this.executeOp(p.opId),
          initRateLimit: pda.initRateLimit(this.configurator, p.key, p.pau)[0],
          removal: pda.initRemoval(this.configurator, p.key, p.pau)[0],
          systemProgram: SystemProgram.programId,
        })
        .instruction(),
    executeGrantGovops: (p: { payer: PublicKey; opId: Int; controller: PublicKey; member: PublicKey }) =>
      this.program.methods
        .executeGrantGovops(p.member)
        .accountsStrict({
          payer: p.payer,
          ...this.executeOp(p.opId),
          controller: p.controller,
          membership: this.membership(p.controller, p.member),
          removal: pda.govopsRemoval(this.configurator, p.controller, p.member)[0],
          systemProgram: SystemProgram.programId,
        })
        .instruction(),
    /** Executes a scheduled `addIntegration` of `signer` on `controller`. */
    executeAddIntegration: (p: { payer: PublicKey; opId: Int; controller: PublicKey; signer: PublicKey }) =>
      this.program.methods
        .executeAddIntegration(p.signer)
        .accountsStrict({
          payer: p.payer,
          ...this.executeOp(p.opId),
          controller: p.controller,
          integration: pda.integration(p.controller, p.signer)[0],
          removal: pda.integrationRemoval(this.configurator, p.controller, p.signer)[0],
          systemProgram: SystemProgram.programId,
        })
        .instruction(),
    executeConfigChange: (p: { executor: PublicKey; opId: Int }) =>
      this.program.methods
        .executeConfigChange()
        .accountsStrict({ executor: p.executor, configurator: this.configurator, op: this.op(p.opId) })
        .instruction(),
  };

  /** GovOps members of a PAU. */
  readonly govops = {
    /**
     * Both inits of `key` are passed: the PAU-specific one (it overrides the global one when
     * it exists), its removal record (once it was removed, the global one does not apply)
     * and the global one. `counterparty` is the route's token account.
     */
    createRateLimit: (p: {
      member: PublicKey;
      controller: PublicKey;
      mint: PublicKey;
      key: Uint8Array;
      tag: string;
      counterparty: PublicKey;
      maxAmount: Int;
      slope: Int;
    }) =>
      this.program.methods
        .createRateLimit({
          key: key32(p.key),
          tag: Buffer.from(p.tag, "utf8"),
          counterparty: p.counterparty,
          maxAmount: bn(p.maxAmount),
          slope: bn(p.slope),
        })
        .accountsStrict({
          member: p.member,
          membership: this.membership(p.controller, p.member),
          configurator: this.configurator,
          controller: p.controller,
          ...this.inits(p.controller, p.key),
          mint: p.mint,
          counterparty: p.counterparty,
          rateLimit: pda.rateLimit(p.controller, p.key)[0],
          systemProgram: SystemProgram.programId,
        })
        .instruction(),
    /**
     * Both inits and the PAU-specific one's removal record are passed, as for
     * `createRateLimit`; they are only read for an increase.
     */
    setRateLimit: (p: {
      member: PublicKey;
      controller: PublicKey;
      key: Uint8Array;
      maxAmount: Int;
      slope: Int;
    }) =>
      this.program.methods
        .setRateLimit(bn(p.maxAmount), bn(p.slope))
        .accountsStrict({
          member: p.member,
          membership: this.membership(p.controller, p.member),
          configurator: this.configurator,
          controller: p.controller,
          ...this.inits(p.controller, p.key),
          rateLimit: pda.rateLimit(p.controller, p.key)[0],
        })
        .instruction(),
    removeRateLimit: (p: { member: PublicKey; controller: PublicKey; key: Uint8Array }) =>
      this.program.methods
        .removeRateLimit()
        .accountsStrict({
          member: p.member,
          membership: this.membership(p.controller, p.member),
          controller: p.controller,
          rateLimit: pda.rateLimit(p.controller, p.key)[0],
        })
        .instruction(),
    setRelayer: (p: { member: PublicKey; controller: PublicKey; relayer: PublicKey }) =>
      this.program.methods
        .setRelayer(p.relayer)
        .accountsStrict(this.govopsOn(p.controller, p.member))
        .instruction(),
    setFreezer: (p: { member: PublicKey; controller: PublicKey; freezer: PublicKey }) =>
      this.program.methods
        .setFreezer(p.freezer)
        .accountsStrict(this.govopsOn(p.controller, p.member))
        .instruction(),
    unfreeze: (p: { member: PublicKey; controller: PublicKey }) =>
      this.program.methods
        .unfreeze()
        .accountsStrict(this.govopsOn(p.controller, p.member))
        .instruction(),
    removeIntegration: (p: { member: PublicKey; controller: PublicKey; signer: PublicKey }) =>
      this.program.methods
        .removeIntegration()
        .accountsStrict({
          member: p.member,
          membership: this.membership(p.controller, p.member),
          configurator: this.configurator,
          controller: p.controller,
          integration: pda.integration(p.controller, p.signer)[0],
          removal: pda.integrationRemoval(this.configurator, p.controller, p.signer)[0],
          systemProgram: SystemProgram.programId,
        })
        .instruction(),
  };

  /** The freezer (warden) of a PAU. */
  readonly freezer = {
    freeze: (p: { freezer: PublicKey; controller: PublicKey }) =>
      this.program.methods.freeze().accountsStrict({ freezer: p.freezer, controller: p.controller }).instruction(),
    removeRelayer: (p: { freezer: PublicKey; controller: PublicKey }) =>
      this.program.methods.removeRelayer().accountsStrict({ freezer: p.freezer, controller: p.controller }).instruction(),
    cutRateLimit: (p: { freezer: PublicKey; controller: PublicKey; key: Uint8Array; maxAmount: Int; slope: Int }) =>
      this.program.methods
        .cutRateLimit(bn(p.maxAmount), bn(p.slope))
        .accountsStrict({
          freezer: p.freezer,
          controller: p.controller,
          rateLimit: pda.rateLimit(p.controller, p.key)[0],
        })
        .instruction(),
  };

  /** Operators: the relayer, and Halo integrations (programs' PDAs) drawing and repaying. */
  readonly operator = {
    transfer: (p: { relayer: PublicKey; route: Route; amount: Int }) =>
      this.program.methods
        .transfer(bn(p.amount))
        .accountsStrict({
          relayer: p.relayer,
          controller: p.route.controller,
          proxy: pda.proxy(p.route.controller)[0],
          rateLimit: pda.rateLimit(p.route.controller, p.route.key)[0],
          mint: p.route.mint,
          custody: p.route.custody,
          destination: p.route.counterparty,
          tokenProgram: p.route.tokenProgram,
        })
        .instruction(),
    draw: (p: { integrationSigner: PublicKey; route: Route; amount: Int }) =>
      this.program.methods
        .draw(bn(p.amount))
        .accountsStrict({
          integrationSigner: p.integrationSigner,
          integration: pda.integration(p.route.controller, p.integrationSigner)[0],
          controller: p.route.controller,
          proxy: pda.proxy(p.route.controller)[0],
          rateLimit: pda.rateLimit(p.route.controller, p.route.key)[0],
          mint: p.route.mint,
          custody: p.route.custody,
          destination: p.route.counterparty,
          tokenProgram: p.route.tokenProgram,
        })
        .instruction(),
    repay: (p: { integrationSigner: PublicKey; route: Route; amount: Int }) =>
      this.program.methods
        .repay(bn(p.amount))
        .accountsStrict({
          integrationSigner: p.integrationSigner,
          integration: pda.integration(p.route.controller, p.integrationSigner)[0],
          controller: p.route.controller,
          proxy: pda.proxy(p.route.controller)[0],
          rateLimit: pda.rateLimit(p.route.controller, p.route.key)[0],
          mint: p.route.mint,
          source: p.route.counterparty,
          custody: p.route.custody,
          tokenProgram: p.route.tokenProgram,
        })
        .instruction(),
  };

  /** Custody token account of a PAU's ALM proxy for `mint`. */
  custody(controller: PublicKey, mint: PublicKey, tokenProgram?: PublicKey): PublicKey {
    return ata(pda.proxy(controller)[0], mint, tokenProgram);
  }
}
