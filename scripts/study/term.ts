// The term, day by day, through the real functions: students open the app when the model says
// so (scripts/study/model.ts), see their precision card, and carry out what they settled at their
// first card; at the end of each day the platform's timers run (the refund sweep, then the
// analytics rollup, the clock moved past its settle margin).
import type { SurveyView } from '../../core/contracts/experiments';
import { DIMENSIONS, ITEMS } from '../../core/experiments/survey';
import { simulatePayment } from '../../local-cloud/pay-sim';
import { SETTLE_MS } from '../../server/analytics/rollup';
import { type Campus, DAY, OTHER_SHOPS, OWNER, SHOP, type Student } from './campus';
import { type ArmBehaviour, behaviour, type Model } from './model';
import type { Figures } from './oracle';
import type { Rng } from './rng';

type Action = 'read' | 'buy' | 'refundedBuy' | 'otherBuy';

interface Pending {
  day: number;
  orderId: string;
  buyer: string;
  fen: number | null;
}

interface Life {
  s: Student;
  rng: Rng;
  /** The day of the first app open (term day). */
  firstOpen: number;
  exposedDay: number | null;
  /** What the first card showed: the study shop's products (treated) or not. */
  treated: boolean | null;
  agenda: Map<number, Action[]>;
  liked: Set<string>;
  shared: Set<string>;
  lastSurveyCheck: number;
  surveyDone: boolean;
  /** Cards that disagreed with the first one (the shop there one day and not another). */
  inconsistent: number;
  /** What the student did that the study shop's experiment should count (the simulation's own ledger). */
  did: Figures;
}

export interface TermOutcome {
  /** The arm each exposed student saw, by openid. */
  perceived: Map<string, boolean>;
  /** What each exposed student did after their first card: study-shop orders kept (not fully refunded), likes, comments, shares. */
  did: Map<string, Figures>;
  /** Later cards that showed a different arm from the first (should stay 0). */
  inconsistentCards: number;
  /** Planned actions the app could not carry out (a like with nothing left to like, ...). */
  skipped: Record<string, number>;
  surveyAnswers: number;
  orders: number;
  refunds: number;
  /** Invocations by the platform: WeChat Pay's notices and timer runs. */
  platformCalls: number;
}

const CHANNELS = ['chat', 'group', 'moments', 'poster'] as const;
const COMMENTS = ['好用！', '已经下单了', '求链接', '体育课后确实需要', '收藏了', '这个价格划算', '同款用了一学期', '谢谢分享'];

type Card = { pick: null | { products: { id: string }[] } };

