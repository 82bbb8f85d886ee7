// Scenes: what a class puts a student in (PE, art, lab; four morning sections in a row; the
// evening) and what they may want right after. Course scenes come from keyword rules on the
// name and room, which a campus may replace with its own; day scenes from the shape of the day.
// A pick for a free window ranks products by the window's scenes and explains itself in one line.
import type { ClassSlot, CourseInput, FreeWindow, Scene } from './model';
import { SCENES } from './model';
import { EVENING_FIRST_SECTION, MORNING_LAST_SECTION } from './sections';

export interface SceneRule {
  scene: Scene;
  nameKeywords: string[];
  roomKeywords: string[];
  /** Phrases removed from the name before matching: 程序设计 is not an art class. */
  nameExcludes?: string[];
}

// Course names where 设计 or 实验 means engineering or statistics, common in 教务 data.
const NOT_ART = ['程序设计', '系统设计', '算法设计', '电路设计', '软件设计', '机械设计', '数据库设计', '课程设计', '毕业设计', '设计模式', '实验设计'];

export const DEFAULT_SCENE_RULES: SceneRule[] = [
  {
    scene: 'PE',
    nameKeywords: ['体育', '篮球', '足球', '排球', '羽毛球', '乒乓', '网球', '游泳', '健美操', '瑜伽', '武术', '田径', 'PE'],
    roomKeywords: [],
  },
  { scene: 'ART', nameKeywords: ['美术', '素描', '色彩', '设计', '绘画', '速写', '书法', '摄影'], roomKeywords: [], nameExcludes: NOT_ART },
  { scene: 'LAB', nameKeywords: ['实验', '实训', '上机'], roomKeywords: ['实验楼', '实训楼', '机房', 'Lab'], nameExcludes: ['实验设计'] },
];

/** A Latin keyword ('PE', 'Lab') matches as a whole word in any case; others as a substring. */
function hasKeyword(text: string, keyword: string): boolean {
  if (keyword === '') return false;
  if (!/^[A-Za-z0-9]+$/.test(keyword)) return text.includes(keyword);
  return new RegExp(`(^|[^A-Za-z0-9])${keyword}($|[^A-Za-z0-9])`, 'i').test(text);
}

/** The scenes a course's name and room (or building) match, in SCENES order. */
export function scenesOf(course: Pick<CourseInput, 'name' | 'room' | 'building'>, rules: SceneRule[] = DEFAULT_SCENE_RULES): Scene[] {
  const where = `${course.building ?? ''} ${course.room}`;
  const found = new Set<Scene>();
  for (const r of rules) {
    let name = course.name;
    for (const x of r.nameExcludes ?? []) name = name.split(x).join(' ');
    if (r.nameKeywords.some((k) => hasKeyword(name, k)) || r.roomKeywords.some((k) => hasKeyword(where, k))) found.add(r.scene);
  }
  return SCENES.filter((s) => found.has(s));
}

/**
 * A day's classes with the day scenes added: MORNING4 on the class that ends the last morning
 * section when sections 1–4 all had class (hungry by noon), EVENING_STUDY on evening classes
 * and on 晚自习. Returns new slots; the input is not changed.
 */
export function dayScenes(classes: ClassSlot[], sections = { morningLast: MORNING_LAST_SECTION, eveningFirst: EVENING_FIRST_SECTION }): ClassSlot[] {
  const covered = new Set<number>();
  for (const c of classes) for (let n = c.startNode; n <= Math.min(c.endNode, sections.morningLast); n++) covered.add(n);
  let fullMorning = true;
  for (let n = 1; n <= sections.morningLast; n++) fullMorning &&= covered.has(n);
  return classes.map((c) => {
    const add: Scene[] = [];
    if (fullMorning && c.startNode <= sections.morningLast && c.endNode >= sections.morningLast) add.push('MORNING4');
    if (c.startNode >= sections.eveningFirst || c.name.includes('晚自习')) add.push('EVENING_STUDY');
    const scenes = add.length === 0 ? c.scenes : SCENES.filter((s) => c.scenes.includes(s) || add.includes(s));
    return { ...c, scenes };
  });
}

export interface SceneProducts {
  /** Product categories (core/contracts/catalog.ts PRODUCT_CATEGORIES) that suit the scene. */
  categories: string[];
  /** Words in a product's title that suit it better still. */
  keywords: string[];
  /** How the reason line names the scene. */
  label: string;
}

