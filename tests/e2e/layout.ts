// A layout check run inside the page (not a pixel diff): what a person sees as broken on a
// phone. Each rule names the element so a failure says where to look.
//  - off-screen: something sticks out past the right edge of the screen (outside a scroller);
//  - escapes its card: a child drawn outside the card, cell, section, sheet or dialog it sits in;
//  - clipped text: text cut off by its box without an ellipsis saying so;
//  - button text: a button whose label wraps (characters stacked) or sits off its vertical centre;
//  - overlap: two buttons, inputs or links drawn over each other.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export interface LayoutProblem {
  rule: 'off-screen' | 'escapes-card' | 'clipped-text' | 'button-text' | 'overlap';
  element: string;
  detail: string;
}

/** Runs in the browser: keep it self-contained (no closures over Node values). */
function findProblems(): LayoutProblem[] {
  const problems: LayoutProblem[] = [];
  const tol = 1.5;
  const vw = document.documentElement.clientWidth;
  const describe = (el: Element) => {
    const id = el.getAttribute('data-testid');
    const cls = (el.getAttribute('class') ?? '').split(/\s+/).filter(Boolean).slice(0, 2).join('.');
    const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 24);
    return `${el.tagName.toLowerCase()}${id ? `[data-testid=${id}]` : ''}${cls ? `.${cls}` : ''}${text ? ` "${text}"` : ''}`;
  };
  const visible = (el: Element) => {
    const s = getComputedStyle(el);
    if (s.display === 'none' || s.visibility === 'hidden' || Number(s.opacity) === 0) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const scrolls = (el: Element) => {
    const s = getComputedStyle(el);
    return /(auto|scroll)/.test(s.overflowX) || /(auto|scroll)/.test(s.overflowY) || el.tagName.toLowerCase() === 'taro-scroll-view-core';
  };
  const inScroller = (el: Element) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) if (scrolls(p)) return true;
    return false;
  };
  // Only the page on top (Taro's H5 router keeps earlier pages in the DOM, hidden).
  const pages = Array.from(document.querySelectorAll('.taro_page')).filter(visible);
  const page = pages[pages.length - 1] ?? document.body;
  // An open dialog or sheet: its mask covers the screen and what lies under it takes no tap, so
  // only the topmost mask's contents are checked.
  const covers = (el: Element) => {
    const r = el.getBoundingClientRect();
    return getComputedStyle(el).position === 'fixed' && r.width >= vw - tol && r.height >= document.documentElement.clientHeight * 0.9;
  };
  const masks = Array.from(page.querySelectorAll('*')).filter((el) => visible(el) && covers(el));
  const root = masks[masks.length - 1] ?? page;
  const all = [root, ...Array.from(root.querySelectorAll('*'))].filter(visible);
  // Fixed overlays (tab bar, sheets, dialogs) are checked like the rest.
  const CARD = /(^|[\s_-])(card|cell|section|sheet|dialog|panel|bar)([\s_-]|$)/i;

  for (const el of all) {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    if (r.right > vw + tol && !inScroller(el))
      problems.push({ rule: 'off-screen', element: describe(el), detail: `right edge ${Math.round(r.right)} > screen ${vw}` });
    // escapes its card
    let card: Element | null = null;
    for (let p = el.parentElement; p && p !== root.parentElement; p = p.parentElement) {
      if (scrolls(p)) break;
      if (CARD.test(p.getAttribute('class') ?? '')) {
        card = p;
        break;
      }
    }
    if (card && s.position !== 'fixed' && s.position !== 'absolute') {
      const c = card.getBoundingClientRect();
      if (r.left < c.left - tol || r.right > c.right + tol || r.top < c.top - tol || r.bottom > c.bottom + tol) {
        problems.push({ rule: 'escapes-card', element: describe(el), detail: `outside ${describe(card)}` });
      }
    }
    // clipped text
    const clips = /(hidden|clip)/.test(s.overflowX) || /(hidden|clip)/.test(s.overflowY);
    const hasText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim());
    if (clips && hasText && s.textOverflow !== 'ellipsis' && s.webkitLineClamp === 'none' && !scrolls(el)) {
      if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) {
        problems.push({
          rule: 'clipped-text',
          element: describe(el),
          detail: `content ${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight}`,
        });
      }
    }
  }

  // Buttons: one line, vertically centred.
  const buttons = all.filter(
    (el) => el.tagName.toLowerCase() === 'button' || el.getAttribute('role') === 'button' || /(^|\s)(btn|ui-btn)/.test(el.getAttribute('class') ?? ''),
  );
  for (const b of buttons) {
    const label = (b.textContent ?? '').trim();
    if (!label || label.length > 12) continue;
    const range = document.createRange();
    range.selectNodeContents(b);
    const lines = new Set(
      Array.from(range.getClientRects())
        .filter((x) => x.width > 0)
        .map((x) => Math.round(x.top)),
    );
    const t = range.getBoundingClientRect();
    const r = b.getBoundingClientRect();
    if (lines.size > 1 && t.height > parseFloat(getComputedStyle(b).lineHeight || '0') * 1.5 + 2) {
      problems.push({ rule: 'button-text', element: describe(b), detail: `label wraps over ${lines.size} lines` });
    } else if (t.height > 0 && Math.abs(t.top + t.height / 2 - (r.top + r.height / 2)) > 4) {
      problems.push({
        rule: 'button-text',
        element: describe(b),
        detail: `label ${Math.round(t.top - r.top)}px from top of a ${Math.round(r.height)}px button`,
      });
    }
  }

  // Tappables drawn over each other (a nested pair is one control).
  const taps = all.filter((el) => /^(button|input|textarea|a)$/.test(el.tagName.toLowerCase()) || el.getAttribute('role') === 'button');
  for (let i = 0; i < taps.length; i++) {
    for (let j = i + 1; j < taps.length; j++) {
      const a = taps[i];
      const b = taps[j];
      if (a.contains(b) || b.contains(a)) continue;
      const ra = a.getBoundingClientRect();
      const rb = b.getBoundingClientRect();
      const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
      const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
      if (w > 2 && h > 2) problems.push({ rule: 'overlap', element: describe(a), detail: `overlaps ${describe(b)}` });
    }
  }
  return problems;
}

