// npm test: every layer. Unit, database conformance, function and native component tests
// (jest), then end-to-end tests of the H5 build in Chromium.
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit' }).status ?? 1;

const unit = run('npx', ['jest']);
if (unit !== 0) process.exit(unit);
process.exit(run(process.execPath, ['scripts/e2e.mjs']));
