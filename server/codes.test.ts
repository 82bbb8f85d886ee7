// Each function's declared codes (core/contracts/codes.ts) match the codes its sources use:
// every literal fail('CODE') in the function's folder and the server modules it imports is
// declared (or common to all functions), and every declared code is still used there. tsc
// checks the rest (a code passed through a variable must be one of the declared).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import * as z from 'zod';
import { FUNCTION_CODES, type FunctionName } from '../core/contracts/codes';
import { COMMON_CODES, fail, ok } from '../core/result';
import { action, defineFunction } from './define';

const ROOT = join(__dirname, '..');
const isSource = (f: string) => f.endsWith('.ts') && !/\.test\.ts$|(^|\/)(fixtures?|testing|invariants)\.ts$/.test(f);

/** The function's own files and the server modules they import. */
function treeOf(fn: FunctionName): string[] {
  const dir = join(ROOT, 'cloudfunctions', fn);
  const own = readdirSync(dir)
    .filter(isSource)
    .map((f) => join(dir, f));
  const imported = own.flatMap((f) =>
    [...readFileSync(f, 'utf8').matchAll(/from '(\.\.?\/[^']+)'/g)]
      .map((m) => resolve(dirname(f), m[1]))
      // A folder's import is its index.ts.
      .map((p) => (existsSync(`${p}.ts`) ? `${p}.ts` : join(p, 'index.ts')))
      .filter((p) => relative(ROOT, p).startsWith('server/')),
  );
  return [...new Set([...own, ...imported])];
}

const read = (files: string[]) => files.map((f) => readFileSync(f, 'utf8')).join('\n');
const failed = (text: string) => new Set([...text.matchAll(/fail\(\s*'([A-Z][A-Z_]+)'/g)].map((m) => m[1]));
const mentioned = (text: string) => new Set([...text.matchAll(/'([A-Z][A-Z_]{2,})'|^\s*([A-Z][A-Z_]{2,}):/gm)].map((m) => m[1] ?? m[2]));

describe('result codes per function', () => {
  const names = Object.keys(FUNCTION_CODES) as FunctionName[];

  it('has a list for every function and only for functions', () => {
    const dirs = readdirSync(join(ROOT, 'cloudfunctions'), { withFileTypes: true }).filter((d) => d.isDirectory());
    expect(names.sort()).toEqual(dirs.map((d) => d.name).sort());
  });

  it.each(names)('%s declares every code it fails with', (fn) => {
    const declared = new Set<string>([...FUNCTION_CODES[fn], ...COMMON_CODES]);
    expect([...failed(read(treeOf(fn)))].filter((c) => !declared.has(c))).toEqual([]);
  });

  it.each(names)('%s declares no code it no longer uses', (fn) => {
    const used = mentioned(read(treeOf(fn)));
    expect(FUNCTION_CODES[fn].filter((c: string) => !used.has(c))).toEqual([]);
  });

  it('keeps the lists apart from the common codes and free of repeats', () => {
    for (const fn of names) {
      const list: readonly string[] = FUNCTION_CODES[fn];
      expect(list.filter((c) => (COMMON_CODES as readonly string[]).includes(c))).toEqual([]);
      expect(new Set(list).size).toBe(list.length);
    }
  });

  it('refuses at compile time a code outside the function list', () => {
    const fn = defineFunction('catalog', {
      fine: action({ input: z.strictObject({}), run: async () => (Math.random() > 2 ? fail('NOT_FOUND', 'common') : ok(1)) }),
      // @ts-expect-error: GROUP_FULL is groupbuy's, not catalog's
      wrong: action({ input: z.strictObject({}), run: async () => fail('GROUP_FULL', 'not catalog') }),
    });
    expect(Object.keys(fn.actions)).toEqual(['fine', 'wrong']);
  });
});
