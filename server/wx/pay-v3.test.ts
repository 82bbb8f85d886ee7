import { createVerify } from 'node:crypto';
import { decryptResource, NOTICE_MAX_AGE_S, verifyNotice } from './apiv3';
import { wxPay } from './pay';
import { payFromEnv } from './pay-provider';
import { payV3ConfigFromEnv, wxPayV3 } from './pay-v3';
import { APIV3_KEY, config, fakeFetch, merchant, notice, PLATFORM_SERIAL, refundResource, seal, stranger, transaction, wechat } from './pay-v3.fixtures';

const NOW = Date.parse('2026-11-22T02:00:00Z');
const ORDER = '0123456789abcdef0123456789abcdef';
const verifies = (text: string, signature: string, key = merchant.publicKey) => createVerify('RSA-SHA256').update(text).verify(key, signature, 'base64');

describe('APIv3 notices: signature and decryption', () => {
  const port = wxPayV3(config, fakeFetch([]).fn, () => NOW);

  it('a payment notice signed by WeChat Pay and sealed with our APIv3 key reads as a payment', () => {
    const n = notice('TRANSACTION.SUCCESS', transaction(ORDER, 2990), { nowMs: NOW });
    expect(port.readHttpNotice(n, NOW)).toEqual({
      kind: 'payment',
      outTradeNo: ORDER,
      paid: true,
      totalFen: 2990,
      transactionId: '4200001234202401010000000001',
    });
  });

  it('header names in any case are accepted (HTTP access lowers them; others may not)', () => {
    const n = notice('TRANSACTION.SUCCESS', transaction(ORDER, 2990), { nowMs: NOW });
    const upper = Object.fromEntries(Object.entries(n.headers).map(([k, v]) => [k.replace(/(^|-)\w/g, (c) => c.toUpperCase()), v]));
    expect(port.readHttpNotice({ headers: upper, body: n.body }, NOW)).toMatchObject({ kind: 'payment' });
  });

  it('a changed body, another key, an unknown serial or a stale or future timestamp is refused', () => {
    const n = notice('TRANSACTION.SUCCESS', transaction(ORDER, 2990), { nowMs: NOW });
    expect(port.readHttpNotice({ headers: n.headers, body: n.body.replace('"event_type"', '"event_type" ') }, NOW)).toBeNull();
    expect(port.readHttpNotice(notice('TRANSACTION.SUCCESS', transaction(ORDER, 2990), { nowMs: NOW, signer: stranger.privateKeyPem }), NOW)).toBeNull();
    expect(port.readHttpNotice(notice('TRANSACTION.SUCCESS', transaction(ORDER, 2990), { nowMs: NOW, serial: 'PUB_KEY_ID_SOMEONE_ELSE' }), NOW)).toBeNull();
    const old = notice('TRANSACTION.SUCCESS', transaction(ORDER, 2990), { nowMs: NOW - (NOTICE_MAX_AGE_S + 1) * 1000 });
    expect(port.readHttpNotice(old, NOW)).toBeNull();
    expect(port.readHttpNotice(notice('TRANSACTION.SUCCESS', transaction(ORDER, 2990), { nowMs: NOW + 3600_000 }), NOW)).toBeNull();
    expect(
      port.readHttpNotice({ headers: { ...n.headers, 'wechatpay-signature': `WECHATPAY/SIGNTEST/${n.headers['wechatpay-signature']}` }, body: n.body }, NOW),
    ).toBeNull();
    const { 'wechatpay-signature': _dropped, ...unsigned } = n.headers;
    expect(port.readHttpNotice({ headers: unsigned, body: n.body }, NOW)).toBeNull();
    // Just inside the window it is still good.
    expect(port.readHttpNotice(notice('TRANSACTION.SUCCESS', transaction(ORDER, 2990), { nowMs: NOW - (NOTICE_MAX_AGE_S - 1) * 1000 }), NOW)).not.toBeNull();
  });

  it('verifyNotice checks exactly timestamp, nonce and body, one per line', () => {
    const n = notice('REFUND.SUCCESS', refundResource('Rx', ORDER, 100, 100), { nowMs: NOW });
    const keys = new Map([[PLATFORM_SERIAL, wechat.publicKey]]);
    expect(verifyNotice(n.headers, n.body, keys, NOW)).toBe(true);
    expect(verifyNotice({ ...n.headers, 'wechatpay-nonce': 'another' }, n.body, keys, NOW)).toBe(false);
    expect(verifyNotice(n.headers, n.body, new Map([[PLATFORM_SERIAL, stranger.publicKey]]), NOW)).toBe(false);
  });

  it('AES-256-GCM: the sealed resource opens with the APIv3 key; a changed tag, ciphertext, associated data or key does not', () => {
    const sealed = seal({ hello: '世界' }, 'transaction');
    expect(decryptResource(sealed, APIV3_KEY)).toBe('{"hello":"世界"}');
    const bytes = Buffer.from(sealed.ciphertext, 'base64');
    const flip = (i: number) => {
      const copy = Buffer.from(bytes);
      copy[i] ^= 1;
      return copy.toString('base64');
    };
    expect(decryptResource({ ...sealed, ciphertext: flip(bytes.length - 1) }, APIV3_KEY)).toBeNull(); // the tag
    expect(decryptResource({ ...sealed, ciphertext: flip(0) }, APIV3_KEY)).toBeNull();
    expect(decryptResource({ ...sealed, associated_data: 'refund' }, APIV3_KEY)).toBeNull();
    expect(decryptResource(sealed, 'b'.repeat(32))).toBeNull();
    expect(decryptResource({ ...sealed, algorithm: 'AES-CBC' }, APIV3_KEY)).toBeNull();
  });

  it('a signed notice whose resource does not open, or names another merchant or app, is refused', () => {
    const n = notice('TRANSACTION.SUCCESS', transaction(ORDER, 2990), { nowMs: NOW });
    const wrongKeyPort = wxPayV3({ ...config, apiV3Key: 'c'.repeat(32) }, fakeFetch([]).fn);
    expect(wrongKeyPort.readHttpNotice(n, NOW)).toBeNull();
    expect(port.readHttpNotice(notice('TRANSACTION.SUCCESS', transaction(ORDER, 2990, { mchid: '1900000001' }), { nowMs: NOW }), NOW)).toBeNull();
    expect(port.readHttpNotice(notice('TRANSACTION.SUCCESS', transaction(ORDER, 2990, { appid: 'wxother' }), { nowMs: NOW }), NOW)).toBeNull();
  });

  it('refund notices read as refunds with their state and amount; other verified events are only acknowledged', () => {
    expect(port.readHttpNotice(notice('REFUND.SUCCESS', refundResource('R1', ORDER, 1000, 2990), { nowMs: NOW }), NOW)).toEqual({
      kind: 'refund',
      outRefundNo: 'R1',
      state: 'SUCCESS',
      refundFen: 1000,
    });
    expect(port.readHttpNotice(notice('REFUND.ABNORMAL', refundResource('R1', ORDER, 1000, 2990, 'ABNORMAL'), { nowMs: NOW }), NOW)).toMatchObject({
      state: 'ABNORMAL',
    });
    expect(port.readHttpNotice(notice('REFUND.CLOSED', refundResource('R1', ORDER, 1000, 2990, 'CLOSED'), { nowMs: NOW }), NOW)).toMatchObject({
      state: 'CLOSED',
    });
    expect(port.readHttpNotice(notice('SOMETHING.NEW', { mchid: config.mchId }, { nowMs: NOW }), NOW)).toEqual({ kind: 'ignored', eventType: 'SOMETHING.NEW' });
  });
});

