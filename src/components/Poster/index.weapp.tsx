// The poster on weapp: drawn on a 2d canvas (product image, price, sharer, mini-program code),
// exported as an image to save or to share through WeChat's image menu.
import { formatFen } from '@core/money';
import { Canvas, Image, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { Button } from '../ui';
import type { PosterProps } from './index';
import './index.css';

const W = 300;
const H = 480;

type Ctx2D = {
  fillStyle: string;
  font: string;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(t: string, x: number, y: number, maxWidth?: number): void;
  drawImage(img: unknown, x: number, y: number, w: number, h: number): void;
  scale(x: number, y: number): void;
};
type CanvasNode = {
  width: number;
  height: number;
  getContext(kind: '2d'): Ctx2D;
  createImage(): { src: string; onload: () => void; onerror: (e: unknown) => void };
};

/** Canvas images need a downloadable address: cloud fileIDs become temporary URLs first. */
async function drawable(src: string): Promise<string> {
  if (!src.startsWith('cloud://')) return src;
  const res = await Taro.cloud.getTempFileURL({ fileList: [src] });
  return res.fileList[0]?.tempFileURL ?? src;
}

async function draw(p: PosterProps): Promise<string> {
  const node = await new Promise<CanvasNode>((resolve) => {
    Taro.createSelectorQuery()
      .select('#poster-canvas')
      .fields({ node: true, size: true })
      .exec((res) => resolve(res[0].node as CanvasNode));
  });
  // WeChat caps a canvas at 1365 px a side: W×H at up to 2x stays under it.
  const dpr = Math.min(Taro.getWindowInfo().pixelRatio, 2);
  node.width = W * dpr;
  node.height = H * dpr;
  const ctx = node.getContext('2d');
  ctx.scale(dpr, dpr);
  const load = (src: string) =>
    new Promise<unknown>((resolve, reject) => {
      const img = node.createImage();
      img.onload = () => resolve(img);
      img.onerror = reject;
      img.src = src;
    });
  const [photo, code] = await Promise.all([load(await drawable(p.image)), load(await drawable(p.codeImage))]);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, W, H);
  ctx.drawImage(photo, 0, 0, W, W);
  ctx.fillStyle = '#1f2329';
  ctx.font = 'bold 16px sans-serif';
  ctx.fillText(p.title, 14, W + 28, W - 28);
  if (p.priceFen !== null) {
    ctx.fillStyle = '#f0513a';
    ctx.font = 'bold 22px sans-serif';
    ctx.fillText(formatFen(p.priceFen), 14, W + 60);
  }
  ctx.fillStyle = '#1f2329';
  ctx.font = '14px sans-serif';
  ctx.fillText(`${p.sharerNickname} 推荐`, 14, H - 52);
  ctx.fillStyle = '#8a8f99';
  ctx.font = '11px sans-serif';
  ctx.fillText('长按识别小程序码 · 校园种草', 14, H - 30);
  ctx.drawImage(code, W - 94, H - 104, 80, 80);
  const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas: node as never, fileType: 'png' });
  return tempFilePath;
}

export function Poster(p: PosterProps) {
  const [path, setPath] = useState('');
  useEffect(() => {
    Taro.nextTick(() => {
      draw(p).then(setPath, () => Taro.showToast({ title: '海报生成失败，请重试', icon: 'none' }));
    });
  }, [p]);
  const save = () =>
    Taro.saveImageToPhotosAlbum({ filePath: path })
      .then(() => Taro.showToast({ title: '已保存到相册', icon: 'success' }))
      .catch(() => Taro.showToast({ title: '没有保存（需要相册权限）', icon: 'none' }));
  const share = () => (Taro as unknown as { showShareImageMenu(o: { path: string }): Promise<void> }).showShareImageMenu({ path }).catch(() => undefined);
  return (
    <View className='poster-mask'>
      <Canvas type='2d' id='poster-canvas' style={{ width: `${W}px`, height: `${H}px`, position: 'absolute', left: '-9999px' }} />
      {path ? <Image className='poster' src={path} mode='widthFix' /> : null}
      <View style={{ display: 'flex', gap: '12px', marginTop: '16px' }}>
        <Button type='primary' size='small' disabled={!path} onClick={save}>
          保存图片
        </Button>
        <Button type='primary' size='small' disabled={!path} onClick={share}>
          分享图片
        </Button>
        <Button size='small' onClick={p.onClose}>
          关闭
        </Button>
      </View>
    </View>
  );
}
