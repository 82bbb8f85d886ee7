// A campus's timetable settings on its document (campuses is owned by users): the section table,
// the school's 调休 rules, the scene keyword rules and the map. The timetable domain reads them
// through server/timetable/campus.ts; only this file writes them.
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { CampusSettings, campusSettingsInput } from '../../core/contracts/campus';
import type { CampusMap, Place } from '../../core/timetable/campus-map';
import type { CalendarOverride, SectionTime } from '../../core/timetable/model';
import { DEFAULT_SCENE_RULES, type SceneRule } from '../../core/timetable/scenes';
import { DEFAULT_SECTIONS } from '../../core/timetable/sections';
import type { Ctx } from '../context';
import { getDoc } from '../db/get-doc';

export interface CampusDoc {
  _id: string;
  name: string;
  sections?: SectionTime[];
  calendar?: CalendarOverride[];
  sceneRules?: SceneRule[];
  map?: CampusMap;
  /** Counts saves of the settings: a save names the version it started from (lost updates). */
  settingsVersion?: number;
}

export function findCampus(ctx: Ctx, campusId: string): Promise<CampusDoc | null> {
  return getDoc<CampusDoc>(ctx, 'campuses', campusId);
}

/** The settings a campus document holds, the defaults where it set nothing (as campusTimetable reads them). */
export function settingsOf(doc: Pick<CampusDoc, 'sections' | 'calendar' | 'sceneRules' | 'map'> | null): CampusSettings {
  return {
    sections: doc?.sections?.length ? doc.sections : DEFAULT_SECTIONS,
    calendar: doc?.calendar ?? [],
    sceneRules: doc?.sceneRules?.length ? doc.sceneRules : DEFAULT_SCENE_RULES,
    map: doc?.map ?? { places: [] },
  };
}

export async function campusSettingsOf(ctx: Ctx, campusId: string): Promise<CampusSettings> {
  return settingsOf(await findCampus(ctx, campusId));
}

/**
 * A place keeps the id it came with; a new one gets an id made from the campus and its name
 * (names are unique on a map), so saving the same form twice gives the same ids.
 */
function withIds(campusId: string, places: z.output<typeof campusSettingsInput>['map']['places']): Place[] {
  const used = new Set(places.flatMap((p) => (p.id ? [p.id] : [])));
  return places.map((p) => {
    let id = p.id ?? '';
    for (let n = 0; !id || (p.id === undefined && used.has(id)); n++) {
      id = `pl${createHash('sha256').update(`${campusId}|${p.name}|${n}`).digest('hex').slice(0, 10)}`;
    }
    used.add(id);
    return { id, name: p.name, kind: p.kind, x: p.x, y: p.y };
  });
}

/**
 * Replaces the campus's settings in one update of its document; null when there is no such
 * campus (nothing written). An empty scene rule list means the defaults again.
 */
export async function saveCampusSettings(
  ctx: Ctx,
  campusId: string,
  input: z.output<typeof campusSettingsInput> & { expectedVersion: number },
): Promise<(CampusSettings & { version: number }) | 'missing' | 'stale' | 'fewer_sections'> {
  const campus = await findCampus(ctx, campusId);
  if (!campus) return 'missing';
  if ((campus.settingsVersion ?? 0) !== input.expectedVersion) return 'stale';
  // Students' courses sit on these sections: a table that drops some would drop their classes.
  if (input.sections.length < settingsOf(campus).sections.length) return 'fewer_sections';
  const settings: CampusSettings = {
    sections: input.sections.map((s) => ({ n: s.n, start: s.start, end: s.end })),
    calendar: input.calendar.map((r) =>
      r.kind === 'off'
        ? { date: r.date, kind: 'off', ...(r.name ? { name: r.name } : {}) }
        : { date: r.date, kind: 'follows', week: r.week, day: r.day, ...(r.name ? { name: r.name } : {}) },
    ),
    sceneRules: input.sceneRules.map((r) => ({
      scene: r.scene,
      nameKeywords: r.nameKeywords,
      roomKeywords: r.roomKeywords,
      ...(r.nameExcludes?.length ? { nameExcludes: r.nameExcludes } : {}),
    })),
    map: { places: withIds(campusId, input.map.places) },
  };
  const _ = ctx.db.command;
  const version = input.expectedVersion + 1;
  const unchanged =
    input.expectedVersion === 0 ? _.or([{ settingsVersion: _.exists(false) }, { settingsVersion: 0 }]) : { settingsVersion: input.expectedVersion };
  const res = await ctx.db
    .collection('campuses')
    .where(_.and([{ _id: campusId }, unchanged]))
    .update({
      data: {
        settingsVersion: version,
        sections: _.set(settings.sections),
        calendar: _.set(settings.calendar),
        sceneRules: _.set(settings.sceneRules),
        map: _.set(settings.map),
        updatedAt: new Date(ctx.now()),
      },
    });
  if (res.stats.updated === 0) return 'stale';
  return { ...settingsOf(settings), version };
}