describe('APIv3 requests', () => {
  it('JSAPI prepay: signed POST of our order, and wx.requestPayment parameters whose paySign verifies with the merchant key', async () => {
    const f = fakeFetch([{ status: 200, body: { prepay_id: 'wx201410272009395522657a690389285100' } }]);
    const params = await wxPayV3(config, f.fn, () => NOW).unifiedOrder({
      outTradeNo: ORDER,
      totalFen: 2990,
      description: '校园种草-气泡水',
      openid: 'o-buyer',
    });
    const [call] = f.calls;
    expect(call.url).toBe('https://api.mch.weixin.qq.com/v3/pay/transactions/jsapi');
    expect(call.method).toBe('POST');
    expect(JSON.parse(call.body ?? '')).toEqual({
      appid: config.appId,
      mchid: config.mchId,
      description: '校园种草-气泡水',
      out_trade_no: ORDER,
      notify_url: config.notifyUrl,
      amount: { total: 2990, currency: 'CNY' },
      payer: { openid: 'o-buyer' },
    });
    const auth = /^WECHATPAY2-SHA256-RSA2048 mchid="1230000109",nonce_str="(\w+)",signature="([^"]+)",timestamp="(\d+)",serial_no="MCHSERIAL1"$/.exec(
      call.headers.Authorization,
    );
    expect(auth).not.toBeNull();
    const [, nonce, signature, ts] = auth as RegExpExecArray;
    expect(ts).toBe(String(NOW / 1000));
    expect(verifies(`POST\n/v3/pay/transactions/jsapi\n${ts}\n${nonce}\n${call.body}\n`, signature)).toBe(true);

    expect(params).toMatchObject({ timeStamp: String(NOW / 1000), package: 'prepay_id=wx201410272009395522657a690389285100', signType: 'RSA' });
    expect(params.nonceStr).toMatch(/^[0-9a-f]{32}$/);
    expect(verifies(`${config.appId}\n${params.timeStamp}\n${params.nonceStr}\n${params.package}\n`, params.paySign)).toBe(true);
    expect(verifies(`${config.appId}\n${params.timeStamp}\n${params.nonceStr}\n${params.package}\n`, params.paySign, wechat.publicKey)).toBe(false);
  });

  it('a refused prepay throws (the buyer sees a fault, nothing is recorded as paid)', async () => {
    const f = fakeFetch([{ status: 400, body: { code: 'PARAM_ERROR', message: '参数错误' } }]);
    await expect(wxPayV3(config, f.fn).unifiedOrder({ outTradeNo: ORDER, totalFen: 1, description: 'x', openid: 'o' })).rejects.toThrow(/400 PARAM_ERROR/);
  });

  it('refund: signed POST with our numbers and amounts; accepted is not success; a refusal carries its reason', async () => {
    const f = fakeFetch([
      { status: 200, body: { refund_id: '5030', out_refund_no: 'R1', status: 'PROCESSING', amount: { refund: 1000, total: 2990 } } },
      { status: 403, body: { code: 'NOT_ENOUGH', message: '基本账户余额不足' } },
    ]);
    const port = wxPayV3(config, f.fn, () => NOW);
    const input = { outTradeNo: ORDER, outRefundNo: 'R1', totalFen: 2990, refundFen: 1000, reason: '未在截止前成团，自动全额退款' };
    expect(await port.refund(input)).toEqual({ accepted: true });
    expect(f.calls[0].url).toBe('https://api.mch.weixin.qq.com/v3/refund/domestic/refunds');
    expect(JSON.parse(f.calls[0].body ?? '')).toEqual({
      out_trade_no: ORDER,
      out_refund_no: 'R1',
      reason: '未在截止前成团，自动全额退款',
      notify_url: config.notifyUrl,
      amount: { refund: 1000, total: 2990, currency: 'CNY' },
    });
    expect(await port.refund(input)).toEqual({ accepted: false, detail: '403 NOT_ENOUGH 基本账户余额不足' });
  });

  it('refund query by our refund number; 404 is NOT_FOUND; order query by our order number', async () => {
    const f = fakeFetch([
      { status: 200, body: { out_refund_no: 'R1', status: 'SUCCESS', amount: { refund: 1000, total: 2990 } } },
      { status: 200, body: { out_refund_no: 'R2', status: 'PROCESSING', amount: { refund: 500, total: 2990 } } },
      { status: 404, body: { code: 'RESOURCE_NOT_EXISTS', message: '退款单不存在' } },
      { status: 200, body: { trade_state: 'SUCCESS', transaction_id: '4200', amount: { total: 2990, payer_total: 2990 } } },
    ]);
    const port = wxPayV3(config, f.fn, () => NOW);
    expect(await port.queryRefund('R1')).toEqual({ state: 'SUCCESS', refundFen: 1000 });
    expect(f.calls[0]).toMatchObject({ method: 'GET', url: 'https://api.mch.weixin.qq.com/v3/refund/domestic/refunds/R1' });
    expect(f.calls[0].body).toBeUndefined();
    const [, nonce, signature, ts] = /nonce_str="(\w+)",signature="([^"]+)",timestamp="(\d+)"/.exec(f.calls[0].headers.Authorization) as RegExpExecArray;
    expect(verifies(`GET\n/v3/refund/domestic/refunds/R1\n${ts}\n${nonce}\n\n`, signature)).toBe(true);
    expect(await port.queryRefund('R2')).toEqual({ state: 'PROCESSING', refundFen: 500 });
    expect(await port.queryRefund('R3')).toEqual({ state: 'NOT_FOUND' });
    expect(await port.queryOrder(ORDER)).toEqual({ state: 'SUCCESS', totalFen: 2990, transactionId: '4200' });
    expect(f.calls[3].url).toBe(`https://api.mch.weixin.qq.com/v3/pay/transactions/out-trade-no/${ORDER}?mchid=1230000109`);
  });

  it('without configuration nothing is sent: prepay and queries fail loudly, refunds are not accepted, notices are refused', async () => {
    const port = wxPayV3(null, async () => {
      throw new Error('must not be called');
    });
    await expect(port.unifiedOrder({ outTradeNo: ORDER, totalFen: 1, description: 'x', openid: 'o' })).rejects.toThrow(/not configured/);
    await expect(port.queryRefund('R1')).rejects.toThrow(/not configured/);
    expect(await port.refund({ outTradeNo: ORDER, outRefundNo: 'R1', totalFen: 1, refundFen: 1 })).toMatchObject({ accepted: false });
    expect(port.readHttpNotice(notice('TRANSACTION.SUCCESS', transaction(ORDER, 1), { nowMs: NOW }), NOW)).toBeNull();
  });
});

