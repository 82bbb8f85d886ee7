// The dashboard as a CSV file: the window's figures with their Chinese names, then one table per
// section (days, channels, sharers, reminders and cards). Money in yuan with two decimals and no
// sign, so a spreadsheet sums it; a UTF-8 BOM so Excel reads the Chinese.
import type { DashboardView } from '@core/contracts/analytics';
import { DASHBOARD_METRICS, type DashboardMetric, formatMetric } from '@core/metrics';
import { formatDateTime } from '../../../utils/time';
import { CHANNEL_LABELS, DIMENSION_LABELS, FAMILY_LABELS } from './labels';

const yuan = (fen: number) => (fen / 100).toFixed(2);

/** One field: quoted when it holds a comma, quote or line break; a leading = + - @ is defused (a nickname is not a formula). */
export function csvField(v: string | number): string {
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const line = (...fields: (string | number)[]) => fields.map(csvField).join(',');

export function dashboardCsv(v: DashboardView): string {
  const m = (key: DashboardMetric) => DASHBOARD_METRICS[key].label;
  const rate = (x: number | null) => formatMetric(x, 'percent');
  const ratio = (x: number | null) => formatMetric(x, 'ratio');
  const out: string[] = [
    line('校园种草 数据看板'),
    line('时间范围', `${v.from} 至 ${v.to}（近 ${v.days} 天）`),
    line('统计到', formatDateTime(v.countedUntil)),
    '',
    line('指标', '数值'),
    line(`${m('paidFen')}（元）`, yuan(v.totals.paidFen)),
    line(`${m('refundedFen')}（元）`, yuan(v.totals.refundedFen)),
    line(`${m('netFen')}（元）`, yuan(v.totals.netFen)),
    line(m('orders'), v.totals.orders),
    line(m('groupSuccessRate'), rate(v.totals.groupSuccessRate)),
    line(m('buyers'), v.repurchase.buyers),
    line(m('repurchaseRate'), rate(v.repurchase.repurchaseRate)),
    line(m('purchaseFrequency'), ratio(v.repurchase.purchaseFrequency)),
    line(m('sharers'), v.growth.sharers),
    line(m('invitesPerSharer'), ratio(v.growth.invitesPerSharer)),
    line(m('inviteConversion'), rate(v.growth.inviteConversion)),
    line(m('kFactor'), ratio(v.growth.kFactor)),
    line(`${m('likes')}（本校）`, v.notes.likes),
    line(`${m('comments')}（本校）`, v.notes.comments),
    line(`${m('collects')}（本校）`, v.notes.collects),
    '',
    line('日期', `${m('paidFen')}（元）`, `${m('refundedFen')}（元）`, m('orders'), '拼成', '未拼成', m('likes'), m('comments'), m('collects')),
    ...v.series.map((d) => line(d.day, yuan(d.paidFen), yuan(d.refundedFen), d.orders, d.groupsSucceeded, d.groupsFailed, d.likes, d.comments, d.collects)),
    '',
    line('渠道', m('created'), m('opens'), m('binds'), m('cardOrders')),
    ...v.funnel.map((f) => line(CHANNEL_LABELS[f.channel], f.created, f.opens, f.binds, f.orders)),
    '',
    line('分享同学', m('created'), m('opens'), m('binds'), m('cardOrders'), '成交金额（元）'),
    ...v.kocs.map((k) => line(k.nickname, k.created, k.opens, k.binds, k.orders, yuan(k.paidFen))),
    '',
    line('类型', '维度', '分组', m('students'), m('delivered'), '打开', '转化', m('openRate'), m('conversionRate')),
    ...v.touches.map((t) =>
      line(
        FAMILY_LABELS[t.family],
        DIMENSION_LABELS[t.dimension],
        t.label,
        t.students,
        t.delivered,
        t.opened,
        t.converted,
        rate(t.delivered ? t.opened / t.delivered : null),
        rate(t.opened ? t.converted / t.opened : null),
      ),
    ),
  ];
  if (v.touchesHidden) out.push(line(`另有 ${v.touchesHidden} 个分组不足 5 位同学，未列出`));
  return `\ufeff${out.join('\r\n')}\r\n`;
}

/** sprout-dashboard-2026-11-16_2026-11-22.csv */
export const csvFileName = (v: DashboardView) => `sprout-dashboard-${v.from}_${v.to}.csv`;
