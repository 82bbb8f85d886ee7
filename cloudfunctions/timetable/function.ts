// timetable: a student's consented timetable, its free windows, picks for the next free window
// and the reminders the student asked for. Nobody reads another student's timetable: every
// action works on the caller's own document (ctx.openid), and classmates are only ever counted.
import { CONSENT_VERSION, type TimetableResults, timetableInput } from '../../core/contracts/timetable';
import { fail, ok } from '../../core/result';
import { action, defineFunction } from '../../server/define';
import { RunBudget } from '../../server/run-budget';
import { campusTimetable } from '../../server/timetable/campus';
import { campusNow, currentWeek, dayOf, weekOfTerm } from '../../server/timetable/days';
import { parseImport } from '../../server/timetable/import';
import { runOutbox } from '../../server/timetable/outbox';
import { pickForNow } from '../../server/timetable/picks';
import { CLASS_LEAD_MINUTES, cancelReminder, listReminders, remind } from '../../server/timetable/reminders';
import { getConsent, getTimetable, hasConsent } from '../../server/timetable/store';
import { templatesFrom } from '../../server/timetable/templates';
import { exportTimetable, getAll, revoke, saveTimetable, setConsent, setOverride } from '../../server/timetable/timetable';
import { recordOpen } from '../../server/timetable/touches';
import { findUser } from '../../server/users/users';

const view = (c: { date: string; start: string; end: string; name: string; room: string; courseId: string; startNode: number; endNode: number }) => ({
  date: c.date,
  start: c.start,
  end: c.end,
  name: c.name,
  room: c.room,
  courseId: c.courseId,
  startNode: c.startNode,
  endNode: c.endNode,
});

export default defineFunction(
  'timetable',
  {
    status: action({
      input: timetableInput.status,
      async run(ctx) {
        const [consent, t] = await Promise.all([getConsent(ctx, ctx.openid), getTimetable(ctx, ctx.openid)]);
        return ok<TimetableResults['status']>({
          consented: hasConsent(consent, CONSENT_VERSION),
          consentVersion: CONSENT_VERSION,
          hasTimetable: t !== null,
          term: t?.term ?? null,
          courseCount: t?.courses.length ?? 0,
          currentWeek: t ? currentWeek(t.term.startDate, campusNow(ctx.now()).date) : 0,
          templates: templatesFrom(process.env),
          classLeadMinutes: CLASS_LEAD_MINUTES,
        });
      },
    }),

    consent: action({ input: timetableInput.consent, run: (ctx, input) => setConsent(ctx, input) }),

    /** Reads a file and answers what it found; writes nothing. */
    preview: action({
      input: timetableInput.preview,
      async run(ctx, { format, content, termStartDate }) {
        const t = await getTimetable(ctx, ctx.openid);
        const campus = await campusTimetable(ctx, t?.campusId ?? (await findUser(ctx, ctx.openid))?.campusId ?? null);
        return ok<TimetableResults['preview']>(parseImport(format, content, { termStartDate, sections: campus.sections }));
      },
    }),

    save: action({ input: timetableInput.save, run: (ctx, input) => saveTimetable(ctx, input) }),
    get: action({ input: timetableInput.get, run: (ctx) => getAll(ctx) }),

    week: action({
      input: timetableInput.week,
      async run(ctx, { week }) {
        const t = await getTimetable(ctx, ctx.openid);
        if (!t) return fail('NO_TIMETABLE', '还没有课表，先导入课表吧');
        const campus = await campusTimetable(ctx, t.campusId);
        const n = week ?? Math.min(Math.max(1, currentWeek(t.term.startDate, campusNow(ctx.now()).date)), t.term.weeks);
        const w = weekOfTerm(t, campus, n);
        return ok<TimetableResults['week']>({
          week: n,
          term: t.term,
          dates: w.dates,
          sections: campus.sections,
          classes: w.classes.map(view),
          offDays: w.offDays,
        });
      },
    }),

    freeWindows: action({
      input: timetableInput.freeWindows,
      async run(ctx, { date }) {
        const t = await getTimetable(ctx, ctx.openid);
        if (!t) return fail('NO_TIMETABLE', '还没有课表，先导入课表吧');
        const campus = await campusTimetable(ctx, t.campusId);
        const day = dayOf(t, campus, date ?? campusNow(ctx.now()).date);
        return ok<TimetableResults['freeWindows']>({ date: day.date, windows: day.windows, classes: day.classes.map(view) });
      },
    }),

    setOverride: action({ input: timetableInput.setOverride, run: (ctx, input) => setOverride(ctx, input) }),
    picks: action({ input: timetableInput.picks, run: (ctx) => pickForNow(ctx) }),
    remind: action({ input: timetableInput.remind, run: (ctx, input) => remind(ctx, input) }),
    reminders: action({ input: timetableInput.reminders, run: (ctx) => listReminders(ctx) }),
    cancelReminder: action({ input: timetableInput.cancelReminder, run: (ctx, { reminderId }) => cancelReminder(ctx, reminderId) }),
    opened: action({ input: timetableInput.opened, run: (ctx, { ref }) => recordOpen(ctx, ref) }),
    export: action({ input: timetableInput.export, run: (ctx) => exportTimetable(ctx) }),
    revoke: action({ input: timetableInput.revoke, run: (ctx) => revoke(ctx) }),

    /** The timer: reminders due, group results, revokes that died halfway. */
    tick: action({
      input: timetableInput.status,
      async run(ctx) {
        if (!ctx.source.split(',').includes('wx_trigger')) return fail('FORBIDDEN', '只有定时触发器可以调用');
        return ok(await runOutbox(ctx, new RunBudget(ctx.timeLeft)));
      },
    }),
  },
  { timerAction: 'tick' },
);
