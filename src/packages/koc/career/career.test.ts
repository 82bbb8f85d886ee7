import type { InternshipView } from '@core/contracts/koc-career';
import { checkNote, checkPurpose, LETTER_STATE_NAMES, letterShops, markApplied } from './career';

const post = (id: string, applied = false): InternshipView => ({
  id,
  merchantId: 'm1',
  merchantName: '小鹿咖啡',
  title: '门店运营实习',
  description: '周末两天',
  deadline: Date.UTC(2099, 0, 1),
  open: true,
  applied,
});

describe('KOC career checks', () => {
  test('the note is optional, trimmed and at most 300 characters', () => {
    expect(checkNote('   ')).toEqual({ note: '', error: '' });
    expect(checkNote(' 周末有空 ')).toEqual({ note: '周末有空', error: '' });
    expect(checkNote('字'.repeat(300)).error).toBe('');
    expect(checkNote('字'.repeat(301)).error).toBe('附言最多 300 个字');
  });

  test('a purpose is required, trimmed and at most 100 characters', () => {
    expect(checkPurpose('  ')).toEqual({ purpose: '', error: '请填写用途' });
    expect(checkPurpose(' 申请暑期实习 ')).toEqual({ purpose: '申请暑期实习', error: '' });
    expect(checkPurpose('字'.repeat(101)).error).toBe('用途最多 100 个字');
  });

  test('applying marks only that internship', () => {
    const items = markApplied([post('a'), post('b')], 'b');
    expect(items.map((i) => i.applied)).toEqual([false, true]);
  });

  test('letters are asked only of programs the student is a KOC of', () => {
    const programs = [
      { merchantId: 'm1', merchantName: '小鹿咖啡', member: true, kocMode: 'approved' },
      { merchantId: 'm2', merchantName: '面包房', member: false, kocMode: 'everyone' },
    ];
    expect(letterShops(programs)).toEqual([{ merchantId: 'm1', merchantName: '小鹿咖啡' }]);
  });

  test('letter states read in Chinese', () => {
    expect(LETTER_STATE_NAMES).toEqual({ requested: '待商家撰写', written: '已签发' });
  });
});
