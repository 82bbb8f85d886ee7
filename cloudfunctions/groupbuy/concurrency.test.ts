// 50 students join one group at once over HTTP: exactly the free seats are taken.
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createHttpServer } from '../../local-cloud/http';
import { STUDENTS, world } from './fixture';

it('50 concurrent joins on a group with 4 free seats: exactly 4 reserve, the rest GROUP_FULL; all pay: 5 paid', async () => {
  const w = await world({ groupSize: 5 });
  const { cloud } = w;
  const server = createHttpServer({ cloud, triggers: [], h5Dir: join(__dirname, 'none') });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const post = async (fn: string, openid: string, body: object) => {
    const res = await fetch(`${base}/api/functions/${fn}`, { method: 'POST', headers: { 'x-sprout-openid': openid }, body: JSON.stringify(body) });
    return ((await res.json()) as { result: { ok: boolean; code?: string; data?: { orderId: string; groupId: string } } }).result;
  };
  try {
    const lead = await post('groupbuy', STUDENTS[0], { action: 'open', campaignId: w.campaignId, requestId: 'leader-request-1' });
    const groupId = lead.data?.groupId as string;
    const students = Array.from({ length: 50 }, (_, i) => `rush-${i}`);
    const timings: number[] = [];
    const results = await Promise.all(
      students.map(async (s) => {
        const t = performance.now();
        const r = await post('groupbuy', s, { action: 'join', groupId, requestId: `join-request-${s}` });
        timings.push(performance.now() - t);
        return { s, r };
      }),
    );
    const won = results.filter((x) => x.r.ok);
    expect(won).toHaveLength(4);
    expect(results.filter((x) => !x.r.ok).every((x) => x.r.code === 'GROUP_FULL')).toBe(true);
    timings.sort((a, b) => a - b);
    console.log(`50 concurrent joins: ${won.length} reserved, ${50 - won.length} GROUP_FULL, p95 ${timings[Math.floor(timings.length * 0.95)].toFixed(1)} ms`);

    const payers = [{ s: STUDENTS[0], r: lead }, ...won];
    for (const { s, r } of payers) {
      const orderId = r.data?.orderId as string;
      expect((await post('order', s, { action: 'pay', orderId })).ok).toBe(true);
      const res = await fetch(`${base}/api/dev/pay/${orderId}`, { method: 'POST', body: JSON.stringify({ result: 'success', repeat: 2 }) });
      expect(res.status).toBe(200);
    }
    const group = (await cloud.db.collection('groups').doc(groupId).get()).data;
    expect(group).toMatchObject({ paid: 5, taken: 5, status: 'succeeded' });
  } finally {
    await new Promise((r) => server.close(r));
  }
});
