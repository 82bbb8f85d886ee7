// cloudbaserc.json is generated from cloudfunctions/*/config.json: the committed file must be
// what the generator writes now, every timer must reach it, and every environment variable the
// code reads must be declared by the functions that run that code.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { buildCloudbaserc, type Cloudbaserc, type FunctionConfig, ROOT, readFunctionConfigs, renderCloudbaserc } from './cloudbaserc';

const configs = readFunctionConfigs();
const committed = readFileSync(join(ROOT, 'cloudbaserc.json'), 'utf8');

describe('cloudbaserc.json', () => {
  it('is what `npm run cloudbaserc` writes from the config.json files', () => {
    // If this fails: run `npm run cloudbaserc` and commit cloudbaserc.json.
    expect(committed).toBe(renderCloudbaserc(configs));
  });

  it('deploys every function folder with its timeout and memory', () => {
    const rc = JSON.parse(committed) as Cloudbaserc;
    const dirs = readdirSync(join(ROOT, 'cloudfunctions'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    expect(rc.functions.map((f) => f.name).sort()).toEqual(dirs.sort());
    for (const f of rc.functions) {
      expect([f.name, f.timeout, f.memorySize, f.runtime, f.handler]).toEqual([
        f.name,
        configs[f.name].timeout,
        configs[f.name].memorySize,
        'Nodejs18.15',
        'index.main',
      ]);
    }
    expect(rc).toMatchObject({ version: '2.0', envId: '{{env.SPROUT_ENV_ID}}', functionRoot: './dist/cloudfunctions' });
  });

  it('lists every timer of every config.json, as the CLI expects them', () => {
    const rc = JSON.parse(committed) as Cloudbaserc;
    const timers = Object.entries(configs).flatMap(([fn, c]) => (c.triggers ?? []).map((t) => ({ fn, ...t })));
    expect(timers.map((t) => `${t.fn}.${t.name}`).sort()).toEqual([
      'analytics.rollup',
      'commission.settle',
      'groupbuy.sweep',
      'koc.badges',
      'notes.sweep',
      'timetable.reminders',
    ]);
    for (const t of timers) {
      expect(rc.functions.find((f) => f.name === t.fn)?.triggers).toContainEqual({ name: t.name, type: 'timer', config: t.config });
    }
  });

  it('turns variable names into {{env.NAME}} placeholders and leaves empty lists out', () => {
    const base: FunctionConfig = { permissions: { openapi: [] }, timeout: 10, memorySize: 256, envVariables: [] };
    const rc = buildCloudbaserc({ b: { ...base, envVariables: ['SPROUT_X'] }, a: base });
    expect(rc.functions.map((f) => f.name)).toEqual(['a', 'b']);
    expect(rc.functions[0]).not.toHaveProperty('envVariables');
    expect(rc.functions[0]).not.toHaveProperty('triggers');
    expect(rc.functions[1].envVariables).toEqual({ SPROUT_X: '{{env.SPROUT_X}}' });
  });
});

// --- environment variables: declared where they are read ----------------------------------

const ENV_READ = [/\benv\.([A-Z][A-Z0-9_]*)\b/g, /\benv\[['"]([A-Z][A-Z0-9_]*)['"]\]/g];

/** Names a source file reads as process.env.NAME, env.NAME or env['NAME']. */
function envNamesIn(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return ENV_READ.flatMap((re) => [...text.matchAll(re)].map((m) => m[1]));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

const deployed = [...sourceFiles('server'), ...sourceFiles('cloudfunctions')];
const readAnywhere = new Set(deployed.flatMap(envNamesIn));
const declared = (fn: string) => new Set(configs[fn].envVariables);

// The production adapters read their own configuration. server/wx/main.ts builds every port and
// reads only what the pay port needs (SPROUT_SUB_MCH_ID for cloudPay); payout* is the merchant
// transfer. A function needs a port's variables when its code calls that port.
const wxFiles = deployed.filter((f) => f.startsWith('server/wx/'));
const portEnv = {
  pay: new Set(wxFiles.filter((f) => /^server\/wx\/(main|pay(?!out))/.test(f)).flatMap(envNamesIn)),
  payout: new Set(wxFiles.filter((f) => /^server\/wx\/payout/.test(f)).flatMap(envNamesIn)),
};

/** What one function needs: what its own code reads, plus the variables of the ports it calls. */
async function neededBy(fn: string): Promise<Set<string>> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [`cloudfunctions/${fn}/function.ts`],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'cjs',
    external: ['wx-server-sdk'],
    tsconfig: join(ROOT, 'tsconfig.json'),
    metafile: true,
    logLevel: 'silent',
  });
  const files = Object.keys(result.metafile.inputs).filter((f) => !f.includes('node_modules'));
  const texts = files.map((f) => readFileSync(join(ROOT, f), 'utf8'));
  const needs = new Set(files.flatMap(envNamesIn));
  if (texts.some((t) => /\bctx\.pay\b/.test(t))) for (const v of portEnv.pay) needs.add(v);
  if (texts.some((t) => /\bctx\.payout\b/.test(t))) for (const v of portEnv.payout) needs.add(v);
  return needs;
}

describe('config.json envVariables', () => {
  it('finds the variables the deployed code reads', () => {
    expect(portEnv.pay).toContain('SPROUT_SUB_MCH_ID');
    expect(portEnv.payout).toContain('SPROUT_MCH_PRIVATE_KEY');
  });

  it('declares every variable the deployed code reads, on some function', () => {
    const all = new Set(Object.keys(configs).flatMap((fn) => configs[fn].envVariables));
    const undeclared = [...readAnywhere].filter((v) => !all.has(v));
    // If this fails: add the name to envVariables in the config.json of each function that reads
    // it, then run `npm run cloudbaserc`.
    expect(undeclared).toEqual([]);
  });

  it('declares no variable that nothing reads', () => {
    const stale = Object.keys(configs).flatMap((fn) => configs[fn].envVariables.filter((v) => !readAnywhere.has(v)).map((v) => `${fn}: ${v}`));
    expect(stale).toEqual([]);
  });

  it.each(Object.keys(configs))('%s declares every variable its code and ports read', async (fn) => {
    const missing = [...(await neededBy(fn))].filter((v) => !declared(fn).has(v)).sort();
    expect(missing).toEqual([]);
  });

  it('gives the payment and transfer variables to the functions that pay', async () => {
    // A fixed point, so a broken scan cannot pass the test above by finding nothing.
    expect(await neededBy('order')).toContain('SPROUT_SUB_MCH_ID');
    const commission = await neededBy('commission');
    for (const v of ['SPROUT_MCH_ID', 'SPROUT_MCH_SERIAL_NO', 'SPROUT_MCH_PRIVATE_KEY', 'SPROUT_APPID', 'SPROUT_TRANSFER_SCENE_ID'])
      expect(commission).toContain(v);
    expect(await neededBy('user')).toEqual(new Set());
  });
});
