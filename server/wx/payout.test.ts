import { createVerify, generateKeyPairSync } from 'node:crypto';
import { authorization, wxPayout } from './payout';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const config = {
  mchId: '1900000001',
  serialNo: 'SERIAL1',
  privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  appId: 'wxapp',
  sceneId: '1005',
};

describe('merchant transfer adapter (APIv3)', () => {
  it('signs method, path, timestamp, nonce and body as WeChat Pay verifies them', () => {
    const header = authorization(config, 'POST', '/v3/fund-app/mch-transfer/transfer-bills', '{"a":1}', 1700000000, 'abc');
    const sig = /signature="([^"]+)"/.exec(header)?.[1] ?? '';
    const ok = createVerify('RSA-SHA256').update('POST\n/v3/fund-app/mch-transfer/transfer-bills\n1700000000\nabc\n{"a":1}\n').verify(publicKey, sig, 'base64');
    expect(ok).toBe(true);
    expect(header).toMatch(/^WECHATPAY2-SHA256-RSA2048 mchid="1900000001",nonce_str="abc",.*serial_no="SERIAL1"$/);
  });

  it('starts a transfer with our bill number and maps WeChat states', async () => {
    const calls: { url: string; body?: string }[] = [];
    const answers = [{ state: 'WAIT_USER_CONFIRM', package_info: 'PKG' }, { state: 'SUCCESS' }];
    const port = wxPayout(config, async (url, init) => {
      calls.push({ url, body: init.body });
      const data = answers.shift();
      return { status: 200, json: async () => data };
    });
    expect(await port.transfer({ outBillNo: 'w123', openid: 'o1', amountFen: 1180, remark: '校园种草佣金' })).toEqual({
      state: 'WAIT_USER_CONFIRM',
      packageInfo: 'PKG',
    });
    expect(JSON.parse(calls[0].body ?? '{}')).toMatchObject({
      out_bill_no: 'w123',
      openid: 'o1',
      transfer_amount: 1180,
      appid: 'wxapp',
      transfer_scene_id: '1005',
    });
    expect(await port.query('w123')).toEqual({ state: 'SUCCESS' });
    expect(calls[1].url).toBe('https://api.mch.weixin.qq.com/v3/fund-app/mch-transfer/transfer-bills/out-bill-no/w123');
  });

  it('without credentials nothing is sent and the transfer answers FAIL (the withdrawal fails, the money returns)', async () => {
    expect(
      await wxPayout(null, async () => {
        throw new Error('must not be called');
      }).transfer({ outBillNo: 'w1', openid: 'o', amountFen: 1000, remark: 'x' }),
    ).toEqual({ state: 'FAIL' });
  });
});
