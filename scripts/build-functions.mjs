// Bundles each cloud function with esbuild into dist/cloudfunctions/<name>/: one index.js with
// all shared code inside (a deployed function can only require files in its own folder), its
// config.json (permissions, timer triggers) and a package.json that installs wx-server-sdk.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const src = join(root, 'cloudfunctions');
const out = join(root, 'dist', 'cloudfunctions');
const sdkVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'wx-server-sdk', 'package.json'), 'utf8')).version;

rmSync(out, { recursive: true, force: true });
const names = readdirSync(src, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
for (const name of names) {
  const dir = join(out, name);
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
    // Smaller cold starts; names are kept so logged stack traces stay readable.
    minifyWhitespace: true,
    minifySyntax: true,
    keepNames: true,
    metafile: true,
    logLevel: 'warning',
  });
  const inputs = Object.keys(result.metafile.inputs);
  const leaked = inputs.filter((f) => /local-cloud\/|better-sqlite3/.test(f));
  if (leaked.length) throw new Error(`${name} bundles local-only code: ${leaked.join(', ')}`);
  const config = join(src, name, 'config.json');
  if (existsSync(config)) copyFileSync(config, join(dir, 'config.json'));
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', dependencies: { 'wx-server-sdk': sdkVersion } }, null, 2)}\n`,
  );
  const bytes = readFileSync(join(dir, 'index.js')).length;
  console.log(`  ${name.padEnd(12)} ${(bytes / 1024).toFixed(1).padStart(7)} KB`);
}
console.log(`built ${names.length} cloud functions into dist/cloudfunctions`);
