import { fixture, OPTS } from './test-helpers';
import { parseZfJson } from './zf-json';

describe('正方 kbList JSON', () => {
  const expected = [
    {
      name: '高等数学A',
      day: 1,
      startNode: 1,
      endNode: 2,
      weeks: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16],
      room: '一教A201',
      teacher: '王老师',
      building: '一教',
    },
    { name: '大学物理', day: 2, startNode: 3, endNode: 4, weeks: [4, 5, 6, 8, 9, 10, 11, 12, 13], room: '二教305', teacher: '陈老师', building: '二教' },
    {
      name: '大学英语',
      day: 3,
      startNode: 5,
      endNode: 6,
      weeks: [1, 3, 5, 7, 9, 11, 13, 15],
      room: '东区实验楼301',
      teacher: '林老师',
      building: '东区实验楼',
    },
    { name: '体育', day: 4, startNode: 7, endNode: 8, weeks: [2, 4, 6, 8, 10, 12, 14, 16], room: '体育场', teacher: '赵老师', building: '体育场' },
    { name: '电路分析', day: 5, startNode: 1, endNode: 2, weeks: [1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12], room: '', teacher: '' },
  ];
  const badItem = { text: '创新创业讲座 星期5 9-11 第x周', reason: '周数“第x周”看不懂' };

  it('imports the whole response; a bad item is a warning', () => {
    expect(parseZfJson(fixture('zf-kblist.json'), OPTS)).toEqual({ courses: expected, warnings: [badItem] });
  });

  it('imports the kbList array alone', () => {
    const list = JSON.parse(fixture('zf-kblist.json')).kbList;
    expect(parseZfJson(JSON.stringify(list), OPTS)).toEqual({ courses: expected, warnings: [badItem] });
  });

  it('explains what to paste when it is not the right JSON', () => {
    expect(parseZfJson('<html>', OPTS).warnings[0].reason).toBe('不是有效的 JSON：请复制正方课表接口（xskbcx_cxXsKb）返回的全部内容');
    expect(parseZfJson('{"items":[]}', OPTS).warnings[0].reason).toBe('没有找到 kbList：请复制正方课表接口（xskbcx_cxXsKb）返回的全部内容');
    expect(parseZfJson('[]', OPTS)).toEqual({ courses: [], warnings: [{ text: '', reason: 'kbList 是空的' }] });
  });

  it('warns about items without a name, weekday or sections', () => {
    const items = [{ xqj: '1', jcs: '1-2', zcd: '1周' }, { kcmc: 'A', xqj: '9', jcs: '1-2', zcd: '1周' }, { kcmc: 'B', xqj: '1', jcs: '上午', zcd: '1周' }, 7];
    expect(parseZfJson(JSON.stringify(items), OPTS).warnings.map((w) => w.reason)).toEqual([
      '没有课程名称（kcmc）',
      '星期“9”看不懂',
      '节次“上午”看不懂',
      '不是一门课',
    ]);
  });
});
