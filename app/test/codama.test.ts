// The generated @solana/kit client (src/generated/, Codama from the committed IDLs) against
// the Rust SDK's golden vectors, as the hand-written builders are checked: every golden
// instruction's data decodes with the generated decoder, and the generated builder, given
// the vector's accounts and the decoded arguments, gives the same program, data, accounts
// and roles. Then each account the generated client derives itself (a PDA, a program id) is
// left out in turn, and the builder must still give the vector: a wrong derived default
// fails here. And the committed client is what the IDLs render today.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Address, AccountRole, createNoopSigner, type Instruction } from "@solana/kit";
import * as pau from "../src/generated/halo_pau/index.ts";
import * as oracle from "../src/generated/halo_oracle/index.ts";
import * as trading from "../src/generated/halo_trading/index.ts";
import * as lcts from "../src/generated/halo_lcts/index.ts";
import * as nfat from "../src/generated/halo_nfat/index.ts";
import * as nfatHook from "../src/generated/halo_nfat_hook/index.ts";
import { hex, type J } from "./parity.ts";

type Generated = Record<string, unknown>;
/** Each program, its generated client, its golden file, and how many golden instructions
 * and derived defaults it checks (pinned: a vector or a default that drops out fails). */
const PROGRAMS: [string, Generated, string, number, number][] = [
  ["halo_pau", pau, "halo_pau", 36, 53],
  ["halo_oracle", oracle, "halo_oracle", 9, 2],
  ["halo_trading", trading, "halo_trading", 36, 23],
  ["halo_lcts", lcts, "halo_lcts", 44, 50],
  ["halo_nfat", nfat, "halo_nfat", 45, 47],
];

const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const pascal = (s: string) => s[0].toUpperCase() + s.slice(1);
const readJson = (rel: string): J => JSON.parse(readFileSync(fileURLToPath(new URL(rel, import.meta.url)), "utf8"));

/** An IDL instruction's accounts in order, nested groups flattened (as Anchor and Codama do). */
function accountsOf(ix: J): J[] {
  return ix.accounts.flatMap((a: J) => (a.accounts ? accountsOf(a) : [a]));
}

const role = (isSigner: boolean, isWritable: boolean) =>
  isSigner ? (isWritable ? AccountRole.WRITABLE_SIGNER : AccountRole.READONLY_SIGNER) : isWritable ? AccountRole.WRITABLE : AccountRole.READONLY;

function plain(ix: Instruction) {
  return {
    programAddress: ix.programAddress,
    data: Buffer.from(ix.data ?? new Uint8Array()).toString("hex"),
    accounts: (ix.accounts ?? []).map((a) => ({ address: a.address, role: a.role })),
  };
}

type Builder = (input: Record<string, unknown>) => Instruction | Promise<Instruction>;

