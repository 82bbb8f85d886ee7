// Assignment where the feature meets the student: a timetable experiment exposes each student
// once, at their first precision card (control students too), in the arm GrowthBook's hash
// gives; the control arm's card leaves the shop's products out; a change of weights moves
// nobody already assigned; the survey reaches a sampled student after a week, once.
import { armFor } from '../../core/experiments/assign';
import { DIMENSIONS, ITEMS } from '../../core/experiments/survey';
import { OWNER, STUDENTS } from '../groupbuy/fixture';
import { MONDAY } from '../timetable/fixture';
import { picksWorld } from '../timetable/picks.fixtures';
import { DAY, design } from './fixture';

async function setup() {
  const w = await picksWorld();
  const x = async <T>(action: string, event: Record<string, unknown> = {}, who = OWNER) => {
    const r = await w.call<T>('experiments', who, { action, ...event });
    if (!r.ok) throw new Error(`${action}: ${r.code} ${r.message}`);
    return r.data;
  };
  for (const s of STUDENTS) await w.importCsv(s);
  w.setNow(`${MONDAY} 09:50`);
  const exposures = async () =>
    (await w.cloud.db.collection<{ openid: string; arm: number; phase: number }>('events').where({ type: 'experiment_exposure' }).limit(100).get()).data;
  return { ...w, x, exposures };
}

describe('assignment', () => {
  it('exposes each student once in the hashed arm, control too, and the control card leaves the shop out', async () => {
    const w = await setup();
    const { experimentId } = await w.x<{ experimentId: string }>('save', design(w.clock.now()));
    // A draft exposes nobody.
    await w.picks(STUDENTS[0]);
    expect(await w.exposures()).toEqual([]);
    await w.x('start', { experimentId });
    for (const s of STUDENTS) for (let i = 0; i < 2; i++) await w.picks(s);
    const seen = await w.exposures();
    expect(seen.map((e) => e.openid).sort()).toEqual([...STUDENTS].sort());
    for (const e of seen) expect(e.arm).toBe(armFor(e.openid, experimentId, [50, 50]));
    expect(new Set(seen.map((e) => e.arm)).size).toBe(2);
    for (const e of seen) {
      const pick = await w.picks(e.openid);
      // Every product of the test world is the shop's: the control arm gets no card from it.
      if (e.arm === 0) expect(pick).toBeNull();
      else expect(pick?.products.length).toBeGreaterThan(0);
    }

    // New weights start a phase; students already in keep their arm.
    await w.x('setWeights', { experimentId, weights: [10, 90] });
    for (const s of STUDENTS) await w.picks(s);
    expect((await w.exposures()).map((e) => [e.openid, e.arm, e.phase]).sort()).toEqual(seen.map((e) => [e.openid, e.arm, 0]).sort());

    // Stopped: nobody is exposed any more and every card is back.
    await w.x('stop', { experimentId });
    for (const e of seen) expect(await w.picks(e.openid)).not.toBeNull();
  });

  it('a running design cannot change, bad input writes nothing, and students cannot manage experiments', async () => {
    const w = await setup();
    const bad = await w.call('experiments', OWNER, {
      action: 'save',
      ...design(w.clock.now(), {
        arms: [
          { name: 'A', weight: 50 },
          { name: 'B', weight: 40 },
        ],
      }),
    });
    expect(bad).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining('100%') });
    expect((await w.cloud.db.collection('experiments').count()).total).toBe(0);
    expect(await w.call('experiments', STUDENTS[0], { action: 'save', ...design(w.clock.now()) })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const { experimentId } = await w.x<{ experimentId: string }>('save', design(w.clock.now()));
    // The same request again makes no second experiment.
    await w.x('save', design(w.clock.now()));
    expect((await w.cloud.db.collection('experiments').count()).total).toBe(1);
    await w.x('start', { experimentId });
    expect(await w.call('experiments', OWNER, { action: 'save', ...design(w.clock.now(), { experimentId, primaryMetric: 'orders' }) })).toMatchObject({
      ok: false,
      code: 'BAD_STATE',
    });
    expect(await w.call('experiments', OWNER, { action: 'start', experimentId })).toMatchObject({ ok: true, data: { status: 'running' } });
  });

  it('asks a sampled student the survey after a week, once, and nothing earlier', async () => {
    const w = await setup();
    const { experimentId } = await w.x<{ experimentId: string }>('save', design(w.clock.now(), { surveyPercent: 100 }));
    await w.x('start', { experimentId });
    const S = STUDENTS[0];
    await w.picks(S);
    const survey = async () => (await w.x<{ survey: { experimentId: string } | null }>('survey', {}, S)).survey;
    expect(await survey()).toBeNull();
    w.clock.advance(7 * DAY);
    expect((await survey())?.experimentId).toBe(experimentId);
    const answers = Object.fromEntries(DIMENSIONS.map((d) => [d, ITEMS[d].map(() => 6)]));
    // An incomplete sheet is refused and records nothing.
    const partial = await w.call('experiments', S, { action: 'answerSurvey', experimentId, answers: { ...answers, price: [6] } });
    expect(partial).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await w.x('answerSurvey', { experimentId, answers }, S)).toEqual({ recorded: true });
    expect(await w.x('answerSurvey', { experimentId, answers }, S)).toEqual({ recorded: false });
    expect(await survey()).toBeNull();
    // A student never exposed is not asked.
    expect(await w.call('experiments', STUDENTS[5], { action: 'answerSurvey', experimentId, answers })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});
