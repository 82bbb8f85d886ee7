// What a campus sets for every student's timetable: its section table, the school's 调休
// rules ("this Sunday runs Friday of week 5"), scene keyword rules and the campus map. Stored on
// the campus document (owned by users); a campus that set nothing gets the defaults.
import type { CampusMap } from '../../core/timetable/campus-map';
import type { CalendarOverride, SectionTime } from '../../core/timetable/model';
import { DEFAULT_SCENE_RULES, type SceneRule } from '../../core/timetable/scenes';
import { DEFAULT_SECTIONS } from '../../core/timetable/sections';
import type { Ctx } from '../context';
import { getDoc } from '../db/get-doc';

export interface CampusTimetable {
  sections: SectionTime[];
  calendar: CalendarOverride[];
  sceneRules: SceneRule[];
  map: CampusMap | null;
}

interface CampusDoc {
  name: string;
  sections?: SectionTime[];
  calendar?: CalendarOverride[];
  sceneRules?: SceneRule[];
  map?: CampusMap;
}

export async function campusTimetable(ctx: Ctx, campusId: string | null): Promise<CampusTimetable> {
  const doc = campusId ? await getDoc<CampusDoc>(ctx, 'campuses', campusId) : null;
  return {
    sections: doc?.sections?.length ? doc.sections : DEFAULT_SECTIONS,
    calendar: doc?.calendar ?? [],
    sceneRules: doc?.sceneRules?.length ? doc.sceneRules : DEFAULT_SCENE_RULES,
    map: doc?.map ?? null,
  };
}