/** The problems on the page now (after fonts and images settled). */
export async function layoutProblems(page: Page): Promise<LayoutProblem[]> {
  await page.evaluate(() => document.fonts.ready);
  return page.evaluate(findProblems);
}

const shotsDir = join(__dirname, '..', '..', 'test-results', 'screens');

/**
 * Saves the page as test-results/screens/<name>.png (390x844, what a person would look at)
 * and answers its layout problems, so a test can expect none.
 */
export async function screen(page: Page, name: string): Promise<LayoutProblem[]> {
  mkdirSync(shotsDir, { recursive: true });
  await page.waitForTimeout(300); // transitions and toasts settle
  // A page still sliding in (Taro's navigation animation) sticks out past the edge for a moment:
  // on a busy machine 300 ms is not always enough, so wait for running animations to end.
  await page
    .waitForFunction(
      () => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Number.POSITIVE_INFINITY),
      null,
      { timeout: 3000 },
    )
    .catch(() => undefined);
  await page.screenshot({ path: join(shotsDir, `${name}.png`) });
  return layoutProblems(page);
}

export const formatProblems = (name: string, ps: LayoutProblem[]) => ps.map((p) => `${name}: ${p.rule} ${p.element}: ${p.detail}`).join('\n');

/**
 * A test file's screenshot taker: each call saves test-results/screens/<prefix>-<name>.png and
 * keeps its layout problems in `problems`, which the file's last test expects empty.
 */
export function screenshots(prefix: string) {
  const problems: string[] = [];
  const look = async (page: Page, name: string) => {
    const found = await screen(page, `${prefix}-${name}`);
    if (found.length) problems.push(formatProblems(name, found));
  };
  return { problems, look };
}
