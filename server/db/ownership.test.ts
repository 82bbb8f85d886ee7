// Each collection is written by its owning domain only (server/db/ownership.ts). The scan reads
// the source with TypeScript's parser and finds `<db or tx>.collection('name')` whose chain, in
// the same statement or through a variable holding the collection, ends in add, update, set or
// remove; a write outside the owner's folder fails here, naming the file and the line.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { indexes } from './indexes';
import { type Domain, domainPath, owners } from './ownership';

const ROOT = join(__dirname, '..', '..');
const WRITES = new Set(['add', 'update', 'set', 'remove']);
// Test helpers build their worlds directly; they are not shipped code.
const isTestHelper = (f: string) => /\.test\.tsx?$|(^|\/)(fixtures?|testing|invariants)\.ts$|\.fixtures\.ts$/.test(f);

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const p = `${dir}/${e.name}`;
    if (e.isDirectory()) return sources(p);
    return p.endsWith('.ts') && !isTestHelper(p) ? [p] : [];
  });
}

export interface Write {
  file: string;
  line: number;
  collection: string;
}

/** The method names called along a chain that starts at `node` (a.b(x).c(y).d(z): b, c, d). */
function chainMethods(node: ts.Node): string[] {
  const names: string[] = [];
  let cur: ts.Node = node;
  while (cur.parent) {
    const p = cur.parent;
    if (ts.isPropertyAccessExpression(p) && p.expression === cur) names.push(p.name.text);
    else if (!(ts.isCallExpression(p) && p.expression === cur) && !ts.isAwaitExpression(p) && !ts.isParenthesizedExpression(p)) break;
    cur = p;
  }
  return names;
}

export function writesIn(file: string, text: string): Write[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const found: Write[] = [];
  const aliases = new Map<string, string>();
  const at = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart()).line + 1;
  const visit = (n: ts.Node) => {
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'collection') {
      const arg = n.arguments[0];
      // A name the scan cannot read is a write nobody owns.
      if (arg && !ts.isStringLiteralLike(arg) && chainMethods(n).some((m) => WRITES.has(m))) found.push({ file, line: at(n), collection: '(dynamic)' });
      if (arg && ts.isStringLiteralLike(arg)) {
        const name = arg.text;
        let holder: ts.Node = n;
        while (ts.isAwaitExpression(holder.parent) || ts.isParenthesizedExpression(holder.parent)) holder = holder.parent;
        if (ts.isVariableDeclaration(holder.parent) && ts.isIdentifier(holder.parent.name)) aliases.set(holder.parent.name.text, name);
        else if (chainMethods(n).some((m) => WRITES.has(m))) found.push({ file, line: at(n), collection: name });
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  if (aliases.size) {
    const uses = (n: ts.Node) => {
      if (ts.isIdentifier(n) && aliases.has(n.text) && !ts.isVariableDeclaration(n.parent) && chainMethods(n).some((m) => WRITES.has(m))) {
        found.push({ file, line: at(n), collection: aliases.get(n.text) ?? '' });
      }
      ts.forEachChild(n, uses);
    };
    uses(sf);
  }
  return found;
}

const ownerOf = (collection: string): Domain | undefined => (owners as Record<string, Domain>)[collection];
const inDomain = (file: string, d: Domain) => (domainPath(d).endsWith('/') ? file.startsWith(domainPath(d)) : file === domainPath(d));

describe('collection ownership', () => {
  const writes = [...sources('server'), ...sources('cloudfunctions')].flatMap((f) => writesIn(f, readFileSync(join(ROOT, f), 'utf8')));

  it('names an owner for every collection the database has', () => {
    expect(Object.keys(owners).sort()).toEqual(Object.keys(indexes).sort());
  });

  it('finds the writes it is meant to find (the scan itself can fail)', () => {
    const sample = [
      "await ctx.db.collection('orders').doc(id).update({ data });",
      "await tx.collection<OrderDoc>('refunds').add({ data: r });",
      "const c = ctx.db.collection('groups');\nawait c.where({ a: 1 }).remove();",
      "await ctx.db.collection('users').where({ a: 1 }).get();",
      'await ctx.db.collection(name).doc(id).set({ data });',
    ].join('\n');
    expect(writesIn('x.ts', sample).map((w) => w.collection)).toEqual(['orders', 'refunds', '(dynamic)', 'groups']);
    expect(writes.length).toBeGreaterThan(20);
  });

  it('lets only the owning domain write a collection', () => {
    const outside = writes.filter((w) => {
      const owner = ownerOf(w.collection);
      return !owner || !inDomain(w.file, owner);
    });
    expect(outside.map((w) => `${w.file}:${w.line} writes ${w.collection} (owner: ${ownerOf(w.collection) ?? 'none'})`)).toEqual([]);
  });
});
