// 保存证书图片 on H5: the certificate drawn on a browser canvas and downloaded as a PNG (the
// weapp build uses CertificateSave.weapp.tsx, a 2d canvas saved to the album).
import type { CertificateView } from '@core/contracts/koc-honours';
import { Button, toast } from '../../../components/ui';
import { CERT_H, CERT_W, type Ctx2D, certificateFileName, drawCertificate } from './certificate';

export interface CertificateSaveProps {
  cert: CertificateView;
}

export function CertificateSave({ cert }: CertificateSaveProps) {
  const save = () => {
    const canvas = document.createElement('canvas');
    const dpr = 2;
    canvas.width = CERT_W * dpr;
    canvas.height = CERT_H * dpr;
    const ctx = canvas.getContext('2d');
    if (!ctx) return toast('这个浏览器不能生成图片');
    ctx.scale(dpr, dpr);
    drawCertificate(ctx as unknown as Ctx2D, cert);
    const a = document.createElement('a');
    a.href = canvas.toDataURL('image/png');
    a.download = certificateFileName(cert);
    document.body.appendChild(a);
    a.click();
    a.remove();
  };
  return (
    <Button size='small' type='primary' testId='certificate-save' onClick={save}>
      保存证书图片
    </Button>
  );
}
