// The study's behaviour model: every parameter of what a simulated student does, in one place.
//
// What the simulation assumes (scripts/study/term.ts carries it out through the real functions):
// - A student first opens the app on a random day among the term's first `firstOpenDays`; after
//   that, on any day they planned nothing, with probability `openPerDay` (and always on a day they
//   planned something). Opening the app fetches the home page's precision card (timetable.picks).
//   The first card a student gets while the experiment runs is their exposure: the server assigns
//   the arm there. The student only knows what the card shows: if it offers the study shop's
//   products they act as treated, otherwise as control. Nothing in the simulation reads the arm
//   from the database.
// - At that first card the student settles what they will do this term, given what they saw
//   (the arm's row below): whether they buy from the study shop at all (`conversion`), whether
//   they come back for more (`repurchase`: two or more orders, among buyers), how many orders a
//   returning buyer makes (2 + Poisson(`extraOrders`)), and how often they read the notes feed:
//   Poisson(`readingSessions` × their activity level, a Gamma with mean 1, so some students are
//   far more active than others). Each of those is put on a uniformly random day between that
//   first card and the end of term. On the day, the student opens the app and does it:
//   - a read: the 发现 feed (notes.feed), then Poisson(likes ÷ readingSessions) likes of notes not
//     liked before, Poisson(comments ÷ readingSessions) comments and Poisson(shares ÷
//     readingSessions) shares of a note on a channel not used for it before (share.create), so
//     the term's means are the arm's `likes`, `comments` and `shares`;
//   - a purchase: treated students buy a study-shop product from today's card, control students
//     one found by browsing the catalogue (catalog.listProducts); bought alone (order.buy), paid
//     (order.pay) and confirmed by WeChat Pay's notice (the local stand-in).
// - Some buyers make one more order and ask for all of it back a few days later (the merchant
//   approves, the refund sweep pays it): a fully refunded order is not a purchase, so it changes
//   no figure of Table 1. Some kept orders get a partial refund (still a purchase). Students also
//   buy at the other shops now and then (never counted by the study shop's experiment).
// - The app asks for a pending survey at most once every `surveyCheckDays` days; a student asked
//   answers with probability `surveyAnswer` (else never). Each answer to a dimension's 7-point
//   items: the respondent's leaning q ~ Beta(mean S/100, concentration `surveyConcentration`),
//   each item 1 + Binomial(6, q), so E[(x − 1)/6 × 100] = S exactly, and one respondent's items
//   agree with each other (Cronbach's alpha well above 0).
//
// The treatment row is the control row moved by the study's effects times `effect` (1: the
// study's published effects, 0: none, so both arms behave alike). The "model parameter" column of
// the report is `expected(effect)`, which follows from these rows.
import type { Dimension } from '../../core/experiments/survey';

export interface ArmBehaviour {
  /** Probability that an exposed student buys from the study shop at least once this term. */
  conversion: number;
  /** Among those who buy: probability of two or more (kept) orders. */
  repurchase: number;
  /** A returning buyer's orders are 2 + Poisson(extraOrders). */
  extraOrders: number;
  /** Mean likes, comments and shares per exposed student over the term. */
  likes: number;
  comments: number;
  shares: number;
  /** Expected satisfaction per dimension on the 100-point scale. */
  satisfaction: Record<Dimension, number>;
}

export const MODEL = {
  /** The study's campus and term. */
  campus: { students: 2000, weeks: 16, termStart: '2026-09-07', surveyPercent: 30 },
  app: {
    /** A student first opens the app on a random day among the term's first few. */
    firstOpenDays: 14,
    /** After that, the chance they open it on a day they planned nothing. */
    openPerDay: 0.03,
    /** Mean times a student reads the notes feed over the term (times their activity level). */
    readingSessions: 2.5,
    /** The app looks for a pending survey at most this often (days). */
    surveyCheckDays: 7,
    /** A student shown the survey answers it (once) with this probability. */
    surveyAnswer: 0.85,
  },
  /** Control: conventional promotion (the card leaves the study shop out). */
  control: {
    conversion: 0.5,
    repurchase: 0.42,
    extraOrders: 1,
    likes: 3,
    comments: 1.2,
    shares: 0.8,
    satisfaction: { price: 68, matching: 72, timeliness: 65, interaction: 70, service: 68, overall: 70 },
  } satisfies ArmBehaviour,
  /** The study's published treatment figures (repurchase 58% vs 42%, frequency +32%, ...). */
  study: {
    repurchase: 0.58,
    frequencyLift: 0.32,
    likesLift: 0.45,
    commentsLift: 0.55,
    sharesLift: 0.65,
    satisfaction: { price: 75, matching: 85, timeliness: 88, interaction: 80, service: 78, overall: 82 } as Record<Dimension, number>,
  },
  /** Shape of the per-student activity level (Gamma, mean 1): smaller means more uneven students. */
  activityShape: 2,
  /** Concentration of a respondent's leaning in the survey (higher: answers closer to the mean). */
  surveyConcentration: 6,
  refunds: {
    /** Chance a buyer makes one extra order and has it refunded in full. */
    fullPerBuyer: 0.06,
    /** Chance a kept order is partly refunded, and which share comes back. */
    partialPerOrder: 0.04,
    partialShare: 0.3,
  },
  /** Orders per student per term at the other shops (never counted by the study shop's experiment). */
  otherShopOrders: 0.3,
} as const;

export type Model = typeof MODEL;

/** Orders per exposed student in an arm: conversion × (1 + repurchase × (1 + extraOrders)). */
export const frequency = (a: Pick<ArmBehaviour, 'conversion' | 'repurchase' | 'extraOrders'>) => a.conversion * (1 + a.repurchase * (1 + a.extraOrders));

/** The arm's behaviour; `effect` scales every treatment effect (1: the study's, 0: none). */
export function behaviour(treated: boolean, effect: number, m: Model = MODEL): ArmBehaviour {
  const c = m.control;
  if (!treated) return { ...c, satisfaction: { ...c.satisfaction } };
  const repurchase = c.repurchase + effect * (m.study.repurchase - c.repurchase);
  const orders = frequency(c) * (1 + effect * m.study.frequencyLift);
  // The frequency lift comes from repurchase and from conversion: solve for the conversion.
  const conversion = orders / (1 + repurchase * (1 + c.extraOrders));
  if (!(conversion > 0 && conversion <= 1)) throw new Error(`model: treatment conversion ${conversion} is not a probability`);
  const satisfaction = Object.fromEntries(
    Object.entries(c.satisfaction).map(([d, s]) => [d, s + effect * (m.study.satisfaction[d as Dimension] - s)]),
  ) as Record<Dimension, number>;
  return {
    conversion,
    repurchase,
    extraOrders: c.extraOrders,
    likes: c.likes * (1 + effect * m.study.likesLift),
    comments: c.comments * (1 + effect * m.study.commentsLift),
    shares: c.shares * (1 + effect * m.study.sharesLift),
    satisfaction,
  };
}

/** What each reported figure should come out as, on average, given the model. */
export function expected(effect: number, m: Model = MODEL) {
  const [c, t] = [behaviour(false, effect, m), behaviour(true, effect, m)];
  return {
    repurchase: [c.repurchase, t.repurchase],
    orders: [frequency(c), frequency(t)],
    likes: [c.likes, t.likes],
    comments: [c.comments, t.comments],
    shares: [c.shares, t.shares],
    satisfaction: Object.fromEntries(Object.keys(c.satisfaction).map((d) => [d, [c.satisfaction[d as Dimension], t.satisfaction[d as Dimension]]])) as Record<
      Dimension,
      [number, number]
    >,
  };
}
