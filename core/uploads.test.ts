import { isUpload } from './uploads';

describe('isUpload', () => {
  it.each(['cloud://env-1.7370/refunds/a.jpg', '/files/refunds/a.png'])('%s is an upload', (f) => expect(isUpload(f)).toBe(true));
  it.each(['https://example.com/a.jpg', 'a', '', 'files/a.png', 'http://cloud://x', 'wxfile://tmp_a.jpg'])('%j is not', (f) => expect(isUpload(f)).toBe(false));
});
