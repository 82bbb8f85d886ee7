import type { DashboardView } from '@core/contracts/analytics';
import { csvField, csvFileName, dashboardCsv } from './csv';

const view: DashboardView = {
  days: 7,
  from: '2026-11-16',
  to: '2026-11-22',
  countedUntil: Date.parse('2026-11-22T01:58:00Z'),
  campus: { id: 'c1', name: '测试大学' },
  series: [{ day: '2026-11-22', paidFen: 1230, refundedFen: 5, orders: 1, groupsSucceeded: 1, groupsFailed: 0, likes: 2, comments: 0, collects: 1 }],
  totals: { paidFen: 1230, refundedFen: 5, netFen: 1225, orders: 1, groupsSucceeded: 1, groupsFailed: 0, groupSuccessRate: 1 },
  funnel: [{ channel: 'chat', created: 1, opens: 3, binds: 1, orders: 1 }],
  kocs: [{ openid: 'k', nickname: '=HYPERLINK("x"),小王', created: 1, opens: 3, binds: 1, orders: 1, paidFen: 1230 }],
  kocsMore: 0,
  growth: { sharers: 1, opens: 3, binds: 1, invitesPerSharer: 3, inviteConversion: 1 / 3, kFactor: 1 },
  repurchase: { buyers: 2, repeatBuyers: 1, netOrders: 3, repurchaseRate: 0.5, purchaseFrequency: 1.5 },
  notes: { likes: 2, comments: 0, collects: 1 },
  touches: [{ family: 'card', dimension: 'grade', value: '大二', label: '大二', students: 5, delivered: 8, opened: 4, converted: 1 }],
  touchesHidden: 2,
};

describe('the dashboard as CSV', () => {
  it('quotes what needs quoting and defuses formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField(-3)).toBe('-3');
  });

  it('starts with a BOM, has money in yuan, rates as percent, campus time, and the hidden segments', () => {
    const text = dashboardCsv(view);
    expect(text.startsWith('\ufeff校园种草 数据看板\r\n')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines).toContain('统计到,2026-11-22 09:58');
    expect(lines).toContain('净销售额（元）,12.25');
    expect(lines).toContain('复购率,50.0%');
    expect(lines).toContain('K 因子,1.00');
    expect(lines).toContain('2026-11-22,12.30,0.05,1,1,0,2,0,1');
    expect(lines).toContain('聊天卡片,1,3,1,1');
    expect(lines).toContain(`"'=HYPERLINK(""x""),小王",1,3,1,1,12.30`);
    expect(lines).toContain('精准卡片,年级,大二,5,8,4,1,50.0%,25.0%');
    expect(lines).toContain('另有 2 个分组不足 5 位同学，未列出');
    expect(csvFileName(view)).toBe('sprout-dashboard-2026-11-16_2026-11-22.csv');
  });
});
