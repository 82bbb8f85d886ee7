// The local cloud's stand-in for WeChat's customer-service session over HTTP: a push delivered
// by POST /api/dev/cs-messages is answered, and GET lists what the bot sent.
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createHttpServer } from '../../local-cloud/http';
import { testCloud } from '../../local-cloud/testing';

it('POST delivers a push to the support function; GET lists the replies', async () => {
  const { cloud } = await testCloud({ seed: false });
  const server = createHttpServer({ cloud, triggers: [], h5Dir: join(__dirname, 'no-such-dir') });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const post = (body: object) => fetch(`${base}/api/dev/cs-messages`, { method: 'POST', body: JSON.stringify(body) }).then((r) => r.json());
    expect(await post({ openid: 'cs-http', enter: '' })).toEqual({ result: { ok: true, data: { outcome: 'greeted' } } });
    expect(await post({ openid: 'cs-http', text: '怎么退款' })).toEqual({ result: { ok: true, data: { outcome: 'replied' } } });
    const listed = (await (await fetch(`${base}/api/dev/cs-messages?openid=cs-http`)).json()) as { messages: { content: string }[] };
    expect(listed.messages).toHaveLength(2);
    expect(listed.messages[1].content).toContain('申请退款');
    expect((await fetch(`${base}/api/dev/cs-messages`, { method: 'POST', body: '{}' })).status).toBe(400);
  } finally {
    await new Promise((r) => server.close(r));
  }
});
