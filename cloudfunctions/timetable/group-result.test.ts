// 拼团结果: asked for on the group page, sent when the group ends, saying the student's own outcome.
import { STUDENTS, world } from '../groupbuy/fixture';

const [S1, S2] = STUDENTS;

async function setup() {
  const w = await world();
  const tick = () => w.cloud.invoke('timetable', { Type: 'Timer', TriggerName: 'reminders' }, { source: 'wx_trigger' });
  const remind = (who: string, groupId: string) => w.call<{ reminderId: string }>('timetable', who, { action: 'remind', kind: 'group_result', groupId });
  return { ...w, tick, remind };
}

describe('拼团结果 reminders', () => {
  it('waits while the group is open, then tells each member the group succeeded', async () => {
    const w = await setup();
    const lead = await w.open(S1);
    if (!lead.ok) throw new Error(lead.message);
    const asked = await w.remind(S1, lead.data.groupId);
    expect(asked.ok).toBe(true);
    await w.tick();
    expect(w.cloud.messages.inbox(S1)).toEqual([]);
    const mate = await w.join(S2, lead.data.groupId);
    if (!mate.ok) throw new Error(mate.message);
    await w.pay(S1, lead.data.orderId);
    await w.pay(S2, mate.data.orderId);
    await w.tick();
    const [message] = w.cloud.messages.inbox(S1);
    expect(message.data).toEqual({ phrase1: { value: '拼团成功' }, thing2: { value: '等待商家发货或备货' } });
    expect(message.page).toMatch(new RegExp(`^pages/group/index\\?id=${lead.data.groupId}&ref=rem\\.R`));
  });

  it('asked after the group ended: sent at once with the result filled in; not a member: refused', async () => {
    const w = await setup();
    const lead = await w.open(S1);
    if (!lead.ok) throw new Error(lead.message);
    await w.pay(S1, lead.data.orderId);
    // Past the deadline: the sweep fails the group and refunds.
    w.clock.advance(25 * 3600_000);
    await w.cloud.invoke('groupbuy', { Type: 'Timer', TriggerName: 'sweep' }, { source: 'wx_trigger' });
    expect((await w.remind(S2, lead.data.groupId)).ok).toBe(false);
    expect((await w.remind(S1, lead.data.groupId)).ok).toBe(true);
    await w.tick();
    const [message] = w.cloud.messages.inbox(S1);
    expect(message.data).toEqual({ phrase1: { value: '拼团未成功' }, thing2: { value: '已付款项将原路退回' } });
  });
});