export async function runTerm(c: Campus, m: Model, effect: number, rng: Rng, onDay?: (day: number, days: number) => void): Promise<TermOutcome> {
  const days = Math.round((c.termEnd - c.termStart) / DAY);
  const shopProducts = c.products.filter((p) => p.merchantId === SHOP);
  const shopIds = new Set(shopProducts.map((p) => p.id));
  const otherProducts = c.products.filter((p) => OTHER_SHOPS.includes(p.merchantId));
  const lives: Life[] = c.students.map((s) => {
    const r = rng.fork();
    return {
      s,
      rng: r,
      firstOpen: r.int(Math.min(m.app.firstOpenDays, days)),
      exposedDay: null,
      treated: null,
      agenda: new Map(),
      liked: new Set(),
      shared: new Set(),
      lastSurveyCheck: -Infinity,
      surveyDone: false,
      inconsistent: 0,
      did: { orders: 0, likes: 0, comments: 0, shares: 0 },
    };
  });
  const out: TermOutcome = {
    perceived: new Map(),
    did: new Map(),
    inconsistentCards: 0,
    skipped: {},
    surveyAnswers: 0,
    orders: 0,
    refunds: 0,
    platformCalls: 0,
  };
  const skip = (what: string) => {
    out.skipped[what] = (out.skipped[what] ?? 0) + 1;
  };
  const refunds: Pending[] = [];
  let rid = 0;
  const requestId = (p: string) => `${p}-${String(++rid).padStart(8, '0')}`;
  /** A tap: a couple of seconds pass between a student's calls, as in the app. */
  const tap = <T>(fn: string, openid: string, event: Record<string, unknown>) => {
    c.clock.advance(2000);
    return c.must<T>(fn, openid, event);
  };

  /** At the first card: what this student will do this term, put on days from today to the end. */
  const settle = (l: Life, day: number) => {
    const b = behaviour(l.treated === true, effect, m);
    const r = l.rng;
    const put = (a: Action, last = days - 1) => {
      if (last < day) return;
      const d = day + r.int(last - day + 1);
      l.agenda.set(d, [...(l.agenda.get(d) ?? []), a]);
    };
    if (r.chance(b.conversion)) {
      const orders = r.chance(b.repurchase) ? 2 + r.poisson(b.extraOrders) : 1;
      for (let i = 0; i < orders; i++) put('buy');
      // Bought early enough that the refund is paid before term ends.
      if (r.chance(m.refunds.fullPerBuyer)) put('refundedBuy', days - 8);
    }
    const activity = r.gamma(m.activityShape) / m.activityShape;
    for (let i = r.poisson(m.app.readingSessions * activity); i > 0; i--) put('read');
    for (let i = r.poisson(m.otherShopOrders); i > 0; i--) put('otherBuy');
  };

  const buy = async (l: Life, productId: string, merchantId: string) => {
    const { orderId } = await tap<{ orderId: string }>('order', l.s.openid, {
      action: 'buy',
      productId,
      quantity: 1,
      fulfilment: { type: 'pickup', pickupPointId: c.pickup.get(merchantId) },
      requestId: requestId('buy'),
    });
    const paid = await tap<{ totalFen: number }>('order', l.s.openid, { action: 'pay', orderId });
    // WeChat Pay's notice to payCallback (the local stand-in delivers it once).
    await simulatePayment(c.cloud, orderId, 'success', 1);
    out.platformCalls++;
    out.orders++;
    return { orderId, totalFen: paid.totalFen };
  };

  /** Reading the notes feed: this read's likes, comments and shares (Poisson, the arm's mean per read). */
  const read = async (l: Life, b: ArmBehaviour) => {
    const { openid } = l.s;
    const per = (mean: number) => l.rng.poisson(mean / m.app.readingSessions);
    const [likes, comments, shares] = [per(b.likes), per(b.comments), per(b.shares)];
    const page = await tap<{ items: { noteId: string }[]; nextCursor: string | null }>('notes', openid, { action: 'feed' });
    let feed = page.items.map((i) => i.noteId);
    if (page.nextCursor && feed.filter((n) => !l.liked.has(n)).length < likes) {
      const more = await tap<{ items: { noteId: string }[] }>('notes', openid, { action: 'feed', cursor: page.nextCursor });
      feed = [...feed, ...more.items.map((i) => i.noteId)];
    }
    for (let i = 0; i < likes; i++) {
      const left = feed.filter((n) => !l.liked.has(n));
      if (!left.length) {
        skip('like: every note in the feed liked already');
        continue;
      }
      const noteId = l.rng.pick(left);
      l.liked.add(noteId);
      await tap('notes', openid, { action: 'like', noteId });
      l.did.likes++;
    }
    for (let i = 0; i < comments; i++) {
      await tap('notes', openid, { action: 'comment', noteId: l.rng.pick(feed), text: l.rng.pick(COMMENTS), requestId: requestId('comment') });
      l.did.comments++;
    }
    for (let i = 0; i < shares; i++) {
      // A card not shared before on that channel (a repeat reuses the same card and is no new share).
      const options = feed.flatMap((n) => CHANNELS.map((ch) => `${n}|${ch}`)).filter((k) => !l.shared.has(k));
      if (!options.length) {
        skip('share: every card shared already');
        continue;
      }
      const key = l.rng.pick(options);
      l.shared.add(key);
      const [noteId, channel] = key.split('|');
      await tap('share', openid, { action: 'create', targetType: 'note', targetId: noteId, channel });
      l.did.shares++;
    }
  };

  const session = async (l: Life, day: number) => {
    const { openid } = l.s;
    // Opening the app: the home page's precision card.
    const card = await tap<Card>('timetable', openid, { action: 'picks' });
    const showsShop = card.pick ? card.pick.products.some((p) => shopIds.has(p.id)) : null;
    if (l.treated === null) {
      // No card: no free window left today, or the experiment not live: not exposed yet.
      if (showsShop === null) return;
      l.treated = showsShop;
      l.exposedDay = day;
      out.perceived.set(openid, showsShop);
      out.did.set(openid, l.did);
      settle(l, day);
    } else if (showsShop !== null && showsShop !== l.treated) l.inconsistent++;

    if (!l.surveyDone && day - l.lastSurveyCheck >= m.app.surveyCheckDays) {
      l.lastSurveyCheck = day;
      const { survey } = await tap<{ survey: SurveyView | null }>('experiments', openid, { action: 'survey' });
      if (survey) {
        l.surveyDone = true;
        if (l.rng.chance(m.app.surveyAnswer)) {
          await tap('experiments', openid, { action: 'answerSurvey', experimentId: survey.experimentId, answers: answers(l, effect, m) });
          out.surveyAnswers++;
        }
      }
    }

    const todo = l.agenda.get(day) ?? [];
    l.agenda.delete(day);
    const b = behaviour(l.treated === true, effect, m);
    for (const a of todo) {
      if (a === 'read') await read(l, b);
      else if (a === 'buy' || a === 'refundedBuy') {
        // Treated: a study-shop product from today's card; control: found by browsing the catalogue.
        let productId = card.pick?.products.find((p) => shopIds.has(p.id))?.id;
        if (!productId) {
          const list = await tap<{ items: { id: string }[] }>('catalog', openid, { action: 'listProducts' });
          productId = list.items.find((p) => shopIds.has(p.id))?.id ?? l.rng.pick(shopProducts).id;
        }
        const o = await buy(l, productId, SHOP);
        if (a === 'buy') l.did.orders++;
        const refundDay = Math.min(day + 1 + l.rng.int(5), days - 2);
        if (a === 'refundedBuy') refunds.push({ day: refundDay, orderId: o.orderId, buyer: openid, fen: null });
        else if (a === 'buy' && l.rng.chance(m.refunds.partialPerOrder) && refundDay > day)
          refunds.push({ day: refundDay, orderId: o.orderId, buyer: openid, fen: Math.max(1, Math.floor(o.totalFen * m.refunds.partialShare)) });
      } else if (a === 'otherBuy') {
        const p = l.rng.pick(otherProducts);
        await buy(l, p.id, p.merchantId);
      }
    }
  };

  /** Refunds asked for today: the buyer asks, the study shop's owner approves at once. */
  const askRefunds = async (day: number) => {
    for (const r of refunds.filter((x) => x.day === day)) {
      const asked = await tap<{ refundId: string }>('order', r.buyer, {
        action: 'requestRefund',
        orderId: r.orderId,
        reason: r.fen === null ? '不想要了' : '少件或漏发',
        ...(r.fen === null ? {} : { amountFen: r.fen }),
      });
      await tap('merchant', OWNER, { action: 'approveRefund', orderId: r.orderId, refundId: asked.refundId });
      out.refunds++;
    }
  };

  const timer = (fn: string, trigger: string) => {
    out.platformCalls++;
    return c.cloud.invoke(fn, { Type: 'Timer', TriggerName: trigger }, { source: 'wx_trigger' }) as Promise<{ ok: boolean; data?: { caughtUp?: boolean } }>;
  };

  for (let day = 0; day < days; day++) {
    const dayStart = c.termStart + day * DAY;
    const active = lives.filter((l) =>
      l.exposedDay === null
        ? day >= l.firstOpen && (day === l.firstOpen || l.rng.chance(m.app.openPerDay))
        : l.agenda.has(day) || l.rng.chance(m.app.openPerDay),
    );
    rng.shuffle(active);
    // Sessions spread over 08:00-21:00 campus time.
    const slot = (13 * 3600_000) / (active.length + 1);
    for (const [i, l] of active.entries()) {
      c.moveTo(dayStart + 8 * 3600_000 + i * slot);
      await session(l, day);
    }
    c.moveTo(dayStart + 21.5 * 3600_000);
    await askRefunds(day);
    // The platform's timers, as they would have fired by the end of the day: the refund sweep
    // (twice: a refund is submitted, then its result taken), then the rollup once the day's
    // events are older than its settle margin.
    c.moveTo(dayStart + 22 * 3600_000);
    await timer('groupbuy', 'sweep');
    c.moveTo(dayStart + 22 * 3600_000 + 10 * 60_000);
    await timer('groupbuy', 'sweep');
    c.moveTo(dayStart + 22 * 3600_000 + 10 * 60_000 + SETTLE_MS + 60_000);
    for (let i = 0; i < 20; i++) {
      const r = await timer('analytics', 'rollup');
      if (!r.ok) throw new Error(`rollup failed: ${JSON.stringify(r)}`);
      if (r.data?.caughtUp) break;
    }
    onDay?.(day, days);
  }
  out.inconsistentCards = lives.reduce((s, l) => s + l.inconsistent, 0);
  const left = lives.reduce((s, l) => s + [...l.agenda.values()].reduce((t, a) => t + a.length, 0), 0);
  if (left) out.skipped['left on the agenda at the end of term'] = left;
  return out;
}

/** One answer sheet: per dimension a leaning q ~ Beta(S/100), each item 1 + Binomial(6, q). */
function answers(l: Life, effect: number, m: Model): Record<string, number[]> {
  const b = behaviour(l.treated === true, effect, m);
  return Object.fromEntries(
    DIMENSIONS.map((d) => {
      const q = l.rng.beta(b.satisfaction[d] / 100, m.surveyConcentration);
      return [d, ITEMS[d].map(() => 1 + l.rng.binomial(6, q))];
    }),
  );
}
