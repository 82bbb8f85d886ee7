// The local cloud's HTTP contract (see the README): the H5 app, the end-to-end tests and the
// benchmarks talk to the functions through it. Keep it stable.
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import sirv from 'sirv';
import { demoAsset } from './assets';
import { type LocalCloud, UnknownFunctionError } from './host';
import { deliverMediaCheck } from './media-check-sim';
import { simulatePayment, simulateRefundNotice } from './pay-sim';
import { HttpError, readBody } from './request-body';
import { DEMO_USERS } from './seed/demo';
import { saveUpload } from './storage';
import { fireTimer, type TimerTrigger } from './timers';

const MAX_BODY = 1024 * 1024;

function send(res: ServerResponse, status: number, body: unknown, type = 'application/json; charset=utf-8', headers: Record<string, string> = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = (await readBody(req, MAX_BODY)).toString('utf8');
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'request body is not JSON');
  }
}

export interface ServerOptions {
  cloud: LocalCloud;
  triggers: TimerTrigger[];
  h5Dir: string;
}

export function createHttpServer({ cloud, triggers, h5Dir }: ServerOptions) {
  const statics = existsSync(h5Dir) ? sirv(h5Dir, { dev: true, etag: true }) : null;
  const files = sirv(cloud.filesDir, { dev: true });

  async function api(req: IncomingMessage, res: ServerResponse, path: string) {
    const method = req.method ?? 'GET';
    if (path === '/api/health') return send(res, 200, { ok: true });

    const fn = /^\/api\/functions\/([\w-]+)$/.exec(path);
    if (fn && method === 'POST') {
      const event = await readJson(req);
      const openid = String(req.headers['x-sprout-openid'] ?? '');
      try {
        const { result, ops } = await cloud.invokeMetered(fn[1], event, { openid, source: 'wx_client' });
        // What the call cost in database round trips, as WeChat would bill and time it.
        return send(res, 200, { result }, undefined, { 'x-sprout-db-ops': `${ops.reads}/${ops.writes}`, 'x-sprout-db-scanned': String(ops.scanned) });
      } catch (e) {
        if (e instanceof UnknownFunctionError) throw new HttpError(404, e.message);
        throw e;
      }
    }

    if (path === '/api/dev/clock') {
      if (method === 'POST') {
        const body = (await readJson(req)) as { advanceMs?: unknown };
        if (typeof body.advanceMs !== 'number' || !Number.isFinite(body.advanceMs) || body.advanceMs < 0)
          throw new HttpError(400, 'advanceMs must be a non-negative number');
        return send(res, 200, { now: cloud.clock.advance(body.advanceMs) });
      }
      return send(res, 200, { now: cloud.clock.now() });
    }

    // Fault injection: {"crashAfterWrites": k} kills this process (as kill -9 would) right after
    // the k-th committed database write from now; {"failWrite": k} fails the k-th write once;
    // {} disarms. GET tells what is armed and the latency in force.
    if (path === '/api/dev/faults') {
      if (method === 'POST') {
        const body = (await readJson(req)) as Record<string, unknown>;
        try {
          cloud.engine.faults.arm(body as { crashAfterWrites?: number; failWrite?: number });
        } catch (e) {
          throw new HttpError(400, (e as Error).message);
        }
      }
      return send(res, 200, { armed: cloud.engine.faults.armed(), latencyMs: cloud.engine.faults.latencyMs ?? null });
    }

    const timer = /^\/api\/dev\/timers\/([\w-]+)$/.exec(path);
    if (timer && method === 'POST') {
      const chosen = timer[1] === 'all' ? triggers : triggers.filter((t) => t.fn === timer[1]);
      if (chosen.length === 0 && timer[1] !== 'all') throw new HttpError(404, `function '${timer[1]}' has no timer trigger`);
      const results = [];
      for (const t of chosen) results.push({ fn: t.fn, trigger: t.name, result: await fireTimer(cloud, t) });
      return send(res, 200, { fired: results });
    }

    if (path === '/api/storage/upload' && method === 'POST') {
      const openid = String(req.headers['x-sprout-openid'] ?? '');
      if (!openid) throw new HttpError(401, 'sign in first');
      const folder = new URL(req.url ?? '', 'http://local').searchParams.get('folder') ?? 'uploads';
      const fileID = await saveUpload(cloud.filesDir, folder, String(req.headers['content-type'] ?? ''), req);
      return send(res, 200, { fileID });
    }

    const payout = /^\/api\/dev\/payout\/([\w-]{1,64})\/confirm$/.exec(path);
    if (payout && method === 'POST') {
      if (!cloud.payout.confirm(payout[1])) throw new HttpError(404, `no transfer with bill number ${payout[1]}`);
      return send(res, 200, { confirmed: payout[1] });
    }

    if (path === '/api/dev/users' && method === 'GET') {
      return send(res, 200, { users: DEMO_USERS.map(({ openid, nickname, roles, blurb }) => ({ openid, nickname, roles, blurb })) });
    }
    // The subscribe messages WeChat would have delivered (服务通知), newest last.
    if (path === '/api/dev/inbox' && method === 'GET') {
      const openid = new URL(req.url ?? '', 'http://local').searchParams.get('openid') ?? '';
      return send(res, 200, { messages: cloud.messages.inbox(openid || undefined) });
    }
    // WeChat's customer-service session, locally: GET lists what the bot sent; POST {openid, text}
    // (or {openid, enter: 'shop:<id>'}) delivers what WeChat's push would (MsgType text, or the
    // event user_enter_tempsession) to the support function.
    if (path === '/api/dev/cs-messages') {
      if (method === 'GET') {
        const openid = new URL(req.url ?? '', 'http://local').searchParams.get('openid') ?? '';
        return send(res, 200, { messages: cloud.customerService.sent(openid || undefined) });
      }
      if (method === 'POST') {
        const body = (await readJson(req)) as { openid?: unknown; text?: unknown; enter?: unknown };
        if (typeof body.openid !== 'string' || !body.openid) throw new HttpError(400, 'openid is required');
        const base = { ToUserName: 'gh_local', FromUserName: body.openid, CreateTime: Math.floor(cloud.clock.now() / 1000) };
        const push =
          typeof body.text === 'string'
            ? { ...base, MsgType: 'text', Content: body.text, MsgId: `local-cs-${cloud.clock.now()}-${Math.random().toString(36).slice(2, 8)}` }
            : { ...base, MsgType: 'event', Event: 'user_enter_tempsession', SessionFrom: typeof body.enter === 'string' ? body.enter : '' };
        return send(res, 200, { result: await cloud.invoke('support', push, { openid: body.openid, source: 'wx_msgpush' }) });
      }
    }
    // Image checks WeChat would still be running, and their verdicts: {traceId | fileId, pass}
    // answers one check (or every check of that file) as WeChat's wxa_media_check push would.
    if (path === '/api/dev/media-check') {
      if (method === 'GET') return send(res, 200, { pending: cloud.contentCheck.pending() });
      if (method === 'POST') {
        const body = (await readJson(req)) as { traceId?: unknown; fileId?: unknown; pass?: unknown };
        const traceId = typeof body.traceId === 'string' ? body.traceId : undefined;
        const fileId = typeof body.fileId === 'string' ? body.fileId : undefined;
        if (!traceId && !fileId) throw new HttpError(400, 'traceId or fileId is required');
        if (typeof body.pass !== 'boolean') throw new HttpError(400, 'pass must be true or false');
        const deliveries = await deliverMediaCheck(cloud, { traceId, fileId }, body.pass);
        if (!deliveries) throw new HttpError(404, 'no image check with that traceId or fileId');
        return send(res, 200, { deliveries });
      }
    }
    const pay = /^\/api\/dev\/pay\/([\w-]{1,32})$/.exec(path);
    if (pay && method === 'POST') {
      const body = (await readJson(req)) as { result?: unknown; repeat?: unknown };
      if (body.result !== 'success' && body.result !== 'fail') throw new HttpError(400, 'result must be "success" or "fail"');
      const repeat = body.repeat === undefined ? 1 : Number(body.repeat);
      if (!Number.isInteger(repeat) || repeat < 1 || repeat > 20) throw new HttpError(400, 'repeat must be 1 to 20');
      const deliveries = await simulatePayment(cloud, pay[1], body.result, repeat);
      if (!deliveries) throw new HttpError(404, `no order with outTradeNo ${pay[1]}`);
      return send(res, 200, { deliveries });
    }
    // WeChat finishes an accepted refund and sends its refund notice (n deliveries).
    const refund = /^\/api\/dev\/refunds\/([\w-]{1,64})$/.exec(path);
    if (refund && method === 'POST') {
      const body = (await readJson(req)) as { repeat?: unknown };
      const repeat = body.repeat === undefined ? 1 : Number(body.repeat);
      if (!Number.isInteger(repeat) || repeat < 1 || repeat > 20) throw new HttpError(400, 'repeat must be 1 to 20');
      const deliveries = await simulateRefundNotice(cloud, refund[1], repeat);
      if (!deliveries) throw new HttpError(404, `no accepted refund with outRefundNo ${refund[1]}`);
      return send(res, 200, { deliveries });
    }

    throw new HttpError(404, `no route ${method} ${path}`);
  }

  return createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://local').pathname;
    try {
      if (path.startsWith('/api/')) return await api(req, res, path);
      if (path.startsWith('/files/')) {
        req.url = path.slice('/files'.length);
        return files(req, res, () => send(res, 404, 'not found', 'text/plain; charset=utf-8'));
      }
      const svg = demoAsset(path);
      if (svg) return send(res, 200, svg, 'image/svg+xml');
      if (statics) return statics(req, res, () => send(res, 404, 'not found', 'text/plain; charset=utf-8'));
      return send(res, 503, 'The H5 app is not built yet: run `npm start` (it builds it) or `npm run build:h5`.', 'text/plain; charset=utf-8');
    } catch (e) {
      if (e instanceof HttpError) return send(res, e.status, { error: e.message });
      console.error(e);
      return send(res, 500, { error: 'local cloud fault; see its console' });
    }
  });
}
