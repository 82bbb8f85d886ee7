// The privacy guide the README tells the deployer to fill in must match the privacy APIs src/
// really uses: one the app calls but the README does not declare fails at run time in WeChat,
// and one declared but unused fails review.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PRIVACY_API_TYPES, PRIVACY_TYPES, SPROUT_PURPOSES } from './privacy-apis';
import { entryType, guideEntries, readmeEntries, scanPrivacyUse } from './privacy-guide';

const ROOT = join(__dirname, '..');

describe('privacy guide', () => {
  it('the README declares exactly the privacy types src/ uses, each with its purpose and uses', () => {
    const expected = guideEntries(scanPrivacyUse(join(ROOT, 'src')));
    const declared = readmeEntries(readFileSync(join(ROOT, 'README.md'), 'utf8'));
    const missing = expected.map(entryType).filter((t) => !declared.map(entryType).includes(t));
    const unused = declared.map(entryType).filter((t) => !expected.map(entryType).includes(t));
    // Named first, so a failure says which type to add or drop; then the lines word for word
    // (run `npx tsx scripts/privacy-guide.ts` and paste its entries into the README block).
    expect({ missing, unused }).toEqual({ missing: [], unused: [] });
    expect(declared).toEqual(expected);
  });

  it('every type the app uses has a purpose, and each API maps to one type', () => {
    for (const type of scanPrivacyUse(join(ROOT, 'src')).keys()) expect(SPROUT_PURPOSES[type]).toBeTruthy();
    const apis = PRIVACY_TYPES.flatMap((t) => t.apis ?? []);
    expect(new Set(apis).size).toBe(apis.length);
    expect(PRIVACY_API_TYPES).toMatchObject({
      chooseImage: '选中的照片或视频信息',
      chooseMedia: '选中的照片或视频信息',
      saveImageToPhotosAlbum: '相册（仅写入）权限',
      setClipboardData: '剪切板',
      getClipboardData: '剪切板',
    });
  });

  describe('the scan', () => {
    let dir: string;
    const write = (rel: string, text: string) => {
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      writeFileSync(join(dir, rel), text);
    };
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'privacy-scan-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('finds Taro.x, wx.x, casts, destructuring, JSX open-types, the nickname input, scopes and native WXML', () => {
      write('a.tsx', "Taro.chooseMedia({}); (Taro as unknown as { x: 1 }).getClipboardData; <Button openType='chooseAvatar' />; <Input type='nickname' />;");
      write('b.ts', "const { startCompass } = wx; wx['chooseAddress']({}); Taro.authorize({ scope: 'scope.record' });");
      write('native/c/index.wxml', '<view><button open-type="getPhoneNumber">x</button><camera /></view>');
      const use = scanPrivacyUse(dir);
      expect([...use.keys()].sort()).toEqual(
        ['用户信息（微信昵称、头像）', '选中的照片或视频信息', '剪切板', '磁场传感器', '地址', '麦克风', '手机号', '摄像头'].sort(),
      );
      expect([...(use.get('用户信息（微信昵称、头像）')?.keys() ?? [])].sort()).toEqual(['<button open-type="chooseAvatar">', '<input type="nickname">']);
    });

    it('ignores comments, H5-only files, tests and what only looks like an API (toString)', () => {
      write('a.ts', '// Taro.chooseImage() would need a declaration\n/* wx.setClipboardData */ const s = "wx.getLocation"; s.toString();');
      write('b.h5.ts', 'Taro.setClipboardData({ data: "x" });');
      write('c.test.ts', 'wx.chooseImage();');
      write('d.wxml', '<!-- <button open-type="chooseAvatar"> -->');
      expect(scanPrivacyUse(dir).size).toBe(0);
    });
  });
});
