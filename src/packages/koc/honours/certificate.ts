// The certificate image, drawn the same way on both platforms: the layout is a list of lines
// (text, place, font, colour) computed here from the certificate, and one draw function paints
// them on any 2d context (WeChat's canvas node or a browser canvas). Pure, so it is tested.
import type { BadgeTier, CertificateView } from '@core/contracts/koc-honours';
import type { Tier } from '@core/tiers';

export const CERT_W = 600;
export const CERT_H = 420;

/** What both canvases provide that the drawing uses. */
export interface Ctx2D {
  fillStyle: string;
  strokeStyle: string;
  lineWidth: number;
  font: string;
  textAlign: string;
  fillRect(x: number, y: number, w: number, h: number): void;
  strokeRect(x: number, y: number, w: number, h: number): void;
  fillText(t: string, x: number, y: number, maxWidth?: number): void;
}

export interface CertLine {
  text: string;
  x: number;
  y: number;
  font: string;
  color: string;
}

export const TIER_COLOURS: Record<Tier, string> = { primary: '#16a34a', intermediate: '#2563eb', advanced: '#b45309' };
export const BADGE_TIER_COLOURS: Record<BadgeTier, string> = { bronze: '#b87333', silver: '#8a94a6', gold: '#d4a017', custom: '#16a34a' };
export const BADGE_TIER_NAMES: Record<BadgeTier, string> = { bronze: '铜', silver: '银', gold: '金', custom: '定制' };

/** 2026-11-23 -> 2026 年 11 月 23 日 (the certificate's date is already a campus date). */
export function chineseDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${m[1]} 年 ${Number(m[2])} 月 ${Number(m[3])} 日` : date;
}

/** The lines of the certificate, centred on the card, top to bottom. */
export function certificateLines(c: CertificateView): CertLine[] {
  const x = CERT_W / 2;
  const ink = '#1f2329';
  const grey = '#5b616b';
  return [
    { text: '校园种草 · 达人证书', x, y: 78, font: 'bold 34px sans-serif', color: ink },
    { text: '兹证明', x, y: 138, font: '22px sans-serif', color: grey },
    { text: c.name || '达人', x, y: 190, font: 'bold 40px sans-serif', color: ink },
    { text: `为「${c.program}」${c.tierName}`, x, y: 244, font: 'bold 28px sans-serif', color: TIER_COLOURS[c.tier] },
    { text: `颁发日期：${chineseDate(c.date)}`, x, y: 300, font: '20px sans-serif', color: grey },
    { text: `证书编号：${c.code}`, x, y: 340, font: '20px monospace', color: ink },
    { text: '可在“校园种草 · 证书查验”输入编号核验真伪', x, y: 378, font: '16px sans-serif', color: '#8a8f99' },
  ];
}

/** Paints the certificate on a CERT_W × CERT_H context (scale it first for sharper pixels). */
export function drawCertificate(ctx: Ctx2D, c: CertificateView): void {
  ctx.fillStyle = '#fffdf5';
  ctx.fillRect(0, 0, CERT_W, CERT_H);
  ctx.strokeStyle = TIER_COLOURS[c.tier];
  ctx.lineWidth = 6;
  ctx.strokeRect(14, 14, CERT_W - 28, CERT_H - 28);
  ctx.lineWidth = 1;
  ctx.strokeRect(26, 26, CERT_W - 52, CERT_H - 52);
  ctx.textAlign = 'center';
  for (const l of certificateLines(c)) {
    ctx.fillStyle = l.color;
    ctx.font = l.font;
    ctx.fillText(l.text, l.x, l.y, CERT_W - 80);
  }
}

/** The file name a download gets: 证书-<code>.png. */
export const certificateFileName = (c: CertificateView) => `证书-${c.code}.png`;
