// Draws the tab bar icons (81x81 PNG, as WeChat recommends) from simple shapes, so they can be
// changed here rather than in an image editor. Output: src/assets/tab/*.png (committed).
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const S = 81;
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const c = Buffer.alloc(4);
  c.writeUInt32BE(crc(td));
  return Buffer.concat([len, td, c]);
}
function png(alpha, [r, g, b]) {
  const raw = Buffer.alloc(S * (S * 4 + 1));
  for (let y = 0; y < S; y++) {
    raw[y * (S * 4 + 1)] = 0;
    for (let x = 0; x < S; x++) {
      const o = y * (S * 4 + 1) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = Math.round(alpha(x, y) * 255);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(S, 0);
  ihdr.writeUInt32BE(S, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
// Shapes as signed distance functions; 4x4 supersampling for smooth edges.
const circle = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) - r;
const ring = (cx, cy, r, w) => (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - r) - w / 2;
const box = (x0, y0, x1, y1) => (x, y) => Math.max(x0 - x, x - x1, y0 - y, y - y1);
const roof = (x, y) => Math.max(Math.abs(x - 40.5) * 0.9 + (y - 36) * 0.9 - 0, 12 - y, y - 38);
const union =
  (...fs) =>
  (x, y) =>
    Math.min(...fs.map((f) => f(x, y)));
const minus = (a, b) => (x, y) => Math.max(a(x, y), -b(x, y));
// A compass for 发现: a ring and a needle (a long diamond turned 45°).
const needle = (x, y) => {
  const u = (x - 40.5 + (y - 40.5)) / Math.SQRT2;
  const v = (x - 40.5 - (y - 40.5)) / Math.SQRT2;
  return Math.abs(u) + Math.abs(v) * 3.2 - 20;
};
const icons = {
  home: union(roof, minus(box(20, 34, 61, 66), box(35, 48, 46, 66))),
  group: union(circle(30, 30, 10), circle(53, 30, 10), minus(circle(30, 66, 20), box(0, 66, 81, 81)), minus(circle(53, 66, 20), box(0, 66, 81, 81))),
  discover: union(ring(40.5, 40.5, 30, 6), needle),
  me: union(ring(40.5, 28, 12, 6), minus(ring(40.5, 72, 26, 6), box(0, 72, 81, 81))),
};
const cover = (f) => (x, y) => {
  let n = 0;
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) if (f(x + (i + 0.5) / 4, y + (j + 0.5) / 4) <= 0) n++;
  return n / 16;
};
const out = new URL('../src/assets/tab/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });
for (const [name, f] of Object.entries(icons)) {
  writeFileSync(`${out}${name}.png`, png(cover(f), [138, 143, 153]));
  writeFileSync(`${out}${name}-on.png`, png(cover(f), [22, 163, 74]));
}
console.log('tab icons written to src/assets/tab');
