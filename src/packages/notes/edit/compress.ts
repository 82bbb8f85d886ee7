// Photos for a note are shrunk on the phone before upload (issue 14: about 1080 px wide): less to
// send on a campus network, and WeChat's image check takes files up to 10 MB only. WeChat's
// compressImage scales to a width from base library 2.26.0; on H5 the browser's file goes as it is.
import Taro from '@tarojs/taro';

export const NOTE_IMAGE_WIDTH = 1080;

export async function compressForNote(path: string): Promise<string> {
  if (process.env.TARO_ENV !== 'weapp') return path;
  try {
    const { width } = await Taro.getImageInfo({ src: path });
    const res = await Taro.compressImage({ src: path, quality: 80, ...(width > NOTE_IMAGE_WIDTH ? { compressedWidth: NOTE_IMAGE_WIDTH } : {}) });
    return res.tempFilePath || path;
  } catch {
    // An older base library or an unreadable file: upload the original rather than nothing.
    return path;
  }
}
