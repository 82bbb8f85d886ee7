// npm test: every layer. Unit, database conformance, function and native component tests
// (jest), then end-to-end tests of the H5 build in Chromium. Ends with one summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, '.tmp');
mkdirSync(out, { recursive: true });

function run(label, cmd, args, jsonFile) {
  const status = spawnSync(cmd, [...args, '--json', `--outputFile=${jsonFile}`], { cwd: root, stdio: 'inherit' }).status ?? 1;
  const counts = existsSync(jsonFile) ? JSON.parse(readFileSync(jsonFile, 'utf8')) : { numPassedTests: 0, numFailedTests: 0 };
  return { label, status, passed: counts.numPassedTests, failed: counts.numFailedTests + (status !== 0 && counts.numFailedTests === 0 ? 1 : 0) };
}

const results = [run('unit', 'npx', ['jest'], join(out, 'jest-unit.json'))];
if (results[0].status === 0) results.push(run('e2e', process.execPath, ['scripts/e2e.mjs'], join(out, 'jest-e2e.json')));

const passed = results.reduce((s, r) => s + r.passed, 0);
const failed = results.reduce((s, r) => s + r.failed, 0);
console.log(`\n${results.map((r) => `${r.label} ${r.passed} passed, ${r.failed} failed`).join('; ')}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(results.some((r) => r.status !== 0) ? 1 : 0);
