// Getting a timetable file's text: from a WeChat chat on weapp (chooseMessageFile + the file
// system manager), from the device on H5 (the browser's file input). Both read UTF-8 and refuse
// files far larger than a preview reads.
import Taro from '@tarojs/taro';
import { MAX_IMPORT_CHARS } from '../shared';

export interface Picked {
  name: string;
  content: string;
}

/** Bytes a file may have: its characters may take up to 3 bytes each in UTF-8. */
const MAX_BYTES = MAX_IMPORT_CHARS * 3;
export const TOO_LARGE = '文件太大了（最多 400 KB）';
const UNREADABLE = '文件读不出来，换成粘贴文字试试';

/** Reads a file picked from a WeChat chat as UTF-8 text (weapp only). */
export function chooseChatFile(accept: string): Promise<Picked | null> {
  const extension = accept
    .split(',')
    .map((e) => e.replace(/^\./, ''))
    .filter(Boolean);
  return Taro.chooseMessageFile({ count: 1, type: 'file', extension })
    .then(
      (res) =>
        new Promise<Picked | null>((resolve, reject) => {
          const file = res.tempFiles[0];
          if (!file) return resolve(null);
          if (file.size > MAX_BYTES) return reject(new Error(TOO_LARGE));
          Taro.getFileSystemManager().readFile({
            filePath: file.path,
            encoding: 'utf8',
            success: (r) => resolve({ name: file.name, content: String(r.data) }),
            fail: () => reject(new Error(UNREADABLE)),
          });
        }),
    )
    .catch((e: unknown) => {
      if (e instanceof Error) throw e; // ours: too large, unreadable
      // Closing the chooser is not an error.
      if (/cancel/.test(String((e as { errMsg?: string } | null)?.errMsg ?? ''))) return null;
      throw new Error('没有选到文件，请重试');
    });
}

/** A file chosen in the browser (H5), as text; throws with a message to show. */
export async function readBrowserFile(f: File): Promise<Picked> {
  if (f.size > MAX_BYTES) throw new Error(TOO_LARGE);
  try {
    return { name: f.name, content: await f.text() };
  } catch {
    throw new Error(UNREADABLE);
  }
}
