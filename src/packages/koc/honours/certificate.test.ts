import type { CertificateView } from '@core/contracts/koc-honours';
import { CERT_H, CERT_W, type Ctx2D, certificateFileName, certificateLines, chineseDate, drawCertificate } from './certificate';

const cert: CertificateView = { name: '小林', tier: 'primary', tierName: '初级达人', program: '云朵便利店', date: '2026-11-03', code: 'SPC-ABCD-1234' };

describe('certificate layout', () => {
  it('writes the name, tier, program, date and code, top to bottom inside the card', () => {
    const lines = certificateLines(cert);
    const texts = lines.map((l) => l.text);
    expect(texts).toContain('小林');
    expect(texts).toContain('为「云朵便利店」初级达人');
    expect(texts).toContain('颁发日期：2026 年 11 月 3 日');
    expect(texts).toContain('证书编号：SPC-ABCD-1234');
    const ys = lines.map((l) => l.y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    for (const l of lines) {
      expect(l.y).toBeGreaterThan(0);
      expect(l.y).toBeLessThan(CERT_H);
      expect(l.x).toBe(CERT_W / 2);
    }
  });

  it('colours the tier line by tier', () => {
    const adv = certificateLines({ ...cert, tier: 'advanced', tierName: '高级达人' }).find((l) => l.text.includes('高级达人'));
    const pri = certificateLines(cert).find((l) => l.text.includes('初级达人'));
    expect(adv?.color).not.toBe(pri?.color);
  });

  it('keeps a date it cannot read as it is', () => {
    expect(chineseDate('2026-01-09')).toBe('2026 年 1 月 9 日');
    expect(chineseDate('明天')).toBe('明天');
  });

  it('paints every line on the context', () => {
    const texts: string[] = [];
    const ctx: Ctx2D = {
      fillStyle: '',
      strokeStyle: '',
      lineWidth: 0,
      font: '',
      textAlign: '',
      fillRect: () => undefined,
      strokeRect: () => undefined,
      fillText: (t) => void texts.push(t),
    };
    drawCertificate(ctx, cert);
    expect(texts).toEqual(certificateLines(cert).map((l) => l.text));
    expect(certificateFileName(cert)).toBe('证书-SPC-ABCD-1234.png');
  });
});
