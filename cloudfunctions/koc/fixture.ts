// The world for the koc function's training, badge and certificate tests: the group-buy fixture
// (OWNER runs SHOP, KOC is a member of its program) with the shop's pickup set, typed calls to
// `koc`, the badge timer, and a way to make any student a member directly.
import { world } from '../groupbuy/fixture';

type Answer<T> = { ok: true; data: T } | { ok: false; code: string; message: string };

export async function honoursWorld(options: Parameters<typeof world>[0] = {}) {
  const w = await world(options);
  await w.shopFulfilment();
  const koc = <T>(who: string, event: Record<string, unknown>) => w.call<T>('koc', who, event) as Promise<Answer<T>>;
  const must = async <T>(who: string, event: Record<string, unknown>): Promise<T> => {
    const r = await koc<T>(who, event);
    if (!r.ok) throw new Error(`${String(event.action)}: ${r.code} ${r.message}`);
    return r.data;
  };
  /** The koc function's timer (the badge job), once. */
  const badgeTimer = () => w.cloud.invoke('koc', { Type: 'Timer', TriggerName: 'badges' }, { source: 'wx_trigger' });
  /** Makes `openid` a member of `merchantId`'s program as a selected trial would. */
  const member = (merchantId: string, openid: string) =>
    w.cloud.db.collection('koc_members').add({ data: { _id: `${merchantId}:${openid}`, merchantId, openid, since: new Date(w.clock.now()), via: 'trial' } });
  return { ...w, koc, must, badgeTimer, member };
}
