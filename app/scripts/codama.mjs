// The generated @solana/kit client: Codama renders every committed IDL (../idl/*.json)
// into src/generated/<program>/. `node scripts/codama.mjs` writes it; `--check` renders
// into a temporary folder and fails, naming the files, when the committed client differs
// (an IDL changed and the client was not regenerated).
//
// Repairs, for the way @codama/nodes-from-anchor 1.3.6 reads Anchor's IDL and for
// renderers-js 2.2.0 (written for kit 6) with kit 8:
//  - arrays that nodes 1.4.4 may leave out, which renderers-js reads, are filled in;
//  - an account gets a generated default only where the IDL states it: a fixed address,
//    or PDA seeds that are constants, whole accounts or plain arguments. Seeds naming a
//    field (`args.unit_id`, `controller.pau_id`), a whole struct argument (Anchor writes
//    `args` for `args.key`), the account itself or an account with a `key` field (Anchor
//    writes `rate_limit` for `rate_limit.key`) would derive the wrong address (or a cycle:
//    halo_pau's `cut_rate_limit`), and defaults by name (`token_program` as SPL Token) are
//    not the program's: the caller passes those, derived by the hand-written `pda` helpers;
//  - relative imports name their .ts file (NodeNext, as the rest of src/), and the program
//    plugins' return type is left to kit 8's `extendClient`.
// test/codama.test.ts builds every golden instruction with the generated builders, then
// again with each remaining default left to the generated client.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { createFromRoot, updateInstructionsVisitor } from "codama";
import { rootNodeFromAnchor } from "@codama/nodes-from-anchor";
import { renderVisitor } from "@codama/renderers-js";

const APP = fileURLToPath(new URL("..", import.meta.url));
const IDL_DIR = join(APP, "..", "idl");
const OUT = join(APP, "src", "generated");
export const PROGRAMS = ["halo_pau", "halo_oracle", "halo_trading", "halo_lcts", "halo_nfat", "halo_nfat_hook"];

const camel = (s) => s.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());

/** Accounts (by instruction) whose generated default would not be the IDL's fact: no
 * derived default for them, the caller passes them. */
function untrustedDefaults(idl) {
  // Anchor's IDL drops a `.key` field access (it reads as the account's address): a seed
  // naming an account whose type has a `key` field may be that field
  const keyed = new Set(
    (idl.types ?? [])
      .filter((t) => t.type.kind === "struct" && (t.type.fields ?? []).some((f) => f.name === "key"))
      .map((t) => t.name.replace(/[A-Z]/g, (c, i) => (i ? "_" : "") + c.toLowerCase())),
  );
  const updates = {};
  const walk = (ix, accounts) => {
    const structArgs = new Set(ix.args.filter((a) => typeof a.type === "object" && "defined" in a.type).map((a) => a.name));
    const untrusted = (s, self) =>
      (s.path ?? "").includes(".") ||
      (s.kind === "arg" && structArgs.has(s.path)) ||
      (s.kind === "account" && (s.path === self || keyed.has(s.path)));
    for (const a of accounts) {
      if (a.accounts) {
        walk(ix, a.accounts);
        continue;
      }
      // no fixed address and no PDA: Codama would default by name (`token_program` to SPL
      // Token), which is not what the program says (Token-2022 pools)
      const byName = !a.address && !a.pda;
      if (byName || a.pda?.seeds.some((s) => untrusted(s, a.name))) {
        updates[camel(ix.name)] ??= { accounts: {} };
        updates[camel(ix.name)].accounts[camel(a.name)] = { defaultValue: null };
      }
    }
  };
  for (const ix of idl.instructions) walk(ix, ix.accounts);
  return updates;
}

