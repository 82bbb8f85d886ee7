// Size report of dist/weapp: the main package (everything outside subpackage roots) against
// the budget (0.8 MB, well under WeChat's 2 MB, so a student's first open stays fast), each
// subpackage against WeChat's 2 MB, and the largest files. Fails above a budget.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const BUDGET = 0.8 * 1024 * 1024;
const SUB_LIMIT = 2 * 1024 * 1024;
const root = join(new URL('..', import.meta.url).pathname, 'dist', 'weapp');
const app = JSON.parse(readFileSync(join(root, 'app.json'), 'utf8'));
const subRoots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/\/?$/, '/'));

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? walk(p) : [{ path: relative(root, p), bytes: statSync(p).size }];
  });
}

const files = walk(root).filter((f) => !f.path.endsWith('.map') && !f.path.endsWith('.LICENSE.txt'));
const main = files.filter((f) => !subRoots.some((r) => f.path.startsWith(r)));
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const mainBytes = main.reduce((s, f) => s + f.bytes, 0);

console.log(`weapp main package: ${kb(mainBytes)} (budget ${kb(BUDGET)}, WeChat limit 2048.0 KB)`);
const overSub = [];
for (const r of subRoots) {
  const bytes = files.filter((f) => f.path.startsWith(r)).reduce((s, f) => s + f.bytes, 0);
  console.log(`subpackage ${r}: ${kb(bytes)}`);
  if (bytes > SUB_LIMIT) overSub.push(r);
}
if (overSub.length) {
  console.error(`subpackages over WeChat's 2 MB: ${overSub.join(', ')}`);
  process.exit(1);
}
console.log('largest files:');
for (const f of [...files].sort((a, b) => b.bytes - a.bytes).slice(0, 8)) console.log(`  ${kb(f.bytes).padStart(10)}  ${f.path}`);
// The local cloud's sign-in page and HTTP transport are H5-only; a weapp build must not carry them.
const leaks = files
  .filter((f) => /\.(js|json|wxml)$/.test(f.path))
  .filter((f) => /x-sprout-openid|dev-login|\/api\/functions\//.test(readFileSync(join(root, f.path), 'utf8')));
if (leaks.length) {
  console.error(`local-cloud-only code in the weapp build: ${leaks.map((f) => f.path).join(', ')}`);
  process.exit(1);
}
// Students' pages import contracts as types only: the schema library's runtime (~90 KB) belongs
// to the functions. The merchant's forms are the one exception: they check input with the
// contract's own schemas (one set of rules and messages), in the merchant subpackage that only
// merchants download; so does the note editor, in the notes subpackage (not the 发现 tab), and
// the experiment editor, in the insights subpackage (merchants only).
const ZOD_ALLOWED = ['packages/merchant/', 'packages/notes/', 'packages/insights/'];
const schemaLib = files.filter(
  (f) => f.path.endsWith('.js') && !ZOD_ALLOWED.some((p) => f.path.startsWith(p)) && /\$ZodType|ZodError/.test(readFileSync(join(root, f.path), 'utf8')),
);
if (schemaLib.length) {
  console.error(
    `zod's runtime reached the weapp build (${schemaLib.map((f) => f.path).join(', ')}): import contracts with "import type", constants from zod-free core modules (only ${ZOD_ALLOWED.join(', ')} may use the schemas)`,
  );
  process.exit(1);
}
if (mainBytes > BUDGET) {
  console.error(`main package ${kb(mainBytes)} is over the ${kb(BUDGET)} budget`);
  process.exit(1);
}
