import { checkBadge, checkGrant, emptyBadgeForm, ruleLine } from './badge-form';

describe('badge form', () => {
  const base = { ...emptyBadgeForm('req-12345678'), name: '带货新星', tier: 'gold' as const };

  it('sends a rule badge and a manual badge', () => {
    expect(checkBadge(base)).toEqual({
      input: { requestId: 'req-12345678', name: '带货新星', tier: 'gold', rule: { metric: 'orders', threshold: 10 } },
      errors: {},
    });
    expect(checkBadge({ ...base, mode: 'manual', threshold: 'x' }).input).toMatchObject({ rule: { manual: true } });
  });

  it('says what is missing', () => {
    const { input, errors } = checkBadge({ ...base, name: ' ', tier: '', threshold: '0' });
    expect(input).toBeNull();
    expect(errors).toMatchObject({ name: '请填写徽章名称', tier: '请选择徽章等级', rule: '门槛至少为 1' });
    expect(checkBadge({ ...base, threshold: '1.5' }).errors.rule).toBe('门槛填整数');
    expect(checkBadge({ ...base, metric: 'tier', threshold: '4' }).errors.rule).toBe('请选择达到哪一级');
    expect(checkBadge({ ...base, metric: 'tier', threshold: '2' }).input).toMatchObject({ rule: { metric: 'tier', threshold: 2 } });
  });

  it('reads a rule as a line', () => {
    expect(ruleLine({ metric: 'orders', threshold: 10 })).toBe('成交单数达到 10 单');
    expect(ruleLine({ metric: 'tier', threshold: 2 })).toBe('等级达到中级');
    expect(ruleLine({ manual: true })).toBe('手动颁发');
  });

  it('grants by hand only to a chosen member with a reason', () => {
    expect(checkGrant('b1', '', '').errors).toMatchObject({ openid: '请选择达人', reason: '请填写理由' });
    expect(checkGrant('b1', 'o1', '活动中表现突出').input).toEqual({ badgeId: 'b1', openid: 'o1', reason: '活动中表现突出' });
  });
});