describe('choosing the adapter per deployment', () => {
  const env = {
    SPROUT_MCH_ID: config.mchId,
    SPROUT_MCH_SERIAL_NO: config.serialNo,
    SPROUT_MCH_PRIVATE_KEY: merchant.privateKeyPem.replace(/\n/g, '\\n'), // as a one-line variable
    SPROUT_APPID: config.appId,
    SPROUT_MCH_APIV3_KEY: APIV3_KEY,
    SPROUT_PAY_PLATFORM_PUBLIC_KEY: `${stranger.publicKeyPem}${wechat.publicKeyPem}`,
    SPROUT_PAY_PLATFORM_SERIAL: `OLD_SERIAL, ${PLATFORM_SERIAL}`,
    SPROUT_PAY_NOTIFY_URL: config.notifyUrl,
  };

  it('reads the v3 configuration, keys paired with serials in order (both verify during a rotation)', () => {
    const c = payV3ConfigFromEnv(env);
    expect(c).toMatchObject({ mchId: config.mchId, appId: config.appId, notifyUrl: config.notifyUrl });
    expect([...(c?.platformKeys.keys() ?? [])]).toEqual(['OLD_SERIAL', PLATFORM_SERIAL]);
    const port = wxPayV3(c);
    expect(port.readHttpNotice(notice('TRANSACTION.SUCCESS', transaction(ORDER, 1), { nowMs: NOW }), NOW)).toMatchObject({ kind: 'payment' });
    expect(
      port.readHttpNotice(notice('TRANSACTION.SUCCESS', transaction(ORDER, 1), { nowMs: NOW, serial: 'OLD_SERIAL', signer: stranger.privateKeyPem }), NOW),
    ).toMatchObject({ kind: 'payment' });
    expect(payV3ConfigFromEnv({ ...env, SPROUT_MCH_APIV3_KEY: '' })).toBeNull();
    expect(payV3ConfigFromEnv({ ...env, SPROUT_PAY_PLATFORM_SERIAL: PLATFORM_SERIAL })).toBeNull(); // two keys, one serial
  });

  it('cloudPay unless SPROUT_PAY_PROVIDER says v3; anything else refuses to take money', async () => {
    const cloudPay = {
      unifiedOrder: jest.fn(),
      refund: jest.fn(async () => ({ returnCode: 'SUCCESS', resultCode: 'SUCCESS' })),
      queryRefund: jest.fn(),
    };
    const input = { outTradeNo: ORDER, outRefundNo: 'R1', totalFen: 2, refundFen: 1 };
    expect(await payFromEnv({}, cloudPay, 'env-1').refund(input)).toEqual({ accepted: true });
    expect(cloudPay.refund).toHaveBeenCalledWith(expect.objectContaining({ functionName: 'payCallback', envId: 'env-1', out_refund_no: 'R1', refund_fee: 1 }));
    expect(
      payFromEnv({ ...env, SPROUT_PAY_PROVIDER: 'v3' }, cloudPay, 'env-1').readHttpNotice(
        notice('REFUND.SUCCESS', refundResource('R1', ORDER, 1, 2), { nowMs: NOW }),
        NOW,
      ),
    ).toMatchObject({
      kind: 'refund',
    });
    const wrong = payFromEnv({ SPROUT_PAY_PROVIDER: 'alipay' }, cloudPay, 'env-1');
    await expect(wrong.unifiedOrder({ outTradeNo: ORDER, totalFen: 1, description: 'x', openid: 'o' })).rejects.toThrow(/cloudpay or v3/);
    expect(await wrong.refund(input)).toMatchObject({ accepted: false });
  });

  it('cloudPay refund queries read the camelCase lists cloudPay returns, and anything unclear as processing', async () => {
    const answers = [
      { returnCode: 'SUCCESS', resultCode: 'SUCCESS', outRefundNoList: ['R0', 'R1'], refundStatusList: ['SUCCESS', 'PROCESSING'], refundFeeList: [5, 7] },
      { returnCode: 'SUCCESS', resultCode: 'SUCCESS', refundCount: 1, outRefundNoList: [], refundStatusList: [] },
      { returnCode: 'SUCCESS', resultCode: 'SUCCESS', out_refund_no_0: 'R1', refund_status_0: 'SUCCESS', refund_fee_0: 7 },
      { returnCode: 'SUCCESS', resultCode: 'FAIL', errCode: 'REFUNDNOTEXIST' },
      { returnCode: 'SUCCESS', resultCode: 'SUCCESS', outRefundNoList: ['R1'], refundStatusList: ['REFUNDCLOSE'] },
    ];
    const port = wxPay({ unifiedOrder: jest.fn(), refund: jest.fn(), queryRefund: async () => answers.shift() ?? {} }, { subMchId: '1', envId: 'e' });
    expect(await port.queryRefund('R1')).toEqual({ state: 'PROCESSING', refundFen: 7 });
    expect(await port.queryRefund('R1')).toEqual({ state: 'PROCESSING' });
    expect(await port.queryRefund('R1')).toEqual({ state: 'SUCCESS', refundFen: 7 });
    expect(await port.queryRefund('R1')).toEqual({ state: 'NOT_FOUND' });
    expect(await port.queryRefund('R1')).toEqual({ state: 'CLOSED' });
  });
});
