// Readable errors from program codes, as a Prime's wallet would show them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { errorFromCode, explainError } from "../src/errors.ts";

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
