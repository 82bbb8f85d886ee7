import { publishedLine, STATUS_NAMES, statusBanner } from './status';

test('the author reads why a note is not published, and nothing once it is', () => {
  expect(statusBanner('published', null)).toBeNull();
  expect(statusBanner('checking', null)).toEqual({ tone: 'warning', text: '审核中：文字和图片检测通过后自动发布' });
  expect(statusBanner('rejected', '标题或正文含有违规内容，请修改后再发布')?.text).toBe('未通过：标题或正文含有违规内容，请修改后再发布');
  expect(statusBanner('taken_down', null)?.text.startsWith('已下架')).toBe(true);
  expect(statusBanner('review', null)?.tone).toBe('warning');
});

test('after 发布 the editor says where the note stands', () => {
  expect(publishedLine('published', null)).toBe('已发布');
  expect(publishedLine('checking', null)).toBe('已提交，审核中');
  expect(publishedLine('review', '内容需要人工审核')).toBe('已提交，审核中');
  expect(publishedLine('rejected', '有图片未通过安全检测')).toBe('未通过：有图片未通过安全检测');
  expect(publishedLine('draft', null)).toBe('草稿已保存');
  expect(STATUS_NAMES.review).toBe(STATUS_NAMES.checking);
});
