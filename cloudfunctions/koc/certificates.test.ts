import type { HonoursResults } from '../../core/contracts/koc-honours';
import { KOC, SHOP, STUDENTS } from '../groupbuy/fixture';
import { honoursWorld } from './fixture';

const [S1] = STUDENTS;

describe('koc certificates', () => {
  it("a member's certificate verifies; a made-up or altered code, or altered stored fields, do not", async () => {
    const w = await honoursWorld();
    const cert = await w.must<HonoursResults['certificate']>(KOC, { action: 'certificate', merchantId: SHOP });
    expect(cert).toMatchObject({ tier: 'primary', tierName: '初级达人', program: '测试小店' });
    expect(cert.code).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
    // Asked again the same day: the same certificate, nothing new stored.
    expect(await w.must(KOC, { action: 'certificate', merchantId: SHOP })).toEqual(cert);
    expect(await w.all('koc_certificates')).toHaveLength(1);

    // Anyone may verify, without an identity, in any case.
    expect(await w.koc('', { action: 'verifyCertificate', code: cert.code.toLowerCase() })).toEqual({ ok: true, data: cert });
    const flipped = cert.code.slice(0, -1) + (cert.code.endsWith('0') ? '1' : '0');
    expect(await w.koc(S1, { action: 'verifyCertificate', code: flipped })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await w.koc(S1, { action: 'verifyCertificate', code: 'not a code' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    // A stored certificate edited behind the function's back no longer matches its code.
    await w.cloud.db
      .collection('koc_certificates')
      .doc(cert.code)
      .update({ data: { tier: 'advanced' } });
    expect(await w.koc(S1, { action: 'verifyCertificate', code: cert.code })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('a student who is not a member gets no certificate and nothing is written', async () => {
    const w = await honoursWorld();
    const before = w.fingerprint();
    expect(await w.koc(S1, { action: 'certificate', merchantId: SHOP })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await w.koc(S1, { action: 'certificate', merchantId: '' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(w.fingerprint()).toBe(before);
  });
});
