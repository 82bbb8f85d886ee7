// Local stand-ins for WeChat's open APIs, with the same interfaces as the production ports.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import QRCode from 'qrcode';
import type { CodesPort, ContentCheckPort, CustomerServicePort, MessagesPort, PayoutPort, PayPort } from '../server/ports';

/**
 * A few words that WeChat's check would refuse, so the refusal path can be tried locally.
 * "违禁" and "赌博" are placeholders for the real model's judgement, not a moderation policy.
 */
const REFUSED = ['违禁', '赌博', '代考', '刷单'];

/** An image check WeChat has accepted and not yet answered. */
export interface PendingMediaCheck {
  traceId: string;
  fileId: string;
  openid: string;
}

/**
 * Content checks, locally: text against the word list above, at once; images queued as WeChat
 * queues them, until POST /api/dev/media-check (or a test) delivers each verdict as WeChat's
 * push would (local-cloud/media-check-sim.ts).
 */
export function localContentCheck() {
  const pending = new Map<string, PendingMediaCheck>();
  /** Checks already answered: a later delivery for one is WeChat flagging it again. */
  const answered = new Map<string, PendingMediaCheck>();
  let n = 0;
  const port: ContentCheckPort = {
    async checkText({ content }) {
      const hit = REFUSED.find((w) => content.includes(w));
      return hit ? { suggest: 'risky', label: `local-blocklist:${hit}` } : { suggest: 'pass' };
    },
    async checkImage({ fileId, openid }) {
      const traceId = `local-trace-${++n}-${Date.now().toString(36)}`;
      pending.set(traceId, { traceId, fileId, openid });
      return { traceId };
    },
  };
  return {
    port,
    /** Checks waiting for a verdict, oldest first. */
    pending: () => [...pending.values()],
    /**
     * Takes the checks a delivery answers: the one with this trace id, or every pending check
     * of this file. A trace id already answered is found again (WeChat may push twice).
     */
    take(key: { traceId?: string; fileId?: string }): PendingMediaCheck[] {
      const hits = [...pending.values()].filter((c) => c.traceId === key.traceId || (key.fileId !== undefined && c.fileId === key.fileId));
      for (const c of hits) answered.set(c.traceId, c);
      for (const c of hits) pending.delete(c.traceId);
      if (hits.length === 0 && key.traceId && answered.has(key.traceId)) return [answered.get(key.traceId) as PendingMediaCheck];
      if (hits.length === 0 && key.fileId) return [...answered.values()].filter((c) => c.fileId === key.fileId);
      return hits;
    },
  };
}

/**
 * Mini-program codes, locally: a QR image of the H5 link a scan would open (scene 1047),
 * stored with the uploads and served from /files/codes/.
 */
export function localCodes(filesDir: string, publicUrl: () => string): CodesPort {
  return {
    async miniProgramCode({ scene, page }) {
      const link = `${publicUrl()}/#/${page}?sc=${encodeURIComponent(scene)}&wxscene=1047`;
      mkdirSync(join(filesDir, 'codes'), { recursive: true });
      await QRCode.toFile(join(filesDir, 'codes', `${scene}.png`), link, { width: 430, margin: 1 });
      return `/files/codes/${scene}.png`;
    },
  };
}

/**
 * WeChat Pay, locally: a prepay always succeeds (the simulated sheet and POST /api/dev/pay
 * deliver the result). A refund is accepted (unless a test makes it fail, to check the
 * retries), which is not yet success: by default WeChat's side finishes it at once, so the
 * sweep's query answers SUCCESS and local flows need no manual step; holdRefunds() keeps
 * refunds processing until settleRefund() (or POST /api/dev/refunds/<no>, which also delivers
 * the refund notice).
 */
export function localPay() {
  /** Refunds WeChat accepted, by refund number: each number pays once. */
  const refunds = new Map<string, number>();
  /** The payment each accepted refund takes money back from (WeChat's own record). */
  const refundTrades = new Map<string, string>();
  const settled = new Set<string>();
  let failingRefunds = 0;
  let holding = false;
  const port: PayPort = {
    async unifiedOrder({ outTradeNo }) {
      return {
        timeStamp: String(Math.floor(Date.now() / 1000)),
        nonceStr: outTradeNo.slice(0, 32),
        package: `prepay_id=local_${outTradeNo}`,
        signType: 'RSA',
        paySign: 'local-cloud',
      };
    },
    async refund({ outTradeNo, outRefundNo, refundFen }) {
      if (failingRefunds > 0) {
        failingRefunds--;
        return { accepted: false, detail: 'SYSTEMERROR (simulated)' };
      }
      if (!refunds.has(outRefundNo)) {
        refunds.set(outRefundNo, refundFen);
        refundTrades.set(outRefundNo, outTradeNo);
      }
      return { accepted: true };
    },
    async queryRefund(outRefundNo) {
      const refundFen = refunds.get(outRefundNo);
      if (refundFen === undefined) return { state: 'NOT_FOUND' };
      return { state: settled.has(outRefundNo) || !holding ? 'SUCCESS' : 'PROCESSING', refundFen };
    },
    // Simulated notices arrive as cloudPay's function events (pay-sim), never over HTTP.
    readHttpNotice: () => null,
  };
  return {
    port,
    refunds,
    refundTrades,
    failNextRefunds(n: number) {
      failingRefunds = n;
    },
    /** While holding, WeChat's side finishes no refund unless it is settled one by one. */
    holdRefunds(hold = true) {
      holding = hold;
    },
    /** WeChat's side finishes an accepted refund; false if it never accepted that number. */
    settleRefund(outRefundNo: string): boolean {
      if (!refunds.has(outRefundNo)) return false;
      settled.add(outRefundNo);
      return true;
    },
  };
}