const MISSING_ARRAYS = {
  programNode: ["accounts", "instructions", "definedTypes", "pdas", "errors"],
  structTypeNode: ["fields"],
  instructionNode: ["accounts", "arguments", "extraArguments", "remainingAccounts", "byteDeltas", "discriminators", "subInstructions"],
  accountNode: ["discriminators"],
  pdaNode: ["seeds"],
  enumTypeNode: ["variants"],
  tupleTypeNode: ["items"],
};
function filled(node) {
  if (Array.isArray(node)) return node.map(filled);
  if (!node || typeof node !== "object") return node;
  const out = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, filled(v)]));
  for (const k of MISSING_ARRAYS[node.kind] ?? []) out[k] ??= [];
  return out;
}

async function render(program, dir) {
  const idl = JSON.parse(readFileSync(join(IDL_DIR, `${program}.json`), "utf8"));
  const codama = createFromRoot(filled(rootNodeFromAnchor(idl)));
  codama.update(updateInstructionsVisitor(untrustedDefaults(idl)));
  await codama.accept(
    renderVisitor(join(dir, program), {
      deleteFolderBeforeRendering: true,
      generatedFolder: ".",
      syncPackageJson: false,
      // renderers-js 2.2.0's formatter does not run with the prettier it resolves here
      formatCode: false,
    }),
  );
}

/** The rendered imports are extensionless ("./foo", "../programs"): name the file, as the
 * rest of src/ does ("./foo.ts", "../programs/index.ts"), for NodeNext resolution. */
function withExtensions(dir) {
  for (const entry of readdirSync(dir, { recursive: true })) {
    const file = join(dir, String(entry));
    if (!file.endsWith(".ts")) continue;
    const text = readFileSync(file, "utf8");
    const out = text.replace(/(from\s+|import\s+)'(\.{1,2}(?:\/[^']*)?)'/g, (all, lead, spec) => {
      const target = join(dirname(file), spec);
      if (existsSync(`${target}.ts`)) return `${lead}'${spec}.ts'`;
      if (existsSync(join(target, "index.ts"))) return `${lead}'${spec}/index.ts'`;
      throw new Error(`${relative(dir, file)}: cannot resolve ${spec}`);
    });
    // kit 8's extendClient returns ExtendedClient<T, A>, which renderers-js 2.2.0 (written
    // for kit 6) annotates as `Omit<T, name> & A`: let TypeScript infer kit 8's type
    const typed = out.replace(/\(client: T\): Omit<T, "(\w+)"> & \{ \1: (\w+) \} =>/g, "(client: T) =>");
    if (typed !== text) writeFileSync(file, typed);
  }
}

function files(dir) {
  const out = new Map();
  for (const entry of readdirSync(dir, { recursive: true })) {
    const p = join(dir, String(entry));
    if (statSync(p).isFile()) out.set(relative(dir, p), readFileSync(p, "utf8"));
  }
  return out;
}

async function renderAll(dir) {
  // renderers-js reports renamed PDAs and arguments on the console: keep the output quiet
  const { warn } = console;
  console.warn = () => {};
  try {
    for (const p of PROGRAMS) await render(p, dir);
    withExtensions(dir);
  } finally {
    console.warn = warn;
  }
}

if (process.argv.includes("--check")) {
  const tmp = mkdtempSync(join(tmpdir(), "halo-codama-"));
  try {
    await renderAll(tmp);
    const want = files(tmp);
    let have;
    try {
      have = files(OUT);
    } catch {
      have = new Map();
    }
    const stale = [...new Set([...want.keys(), ...have.keys()])].filter((f) => want.get(f) !== have.get(f)).sort();
    if (stale.length) {
      console.error(`src/generated/ is stale for the committed IDLs (${stale.length} files differ: ${stale.slice(0, 8).join(", ")}${stale.length > 8 ? ", ..." : ""}); run: node scripts/codama.mjs`);
      process.exitCode = 1;
    } else {
      console.log(`src/generated/: ${want.size} files, up to date with ../idl`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
} else {
  await renderAll(OUT);
  console.log(`src/generated/: rendered ${PROGRAMS.join(", ")}`);
}
