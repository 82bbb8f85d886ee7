// End-to-end tests: Playwright drives Debian's Chromium against the H5 build on a local cloud.
import { execFileSync, spawnSync } from 'node:child_process';
import { ensureH5Build } from './h5-build.mjs';

const root = new URL('..', import.meta.url).pathname;
const chromium = execFileSync('bash', ['scripts/ensure-chromium.sh'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
ensureH5Build();
const r = spawnSync('npx', ['jest', '--config', 'jest.e2e.config.js', '--runInBand', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, SPROUT_CHROMIUM: chromium },
});
process.exit(r.status ?? 1);
