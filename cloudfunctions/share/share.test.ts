import { DAY_MS } from '../../core/attribution';
import type { CardStats, MyBinding, OpenResult, ShareCode, ShareLanding } from '../../core/contracts/share';
import { KOC, NICKNAME, OWNER, PRODUCT, SHOP_NAME, STUDENTS, world } from '../groupbuy/fixture';

const [S1, S2, S3] = STUDENTS;

async function setup() {
  const t = await world();
  const create = async (channel = 'chat', who = KOC, productId = PRODUCT.id) => {
    const res = await t.call<ShareCode>('share', who, { action: 'create', targetType: 'product', targetId: productId, channel });
    if (!res.ok) throw new Error(res.message);
    return res.data;
  };
  const open = (code: string, who: string, scene = 1007) => t.call<OpenResult>('share', who, { action: 'open', code, scene });
  const events = async (type: string) => (await t.cloud.db.collection('events').where({ type }).get()).data;
  return { ...t, create, open, events };
}

describe('share function', () => {
  it('creates a short unguessable code once per target and channel, reused while valid', async () => {
    const { create, events } = await setup();
    const a = await create();
    expect(a.code).toMatch(/^[0-9A-Za-z]{10}$/);
    expect(a.path).toBe(`/pages/share/index?sc=${a.code}`);
    expect((await create()).code).toBe(a.code);
    const moments = await create('moments');
    expect(moments.code).not.toBe(a.code);
    expect(await events('share_created')).toHaveLength(2);
  });

  it('resolve gives a landing page display data without an identity, and no openid anywhere', async () => {
    const { create, call } = await setup();
    const { code } = await create('moments');
    const res = await call<ShareLanding>('share', '', { action: 'resolve', code });
    expect(res).toMatchObject({
      ok: true,
      data: { title: PRODUCT.title, priceFen: PRODUCT.priceFen, sharerNickname: NICKNAME[KOC], targetType: 'product', targetId: PRODUCT.id },
    });
    expect(JSON.stringify(res)).not.toMatch(/fx-koc|openid|sharer"/);
  });

  it('a new student opening a card is bound to the sharer, with channel and reason; stats count it', async () => {
    const { create, open, call } = await setup();
    const { code } = await create();
    await call('user', 'wx-new', { action: 'login' });
    const res = await open(code, 'wx-new');
    expect(res).toMatchObject({ ok: true, data: { bound: true, sharerNickname: NICKNAME[KOC], targetId: PRODUCT.id } });
    const mine = await call<MyBinding[]>('share', 'wx-new', { action: 'myBinding' });
    expect(mine).toMatchObject({ ok: true, data: [{ sharerNickname: NICKNAME[KOC], channel: 'chat', scopeName: SHOP_NAME }] });
    expect(mine.ok && mine.data[0].reason).toMatch(/首次触达.*聊天卡片/);
    await open(code, 'wx-new'); // opened again: one more open, not one more customer
    const stats = await call<CardStats[]>('share', KOC, { action: 'stats' });
    expect(stats).toMatchObject({ ok: true, data: [{ code, opens: 2, uniqueVisitors: 1, newCustomers: 1, title: PRODUCT.title }] });
  });

  it('a card opened in a group records the group channel', async () => {
    const { create, open, events, call } = await setup();
    const { code } = await create('chat');
    await open(code, S2, 1008);
    expect((await events('open'))[0]).toMatchObject({ channel: 'group', scene: 1008 });
    // On weapp the client passes a CloudID; WeChat gives the function the decrypted group id.
    await call('share', S3, { action: 'open', code, scene: 1044, group: { cloudID: 'x', data: { openGId: 'G-42' } } });
    expect((await events('open'))[1]).toMatchObject({ channel: 'group', opengid: 'G-42' });
  });

  it('a card opened in a group accepts the decrypted getGroupEnterInfo data as documented (opengid)', async () => {
    const { create, events, call } = await setup();
    const { code } = await create('chat');
    await call('user', 'wx-group-member', { action: 'login' });
    // What a top-level wx.cloud.CloudID field becomes in the function's event: {cloudID, data}
    // with getGroupEnterInfo's decrypted open data (lower-case opengid) and its watermark.
    const group = {
      cloudID: '27_Ih-9vxDaOhIbh48Bdpk90DUkUoNMAPaNtg7OSGM-P2wPEk1NbspjKGoql_g',
      data: {
        opengid: 'tG-7Y5uF3Zl0',
        open_single_roomid: '',
        group_openid: '',
        chat_type: 3,
        watermark: { appid: 'wx3d289323f5900f8e', timestamp: 1574338655 },
      },
    };
    const res = await call<OpenResult>('share', 'wx-group-member', { action: 'open', code, scene: 1008, group });
    expect(res).toMatchObject({ ok: true, data: { bound: true, targetId: PRODUCT.id } });
    const [open] = await events('open');
    expect(open).toMatchObject({ channel: 'group', opengid: 'tG-7Y5uF3Zl0' });
    expect(open).not.toHaveProperty('openGId');
    // A group whose id did not come through (no data) still opens the link, only without an id.
    const bare = await call<OpenResult>('share', 'wx-group-member', { action: 'open', code, scene: 1008, group: { cloudID: 'x' } });
    expect(bare).toMatchObject({ ok: true });
    expect((await events('open'))[1]).not.toHaveProperty('opengid');
  });

  it('refuses self-referral and A->B->A, and first touch keeps the first sharer for 30 days', async () => {
    const { create, open, clock } = await setup();
    const koc = await create();
    expect(await open(koc.code, KOC)).toMatchObject({ ok: true, data: { bound: false, reason: '不能绑定自己分享的卡片' } });
    await open(koc.code, S1);
    const back = await create('chat', S1);
    expect(await open(back.code, KOC)).toMatchObject({ ok: true, data: { bound: false, reason: '你们已是推荐关系，不能互相绑定' } });
    const other = await create('chat', S3);
    expect(await open(other.code, S1)).toMatchObject({ ok: true, data: { bound: false } });
    clock.advance(31 * DAY_MS);
    expect(await open(other.code, S1)).toMatchObject({ ok: true, data: { bound: true, sharerNickname: NICKNAME[S3] } });
  });

  it('last touch, set by the merchant, moves the binding to the latest card', async () => {
    const { create, open, call } = await setup();
    expect(await call('share', S1, { action: 'setRules', model: 'last_touch', windowDays: 7, newCustomersOnly: false })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await call('share', OWNER, { action: 'setRules', model: 'last_touch', windowDays: 7, newCustomersOnly: false })).toMatchObject({
      ok: true,
    });
    const a = await create();
    const b = await create('chat', S3);
    await open(a.code, S1);
    expect(await open(b.code, S1)).toMatchObject({ ok: true, data: { bound: true, sharerNickname: NICKNAME[S3] } });
  });

  it('an unknown or malformed code is refused and writes only the failed-open event', async () => {
    const { call, fingerprint, events } = await setup();
    for (const code of ['Zz9Zz9Zz9Z', '!!bad code', 'x']) {
      const before = fingerprint();
      expect(await call('share', S1, { action: 'open', code, scene: 1007 })).toMatchObject({
        ok: false,
        code: 'CODE_INVALID',
        message: '链接无效或已过期',
      });
      expect(fingerprint()).not.toBe(before);
    }
    const failed = await events('open_failed');
    expect(failed).toHaveLength(3);
    expect((await events('open')).length + (await events('bind')).length).toBe(0);
    expect(await call('share', '', { action: 'resolve', code: 'Zz9Zz9Zz9Z' })).toMatchObject({ ok: false, code: 'CODE_INVALID' });
  });

  it('the merchant funnel counts created, opened and bound per channel', async () => {
    const { create, open, call } = await setup();
    const chat = await create('chat');
    await create('moments');
    await open(chat.code, S1);
    await open(chat.code, S1);
    const funnel = await call<{ channel: string; created: number; opens: number; binds: number }[]>('analytics', OWNER, { action: 'shareFunnel' });
    expect(funnel).toMatchObject({
      ok: true,
      data: expect.arrayContaining([
        { channel: 'chat', created: 1, opens: 2, binds: 1 },
        { channel: 'moments', created: 1, opens: 0, binds: 0 },
      ]),
    });
    expect(await call('analytics', S1, { action: 'shareFunnel' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('posters', () => {
  it("gives the poster code's image once, only to its sharer", async () => {
    const { create, call, cloud } = await setup();
    const { code } = await create('poster');
    const first = await call<{ image: string }>('share', KOC, { action: 'posterCode', code });
    expect(first).toMatchObject({ ok: true, data: { image: `/files/codes/${code}.png` } });
    expect(require('node:fs').existsSync(`${cloud.filesDir}/codes/${code}.png`)).toBe(true);
    expect(await call('share', KOC, { action: 'posterCode', code })).toEqual(first);
    expect(await call('share', S1, { action: 'posterCode', code })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const chat = await create('chat');
    expect(await call('share', KOC, { action: 'posterCode', code: chat.code })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});
