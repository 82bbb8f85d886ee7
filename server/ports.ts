// Ports: what a function needs from the platform besides the database. Production adapters
// wrap wx-server-sdk (server/wx); the local cloud has stand-ins with the same interfaces.
// Payments, subscribe messages and mini-program codes join as their issues land.

export interface ContentCheckPort {
  /** WeChat's msgSecCheck v2: 'pass' publishes, 'review' and 'risky' do not. */
  checkText(input: { content: string; openid: string; scene: 1 | 2 | 3 | 4 }): Promise<{ suggest: 'pass' | 'review' | 'risky'; label?: string }>;
  /**
   * WeChat's mediaCheckAsync v2 for one image (an uploaded file): accepted now, judged later.
   * The verdict arrives as a push to the function (event wxa_media_check) carrying this trace id,
   * within 30 minutes. Locally the verdict waits for POST /api/dev/media-check.
   */
  checkImage(input: { fileId: string; openid: string; scene: 1 | 2 | 3 | 4 }): Promise<{ traceId: string }>;
}

export interface CodesPort {
  /**
   * An image of a mini-program code that opens `page` with `scene` (at most 32 characters):
   * a cloud fileID in production (wxacode.getUnlimited), a QR image URL locally.
   */
  miniProgramCode(input: { scene: string; page: string }): Promise<string>;
}

/** What the mini-program passes to wx.requestPayment. */
export interface PaymentParams {
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: string;
  paySign: string;
}

/** Where WeChat says a refund stands: only SUCCESS means the money reached the buyer. */
export type RefundState = 'SUCCESS' | 'PROCESSING' | 'CLOSED' | 'ABNORMAL' | 'NOT_FOUND';

/** An HTTP request as WeChat Cloud's HTTP access hands it to a function (body already decoded). */
export interface HttpNoticeRequest {
  headers: Record<string, string | undefined>;
  body: string;
}

/** A payment result notice in one shape, whichever adapter received it. */
export type PayNotice =
  | { kind: 'payment'; outTradeNo: string; paid: boolean; totalFen: number; transactionId: string }
  | { kind: 'refund'; outRefundNo: string; state: Exclude<RefundState, 'NOT_FOUND'>; refundFen?: number }
  /** Verified, but about something Sprout does not handle: acknowledged and dropped. */
  | { kind: 'ignored'; eventType: string };

export interface PayPort {
  /** A prepay for one order; WeChat later notifies the payCallback function with the result. */
  unifiedOrder(input: { outTradeNo: string; totalFen: number; description: string; openid: string }): Promise<PaymentParams>;
  /**
   * Asks WeChat to refund. Accepted means WeChat took the request and is processing it, not
   * that the buyer has the money: that comes with WeChat's refund notice or queryRefund.
   * Idempotent by outRefundNo: asking again for the same refund never pays twice.
   */
  refund(input: {
    outTradeNo: string;
    outRefundNo: string;
    totalFen: number;
    refundFen: number;
    reason?: string;
  }): Promise<{ accepted: true } | { accepted: false; detail: string }>;
  /** Where a refund stands at WeChat. */
  queryRefund(outRefundNo: string): Promise<{ state: RefundState; refundFen?: number }>;
  /**
   * A notice that arrived over HTTP (WeChat Pay APIv3 posts to the function's HTTP address):
   * verified and decrypted, or null when it cannot be shown to come from WeChat Pay.
   */
  readHttpNotice(request: HttpNoticeRequest, nowMs: number): PayNotice | null;
}

/** WeChat Pay's merchant transfer (商家转账): the KOC confirms each transfer in the app within 24 h. */
export interface PayoutPort {
  /** Starts a transfer; the bill number never changes on a retry, so WeChat pays it once. */
  transfer(input: {
    outBillNo: string;
    openid: string;
    amountFen: number;
    remark: string;
  }): Promise<{ state: 'WAIT_USER_CONFIRM' | 'FAIL'; packageInfo?: string }>;
  /** Where a transfer stands (after the KOC confirmed in the app). FAIL covers closed and cancelled bills. */
  query(outBillNo: string): Promise<{ state: 'WAIT_USER_CONFIRM' | 'SUCCESS' | 'FAIL' }>;
  /**
   * Asks WeChat to cancel a transfer the KOC has not confirmed (撤销转账). Acceptance is not the
   * end: WeChat closes the bill asynchronously, and only a query answering FAIL means the money
   * will never reach the KOC. Until then the KOC may still confirm it.
   */
  cancel(outBillNo: string): Promise<void>;
}

/** What WeChat answered to one subscribe message. */
export type SendResult = { ok: true; msgid: string } | { ok: false; errcode: number; errmsg: string };

/**
 * One-time subscribe messages (订阅消息): one send per grant the student gave by a tap.
 * Production: openapi.subscribeMessage.send; locally an inbox (GET /api/dev/inbox?openid=).
 * Service messages carry the service the student asked for, never a product offer (rule 5.15.2).
 */
export interface MessagesPort {
  /**
   * The student accepted a template on a tap. WeChat keeps that grant itself (production leaves
   * this out); the local stand-in counts grants per student and template, as WeChat does.
   */
  noteGrant?(openid: string, templateId: string): void;
  send(input: { touser: string; templateId: string; page: string; data: Record<string, { value: string }> }): Promise<SendResult>;
}

/** What WeChat answered to one customer-service message. */
export type CsSendResult = { ok: true } | { ok: false; errcode: number; errmsg: string };

/**
 * Customer-service messages (客服消息) in the session a student opened: at most 5 within 48 h of
 * their message (server/support keeps under that). Production: openapi.customerServiceMessage.send;
 * locally every message is recorded (GET /api/dev/cs-messages?openid=).
 */
export interface CustomerServicePort {
  sendText(input: { touser: string; content: string }): Promise<CsSendResult>;
}

export interface Ports {
  contentCheck: ContentCheckPort;
  codes: CodesPort;
  pay: PayPort;
  payout: PayoutPort;
  messages: MessagesPort;
  customerService: CustomerServicePort;
}