/**
 * Merchant transfers, locally: a transfer waits for the KOC's confirmation, which WeChat's own
 * sheet collects on weapp and POST /api/dev/payout/<billNo>/confirm stands in for here.
 */
export function localPayout() {
  const bills = new Map<string, number>();
  const confirmed = new Set<string>();
  /** Bills cancelled before the KOC confirmed them: closed for good, never paid. */
  const cancelled = new Set<string>();
  let failing = 0;
  const port: PayoutPort = {
    async transfer({ outBillNo, amountFen }) {
      if (failing > 0) {
        failing--;
        return { state: 'FAIL' };
      }
      if (!bills.has(outBillNo)) bills.set(outBillNo, amountFen);
      return { state: 'WAIT_USER_CONFIRM', packageInfo: `local-${outBillNo}` };
    },
    async query(outBillNo) {
      if (!bills.has(outBillNo) || cancelled.has(outBillNo)) return { state: 'FAIL' };
      return { state: confirmed.has(outBillNo) ? 'SUCCESS' : 'WAIT_USER_CONFIRM' };
    },
    async cancel(outBillNo) {
      if (bills.has(outBillNo) && !confirmed.has(outBillNo)) cancelled.add(outBillNo);
    },
  };
  return {
    port,
    /** The KOC confirmed the transfer in WeChat's sheet. */
    confirm(outBillNo: string): boolean {
      if (!bills.has(outBillNo) || cancelled.has(outBillNo)) return false;
      confirmed.add(outBillNo);
      return true;
    },
    /** Transfers made, by bill number: each number pays once. */
    bills,
    failNextTransfers(n: number) {
      failing = n;
    },
  };
}

/** A customer-service message WeChat would have shown in the student's session. */
export interface CsMessage {
  touser: string;
  content: string;
  at: number;
}

/**
 * Customer-service messages, locally: every send is recorded (GET /api/dev/cs-messages?openid=),
 * outside the database as WeChat's side is; failNext(errcode) makes the next sends fail.
 */
export function localCustomerService(now: () => number) {
  const sent: CsMessage[] = [];
  const failures: number[] = [];
  const port: CustomerServicePort = {
    async sendText({ touser, content }) {
      const errcode = failures.shift();
      if (errcode !== undefined) return { ok: false, errcode, errmsg: `simulated error ${errcode}` };
      sent.push({ touser, content, at: now() });
      return { ok: true };
    },
  };
  return {
    port,
    sent: (openid?: string) => sent.filter((m) => !openid || m.touser === openid),
    failNext: (...errcodes: number[]) => failures.push(...errcodes),
  };
}

/** A message WeChat would have shown in the student's 服务通知. */
export interface InboxMessage {
  msgid: string;
  touser: string;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
  at: number;
}

/**
 * Subscribe messages, locally: every send lands in an inbox (GET /api/dev/inbox?openid=), kept
 * outside the database as WeChat's side is. Grants are counted per student and template, as
 * WeChat keeps them: each accepted tap adds one (noteGrant), each send uses one, and a send with
 * none left answers 43101. failNext(errcode) makes the next sends fail, so the outbox's handling
 * of errors can be tried.
 */
export function localMessages(now: () => number) {
  const inbox: InboxMessage[] = [];
  const failures: number[] = [];
  /** Every send asked of WeChat, delivered or not (a double send shows here, not in the inbox). */
  const attempts: { touser: string; page: string; at: number }[] = [];
  const grants = new Map<string, number>();
  let faults = 0;
  let seq = 0;
  const port: MessagesPort = {
    noteGrant(openid, templateId) {
      const key = `${openid}|${templateId}`;
      grants.set(key, (grants.get(key) ?? 0) + 1);
    },
    async send({ touser, templateId, page, data }) {
      attempts.push({ touser, page, at: now() });
      if (faults > 0) {
        faults--;
        throw new Error('network fault (simulated): no answer from WeChat');
      }
      const errcode = failures.shift();
      if (errcode !== undefined) return { ok: false, errcode, errmsg: `simulated error ${errcode}` };
      // One send per grant, counted per student and template (not per message).
      const key = `${touser}|${templateId}`;
      const left = grants.get(key) ?? 0;
      if (left <= 0) return { ok: false, errcode: 43101, errmsg: 'user refuse to accept the msg' };
      grants.set(key, left - 1);
      const msgid = `local-${++seq}`;
      inbox.push({ msgid, touser, templateId, page, data, at: now() });
      return { ok: true, msgid };
    },
  };
  return {
    port,
    inbox: (openid?: string) => inbox.filter((m) => !openid || m.touser === openid),
    attempts: (openid?: string) => attempts.filter((a) => !openid || a.touser === openid),
    failNext: (...errcodes: number[]) => failures.push(...errcodes),
    /** The next n sends throw, as a call that never gets an answer does. */
    breakNext: (n: number) => {
      faults += n;
    },
  };
}
