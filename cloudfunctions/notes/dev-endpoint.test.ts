// The local cloud's developer endpoint for image verdicts, end to end over HTTP: a note with a
// photo waits in checking until POST /api/dev/media-check delivers WeChat's verdict.
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createHttpServer } from '../../local-cloud/http';
import { testCloud } from '../../local-cloud/testing';
import { readTriggers } from '../../local-cloud/timers';

const root = join(__dirname, '..', '..');
const STUDENT = 'dev-endpoint-student';

it('GET lists pending image checks; POST {fileId, pass} delivers the verdict as the push would', async () => {
  // An empty world of its own with one student, not the demo seed.
  const { cloud } = await testCloud({ seed: false });
  await cloud.db
    .collection('users')
    .add({ data: { _id: STUDENT, roles: ['student'], campusId: null, nickname: '测试同学', avatarUrl: '', createdAt: new Date() } });
  const server = createHttpServer({ cloud, triggers: readTriggers(root, Object.keys(cloud.functions)), h5Dir: join(root, 'no-such-dir') });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const call = async (event: object) =>
    (await (await fetch(`${base}/api/functions/notes`, { method: 'POST', headers: { 'x-sprout-openid': STUDENT }, body: JSON.stringify(event) })).json()) as {
      result: { ok: boolean; data: { noteId: string; status: string } };
    };
  try {
    const fileId = '/files/notes/dev-1.jpg';
    const published = await call({ action: 'publish', title: '新买的水杯', body: '保温效果不错', images: [fileId], requestId: 'dev-endpoint-note-1' });
    expect(published.result).toMatchObject({ ok: true, data: { status: 'checking' } });
    const pending = (await (await fetch(`${base}/api/dev/media-check`)).json()) as { pending: { fileId: string; traceId: string }[] };
    expect(pending.pending).toEqual([expect.objectContaining({ fileId, openid: STUDENT })]);
    expect((await fetch(`${base}/api/dev/media-check`, { method: 'POST', body: '{"fileId":"nope","pass":true}' })).status).toBe(404);
    expect((await fetch(`${base}/api/dev/media-check`, { method: 'POST', body: JSON.stringify({ fileId }) })).status).toBe(400);
    const delivered = await fetch(`${base}/api/dev/media-check`, { method: 'POST', body: JSON.stringify({ fileId, pass: true }) });
    expect(await delivered.json()).toEqual({ deliveries: [{ ok: true, data: { outcome: 'published' } }] });
    expect((await call({ action: 'get', noteId: published.result.data.noteId })).result).toMatchObject({ ok: true, data: { status: 'published' } });
  } finally {
    await new Promise((r) => server.close(r));
  }
});
