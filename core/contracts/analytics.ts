// What analytics.dashboard answers: everything the merchant dashboard shows for one window, in
// one call (the figures' definitions are in core/metrics.ts). Types only, so the app imports
// them without the schema library.

export const DASHBOARD_DAYS = [7, 30, 90] as const;
export type DashboardDays = (typeof DASHBOARD_DAYS)[number];

export type FunnelChannel = 'chat' | 'group' | 'moments' | 'poster';
/** Reminders (class, pickup, group result) and precision cards (the home card's picks). */
export type TouchFamily = 'reminder' | 'card';
export type TouchDimension = 'scene' | 'grade' | 'major' | 'campus';

export interface DashboardDay {
  /** Campus date, 'YYYY-MM-DD'. */
  day: string;
  paidFen: number;
  refundedFen: number;
  orders: number;
  groupsSucceeded: number;
  groupsFailed: number;
  likes: number;
  comments: number;
  collects: number;
}

export interface FunnelFigures {
  created: number;
  opens: number;
  binds: number;
  /** Paid orders bound through a card of this channel or sharer. */
  orders: number;
}

export interface KocFunnelRow extends FunnelFigures {
  openid: string;
  nickname: string;
  paidFen: number;
}

export interface TouchRow {
  family: TouchFamily;
  dimension: TouchDimension;
  /** The scene tag, grade, major or campus id as stored. */
  value: string;
  /** What the page shows for it (a scene's Chinese name, a campus's name). */
  label: string;
  /** Distinct students reached in the window (rows under MIN_SEGMENT_STUDENTS are left out). */
  students: number;
  delivered: number;
  opened: number;
  converted: number;
}

export interface DashboardView {
  days: number;
  /** First and last campus date of the window. */
  from: string;
  to: string;
  /** Events up to this instant are counted (the rollup runs every minute, about 2 minutes behind). */
  countedUntil: number;
  campus: { id: string; name: string } | null;
  series: DashboardDay[];
  totals: {
    paidFen: number;
    refundedFen: number;
    netFen: number;
    orders: number;
    groupsSucceeded: number;
    groupsFailed: number;
    groupSuccessRate: number | null;
  };
  funnel: ({ channel: FunnelChannel } & FunnelFigures)[];
  /** The sharers with the most card orders, then opens (at most KOC_ROWS). */
  kocs: KocFunnelRow[];
  /** Sharers active in the window and not listed. */
  kocsMore: number;
  growth: {
    sharers: number;
    opens: number;
    binds: number;
    invitesPerSharer: number | null;
    inviteConversion: number | null;
    kFactor: number | null;
  };
  repurchase: { buyers: number; repeatBuyers: number; netOrders: number; repurchaseRate: number | null; purchaseFrequency: number | null };
  notes: { likes: number; comments: number; collects: number };
  touches: TouchRow[];
  /** Segments left out because fewer than MIN_SEGMENT_STUDENTS students are in them. */
  touchesHidden: number;
}

/** How many sharers the KOC funnel lists. */
export const KOC_ROWS = 10;
