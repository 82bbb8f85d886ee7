// Which domain alone writes each collection. Others read what they need through the owner's
// exported queries, and change it through the owner's exported flows, so the rules about a
// collection (its state machine, its counters, its idempotency keys) live in one folder.
// server/db/ownership.test.ts scans the source and fails on a write from anywhere else.
import type { indexes } from './indexes';

export const DOMAINS = [
  'orders',
  'groupbuy',
  'payments',
  'commission',
  'sharing',
  'users',
  'catalog',
  'analytics',
  'timetable',
  'koc',
  'notes',
  'support',
  'experiments',
  'events',
] as const;
export type Domain = (typeof DOMAINS)[number];

export const owners = {
  orders: 'orders',
  purchase_limits: 'orders',
  campaigns: 'groupbuy',
  groups: 'groupbuy',
  sweep_state: 'groupbuy',
  refunds: 'payments',
  ledger: 'commission',
  koc_balances: 'commission',
  commissions: 'commission',
  commission_state: 'commission',
  withdrawals: 'commission',
  withdrawal_days: 'commission',
  koc_tiers: 'commission',
  tier_audit: 'commission',
  tier_runs: 'commission',
  share_codes: 'sharing',
  bindings: 'sharing',
  users: 'users',
  campuses: 'users',
  merchants: 'users',
  // A merchant's program: its commission settings and attribution rules, side by side.
  programs: 'users',
  products: 'catalog',
  // Counters folded from events by the analytics rollup, and its cursor.
  analytics_days: 'analytics',
  analytics_koc_days: 'analytics',
  analytics_cards: 'analytics',
  analytics_visitors: 'analytics',
  analytics_campus_days: 'analytics',
  analytics_marks: 'analytics',
  // Per experiment and student, and per arm: counters the rollup keeps (server/analytics/experiments-fold.ts).
  exp_members: 'analytics',
  exp_arms: 'analytics',
  // Experiment designs: declared, started, stopped by their merchant.
  experiments: 'experiments',
  analytics_state: 'analytics',
  // A student's timetable and what is derived from it (deleted together when consent is revoked),
  // the reminders they asked for, and anonymous counters of reminders and picks.
  timetable_consents: 'timetable',
  timetables: 'timetable',
  reminders: 'timetable',
  touches: 'timetable',
  touch_stats: 'timetable',
  timetable_state: 'timetable',
  // Becoming a KOC of a program: applications with their history, the one open application per
  // student and program (a marker made by add), social accounts seen across applicants, and the
  // selected KOCs (members) of each program.
  koc_applications: 'koc',
  koc_open: 'koc',
  koc_profiles: 'koc',
  koc_members: 'koc',
  // Training (courses, completions, the program's required course), badges (definitions, grants
  // and their audit), certificates by code, and the badge timer's position.
  koc_courses: 'koc',
  koc_trainings: 'koc',
  koc_settings: 'koc',
  koc_badge_defs: 'koc',
  koc_badges: 'koc',
  koc_badge_audit: 'koc',
  koc_certificates: 'koc',
  koc_internships: 'koc',
  koc_internship_applications: 'koc',
  koc_letters: 'koc',
  koc_state: 'koc',
  // The home showcase's opt-ins, one per KOC.
  koc_showcase: 'koc',
  // Brand events and trial drops with tier-ordered sign-up windows, and their sign-ups.
  koc_events: 'koc',
  koc_event_signups: 'koc',
  // Notes with their image checks, likes, collects, comments, follows and the in-app
  // notifications they cause.
  notes: 'notes',
  note_media_checks: 'notes',
  note_likes: 'notes',
  note_collects: 'notes',
  note_comments: 'notes',
  note_follows: 'notes',
  notifications: 'notes',
  // A student's feed interests, 不感兴趣 and switches (_id the openid).
  note_interests: 'notes',
  // One per note and reader (_id `${noteId}:${openid}`): unique readers.
  note_readers: 'notes',
  // Reports (one per student and target) and blocks (one per blocker and blocked).
  note_reports: 'notes',
  // One per order (_id `review_${orderId}`): its buyer's rating.
  reviews: 'notes',
  // The notes timer's positions (_id the step).
  notes_state: 'notes',
  note_blocks: 'notes',
  // Customer service: a shop's FAQs and its counter (the limit), the questions nobody answered,
  // each student's reply window in WeChat's session, and one marker per push handled.
  support_faqs: 'support',
  support_shops: 'support',
  support_misses: 'support',
  support_sessions: 'support',
  support_replies: 'support',
  // Append-only, written only through server/events.ts.
  events: 'events',
} as const satisfies Record<keyof typeof indexes, Domain>;

/** The folder (or file) a domain's code lives in, relative to the repository. */
export const domainPath = (d: Domain) => (d === 'events' ? 'server/events.ts' : `server/${d}/`);
