// Bundles each cloud function with esbuild into dist/cloudfunctions/<name>/: one index.js with
// all shared code inside (a deployed function can only require files in its own folder), its
// config.json (permissions, timer triggers) and a package.json that installs wx-server-sdk.
//
// Every cold start requires the whole bundle, so each is held under MAX_KB: the build prints
// each size and fails when one is over, when it carries zod locales besides en (zod's default)
// and zh-CN (server/define.ts), or when it reads a module of DENIED.
//
//   node scripts/build-functions.mjs [name ...] [--out=DIR] [--max-kb=N] [--deny=a,b]
// Without names it builds every function into dist/cloudfunctions; --out, --max-kb and --deny
// (more modules to refuse) are for tests (scripts/build-functions.test.ts).
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

// Our own cold-start budget (WeChat allows far more). zod's runtime is ~100 KB of each bundle;
// the shop's contracts (discriminated unions, enums, regexes) took groupbuy to 151 KB, hence 160.
// zod/mini would bring every bundle down by roughly half if this budget gets tight again.
const MAX_KB = 160;
// Functions that carry a parser the others do not: timetable reads .ics files with ical.js
// (~76 KB) and the national holidays and make-up days from chinese-days (~25 KB), 261 KB in all.
// koc reads an applicant's free windows for interview slots, so it carries chinese-days too (200 KB).
// notes is a whole community (notes, checks, feed, moderation, reviews, creator figures): 167 KB
// of its own code and contracts on zod's ~95 KB.
// experiments computes its results with jstat's distributions (~54 KB: one UMD file esbuild cannot
// shake); the rollup that feeds it keeps raw sums and needs no statistics library.
const OWN_MAX_KB = { timetable: 280, koc: 220, notes: 190, experiments: 200 };

const root = new URL('..', import.meta.url).pathname;
const src = join(root, 'cloudfunctions');
const args = process.argv.slice(2);
const flag = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const dist = join(root, 'dist', 'cloudfunctions');
const out = resolve(flag('out') ?? dist);
const maxBytesOf = (name) => Number(flag('max-kb') ?? OWN_MAX_KB[name] ?? MAX_KB) * 1024;
// Modules no function may read, by folder or package name (read at all, even if tree-shaken
// away: an import of one is a mistake to fix at its source): the local cloud and its SQLite engine
// exist only on a developer's machine; dayjs with its timezone plugins (~12 KB) is the app's, and
// the functions take campus days and months from core/campus-days.ts instead.
const DENIED = ['local-cloud', 'better-sqlite3', 'dayjs', ...(flag('deny')?.split(',').filter(Boolean) ?? [])];
const deniedIn = (file) => DENIED.find((m) => file === m || file.startsWith(`${m}/`) || file.includes(`/${m}/`));
const sdkVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'wx-server-sdk', 'package.json'), 'utf8')).version;

const all = readdirSync(src, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const asked = args.filter((a) => !a.startsWith('--'));
const unknown = asked.filter((n) => !all.includes(n));
if (unknown.length) throw new Error(`no such cloud function: ${unknown.join(', ')}`);
const names = asked.length ? asked : all;

// A full build into dist starts clean (a removed function must not linger); otherwise only the
// folders being built are replaced.
if (!asked.length && out === dist) rmSync(out, { recursive: true, force: true });

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const over = [];
for (const name of names) {
  const dir = join(out, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const result = await build({
    entryPoints: [join(src, name, 'index.ts')],
    outfile: join(dir, 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    external: ['wx-server-sdk'],
    tsconfig: join(root, 'tsconfig.json'),
    // Smaller cold starts. keepNames carries the names of functions and classes (fn.name, err.name)
    // through minifyIdentifiers, so a logged stack trace still reads `at findUser`, `at Object.run`
    // (a class method's frame shows the method's name after a minified class name). Chinese text
    // stays UTF-8 rather than \u escapes.
    minifyWhitespace: true,
    minifySyntax: true,
    minifyIdentifiers: true,
    keepNames: true,
    charset: 'utf8',
    metafile: true,
    logLevel: 'warning',
  });
  const inputs = Object.keys(result.metafile.inputs);
  const denied = [...new Set(inputs.map(deniedIn).filter(Boolean))];
  if (denied.length) {
    const files = inputs.filter((f) => deniedIn(f));
    const shown = `${files.slice(0, 5).join(', ')}${files.length > 5 ? ', ...' : ''}`;
    throw new Error(`${name} bundles ${denied.join(', ')}, which no function may (${files.length} files: ${shown})`);
  }
  // (metafile inputs list every file read, tree-shaken ones too: look at what reached the output.)
  // `import { z } from 'zod'` reaches zod's root re-export of the `z` namespace, which esbuild
  // keeps whole, all 60-odd locales (~300 KB) included; `import * as z from 'zod'` tree-shakes.
  const [bundle] = Object.values(result.metafile.outputs);
  const shipped = Object.entries(bundle.inputs).filter(([, i]) => i.bytesInOutput > 0);
  const locales = shipped.map(([f]) => f).filter((f) => /zod\/.*\/locales\//.test(f) && !/\/locales\/(en|zh-CN)\.js$/.test(f));
  if (locales.length) {
    throw new Error(`${name} bundles zod locales it never uses (${locales.length} files): import zod as \`import * as z from 'zod'\`, not \`import { z }\``);
  }
  const config = join(src, name, 'config.json');
  if (existsSync(config)) copyFileSync(config, join(dir, 'config.json'));
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', dependencies: { 'wx-server-sdk': sdkVersion } }, null, 2)}\n`,
  );
  const bytes = readFileSync(join(dir, 'index.js')).length;
  const limit = maxBytesOf(name);
  if (bytes > limit) over.push(`${name} (${kb(limit)})`);
  console.log(`  ${name.padEnd(12)} ${kb(bytes).padStart(10)}${bytes > limit ? '  OVER THE LIMIT' : ''}`);
}
console.log(
  `built ${names.length} cloud functions into ${out} (limit ${kb(maxBytesOf(''))} each, ${Object.entries(OWN_MAX_KB)
    .map(([n, k]) => `${n} ${k} KB`)
    .join(', ')})`,
);
if (over.length) {
  console.error(`over the bundle limit: ${over.join(', ')} (see what is inside with esbuild's metafile)`);
  process.exit(1);
}
