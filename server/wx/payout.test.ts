import { createVerify, generateKeyPairSync } from 'node:crypto';
import { MAX_WITHDRAWAL_FEN, TRANSFER_REAL_NAME_FROM_FEN } from '../../core/withdrawal-machine';
import { authorization, TRANSFER_SCENES, wxPayout } from './payout';

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

  it('cancels an unconfirmed transfer with a signed POST to .../cancel; CANCELLED reads as FAIL only when queried', async () => {
    const calls: { url: string; method: string; auth: string }[] = [];
    const answers = [{ out_bill_no: 'w9', state: 'CANCELING' }, { state: 'CANCELLED' }];
    const port = wxPayout(config, async (url, init) => {
      calls.push({ url, method: init.method, auth: init.headers.Authorization });
      return { status: 200, json: async () => answers.shift() };
    });
    await port.cancel('w9');
    expect(calls[0]).toMatchObject({ method: 'POST', url: 'https://api.mch.weixin.qq.com/v3/fund-app/mch-transfer/transfer-bills/out-bill-no/w9/cancel' });
    expect(calls[0].auth).toMatch(/^WECHATPAY2-SHA256-RSA2048 mchid="1900000001"/);
    expect(await port.query('w9')).toEqual({ state: 'FAIL' });
    const refused = wxPayout(config, async () => ({ status: 403, json: async () => ({ code: 'NOT_ALLOW' }) }));
    await expect(refused.cancel('w9')).rejects.toThrow(/403/);
  });

  const capture = (sceneId: string) => {
    const bodies: Record<string, unknown>[] = [];
    const port = wxPayout({ ...config, sceneId }, async (_url, init) => {
      bodies.push(JSON.parse(init.body ?? '{}'));
      return { status: 200, json: async () => ({ state: 'WAIT_USER_CONFIRM', package_info: 'PKG' }) };
    });
    return { port, bodies };
  };
  const bill = { outBillNo: 'w9', openid: 'o1', amountFen: 1180, remark: '校园种草佣金' };

  it('sends exactly the report infos scene 1005 (佣金报酬) requires: 岗位类型 and 报酬说明', async () => {
    const { port, bodies } = capture('1005');
    await port.transfer(bill);
    expect(bodies[0].transfer_scene_id).toBe('1005');
    expect((bodies[0].transfer_scene_report_infos as { info_type: string }[]).map((i) => i.info_type)).toEqual(['岗位类型', '报酬说明']);
    expect(bodies[0]).not.toHaveProperty('user_name'); // below ¥2,000: no real name
  });

  it('sends exactly the report infos scene 1000 (现金营销) requires: 活动名称 and 奖励说明', async () => {
    const { port, bodies } = capture('1000');
    await port.transfer(bill);
    expect((bodies[0].transfer_scene_report_infos as { info_type: string }[]).map((i) => i.info_type)).toEqual(['活动名称', '奖励说明']);
  });

  it('every scene in the table names each info type once, with contents WeChat accepts (1-15 and 1-32 characters)', () => {
    for (const [id, scene] of Object.entries(TRANSFER_SCENES)) {
      expect(id).toMatch(/^\d{4}$/);
      const types = scene.reportInfos.map((i) => i.info_type);
      expect(new Set(types).size).toBe(types.length);
      for (const i of scene.reportInfos) {
        expect(i.info_type.length).toBeGreaterThanOrEqual(1);
        expect(i.info_type.length).toBeLessThanOrEqual(15);
        expect(i.info_content.length).toBeGreaterThanOrEqual(1);
        expect(i.info_content.length).toBeLessThanOrEqual(32);
      }
    }
  });

  it('refuses to start under a scene it has no report infos for: a clear error, nothing sent', async () => {
    const { port, bodies } = capture('1001');
    await expect(port.transfer(bill)).rejects.toThrow(/SPROUT_TRANSFER_SCENE_ID=1001.*1000（现金营销）、1005（佣金报酬）/);
    expect(bodies).toHaveLength(0);
  });

  it('never sends a transfer that would need the real name (from ¥2,000); withdrawals stay below by rule', async () => {
    expect(TRANSFER_REAL_NAME_FROM_FEN).toBe(200_000);
    expect(MAX_WITHDRAWAL_FEN).toBeLessThan(TRANSFER_REAL_NAME_FROM_FEN);
    const { port, bodies } = capture('1005');
    expect(await port.transfer({ ...bill, amountFen: 200_000 })).toEqual({ state: 'FAIL' });
    expect(bodies).toHaveLength(0);
    expect(await port.transfer({ ...bill, amountFen: MAX_WITHDRAWAL_FEN })).toEqual({ state: 'WAIT_USER_CONFIRM', packageInfo: 'PKG' });
    expect(bodies).toHaveLength(1);
  });

  it('without credentials nothing is sent and the transfer answers FAIL (the withdrawal fails, the money returns)', async () => {
    expect(
      await wxPayout(null, async () => {
        throw new Error('must not be called');
      }).transfer({ outBillNo: 'w1', openid: 'o', amountFen: 1000, remark: 'x' }),
    ).toEqual({ state: 'FAIL' });
  });
});
