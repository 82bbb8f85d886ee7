// Builds the H5 app when dist/h5 is missing or older than the sources it is built from.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export function h5IsStale() {
  const index = join(root, 'dist', 'h5', 'index.html');
  if (!existsSync(index)) return true;
  const sources = Math.max(newest(join(root, 'src')), newest(join(root, 'core')), newest(join(root, 'config')));
  return sources > statSync(index).mtimeMs;
}

export function ensureH5Build() {
  if (!h5IsStale()) return;
  console.log('Building the H5 app (dist/h5), about half a minute…');
  const r = spawnSync('npx', ['taro', 'build', '--type', 'h5'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status !== 0 || !existsSync(join(root, 'dist', 'h5', 'index.html'))) {
    console.error('The H5 build failed; run `npm run build:h5` to see why.');
    process.exit(1);
  }
}
