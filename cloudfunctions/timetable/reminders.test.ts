import type { TimetableResults } from '../../core/contracts/timetable';
import { at, MONDAY, OTHER, STUDENT, timetableWorld } from './fixture';

const BACK_TO_BACK = ['课程名称,星期,开始节数,结束节数,老师,地点,周数', '线性代数,1,3,3,周老师,一教B101,1-16', '大学英语,1,4,4,吴老师,外语楼201,1-16'].join(
  '\n',
);

async function courseIdOf(w: Awaited<ReturnType<typeof timetableWorld>>, name: string) {
  const id = (await w.must('get')).courses.find((c) => c.name === name)?.id;
  if (!id) throw new Error(`no course ${name}`);
  return id;
}

/** Runs the timer once a minute from now until `until` (campus 'YYYY-MM-DD HH:mm'). */
async function tickUntil(w: Awaited<ReturnType<typeof timetableWorld>>, until: string) {
  while (w.clock.now() + 60_000 <= at(until)) {
    w.clock.advance(60_000);
    await w.tick();
  }
}

describe('reminders the student asked for', () => {
  it('上课提醒: exactly one message 10 minutes before class, in the break, none during class; its open is recorded', async () => {
    const w = await timetableWorld();
    await w.importCsv();
    const pe = await courseIdOf(w, '大学体育');
    const asked = await w.must('remind', { kind: 'class', courseId: pe, date: MONDAY });
    expect(asked.sendAt).toBe(at(`${MONDAY} 10:15`));
    // Tapping again (a second grant) plans nothing more.
    expect((await w.must('remind', { kind: 'class', courseId: pe, date: MONDAY })).reminderId).toBe(asked.reminderId);

    await tickUntil(w, `${MONDAY} 10:14`);
    expect(w.inbox()).toEqual([]);
    await tickUntil(w, `${MONDAY} 12:30`);
    const inbox = w.inbox();
    expect(inbox).toHaveLength(1);
    expect(inbox[0].at).toBe(at(`${MONDAY} 10:15`));
    expect(inbox[0].data.thing1.value).toBe('大学体育');
    expect(inbox[0].page).toBe(`packages/timetable/week/index?ref=rem.${asked.reminderId}`);
    expect((await w.must('reminders')).reminders).toEqual([expect.objectContaining({ id: asked.reminderId, state: 'sent' })]);

    // The page opened from the message carries its ref: one open, counted once.
    const ref = `rem.${asked.reminderId}`;
    expect(await w.must('opened', { ref })).toEqual({ recorded: true });
    expect(await w.must('opened', { ref })).toEqual({ recorded: false });
    expect(await w.must('opened', { ref }, OTHER)).toEqual({ recorded: false });
    const stats = await w.docs('touch_stats');
    expect(stats).toEqual([expect.objectContaining({ day: MONDAY, kind: 'class', scene: 'PE', delivered: 1, opened: 1, converted: 0 })]);
  });

  it('a reminder whose lead time falls in another class moves to that class’s end, never into it', async () => {
    const w = await timetableWorld();
    await w.importCsv(STUDENT, BACK_TO_BACK);
    const english = await courseIdOf(w, '大学英语');
    // 大学英语 starts 11:15; 10 minutes before is inside 线性代数 (10:25-11:10).
    expect((await w.must('remind', { kind: 'class', courseId: english, date: MONDAY })).sendAt).toBe(at(`${MONDAY} 11:10`));
    await tickUntil(w, `${MONDAY} 12:00`);
    const { classes } = await w.must('freeWindows', { date: MONDAY });
    const inbox = w.inbox();
    expect(inbox.map((m) => m.at)).toEqual([at(`${MONDAY} 11:10`)]);
    for (const m of inbox) for (const c of classes) expect(m.at >= at(`${MONDAY} ${c.end}`) || m.at < at(`${MONDAY} ${c.start}`)).toBe(true);
  });

  it('overlapping timer runs send once (the claim is a conditional update)', async () => {
    const w = await timetableWorld({ latencyMs: [0, 3] });
    await w.importCsv();
    const pe = await courseIdOf(w, '大学体育');
    await w.must('remind', { kind: 'class', courseId: pe, date: MONDAY });
    w.setNow(`${MONDAY} 10:15`);
    await Promise.all([w.tick(), w.tick(), w.tick()]);
    // WeChat was asked once (a second ask would use a grant the student did not give).
    expect(w.cloud.messages.attempts()).toHaveLength(1);
    expect(w.inbox()).toHaveLength(1);
  });

  it('a run that dies after its claim: the reminder is taken back after the claim expires and sent once', async () => {
    const w = await timetableWorld({ durable: true });
    await w.importCsv();
    const pe = await courseIdOf(w, '大学体育');
    const { reminderId } = await w.must('remind', { kind: 'class', courseId: pe, date: MONDAY });
    w.setNow(`${MONDAY} 10:15`);
    w.crashAfterWrites(1);
    await expect(w.tick()).rejects.toThrow();
    await w.restart();
    expect(w.inbox()).toEqual([]);
    expect((await w.docs('reminders'))[0]).toMatchObject({ status: 'sending' });
    await w.tick(); // too soon: the claim may belong to a run still going
    expect(w.inbox()).toEqual([]);
    w.clock.advance(2 * 60_000 + 1);
    await w.tick();
    await w.tick();
    expect(w.inbox()).toHaveLength(1);
    expect((await w.docs('reminders'))[0]).toMatchObject({ _id: reminderId, status: 'sent', attempts: 2 });
  });

  it('sent but not recorded (the write after the send failed): the retry meets 43101 and counts it sent, one message', async () => {
    const w = await timetableWorld();
    await w.importCsv();
    const pe = await courseIdOf(w, '大学体育');
    const { reminderId } = await w.must('remind', { kind: 'class', courseId: pe, date: MONDAY });
    w.setNow(`${MONDAY} 10:15`);
    // Write 1 is the claim; write 2 (recording the send) fails once.
    w.cloud.engine.faults.arm({ failWrite: 2 });
    await w.tick();
    expect(w.inbox()).toHaveLength(1);
    expect((await w.docs('reminders'))[0]).toMatchObject({ status: 'sending' });
    w.clock.advance(2 * 60_000 + 1);
    await w.tick();
    await w.tick();
    expect(w.inbox()).toHaveLength(1);
    expect((await w.docs('reminders'))[0]).toMatchObject({ _id: reminderId, status: 'sent', errcode: 43101 });
    expect(await w.docs('touch_stats')).toEqual([expect.objectContaining({ delivered: 1 })]);
  });

  it('a send that keeps failing without an answer fails after 3 tries; the rest of the run goes on', async () => {
    const w = await timetableWorld();
    await w.importCsv();
    const pe = await courseIdOf(w, '大学体育');
    const maths = await courseIdOf(w, '高等数学');
    const { reminderId } = await w.must('remind', { kind: 'class', courseId: pe, date: MONDAY });
    const next = await w.must('remind', { kind: 'class', courseId: maths, date: '2026-11-30' });
    w.setNow(`${MONDAY} 10:15`);
    w.cloud.messages.breakNext(3);
    for (let i = 0; i < 3; i++) {
      await expect(w.tick()).resolves.toMatchObject({ ok: true });
      w.clock.advance(2 * 60_000 + 1);
      await w.tick();
    }
    expect((await w.docs('reminders', { _id: reminderId }))[0]).toMatchObject({ status: 'failed', errcode: -2, attempts: 3 });
    expect(w.inbox()).toEqual([]);
    // Next Monday's reminder is not held up by it.
    w.setNow('2026-11-30 08:20');
    await w.tick();
    expect(w.inbox().map((m) => m.page)).toEqual([`packages/timetable/week/index?ref=rem.${next.reminderId}`]);
  });

  it('no reminder for a class right after another with no break: no moment before it is free', async () => {
    const w = await timetableWorld();
    await w.must('consent', { granted: true });
    const course = (name: string, startTime: string, endTime: string, startNode: number) => ({
      name,
      day: 1,
      startNode,
      endNode: startNode,
      weeks: [12],
      room: '',
      teacher: '',
      startTime,
      endTime,
    });
    await w.must('save', { termStartDate: '2026-09-07', courses: [course('早课', '10:00', '11:00', 3), course('连堂', '11:00', '12:00', 4)] });
    const id = (await w.must('get')).courses.find((c) => c.name === '连堂')?.id;
    expect(await w.tt('remind', { kind: 'class', courseId: id, date: MONDAY })).toMatchObject({
      ok: false,
      code: 'BAD_STATE',
      message: expect.stringContaining('一直有课'),
    });
  });

  it('a refused send (43101, no grant) is recorded and not retried', async () => {
    const w = await timetableWorld();
    await w.importCsv();
    const pe = await courseIdOf(w, '大学体育');
    await w.must('remind', { kind: 'class', courseId: pe, date: MONDAY });
    w.setNow(`${MONDAY} 10:15`);
    w.cloud.messages.failNext(43101);
    await w.tick();
    await tickUntil(w, `${MONDAY} 10:24`);
    expect(w.inbox()).toEqual([]);
    expect((await w.docs('reminders'))[0]).toMatchObject({ status: 'failed', errcode: 43101, attempts: 1 });
    expect((await w.must('reminders')).reminders[0].state).toBe('failed');
  });

  it('cancelled reminders are not sent; a class that started or is not on that day cannot be asked for', async () => {
    const w = await timetableWorld();
    await w.importCsv();
    const pe = await courseIdOf(w, '大学体育');
    const maths = await courseIdOf(w, '高等数学');
    const { reminderId } = await w.must('remind', { kind: 'class', courseId: pe, date: MONDAY });
    expect(await w.tt('cancelReminder', { reminderId }, OTHER)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    await w.must('cancelReminder', { reminderId });
    await tickUntil(w, `${MONDAY} 10:30`);
    expect(w.inbox()).toEqual([]);
    expect(await w.tt('remind', { kind: 'class', courseId: maths, date: MONDAY })).toMatchObject({ ok: false, code: 'BAD_STATE' });
    expect(await w.tt('remind', { kind: 'class', courseId: pe, date: '2026-11-24' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('revoking deletes the timetable and everything derived: class reminders sent or planned, opens, course keys', async () => {
    const w = await timetableWorld();
    await w.importCsv();
    await w.importCsv(OTHER);
    const pe = await courseIdOf(w, '大学体育');
    await w.must('remind', { kind: 'class', courseId: pe, date: MONDAY });
    await w.must('remind', { kind: 'class', courseId: pe, date: '2026-11-30' });
    w.setNow(`${MONDAY} 10:15`);
    await w.tick();
    const [sent] = w.inbox();
    await w.must('opened', { ref: sent.page.split('ref=')[1] });

    const res = await w.must('revoke');
    expect(res.deleted).toMatchObject({ timetables: 1, reminders: 2, touches: 1 });
    expect(await w.docs('timetables', { _id: STUDENT })).toEqual([]);
    expect(await w.docs('touches', { openid: STUDENT })).toEqual([]);
    // Sent ones too: each names a course, its time and room.
    expect(await w.docs('reminders', { openid: STUDENT })).toEqual([]);
    expect(await w.tt('week')).toMatchObject({ ok: false, code: 'NO_TIMETABLE' });
    expect(await w.tt('save', { termStartDate: '2026-09-07', courses: [] })).toMatchObject({ ok: false, code: 'NO_CONSENT' });
    expect((await w.must('picks')).pick).toBeNull();
    // The other student keeps theirs; the anonymous counters stay.
    expect(await w.docs('timetables', { _id: OTHER })).toHaveLength(1);
    expect(await w.docs('touch_stats')).toHaveLength(1);
  });

  it('a revoke that dies halfway is finished by the timer', async () => {
    const w = await timetableWorld({ durable: true });
    await w.importCsv();
    const pe = await courseIdOf(w, '大学体育');
    await w.must('remind', { kind: 'class', courseId: pe, date: '2026-11-30' });
    // Dies after the consent is withdrawn and the timetable deleted, before the reminders go.
    w.crashAfterWrites(2);
    await expect(w.tt('revoke')).rejects.toThrow();
    await w.restart();
    expect(await w.docs('reminders', { status: 'pending' })).toHaveLength(1);
    await w.tick();
    expect(await w.docs('reminders', { status: 'pending' })).toEqual([]);
    expect(await w.docs('timetable_consents', { _id: STUDENT })).toEqual([expect.objectContaining({ granted: false, purgePending: false })]);
  });

  it('consenting again after a revoke that died halfway first finishes deleting what the revoke left', async () => {
    const w = await timetableWorld({ durable: true });
    await w.importCsv();
    const pe = await courseIdOf(w, '大学体育');
    await w.must('remind', { kind: 'class', courseId: pe, date: '2026-11-30' });
    w.crashAfterWrites(2);
    await expect(w.tt('revoke')).rejects.toThrow();
    await w.restart();
    // No timer ran; the student says yes again at once.
    await w.must('consent', { granted: true });
    expect(await w.docs('reminders', { openid: STUDENT })).toEqual([]);
    expect(await w.docs('timetable_consents', { _id: STUDENT })).toEqual([expect.objectContaining({ granted: true, purgePending: false })]);
  });
});

export type { TimetableResults };
