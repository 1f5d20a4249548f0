// The packaged client as a Prime's project receives it: `npm pack` (its prepack builds
// dist/ with ESM and .d.ts), the tarball installed into a fresh project beside nothing
// else, the project's TypeScript checked by tsc with the project's own settings against the
// package's declarations (and a wrong call refused), the README's two examples type-checked
// as written, and a swap built through the package's public entry points equal, byte for
// byte, to the Rust SDK's golden vector (the 100K t-bill sale at 5 bps, limit 99,950 USDS).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { J } from "./parity.ts";

const APP = fileURLToPath(new URL("..", import.meta.url));
const GOLDEN = fileURLToPath(new URL("./golden/halo_trading.json", import.meta.url));
let tmp: string;
let project: string;
let tarball: string;

const npm = (args: string[], cwd: string) =>
  execFileSync("npm", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 600_000 });

/** tsc from the consumer's own devDependencies, on one of its tsconfigs. */
function tsc(config: string) {
  return spawnSync(process.execPath, [join(project, "node_modules/typescript/bin/tsc"), "-p", config], {
    cwd: project,
    encoding: "utf8",
  });
}

/** The README's ```ts blocks, in order. */
function readmeBlocks(): string[] {
  const readme = readFileSync(join(APP, "README.md"), "utf8");
  return [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
}

before(() => {
  tmp = mkdtempSync(join(tmpdir(), "halo-client-"));
  npm(["pack", "--pack-destination", tmp, "--loglevel=error"], APP);
  const tgz = readdirSync(tmp).filter((f) => f.endsWith(".tgz"));
  assert.equal(tgz.length, 1, `one tarball: ${tgz}`);
  tarball = join(tmp, tgz[0]);

  project = join(tmp, "prime-app");
  mkdirSync(join(project, "src"), { recursive: true });
  mkdirSync(join(project, "wrong"), { recursive: true });
  const appPkg = JSON.parse(readFileSync(join(APP, "package.json"), "utf8"));
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({
      name: "prime-app",
      private: true,
      type: "module",
      dependencies: { "@halo/client": `file:${tarball}` },
      devDependencies: {
        typescript: appPkg.devDependencies.typescript,
        "@types/node": appPkg.devDependencies["@types/node"],
        // the optional peers of the generated kit client (@halo/client/kit/<program>)
        "@solana/kit": appPkg.devDependencies["@solana/kit"],
        "@solana/program-client-core": appPkg.devDependencies["@solana/program-client-core"],
      },
    }),
  );
  const compilerOptions = {
    target: "ES2022",
    module: "NodeNext",
    moduleResolution: "NodeNext",
    strict: true,
    skipLibCheck: true,
    types: ["node"],
    outDir: "out",
  };
  writeFileSync(join(project, "tsconfig.json"), JSON.stringify({ compilerOptions, include: ["src"] }));
  writeFileSync(join(project, "tsconfig.wrong.json"), JSON.stringify({ compilerOptions: { ...compilerOptions, noEmit: true }, include: ["wrong"] }));
  mkdirSync(join(project, "readme"), { recursive: true });
  writeFileSync(join(project, "tsconfig.readme.json"), JSON.stringify({ compilerOptions: { ...compilerOptions, noEmit: true }, include: ["readme"] }));
  // the registry packages come from npm's cache (app/'s `npm ci` filled it)
  npm(["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], project);
});
after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

test("the tarball holds dist/ (ESM and .d.ts for every module), the README and the package.json, and no sources or tests", () => {
  const files = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" }).trim().split("\n");
  for (const f of [
    "package/package.json",
    "package/README.md",
    "package/dist/index.js",
    "package/dist/index.d.ts",
    "package/dist/web3.js",
    "package/dist/idl/halo_trading.js",
    "package/dist/generated/halo_trading/index.js",
    "package/dist/generated/halo_trading/index.d.ts",
  ])
    assert.ok(files.includes(f), `${f} in ${files.join(", ")}`);
  for (const m of ["pau", "oracle", "trading", "lcts", "nfat", "amm", "errors", "pda"]) {
    assert.ok(files.includes(`package/dist/${m}.js`) && files.includes(`package/dist/${m}.d.ts`), m);
  }
  assert.deepEqual(
    files.filter((f) => f.startsWith("package/src/") || f.startsWith("package/test/") || f.endsWith(".ts") && !f.endsWith(".d.ts")),
    [],
  );
  // the declarations name the emitted modules, so a consumer without
  // allowImportingTsExtensions resolves them
  const index = readFileSync(join(project, "node_modules/@halo/client/dist/index.d.ts"), "utf8");
  assert.doesNotMatch(index, /from "\.\/[^"]+\.ts"/);
});

test("a Prime's project builds a swap through the package: its types check, and the instruction equals the golden vector", () => {
  writeFileSync(
    join(project, "src/swap.ts"),
    `import { readFileSync } from "node:fs";
import { PublicKey, type TransactionInstruction } from "@halo/client/web3";
import { TradingClient, poolRef, limitWithSlippage, type PoolRef } from "@halo/client";

const g = JSON.parse(readFileSync(process.argv[2], "utf8"));
const v = g.instructions.find((x: { name: string; inputs: { side: string; mode?: string } }) =>
  x.name === "swap" && x.inputs.side === "sellAsset" && x.inputs.mode === "exactIn");
const i = v.inputs;
const pk = (s: string) => new PublicKey(s);
const pool: PoolRef = poolRef({
  class: pk(i.pool.class), unitId: BigInt(i.pool.unitId), bookId: BigInt(i.pool.bookId),
  assetMint: pk(i.pool.assetMint), quoteMint: pk(i.pool.quoteMint), priceAccount: pk(i.pool.priceAccount),
  assetTokenProgram: pk(i.pool.assetTokenProgram), quoteTokenProgram: pk(i.pool.quoteTokenProgram),
});
// the limit a Prime sets for a 100,000.000000 sale quoted at 99,950 USDS, no slippage
const limit: bigint = limitWithSlippage("sellAsset", "exactIn", { assetAmount: 100_000_000_000n, quoteAmount: 99_950_000_000n }, 0);
const ix: TransactionInstruction = await new TradingClient().user.swap({
  user: pk(i.user), pool, userAsset: pk(i.userAsset), userQuote: pk(i.userQuote),
  side: "sellAsset", mode: "exactIn", amount: BigInt(i.amount), limit, expiry: BigInt(i.expiry),
});
console.log(JSON.stringify({
  programId: ix.programId.toBase58(),
  data: Buffer.from(ix.data).toString("hex"),
  accounts: ix.keys.map((k) => ({ pubkey: k.pubkey.toBase58(), isSigner: k.isSigner, isWritable: k.isWritable })),
}));
`,
  );
  const checked = tsc("tsconfig.json");
  assert.equal(checked.status, 0, `tsc: ${checked.stdout}${checked.stderr}`);
  const out = execFileSync(process.execPath, [join(project, "out/swap.js"), GOLDEN], { cwd: project, encoding: "utf8" });
  const built = JSON.parse(out);
  const golden: J = JSON.parse(readFileSync(GOLDEN, "utf8"));
  const v = golden.instructions.find((x: J) => x.name === "swap" && x.inputs.side === "sellAsset" && x.inputs.mode === "exactIn");
  assert.equal(v.inputs.limit, "99950000000");
  assert.deepEqual(built, { programId: v.programId, data: v.data, accounts: v.accounts });
});

test("the generated kit client through the package builds the same swap, from addresses the hand-written helpers derive", () => {
  writeFileSync(
    join(project, "src/kit-swap.ts"),
    `import { readFileSync } from "node:fs";
import { address, createNoopSigner } from "@solana/kit";
import { getSwapInstruction, Side, Mode } from "@halo/client/kit/halo_trading";
import { poolRef } from "@halo/client";
import { PublicKey } from "@halo/client/web3";

const g = JSON.parse(readFileSync(process.argv[2], "utf8"));
const i = g.instructions.find((x: { name: string; inputs: { side: string; mode?: string } }) =>
  x.name === "swap" && x.inputs.side === "sellAsset" && x.inputs.mode === "exactIn").inputs;
const pk = (s: string) => new PublicKey(s);
const ref = poolRef({
  class: pk(i.pool.class), unitId: BigInt(i.pool.unitId), bookId: BigInt(i.pool.bookId),
  assetMint: pk(i.pool.assetMint), quoteMint: pk(i.pool.quoteMint), priceAccount: pk(i.pool.priceAccount),
  assetTokenProgram: pk(i.pool.assetTokenProgram), quoteTokenProgram: pk(i.pool.quoteTokenProgram),
});
const a = (k: PublicKey) => address(k.toBase58());
const ix = getSwapInstruction({
  user: createNoopSigner(address(i.user)), class: a(ref.class), pool: a(ref.pool), priceAccount: a(ref.priceAccount),
  assetMint: a(ref.assetMint), quoteMint: a(ref.quoteMint), userAsset: address(i.userAsset), userQuote: address(i.userQuote),
  assetVault: a(ref.assetVault), quoteVault: a(ref.quoteVault),
  assetTokenProgram: a(ref.assetTokenProgram), quoteTokenProgram: a(ref.quoteTokenProgram),
  side: Side.SellAsset, mode: Mode.ExactIn, amount: BigInt(i.amount), limit: BigInt(i.limit), expiry: BigInt(i.expiry),
});
console.log(JSON.stringify({ programId: ix.programAddress, data: Buffer.from(ix.data).toString("hex"),
  accounts: ix.accounts.map((m) => ({ pubkey: m.address, isSigner: m.role >= 2, isWritable: m.role % 2 === 1 })) }));
`,
  );
  const checked = tsc("tsconfig.json");
  assert.equal(checked.status, 0, `tsc: ${checked.stdout}${checked.stderr}`);
  const built = JSON.parse(execFileSync(process.execPath, [join(project, "out/kit-swap.js"), GOLDEN], { cwd: project, encoding: "utf8" }));
  const golden: J = JSON.parse(readFileSync(GOLDEN, "utf8"));
  const v = golden.instructions.find((x: J) => x.name === "swap" && x.inputs.side === "sellAsset" && x.inputs.mode === "exactIn");
  assert.deepEqual(built, { programId: v.programId, data: v.data, accounts: v.accounts });
});

test("the package's declarations are real types: a wrong call does not compile", () => {
  writeFileSync(
    join(project, "wrong/swap.ts"),
    `import { TradingClient } from "@halo/client";
export const ix = new TradingClient().user.swap({ user: "not a key" });
`,
  );
  const checked = tsc("tsconfig.wrong.json");
  assert.notEqual(checked.status, 0, "a wrong call compiled");
  // a type error in the call (not a module that failed to resolve, TS2307)
  assert.match(checked.stdout, /wrong\/swap\.ts.*error TS(2322|2345|2353|2739|2740|2741)/);
  assert.doesNotMatch(checked.stdout, /TS2307/);
});

test("the README's examples (a Prime's first swap, a governance proposal, the kit client) type-check against the package as written", () => {
  const blocks = readmeBlocks();
  assert.equal(blocks.length, 3, "three examples");
  const [swap, proposal, kit] = blocks;
  const keys = (names: string[], type: string) => names.map((n) => `declare const ${n}: ${type};`).join("\n");
  writeFileSync(
    join(project, "readme/swap.ts"),
    `${swap}\n${keys(["classKey", "assetMint", "quoteMint", "priceAccount", "assetTokenProgram", "quoteTokenProgram", "userAsset", "userQuote"], "PublicKey")}\n${keys(["prime"], "Keypair")}\nexport {};\n`,
  );
  writeFileSync(
    join(project, "readme/proposal.ts"),
    `import { Connection, Keypair } from "@halo/client/web3";\n${proposal}\n${keys(["connection"], "Connection")}\n${keys(["council", "keeper"], "Keypair")}\ndeclare const nextOpId: bigint;\nexport {};\n`,
  );
  writeFileSync(
    join(project, "readme/kit.ts"),
    `import type { Address, TransactionSigner } from "@solana/kit";\nimport type { PublicKey } from "@halo/client/web3";\n${kit}\n${keys(["classKey", "assetMint", "quoteMint", "priceAccount", "assetTokenProgram", "quoteTokenProgram"], "PublicKey")}\n${keys(["userAsset", "userQuote"], "Address")}\n${keys(["prime"], "TransactionSigner")}\ndeclare const expiry: bigint;\nexport {};\n`,
  );
  const checked = tsc("tsconfig.readme.json");
  assert.equal(checked.status, 0, `the README's examples: ${checked.stdout}${checked.stderr}`);
});
