import { checkRejectReason, waitingLine } from './form';

test('不通过 needs a reason of at most 100 characters, trimmed', () => {
  expect(checkRejectReason('n1', '  ')).toEqual({ reason: null, error: '不通过要写明理由，作者会看到' });
  expect(checkRejectReason('n1', '')).toEqual({ reason: null, error: '不通过要写明理由，作者会看到' });
  expect(checkRejectReason('n1', '字'.repeat(101))).toEqual({ reason: null, error: '理由最多 100 个字' });
  expect(checkRejectReason('n1', ' 图片与商品不符 ')).toEqual({ reason: '图片与商品不符', error: '' });
});

test('why a note waits, or a plain line when the server gave none', () => {
  expect(waitingLine('被多位同学举报，等待人工审核')).toBe('被多位同学举报，等待人工审核');
  expect(waitingLine(' ')).toBe('等待人工审核');
  expect(waitingLine(null)).toBe('等待人工审核');
});
