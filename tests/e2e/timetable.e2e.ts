// Timetable-synced marketing as a student meets it, in Chromium at 390x844 with the clock on a
// Monday 09:50 in term (campus time, on the phone and in the cloud): consent, import a CSV file,
// the week grid, the home card for the 10:05 break, 上课提醒 for the next class, the timer putting
// exactly one message in the inbox 10 minutes before class and none during class, its open
// recorded, and revoking consent deleting the timetable and every derived record.
import { eventually, startE2E } from './harness';
import { screenshots } from './layout';

let e2e: Awaited<ReturnType<typeof startE2E>>;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.stop();
});

const { problems, look } = screenshots('timetable');

const STUDENT = 'demo-student-3';
const CSV = [
  '课程名称,星期,开始节数,结束节数,老师,地点,周数',
  '高等数学,1,1,2,王老师,一教A201,1-16',
  '大学体育,1,3,4,李老师,东区体育馆,1-16',
  '素描基础,2,5,6,赵老师,艺术楼302,1-15单',
  '"有机化学实验",3,1,4,钱老师,"东区实验楼,101",2-16双',
].join('\n');

const OFFSET = 8 * 3600_000;
/** The next Monday 09:50 in campus time after `now`. */
function nextMonday0950(now: number): number {
  const campus = new Date(now + OFFSET);
  const day = (campus.getUTCDay() + 6) % 7; // 0 = Monday
  const monday = Date.UTC(campus.getUTCFullYear(), campus.getUTCMonth(), campus.getUTCDate() - day + 7, 9, 50) - OFFSET;
  return monday;
}
const campusTime = (ms: number) => new Date(ms + OFFSET).toISOString().slice(11, 16);

async function dev(path: string, body?: unknown) {
  const res = await fetch(`${e2e.base}/api/dev/${path}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

test('consent, CSV import, week grid, the 10:05 card, 上课提醒 sent once before class, open recorded, revoke deletes everything', () =>
  e2e.screenshotsOnFailure('timetable', async () => {
    const monday = nextMonday0950(e2e.cloud.clock.now());
    e2e.cloud.clock.advance(monday - e2e.cloud.clock.now());
    const { context, page } = await e2e.newUser();
    await context.clock.install({ time: monday });
    await e2e.signIn(page, STUDENT);

    // Home: no timetable yet, the card invites an import.
    await page.locator('[data-testid="precision-entry"]:visible').click();
    await page.waitForURL(/packages\/timetable\/consent/);
    await page.locator('[data-testid="consent-purpose"]:visible').waitFor();
    await look(page, 'consent');
    await page.locator('[data-testid="consent-agree"]:visible').click();
    await page.waitForURL(/packages\/timetable\/import/);

    // Import: WakeUp's CSV from a file, previewed, then saved (week 1 starts this Monday).
    await page.locator('[data-testid="import-format-wakeup_csv"]:visible').click();
    await page.locator('[data-testid="import-file-input"]').setInputFiles({ name: '课表.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
    await page.locator('[data-testid="import-preview-btn"]:visible').click();
    await expect(page.locator('[data-testid="import-course"]:visible').count()).resolves.toBe(4);
    await look(page, 'import-preview');
    await page.locator('[data-testid="import-save"]:visible').click();
    await page.waitForURL(/packages\/timetable\/week/);
    await page.locator('[data-testid="week-grid"]:visible').waitFor();
    // Week 1: Monday's two classes, Tuesday's odd-week 素描, not the even-week lab.
    const blocks = page.locator('[data-testid="week-block"]:visible');
    await expect(blocks.count()).resolves.toBe(3);
    await expect(page.locator('[data-testid="week-grid"]').textContent()).resolves.toMatch(/大学体育[\s\S]*素描基础|素描基础[\s\S]*大学体育/);
    await look(page, 'week');

    // 上课提醒 for the next class (大学体育 at 10:25): asked in the tap, planned 10 minutes before.
    await blocks.filter({ hasText: '大学体育' }).first().click();
    await page.locator('[data-testid="class-sheet"]:visible').waitFor();
    await look(page, 'class-sheet');
    await page.locator('[data-testid="class-remind"]:visible').click();
    const reminders = async () =>
      (await e2e.cloud.db.collection<{ status: string; sendAt: Date; openid: string }>('reminders').where({ openid: STUDENT }).get()).data;
    await eventually(async () => expect(await reminders()).toHaveLength(1));
    const [planned] = await reminders();
    expect(campusTime(new Date(planned.sendAt).getTime())).toBe('10:15');

    // Home: the card for the 10:05 break, with its reason.
    await page.goto(`${e2e.base}/#/pages/index/index`);
    const card = page.locator('[data-testid="precision-card"]:visible');
    await card.waitFor();
    await expect(page.locator('[data-testid="precision-reason"]:visible').textContent()).resolves.toContain('10:05 下课 · 下一节体育课');
    await expect(page.locator('[data-testid="precision-window"]:visible').textContent()).resolves.toContain('10:05');
    await look(page, 'home-card');

    // The timer each minute from 09:51 to 12:00: one message at 10:15, none during class.
    const inbox = async () => (await dev(`inbox?openid=${STUDENT}`)) as { messages: { at: number; page: string }[] };
    for (let t = monday + 60_000; t <= monday + 130 * 60_000; t += 60_000) {
      e2e.cloud.clock.advance(t - e2e.cloud.clock.now());
      await dev('timers/timetable', {});
      const { messages } = await inbox();
      if (t < monday + 25 * 60_000) expect(messages).toEqual([]);
    }
    const { messages } = await inbox();
    expect(messages).toHaveLength(1);
    expect(campusTime(messages[0].at)).toBe('10:15');

    // Opening the message opens its page with its ref: the open is recorded.
    await e2e.openLink(page, `${e2e.base}/#/${messages[0].page}`);
    await page.locator('[data-testid="week-grid"]:visible').waitFor();
    const touches = async () => (await e2e.cloud.db.collection<{ openedAt: Date | null }>('touches').where({ openid: STUDENT }).get()).data;
    await eventually(async () => expect((await touches()).filter((x) => x.openedAt)).toHaveLength(1));

    // Revoke: consent page → 撤回授权并删除课表 → confirm.
    await page.goto(`${e2e.base}/#/packages/timetable/consent/index`);
    await page.locator('[data-testid="consent-revoke"]:visible').click();
    await page.locator('[data-testid="revoke-dialog"]:visible').waitFor();
    await look(page, 'revoke-dialog');
    await page.locator('[data-testid="revoke-dialog-confirm"]:visible').click();
    await page.waitForURL(/pages\/index\/index/);
    const db = e2e.cloud.db;
    await eventually(async () => expect((await db.collection('timetables').where({ _id: STUDENT }).get()).data).toEqual([]));
    expect((await db.collection('touches').where({ openid: STUDENT }).get()).data).toEqual([]);
    expect(await reminders()).toEqual([]);
    expect((await db.collection('timetable_consents').where({ _id: STUDENT }).get()).data).toEqual([
      expect.objectContaining({ granted: false, purgePending: false }),
    ]);
    expect(e2e.errors).toEqual([]);
  }));

test('every screen of the timetable flow is free of overlapping or clipped elements', () => {
  expect(problems.join('\n')).toBe('');
});
