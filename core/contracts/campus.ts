// A campus's timetable settings, as its merchant edits them (merchant.campusSettings and
// merchant.saveCampusSettings): the section table (作息时间), the school's 调休 rules, the scene
// keyword rules and the campus map. Every student's timetable on the campus reads them
// (server/timetable/campus.ts), so each list has a limit and each rule is checked here.
import * as z from 'zod';
import type { CampusMap } from '../timetable/campus-map';
import type { CalendarOverride, SectionTime, Weekday } from '../timetable/model';
import { SCENES } from '../timetable/model';
import type { SceneRule } from '../timetable/scenes';

export const MAX_SECTIONS = 16;
export const MAX_CALENDAR_RULES = 60;
export const MAX_SCENE_RULES = 10;
export const MAX_KEYWORDS = 20;
export const MAX_PLACES = 60;
/** The map's grid: metres east (x) and south (y) of its corner. */
export const MAP_METRES = 5000;

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式是 HH:mm，例如 08:30');

/** A real calendar date, 'YYYY-MM-DD' (2026-02-30 is refused). */
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式是 YYYY-MM-DD')
  .refine((d) => {
    const t = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
  }, '没有这一天');

export const sectionInput = z
  .strictObject({ n: z.number().int().min(1, '节次从 1 开始').max(MAX_SECTIONS, `最多 ${MAX_SECTIONS} 节`), start: clock, end: clock })
  .refine((s) => s.start < s.end, { message: '下课时间要晚于上课时间', path: ['end'] });

const sections = z
  .array(sectionInput)
  .min(1, '至少要有 1 节课')
  .max(MAX_SECTIONS, `最多 ${MAX_SECTIONS} 节`)
  .superRefine((list, ctx) => {
    list.forEach((s, i) => {
      if (s.n !== i + 1) ctx.addIssue({ code: 'custom', message: `第 ${i + 1} 行应是第 ${i + 1} 节（从 1 起连续编号）`, path: [i, 'n'] });
      const prev = list[i - 1];
      if (prev && s.start < prev.end)
        ctx.addIssue({ code: 'custom', message: `第 ${s.n} 节要在第 ${prev.n} 节下课（${prev.end}）之后开始`, path: [i, 'start'] });
    });
  });

const name = z.string().trim().max(20, '名称最多 20 个字');
const week = z.number().int('周数是整数').min(1, '周数是 1-30').max(30, '周数是 1-30');
const weekday = z
  .number()
  .int('星期是 1-7')
  .min(1, '星期是 1-7')
  .max(7, '星期是 1-7')
  .transform((d) => d as Weekday);

export const calendarRuleInput = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ date, kind: z.literal('off'), name: name.optional() }),
    z.strictObject({ date, kind: z.literal('follows'), week, day: weekday, name: name.optional() }),
  ],
  '请选择停课或调课',
);

const calendar = z
  .array(calendarRuleInput)
  .max(MAX_CALENDAR_RULES, `调休规则最多 ${MAX_CALENDAR_RULES} 条`)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((r, i) => {
      if (seen.has(r.date)) ctx.addIssue({ code: 'custom', message: `${r.date} 已有一条规则`, path: [i, 'date'] });
      seen.add(r.date);
    });
  });

const keywords = z.array(z.string().trim().min(1, '关键词不能为空').max(10, '每个关键词最多 10 个字')).max(MAX_KEYWORDS, `关键词最多 ${MAX_KEYWORDS} 个`);

export const sceneRuleInput = z.strictObject({
  scene: z.enum(SCENES, '请选择场景'),
  nameKeywords: keywords,
  roomKeywords: keywords,
  nameExcludes: keywords.optional(),
});

export const placeInput = z.strictObject({
  id: z
    .string()
    .regex(/^[\w-]{1,32}$/, '地点编号只含字母、数字、- 和 _')
    .optional(),
  name: name.min(1, '请填写地点名称'),
  kind: z.enum(['building', 'pickup'], '请选择教学楼或自提点'),
  x: z.number().int('坐标是整数米').min(0, `坐标是 0-${MAP_METRES} 米`).max(MAP_METRES, `坐标是 0-${MAP_METRES} 米`),
  y: z.number().int('坐标是整数米').min(0, `坐标是 0-${MAP_METRES} 米`).max(MAP_METRES, `坐标是 0-${MAP_METRES} 米`),
});

const map = z.strictObject({
  places: z
    .array(placeInput)
    .max(MAX_PLACES, `地点最多 ${MAX_PLACES} 个`)
    .superRefine((list, ctx) => {
      const names = new Set<string>();
      const ids = new Set<string>();
      list.forEach((p, i) => {
        if (names.has(p.name)) ctx.addIssue({ code: 'custom', message: `地点「${p.name}」重复了`, path: [i, 'name'] });
        names.add(p.name);
        if (p.id !== undefined && ids.has(p.id)) ctx.addIssue({ code: 'custom', message: '地点编号重复了', path: [i, 'id'] });
        if (p.id !== undefined) ids.add(p.id);
      });
    }),
});

export const campusSettingsInput = z.strictObject({
  sections,
  calendar,
  sceneRules: z.array(sceneRuleInput).max(MAX_SCENE_RULES, `场景规则最多 ${MAX_SCENE_RULES} 条`),
  map,
});
export type CampusSettingsInput = z.input<typeof campusSettingsInput>;

/** What a campus sets for every student's timetable (defaults filled in when it set nothing). */
export interface CampusSettings {
  sections: SectionTime[];
  calendar: CalendarOverride[];
  sceneRules: SceneRule[];
  map: CampusMap;
}

export const campusInput = {
  campusSettings: z.strictObject({}),
  /** expectedVersion: the version the form loaded; another shop's save since is refused, not overwritten. */
  saveCampusSettings: z.strictObject({ ...campusSettingsInput.shape, expectedVersion: z.number().int().min(0) }),
};

export interface CampusResults {
  /** The caller's shop's campus: its name and its settings. */
  campusSettings: { campusId: string; campusName: string; settings: CampusSettings; version: number };
  saveCampusSettings: CampusSettings & { version: number };
}
