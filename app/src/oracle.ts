// halo_oracle: typed instruction builders grouped by the role that signs them (a feed's
// address is `pda.feed`, pda.ts). Data is encoded by Anchor's coder from the generated IDL;
// account lists mirror crates/halo-sdk/src/oracle.rs and are checked byte for byte against
// it (test/golden-oracle.test.ts).
import type { Program } from "@anchor-lang/core";
import { type PublicKey, SystemProgram, type TransactionInstruction } from "@solana/web3.js";
import { BN, type HaloOracle, oracleProgram } from "./program.ts";
import { pda } from "./pda.ts";
import type { Int } from "./pau.ts";

const bn = (v: Int) => new BN(v.toString());

export class OracleClient {
  constructor(readonly program: Program<HaloOracle> = oracleProgram()) {}

  /**
   * The creator (becomes the feed's governance), then the feed's governance; and the
   * proposed governance, which accepts the role.
   */
  readonly governance = {
    /** Creates feed `feedId` of `authority` with a first NAV of `initialValue / 10^decimals`. */
    createFeed: (p: {
      authority: PublicKey;
      feedId: Int;
      decimals: number;
      maxMoveBps: number;
      initialValue: Int;
    }): Promise<TransactionInstruction> =>
      this.program.methods
        .createFeed({
          feedId: bn(p.feedId),
          decimals: p.decimals,
          maxMoveBps: p.maxMoveBps,
          initialValue: bn(p.initialValue),
        })
        .accountsStrict({
          authority: p.authority,
          feed: pda.feed(p.authority, p.feedId)[0],
          systemProgram: SystemProgram.programId,
        })
        .instruction(),
    addReporter: (p: { governance: PublicKey; feed: PublicKey; reporter: PublicKey }) =>
      this.program.methods
        .addReporter(p.reporter)
        .accountsStrict({ governance: p.governance, feed: p.feed })
        .instruction(),
    removeReporter: (p: { governance: PublicKey; feed: PublicKey; reporter: PublicKey }) =>
      this.program.methods
        .removeReporter(p.reporter)
        .accountsStrict({ governance: p.governance, feed: p.feed })
        .instruction(),
    setMaxMove: (p: { governance: PublicKey; feed: PublicKey; maxMoveBps: number }) =>
      this.program.methods
        .setMaxMove(p.maxMoveBps)
        .accountsStrict({ governance: p.governance, feed: p.feed })
        .instruction(),
    /**
     * Proposes `newGovernance` (two-step rotation): the role moves only when that key signs
     * `acceptGovernance`, so a mistyped key never takes it. A new proposal replaces a
     * pending one; `PublicKey.default` withdraws it.
     */
    proposeGovernance: (p: { governance: PublicKey; feed: PublicKey; newGovernance: PublicKey }) =>
      this.program.methods
        .proposeGovernance(p.newGovernance)
        .accountsStrict({ governance: p.governance, feed: p.feed })
        .instruction(),
    /** Signed by the proposed governance (the feed's `pendingGovernance`): takes the role. */
    acceptGovernance: (p: { newGovernance: PublicKey; feed: PublicKey }) =>
      this.program.methods
        .acceptGovernance()
        .accountsStrict({ newGovernance: p.newGovernance, feed: p.feed })
        .instruction(),
    /** A NAV of any move (beyond the reporters' guard). */
    governancePublish: (p: { governance: PublicKey; feed: PublicKey; value: Int; publishTs: Int }) =>
      this.program.methods
        .governancePublish(bn(p.value), bn(p.publishTs))
        .accountsStrict({ governance: p.governance, feed: p.feed })
        .instruction(),
  };

  /** Approved reporters (the issuer, an administrator). */
  readonly reporter = {
    /** A NAV within the feed's move guard. */
    publish: (p: { reporter: PublicKey; feed: PublicKey; value: Int; publishTs: Int }) =>
      this.program.methods
        .publish(bn(p.value), bn(p.publishTs))
        .accountsStrict({ reporter: p.reporter, feed: p.feed })
        .instruction(),
  };
}
