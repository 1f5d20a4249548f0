// Readable errors from program codes, as a Prime's wallet would show them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { errorFromCode, explainError, LCTS_ERRORS, NFAT_ERRORS, NFAT_HOOK_ERRORS, programOfCode } from "../src/errors.ts";

test("program codes map to their names and messages", () => {
  assert.deepEqual(errorFromCode(6000), {
    code: 6000,
    name: "NotAdmin",
    msg: "Only the configurator admin may do this",
  });
  assert.equal(errorFromCode(2006)?.name, "ConstraintSeeds");
  assert.equal(errorFromCode(59_999), undefined);
});

test("explainError reads the code from a message or from logs", () => {
  const rateLimit = errorFromCode(6000 + 27);
  assert.ok(rateLimit);
  const hexCode = (6000 + 27).toString(16);
  assert.equal(
    explainError(new Error(`failed to send transaction: custom program error: 0x${hexCode}`)),
    `${rateLimit.name}: ${rateLimit.msg}`,
  );
  assert.equal(
    explainError(undefined, ["Program log: AnchorError ... Error Number: 6000. Error Message: ..."]),
    "NotAdmin: Only the configurator admin may do this",
  );
  assert.equal(explainError(new Error("blockhash not found")), undefined);
});

test("halo_oracle and halo_trading codes are explained too, and the gaps are no one's", () => {
  assert.deepEqual(errorFromCode(6100), {
    code: 6100,
    name: "NotGovernance",
    msg: "Only the feed's governance may do this",
  });
  assert.equal(programOfCode(6105), "halo_oracle");
  assert.equal(errorFromCode(6105)?.name, "MoveNeedsGovernance");
  assert.equal(programOfCode(6200), "halo_trading");
  assert.equal(
    explainError(new Error(`Transaction simulation failed: custom program error: 0x${(6225).toString(16)}`)),
    "SlippageExceeded: The price moved past your limit (min_out / max_in)",
  );
  assert.equal(
    explainError(undefined, ["Program log: AnchorError ... Error Number: 6240. Error Message: ..."]),
    "StalePrice: The oracle price is older than the pool's maximum staleness",
  );
  for (const gap of [6099, 6199, 6299]) {
    assert.equal(errorFromCode(gap), undefined);
    assert.equal(programOfCode(gap), undefined);
  }
  assert.equal(programOfCode(6000), "halo_pau");
});

test("halo_lcts codes (6300..) are explained, and nothing follows them", () => {
  assert.deepEqual(errorFromCode(6300), {
    code: 6300,
    name: "NotGovernance",
    msg: "Only the class's governance may do this",
  });
  assert.equal(programOfCode(6300), "halo_lcts");
  assert.equal(errorFromCode(6302)?.name, "NotBeacon");
  assert.equal(
    explainError(new Error(`Transaction simulation failed: custom program error: 0x${(6328).toString(16)}`)),
    "QueueLocked: The queue is locked for settlement",
  );
  assert.equal(
    explainError(undefined, ["Program log: AnchorError ... Error Number: 6324. Error Message: ..."]),
    "BelowMinimumEntry: The amount is below the queue's minimum entry",
  );
  assert.equal(errorFromCode(6333)?.name, "RateStale");
  assert.equal(errorFromCode(6355)?.name, "RoutesNotSet");
  assert.equal(programOfCode(6355), "halo_lcts");
  // the same names as other programs' errors, told apart by their codes
  assert.equal(errorFromCode(6100)?.msg, "Only the feed's governance may do this");
  // the codes run on from 6300 without a gap, and nothing follows the last one
  const codes = [...LCTS_ERRORS.keys()].sort((a, b) => a - b);
  assert.deepEqual(codes, codes.map((_, i) => 6300 + i));
  const next = 6300 + codes.length;
  assert.equal(errorFromCode(next), undefined);
  assert.equal(programOfCode(next), undefined);
  assert.equal(programOfCode(6400), "halo_nfat");
});

test("halo_nfat codes (6400..) and halo_nfat_hook codes (6500..) are explained, and nothing follows them", () => {
  assert.equal(programOfCode(6400), "halo_nfat");
  assert.equal(errorFromCode(6400)?.name, "NotGovernance");
  assert.equal(
    explainError(new Error(`custom program error: 0x${(6472).toString(16)}`)),
    "NftAlreadyDelivered: The deal's NFT was already delivered",
  );
  assert.equal(
    explainError(undefined, ["Program log: AnchorError ... Error Number: 6473. Error Message: ..."]),
    "NftAccountMissing: The depositor has no NFT account yet: create its associated token account",
  );
  assert.equal(errorFromCode(6471)?.name, "MathOverflow");
  assert.equal(errorFromCode(6475)?.name, "NotDepositor");
  // the hook's refusal of a wallet transfer to an owner not on the allow-list
  assert.equal(programOfCode(6505), "halo_nfat_hook");
  assert.equal(
    explainError(new Error(`custom program error: 0x${(6505).toString(16)}`)),
    "ReceiverNotAllowListed: The facility's allow-list is on and the receiver is not on it",
  );
  for (const [table, base] of [
    [NFAT_ERRORS, 6400],
    [NFAT_HOOK_ERRORS, 6500],
  ] as const) {
    const codes = [...table.keys()].sort((a, b) => a - b);
    assert.deepEqual(codes, codes.map((_, i) => base + i));
    const next = base + codes.length;
    assert.equal(errorFromCode(next), undefined);
    assert.equal(programOfCode(next), undefined);
  }
});

test("the PAU hardening and invariant errors are explained, and nothing follows them", () => {
  assert.equal(errorFromCode(6049)?.name, "NotUpgradeAuthority");
  assert.equal(errorFromCode(6050)?.name, "OpExpired");
  assert.equal(errorFromCode(6051)?.name, "OpInvalidatedByRemoval");
  assert.equal(
    explainError(new Error(`custom program error: 0x${(6053).toString(16)}`)),
    "NoPendingAdmin: There is no pending admin to clear",
  );
  assert.equal(errorFromCode(6060)?.name, "IntegrationMismatch");
  assert.equal(programOfCode(6060), "halo_pau");
  assert.equal(errorFromCode(6061)?.name, "ConfiguratorInvariantBroken");
  assert.equal(errorFromCode(6064)?.name, "IntegrationInvariantBroken");
  assert.equal(programOfCode(6064), "halo_pau");
  assert.equal(errorFromCode(6065), undefined);
  assert.equal(programOfCode(6065), undefined);
});
