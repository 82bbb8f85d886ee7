// Writes cloudbaserc.json (the CloudBase CLI's deployment file) from each function's
// config.json, so timers, timeouts, memory and environment variables are declared once, beside
// the function, and `tcb fn deploy --all` creates what the local cloud runs.
//   npm run cloudbaserc             rewrite cloudbaserc.json
//   npm run cloudbaserc -- --check  exit 1 when the committed file is stale
// The file uses the CLI's version 2.0 format: "{{env.NAME}}" is filled in at deploy time from
// the deployer's shell environment or a .env / .env.local file beside cloudbaserc.json.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TimerTrigger {
  name: string;
  type: 'timer';
  /** WeChat's 7-field cron: second minute hour day month weekday year. */
  config: string;
}

/** cloudfunctions/<name>/config.json: read by WeChat DevTools, the local cloud and this script. */
export interface FunctionConfig {
  permissions: { openapi: string[] };
  triggers?: TimerTrigger[];
  /** Seconds. */
  timeout: number;
  /** MB. */
  memorySize: number;
  /** Names of the environment variables the function reads; values are the deployer's. */
  envVariables: string[];
}

export interface CloudbasercFunction {
  name: string;
  timeout: number;
  memorySize: number;
  runtime: string;
  installDependency: boolean;
  handler: string;
  triggers?: TimerTrigger[];
  envVariables?: Record<string, string>;
}

export interface Cloudbaserc {
  version: '2.0';
  envId: string;
  functionRoot: string;
  functions: CloudbasercFunction[];
}

export const ROOT = join(__dirname, '..');
export const RUNTIME = 'Nodejs18.15';
const MEMORY_SIZES = [128, 256, 512, 1024, 2048];
const TRIGGER_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Every function folder's config.json, by function name, checked against what the CLI accepts. */
export function readFunctionConfigs(root = ROOT): Record<string, FunctionConfig> {
  const dir = join(root, 'cloudfunctions');
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'index.ts')))
    .map((d) => d.name)
    .sort();
  const out: Record<string, FunctionConfig> = {};
  for (const name of names) {
    const file = join(dir, name, 'config.json');
    if (!existsSync(file)) throw new Error(`cloudfunctions/${name} has no config.json`);
    out[name] = checkConfig(name, JSON.parse(readFileSync(file, 'utf8')));
  }
  return out;
}

function checkConfig(fn: string, c: FunctionConfig): FunctionConfig {
  const fail = (why: string) => {
    throw new Error(`cloudfunctions/${fn}/config.json: ${why}`);
  };
  if (!Array.isArray(c.permissions?.openapi)) fail('permissions.openapi must be a list');
  if (!Number.isInteger(c.timeout) || c.timeout < 1 || c.timeout > 60) fail('timeout must be whole seconds from 1 to 60');
  if (!MEMORY_SIZES.includes(c.memorySize)) fail(`memorySize must be one of ${MEMORY_SIZES.join(', ')}`);
  if (!Array.isArray(c.envVariables) || !c.envVariables.every((n) => ENV_NAME.test(n))) fail('envVariables must be a list of variable names');
  if (new Set(c.envVariables).size !== c.envVariables.length) fail('envVariables names a variable twice');
  const triggers = c.triggers ?? [];
  if (new Set(triggers.map((t) => t.name)).size !== triggers.length) fail('two triggers share a name');
  for (const t of triggers) {
    if (t.type !== 'timer') fail(`trigger ${t.name}: only timer triggers exist`);
    if (!TRIGGER_NAME.test(t.name)) fail(`trigger ${t.name}: a name starts with a letter, then letters, digits, - or _ (60 at most)`);
    if (typeof t.config !== 'string' || t.config.trim().split(/\s+/).length !== 7) fail(`trigger ${t.name}: config must be a 7-field cron`);
  }
  return c;
}

/** The cloudbaserc.json object for these configs: a pure function of them. */
export function buildCloudbaserc(configs: Record<string, FunctionConfig>): Cloudbaserc {
  return {
    version: '2.0',
    envId: '{{env.SPROUT_ENV_ID}}',
    functionRoot: './dist/cloudfunctions',
    functions: Object.keys(configs)
      .sort()
      .map((name) => {
        const c = configs[name];
        const fn: CloudbasercFunction = {
          name,
          timeout: c.timeout,
          memorySize: c.memorySize,
          runtime: RUNTIME,
          installDependency: true,
          handler: 'index.main',
        };
        if (c.triggers?.length) fn.triggers = c.triggers.map(({ name, type, config }) => ({ name, type, config }));
        if (c.envVariables.length) fn.envVariables = Object.fromEntries(c.envVariables.map((v) => [v, `{{env.${v}}}`]));
        return fn;
      }),
  };
}

/** The file's text, laid out as the repository's formatter (Biome) leaves JSON. */
export function renderCloudbaserc(configs: Record<string, FunctionConfig>): string {
  return `${JSON.stringify(buildCloudbaserc(configs), null, 2)}\n`;
}

function main(argv: string[]): number {
  const file = join(ROOT, 'cloudbaserc.json');
  const text = renderCloudbaserc(readFunctionConfigs());
  if (argv.includes('--check')) {
    const committed = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (committed === text) {
      console.log('cloudbaserc.json is up to date with cloudfunctions/*/config.json');
      return 0;
    }
    console.error('cloudbaserc.json is stale: run `npm run cloudbaserc` and commit it');
    return 1;
  }
  writeFileSync(file, text);
  console.log('wrote cloudbaserc.json from cloudfunctions/*/config.json');
  return 0;
}

// Run as a script (tsx scripts/cloudbaserc.ts), not when a test imports it.
if (process.argv[1] === __filename) process.exit(main(process.argv.slice(2)));