for (const [program, gen, goldenFile, vectorCount, defaultCount] of PROGRAMS) {
  const idl = readJson(`../../idl/${program}.json`);
  const golden: J[] = readJson(`./golden/${goldenFile}.json`).instructions;
  const vectors = golden.filter((v: J) => v.programId === idl.address);

  test(`${program}: the generated client builds every golden instruction byte for byte, with its own derived accounts too`, async () => {
    let defaultsChecked = 0;
    for (const v of vectors) {
      const ixIdl = idl.instructions.find((i: J) => camel(i.name) === v.name);
      assert.ok(ixIdl, `${v.name} is in the IDL`);
      const accounts = accountsOf(ixIdl);
      const name = pascal(v.name);
      const decoder = (gen[`get${name}InstructionDataDecoder`] as () => { decode(b: Uint8Array): Record<string, unknown> })();
      const build = (gen[`get${name}InstructionAsync`] ?? gen[`get${name}Instruction`]) as Builder;
      assert.ok(decoder && build, `${v.name}: generated`);

      // the arguments the vector's data holds, named as the generated input names them
      const { discriminator: _, ...args } = decoder.decode(hex(v.data));
      const accountNames = new Set(accounts.map((a) => camel(a.name)));
      const argInput = Object.fromEntries(Object.entries(args).map(([k, x]) => [accountNames.has(k) ? `${k}Arg` : k, x]));

      const metas: J[] = v.accounts;
      assert.ok(metas.length >= accounts.length, `${v.name}: the vector has the IDL's ${accounts.length} accounts`);
      const accountInput = (skip?: string) =>
        Object.fromEntries(
          accounts
            .map((a, i) => {
              const key = camel(a.name);
              const address = metas[i].pubkey as Address;
              return [key, metas[i].isSigner ? createNoopSigner(address) : address] as const;
            })
            .filter(([key]) => key !== skip),
        );
      const want = {
        programAddress: v.programId,
        data: v.data,
        // accounts past the IDL's are remaining accounts (a hook's extra metas): not the builder's
        accounts: metas.slice(0, accounts.length).map((m) => ({ address: m.pubkey, role: role(m.isSigner, m.isWritable) })),
      };
      const explicit = plain(await build({ ...accountInput(), ...argInput }));
      assert.deepEqual(explicit, want, `${v.name}: generated builder vs the golden vector`);

      // each account the generated client can derive, derived by it (an account it cannot
      // derive comes back as the program id, its placeholder for a missing account)
      for (const [i, a] of accounts.entries()) {
        const derived = plain(await build({ ...accountInput(camel(a.name)), ...argInput }));
        const placeholder = derived.accounts[i].address === v.programId && derived.accounts[i].role === AccountRole.READONLY;
        if (placeholder && metas[i].pubkey !== v.programId) continue; // the caller passes it
        defaultsChecked++;
        assert.deepEqual(derived, want, `${v.name}: the generated default of ${a.name}`);
      }
    }
    assert.equal(vectors.length, golden.length, "every golden instruction is this program's");
    assert.equal(vectors.length, vectorCount, "golden instructions checked");
    assert.equal(defaultsChecked, defaultCount, "derived defaults checked");
    // every IDL instruction has a golden vector (the views and the hook's aside)
    const named = new Set(vectors.map((v) => v.name));
    assert.deepEqual(idl.instructions.map((i: J) => camel(i.name)).filter((n: string) => !named.has(n)), []);
  });
}

test("halo_nfat_hook: the generated Execute is the SPL transfer-hook interface's, with the accounts Token-2022 passes in the golden NFT transfer", async () => {
  // the golden wallet transfer: Token-2022 TransferChecked with the hook's extra accounts
  // (facility, halo_nfat, the receiver's HolderEntry, the hook program, its metas account)
  const transfer = readJson("./golden/halo_nfat.json").transactions.find((t: J) => t.name === "transferNft").instructions[0];
  const [source, mint, destination, owner, facility, nfatProgram, holder, hookProgram, metas] = transfer.accounts.map((a: J) => a.pubkey as Address);
  assert.equal(hookProgram, nfatHook.HALO_NFAT_HOOK_PROGRAM_ADDRESS);
  const ix = await nfatHook.getExecuteInstructionAsync({ source, mint, destination, owner, facility, nfatProgram, holder, amount: 1n });
  const discriminator = createHash("sha256").update("spl-transfer-hook-interface:execute").digest().subarray(0, 8);
  assert.deepEqual(plain(ix), {
    programAddress: hookProgram,
    data: Buffer.concat([discriminator, Buffer.from([1, 0, 0, 0, 0, 0, 0, 0])]).toString("hex"),
    // Token-2022 passes them read-only; the metas account derived by the generated client
    accounts: [source, mint, destination, owner, metas, facility, nfatProgram, holder].map((address) => ({ address, role: AccountRole.READONLY })),
  });
});

test("the committed generated client is what the committed IDLs render (scripts/codama.mjs --check)", () => {
  const script = fileURLToPath(new URL("../scripts/codama.mjs", import.meta.url));
  const out = execFileSync(process.execPath, [script, "--check"], { encoding: "utf8" });
  assert.match(out, /up to date/);
});
