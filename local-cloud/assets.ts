// Pictures of the demo world, drawn on request so the repository holds no binary files.
import { DEMO_MERCHANTS, DEMO_PRODUCTS, productSvg } from './seed/demo';

export function demoAsset(path: string): string | null {
  const m = /^\/assets\/(products|merchants)\/([\w-]+)\.svg$/.exec(path);
  if (!m) return null;
  if (m[1] === 'products') {
    const p = DEMO_PRODUCTS.find((x) => x._id === m[2]);
    return p ? productSvg(p) : null;
  }
  const merchant = DEMO_MERCHANTS.find((x) => x._id === m[2]);
  return merchant ? productSvg({ color: ['#a7f3d0', '#059669'], short: merchant.name.slice(0, 2) }) : null;
}
