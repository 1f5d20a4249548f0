// tsc's rewriteRelativeImportExtensions rewrites "./x.ts" to "./x.js" in the emitted
// JavaScript but leaves the declarations naming "./x.ts": rewrite those too, so that a
// consumer's TypeScript (any version, without allowImportingTsExtensions) resolves them.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const dist = fileURLToPath(new URL("../dist", import.meta.url));
let rewritten = 0;
for (const entry of readdirSync(dist, { recursive: true })) {
  const file = join(dist, String(entry));
  if (!file.endsWith(".d.ts")) continue;
  const text = readFileSync(file, "utf8");
  const out = text.replace(/(from\s+|import\()(["'])(\.{1,2}\/[^"']+)\.ts\2/g, "$1$2$3.js$2");
  if (out !== text) {
    writeFileSync(file, out);
    rewritten++;
  }
}
console.log(`dist/: ${rewritten} declaration files name .js modules`);
