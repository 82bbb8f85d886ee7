// Course team-buys: only students whose consented timetable has the course open one, and a
// group is one class's (same term, course, weekday and first section); counts, never names.
import type { GroupView } from '../../core/contracts/groupbuy';
import { STUDENTS, world } from './fixture';

const [S1, S2, S3, S4] = STUDENTS;
const TERM = '2026-09-07';
const HEADER = '课程名称,星期,开始节数,结束节数,老师,地点,周数';
const MONDAY_PE = `${HEADER}\n大学体育,1,3,4,李老师,东区体育馆,1-16`;
const TUESDAY_PE = `${HEADER}\n大学体育,2,3,4,张老师,东区体育馆,1-16`;

async function setup() {
  const g = await world();
  const importTimetable = async (who: string, csv: string) => {
    await g.call('timetable', who, { action: 'consent', granted: true });
    const preview = await g.call<{ courses: unknown[] }>('timetable', who, { action: 'preview', format: 'wakeup_csv', content: csv, termStartDate: TERM });
    if (!preview.ok) throw new Error(preview.message);
    const saved = await g.call('timetable', who, { action: 'save', termStartDate: TERM, courses: preview.data.courses });
    if (!saved.ok) throw new Error(saved.message);
  };
  const course = await g.makeCampaign({ groupSize: 3, endInMs: 86_400_000, course: { name: '大学体育' } });
  return { ...g, importTimetable, course };
}

describe('course team-buys', () => {
  it('a student without the course in a timetable cannot open one, and nothing is written', async () => {
    const g = await setup();
    await g.importTimetable(S4, `${HEADER}\n高等数学,1,1,2,王老师,一教A201,1-16`);
    const before = g.fingerprint();
    expect(await g.open(S4, g.rid(), g.course)).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE', message: expect.stringContaining('大学体育') });
    // No timetable at all: the same refusal.
    expect(await g.open(S3, g.rid(), g.course)).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE' });
    expect(g.fingerprint()).toBe(before);
  });

  it('classmates of the same class join; the same course at another time does not; the group shows a count, no names', async () => {
    const g = await setup();
    await g.importTimetable(S1, MONDAY_PE);
    await g.importTimetable(S2, MONDAY_PE);
    await g.importTimetable(S3, TUESDAY_PE);
    const lead = await g.open(S1, g.rid(), g.course);
    if (!lead.ok) throw new Error(lead.message);
    const { groupId } = lead.data;
    expect(await g.join(S3, groupId)).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE' });
    expect(await g.join(S2, groupId)).toMatchObject({ ok: true });

    const view = await g.call<GroupView>('groupbuy', S2, { action: 'getGroup', groupId });
    if (!view.ok) throw new Error(view.message);
    expect(view.data.course).toEqual({ name: '大学体育', classmates: 2 });
    expect(JSON.stringify(view.data)).not.toContain(S3);
    // S3 opens their own class's group.
    expect(await g.open(S3, g.rid(), g.course)).toMatchObject({ ok: true });
  });

  it('revoking consent takes the student out of the class count and out of joining', async () => {
    const g = await setup();
    await g.importTimetable(S1, MONDAY_PE);
    await g.importTimetable(S2, MONDAY_PE);
    const lead = await g.open(S1, g.rid(), g.course);
    if (!lead.ok) throw new Error(lead.message);
    await g.call('timetable', S2, { action: 'revoke' });
    expect(await g.join(S2, lead.data.groupId)).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE' });
    const view = await g.call<GroupView>('groupbuy', S1, { action: 'getGroup', groupId: lead.data.groupId });
    expect(view.ok && view.data.course).toEqual({ name: '大学体育', classmates: 1 });
  });
});