export const DEFAULT_SCENE_PRODUCTS: Record<Scene, SceneProducts> = {
  PE: { categories: ['运动'], keywords: ['运动饮料', '护具', '球鞋', '毛巾'], label: '体育课' },
  ART: { categories: ['文具'], keywords: ['画笔', '素描', '颜料'], label: '美术课' },
  LAB: { categories: ['文具', '日用'], keywords: ['实验服', '手套', '护目镜'], label: '实验课' },
  MORNING4: { categories: ['零食'], keywords: ['面包', '饮料', '能量棒'], label: '上完四节课' },
  EVENING_STUDY: { categories: ['零食', '美妆'], keywords: ['夜宵', '面膜', '护肤'], label: '晚自习后' },
};

/** Scenes a class is (PE, ART, LAB), as against what a day did to the student. */
const CLASS_SCENES: Scene[] = ['PE', 'ART', 'LAB'];

/**
 * The scenes a window serves, most pressing first: getting ready for the next class (its PE,
 * ART or LAB), then what the class before left behind (any of its scenes).
 */
export function windowScenes(before: ClassSlot | null, after: ClassSlot | null): Scene[] {
  const out: Scene[] = [];
  for (const s of after?.scenes ?? []) if (CLASS_SCENES.includes(s) && !out.includes(s)) out.push(s);
  for (const s of before?.scenes ?? []) if (!out.includes(s)) out.push(s);
  return out;
}

export interface ReasonInput {
  window: FreeWindow;
  /** The class that ends where the window starts, if any. */
  before: ClassSlot | null;
  /** The class that starts where the window ends, if any. */
  after: ClassSlot | null;
  /** The nearest pickup point, when the map knows the building. */
  pickup?: { name: string; minutes: number } | null;
  products?: Record<Scene, SceneProducts>;
}

/** One line on why this pick now: '10:05 下课 · 下一节体育课 · 离东区自提点 3 分钟'. */
export function reasonLine({ window, before, after, pickup, products = DEFAULT_SCENE_PRODUCTS }: ReasonInput): string {
  const parts: string[] = [];
  if (before && before.end === window.start) parts.push(`${window.start} 下课`);
  else if (window.kind === 'day_off') parts.push('今天没课');
  else if (window.kind === 'before_first' && after) parts.push(`${after.start} 上课前`);
  else parts.push(`${window.start} 起有空`);
  const scene = windowScenes(before, after)[0];
  if (scene !== undefined) {
    const label = products[scene].label;
    const next = after?.scenes.includes(scene) && CLASS_SCENES.includes(scene);
    parts.push(next ? `下一节${label}` : CLASS_SCENES.includes(scene) ? `刚上完${label}` : label);
  }
  if (pickup) parts.push(`离${pickup.name} ${pickup.minutes} 分钟`);
  return parts.join(' · ');
}

/** Categories light enough to grab between classes on a long walk. */
export const LIGHT_CATEGORIES = ['零食', '运动'];

export interface RankableProduct {
  title: string;
  category: string;
  subtitle?: string;
  /** Delivered to the student (no walk to a pickup point). */
  delivery?: boolean;
}

export interface RankContext {
  scenes: Scene[];
  windowMinutes: number;
  /** Minutes from the class to the nearest pickup point; null when unknown. */
  walkMinutes: number | null;
}

/**
 * Products for a window, best first. Scene fit: 2 for a keyword in the title or subtitle, 1 for
 * a matching category, summed over the window's scenes. When the walk to pickup takes more than
 * half the window, light or delivered items come first whatever their fit. Ties keep the
 * input order (stable sort), so the same input always ranks the same.
 */
export function rankForWindow<P extends RankableProduct>(products: P[], ctx: RankContext, table = DEFAULT_SCENE_PRODUCTS): P[] {
  const far = ctx.walkMinutes !== null && ctx.walkMinutes > ctx.windowMinutes / 2;
  const scored = products.map((p, i) => {
    const text = `${p.title} ${p.subtitle ?? ''}`;
    let fit = 0;
    for (const s of ctx.scenes) {
      if (table[s].keywords.some((k) => text.includes(k))) fit += 2;
      if (table[s].categories.includes(p.category)) fit += 1;
    }
    const light = far && (LIGHT_CATEGORIES.includes(p.category) || p.delivery === true) ? 1 : 0;
    return { p, i, fit, light };
  });
  scored.sort((a, b) => b.light - a.light || b.fit - a.fit || a.i - b.i);
  return scored.map((s) => s.p);
}
