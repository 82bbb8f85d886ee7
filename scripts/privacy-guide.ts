// Which privacy APIs the mini-program really uses, found in src/, and the privacy guide
// (用户隐私保护指引) entries they need. `npx tsx scripts/privacy-guide.ts` prints the entries for the
// README's deployment step; scripts/privacy-guide.test.ts fails when the README and src/ differ.
//
// The scan parses each file (comments and strings in text do not count) and finds member access
// to a privacy API on any object (Taro.x, wx.x, (Taro as T).x, { x } = Taro), JSX open-type and
// nickname inputs, camera-like components, authorize scopes, and the same in native WXML. Files
// for H5 only (*.h5.*) or other platforms never reach the WeChat package and are skipped; tests too.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { PRIVACY_API_TYPES, PRIVACY_COMPONENT_TYPES, PRIVACY_SCOPE_TYPES, PRIVACY_TYPES, SPROUT_PURPOSES } from './privacy-apis';

export const GUIDE_START = '<!-- privacy-guide:start';
export const GUIDE_END = '<!-- privacy-guide:end -->';

/** 用户信息类型 -> how the code uses it (wx.api or a component) -> files. */
export type PrivacyUse = Map<string, Map<string, Set<string>>>;

const OTHER_PLATFORMS = /\.(h5|alipay|swan|tt|qq|jd|rn|harmony)\.[^.]+$/;
const SOURCE = /\.(tsx?|jsx?|wxml)$/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : files(p);
    return SOURCE.test(e.name) && !OTHER_PLATFORMS.test(e.name) && !/\.test\./.test(e.name) ? [p] : [];
  });
}

const kebab = (tag: string) => tag.replace(/[A-Z]/g, (c, i: number) => (i ? '-' : '') + c.toLowerCase());

/** A table lookup that never answers from Object.prototype (a `.toString` is not an API). */
const typeOf = (table: Readonly<Record<string, string>>, key: string): string | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

function add(use: PrivacyUse, type: string | undefined, how: string, file: string) {
  if (!type) return;
  if (!use.has(type)) use.set(type, new Map());
  const hows = use.get(type) as Map<string, Set<string>>;
  if (!hows.has(how)) hows.set(how, new Set());
  hows.get(how)?.add(file);
}

function component(use: PrivacyUse, tag: string, attrs: Record<string, string>, file: string) {
  add(use, typeOf(PRIVACY_COMPONENT_TYPES, `<${tag}>`), `<${tag}>`, file);
  if (attrs['open-type']) {
    const c = `<button open-type="${attrs['open-type']}">`;
    add(use, typeOf(PRIVACY_COMPONENT_TYPES, c), c, file);
  }
  if (tag === 'input' && attrs.type === 'nickname') add(use, typeOf(PRIVACY_COMPONENT_TYPES, '<input type="nickname">'), '<input type="nickname">', file);
}

function scanScript(use: PrivacyUse, text: string, file: string) {
  const kind = /\.tsx?$/.test(file) ? (file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS) : ts.ScriptKind.JSX;
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const api = (name: string) => add(use, typeOf(PRIVACY_API_TYPES, name), `wx.${name}`, file);
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node)) api(node.name.text);
    else if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) api(node.argumentExpression.text);
    else if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent))
      api((node.propertyName && ts.isIdentifier(node.propertyName) ? node.propertyName : node.name).getText(sf));
    else if (ts.isStringLiteralLike(node)) add(use, typeOf(PRIVACY_SCOPE_TYPES, node.text), `wx.authorize({ scope: '${node.text}' })`, file);
    else if (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) {
      const attrs: Record<string, string> = {};
      for (const a of node.attributes.properties) {
        if (ts.isJsxAttribute(a) && a.initializer && ts.isStringLiteral(a.initializer)) attrs[kebab(a.name.getText(sf))] = a.initializer.text;
      }
      component(use, kebab(node.tagName.getText(sf)), attrs, file);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}

function scanWxml(use: PrivacyUse, text: string, file: string) {
  const noComments = text.replace(/<!--[\s\S]*?-->/g, '');
  for (const m of noComments.matchAll(/<([a-z][\w-]*)([^>]*)>/g)) {
    const attrs = Object.fromEntries([...m[2].matchAll(/([\w-]+)\s*=\s*"([^"]*)"/g)].map((a) => [a[1], a[2]]));
    component(use, m[1], attrs, file);
  }
}

/** What the app under `srcDir` uses, by 用户信息类型. */
export function scanPrivacyUse(srcDir: string): PrivacyUse {
  const use: PrivacyUse = new Map();
  for (const f of files(srcDir)) {
    const text = readFileSync(f, 'utf8');
    const rel = relative(srcDir, f);
    if (f.endsWith('.wxml')) scanWxml(use, text, rel);
    else scanScript(use, text, rel);
  }
  return use;
}

/** The guide entries, one line each, in the order of WeChat's table: "- 类型：用途（uses）". */
export function guideEntries(use: PrivacyUse): string[] {
  return PRIVACY_TYPES.filter((t) => use.has(t.type)).map((t) => {
    const hows = [...(use.get(t.type)?.keys() ?? [])].sort();
    return `- ${t.type}：${SPROUT_PURPOSES[t.type] ?? '（用途待填写：补在 scripts/privacy-apis.ts 的 SPROUT_PURPOSES）'}（${hows.map((h) => `\`${h}\``).join('、')}）`;
  });
}

/** The entries the README declares: the list lines between the privacy-guide markers. */
export function readmeEntries(readme: string): string[] {
  const start = readme.indexOf(GUIDE_START);
  const end = readme.indexOf(GUIDE_END);
  if (start < 0 || end < start) throw new Error('README has no privacy-guide block (<!-- privacy-guide:start … --> … <!-- privacy-guide:end -->)');
  return readme
    .slice(start, end)
    .split('\n')
    .slice(1)
    .map((l) => l.trim())
    .filter((l) => l.startsWith('- '));
}

/** The 用户信息类型 of one entry line. */
export const entryType = (line: string) => line.slice(2).split('：')[0];

if (/privacy-guide\.ts$/.test(process.argv[1] ?? '')) {
  const root = join(__dirname, '..');
  const use = scanPrivacyUse(join(root, 'src'));
  console.log('用户隐私保护指引 (mini-program admin → 设置 → 服务内容声明), from what src/ uses:\n');
  for (const line of guideEntries(use)) console.log(line);
  console.log('\nWhere:');
  for (const [type, hows] of use) for (const [how, where] of hows) console.log(`  ${type}  ${how}  ${[...where].join(', ')}`);
}
