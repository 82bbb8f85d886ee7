// What a 拼团结果 reminder says: the student's own outcome in the group (a seat that expired
// unpaid is not a success even when the group filled).
import type { Ctx } from '../context';

const MINE_SUCCEEDED = ['confirmed', 'shipped', 'ready_for_pickup', 'completed'];

export async function groupResultData(ctx: Ctx, openid: string, groupId: string, groupStatus: string): Promise<Record<string, { value: string }>> {
  const { data } = await ctx.db.collection<{ status: string; money: string }>('orders').where({ groupId, buyer: openid }).limit(5).get();
  const mine = data.find((o) => MINE_SUCCEEDED.includes(o.status));
  if (groupStatus === 'succeeded' && mine) return { phrase1: { value: '拼团成功' }, thing2: { value: '等待商家发货或备货' } };
  const paid = data.some((o) => o.money !== 'unpaid');
  return { phrase1: { value: '拼团未成功' }, thing2: { value: paid ? '已付款项将原路退回' : '未付款的名额已取消' } };
}
