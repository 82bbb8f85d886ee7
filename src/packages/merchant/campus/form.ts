// The campus settings form as typed (strings, keyword lists as comma-separated text) and its
// conversion to merchant.saveCampusSettings's input, checked with the contract's schema so the
// page shows the server's own Chinese messages next to the row they concern.
import { type CampusSettings, type CampusSettingsInput, campusSettingsInput } from '@core/contracts/campus';
import type { Scene } from '@core/timetable/model';

export interface SectionRow {
  start: string;
  end: string;
}
export interface CalendarRow {
  date: string;
  kind: 'off' | 'follows';
  week: string;
  /** 1 = Monday … 7 = Sunday. */
  day: number;
  name: string;
}
export interface SceneRow {
  scene: Scene;
  /** Comma-separated, as typed. */
  names: string;
  rooms: string;
  excludes: string;
}
export interface PlaceRow {
  id?: string;
  name: string;
  kind: 'building' | 'pickup';
  x: string;
  y: string;
}
export interface CampusForm {
  sections: SectionRow[];
  calendar: CalendarRow[];
  sceneRules: SceneRow[];
  places: PlaceRow[];
}

/**
 * Errors by where they show: a list ('sections') or one of its rows ('sections.2'); the map's
 * places are 'map' and 'map.3'; '_' for anything else.
 */
export type CampusErrors = Record<string, string>;

export const SCENE_LABELS: Record<Scene, string> = {
  PE: '体育课',
  ART: '美术课',
  LAB: '实验课',
  MORNING4: '上午四节连上',
  EVENING_STUDY: '晚自习',
};
export const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];
export const KIND_LABELS = { building: '教学楼', pickup: '自提点' } as const;

/** '体育, 篮球，足球、 排球' → ['体育', '篮球', '足球', '排球']: commas of either width and 、 separate. */
export function keywordsOf(text: string): string[] {
  return text
    .split(/[,，、;；\n]/)
    .map((k) => k.trim())
    .filter((k) => k !== '');
}
export const keywordText = (list: string[] | undefined) => (list ?? []).join('，');

const numberOf = (text: string) => (/^\s*-?\d{1,9}\s*$/.test(text) ? Number(text) : Number.NaN);

export function formOf(s: CampusSettings): CampusForm {
  return {
    sections: s.sections.map((x) => ({ start: x.start, end: x.end })),
    calendar: s.calendar.map((r) =>
      r.kind === 'off'
        ? { date: r.date, kind: 'off', week: '', day: 1, name: r.name ?? '' }
        : { date: r.date, kind: 'follows', week: String(r.week), day: r.day, name: r.name ?? '' },
    ),
    sceneRules: s.sceneRules.map((r) => ({
      scene: r.scene,
      names: keywordText(r.nameKeywords),
      rooms: keywordText(r.roomKeywords),
      excludes: keywordText(r.nameExcludes),
    })),
    places: s.map.places.map((p) => ({ id: p.id, name: p.name, kind: p.kind, x: String(p.x), y: String(p.y) })),
  };
}

export function inputOf(form: CampusForm): CampusSettingsInput {
  return {
    sections: form.sections.map((s, i) => ({ n: i + 1, start: s.start.trim(), end: s.end.trim() })),
    calendar: form.calendar.map((r) => {
      const name = r.name.trim() ? { name: r.name.trim() } : {};
      return r.kind === 'off'
        ? { date: r.date, kind: 'off' as const, ...name }
        : { date: r.date, kind: 'follows' as const, week: numberOf(r.week), day: r.day, ...name };
    }),
    sceneRules: form.sceneRules.map((r) => {
      const excludes = keywordsOf(r.excludes);
      return { scene: r.scene, nameKeywords: keywordsOf(r.names), roomKeywords: keywordsOf(r.rooms), ...(excludes.length ? { nameExcludes: excludes } : {}) };
    }),
    map: {
      places: form.places.map((p) => ({ ...(p.id ? { id: p.id } : {}), name: p.name.trim(), kind: p.kind, x: numberOf(p.x), y: numberOf(p.y) })),
    },
  };
}

const CJK = /[\u4e00-\u9fff]/;
const LIST_LABEL: Record<string, string> = { sections: '节次', calendar: '调休规则', sceneRules: '场景规则', map: '地点' };

/** Where an issue's path shows: 'sections.2', 'map.3' (map.places.3), or the list itself. */
function keyOf(path: readonly PropertyKey[]): string {
  const [list, ...rest] = path.map(String);
  if (!list || !(list in LIST_LABEL)) return '_';
  const row = list === 'map' ? (rest[0] === 'places' ? rest[1] : undefined) : rest[0];
  return row !== undefined && /^\d+$/.test(row) ? `${list}.${row}` : list;
}

function add(errors: CampusErrors, key: string, message: string) {
  if (errors[key]) return;
  const list = key.split('.')[0];
  errors[key] = CJK.test(message) && !/期望|expected/i.test(message) ? message : `请检查${LIST_LABEL[list] ?? '这一项'}`;
}

/** The input to send, or the errors to show next to each list and row. */
export function checkForm(form: CampusForm): { input: CampusSettingsInput; errors: null } | { input: null; errors: CampusErrors } {
  const input = inputOf(form);
  const res = campusSettingsInput.safeParse(input);
  if (res.success) return { input, errors: null };
  const errors: CampusErrors = {};
  for (const issue of res.error.issues) add(errors, keyOf(issue.path), issue.message);
  return { input: null, errors };
}

/** An INVALID_INPUT answer ("sections.2.start: 时间格式…; map.places.0.x: …") split onto the same keys. */
export function serverCampusErrors(message: string): CampusErrors {
  const errors: CampusErrors = {};
  for (const part of message.split(/;\s*/)) {
    const m = /^([\w.]+):\s*(.+)$/.exec(part.trim());
    if (m) add(errors, keyOf(m[1].split('.')), m[2]);
    else if (part.trim()) add(errors, '_', part.trim());
  }
  return errors;
}
