// 保存证书图片 on weapp: the certificate drawn on a hidden 2d canvas (as the share poster is),
// exported with canvasToTempFilePath and saved to the album.
import { Canvas, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, toast } from '../../../components/ui';
import type { CertificateSaveProps } from './CertificateSave';
import { CERT_H, CERT_W, type Ctx2D, drawCertificate } from './certificate';

type CanvasNode = { width: number; height: number; getContext(kind: '2d'): Ctx2D & { scale(x: number, y: number): void } };

export function CertificateSave({ cert }: CertificateSaveProps) {
  // One canvas per certificate: a page may show several.
  const id = `cert-${cert.code.replace(/[^A-Za-z0-9]/g, '')}`;
  const save = async () => {
    try {
      const node = await new Promise<CanvasNode>((resolve, reject) => {
        Taro.createSelectorQuery()
          .select(`#${id}`)
          .fields({ node: true, size: true })
          .exec((res) => (res[0]?.node ? resolve(res[0].node as CanvasNode) : reject(new Error('no canvas'))));
      });
      // WeChat caps a canvas at 1365 px a side: 600 × 2 stays under it.
      const dpr = Math.min(Taro.getWindowInfo().pixelRatio, 2);
      node.width = CERT_W * dpr;
      node.height = CERT_H * dpr;
      const ctx = node.getContext('2d');
      ctx.scale(dpr, dpr);
      drawCertificate(ctx, cert);
      const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas: node as never, fileType: 'png' });
      await Taro.saveImageToPhotosAlbum({ filePath: tempFilePath });
      toast('已保存到相册', 'success');
    } catch {
      toast('没有保存（需要相册权限），请重试');
    }
  };
  return (
    <View>
      <Canvas type='2d' id={id} style={{ width: `${CERT_W}px`, height: `${CERT_H}px`, position: 'absolute', left: '-9999px' }} />
      <Button size='small' type='primary' testId='certificate-save' onClick={save}>
        保存证书图片
      </Button>
    </View>
  );
}
