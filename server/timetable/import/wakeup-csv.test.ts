import fc from 'fast-check';
import { formatWeeks } from '../../../core/timetable/weeks';
import { fixture, OPTS } from './test-helpers';
import { csvRows, parseWakeupCsv } from './wakeup-csv';

describe('WakeUp CSV', () => {
  it('imports the fixture: BOM, CRLF, quoted fields, 、 ranges, Chinese commas, an Excel date; the broken row is a warning', () => {
    const { courses, warnings } = parseWakeupCsv(fixture('wakeup.csv'), OPTS);
    expect(courses).toEqual([
      {
        name: '高等数学',
        day: 1,
        startNode: 1,
        endNode: 2,
        weeks: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16],
        room: '一教A201',
        teacher: '王老师',
        building: '一教',
      },
      // 1月16日 is Excel's "1-16"
      {
        name: '数据库原理',
        day: 2,
        startNode: 5,
        endNode: 6,
        weeks: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16],
        room: '东区实验楼301',
        teacher: '刘老师',
        building: '东区实验楼',
      },
      { name: '大学英语', day: 3, startNode: 3, endNode: 4, weeks: [1, 2, 3, 4, 5, 7, 9, 11], room: '东阶楼,201', teacher: '李老师', building: '东阶楼' },
      {
        name: '计算机网络',
        day: 3,
        startNode: 7,
        endNode: 8,
        weeks: [1, 2, 3, 4, 5, 7, 9, 11, 12, 14, 16],
        room: '文科楼B-203',
        teacher: '钱老师',
        building: '文科楼',
      },
      { name: '体育', day: 4, startNode: 5, endNode: 6, weeks: [1, 3, 5, 7, 9, 11, 13, 15], room: '体育场', teacher: '', building: '体育场' },
      { name: '形势与政策', day: 5, startNode: 9, endNode: 10, weeks: [2, 4, 6, 8, 10, 12, 14, 16], room: '报告厅"A"', teacher: '赵老师', building: '报告厅' },
      { name: '算法设计与分析（双语,小班）', day: 7, startNode: 3, endNode: 4, weeks: [2, 4, 6, 8], room: '线上', teacher: '' },
    ]);
    expect(warnings).toEqual([{ line: 8, text: '毛泽东思想概论,8,1,2,孙老师,三教101,1-16', reason: '星期“8”看不懂，要写 1-7 或 周一…周日' }]);
  });

  it('the fixture really has a BOM, CRLF line ends and an Excel date', () => {
    const text = fixture('wakeup.csv');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.split('\r\n')).toHaveLength(12);
    expect(text).toContain(',1月16日\r\n');
  });

  it('reads back any weeks written by formatWeeks (what the export writes)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 30 }), (weeks) => {
        const { courses } = parseWakeupCsv(`课,1,1,2,,"一教A201",${formatWeeks(weeks)}`, OPTS);
        expect(courses[0].weeks).toEqual([...weeks].sort((a, b) => a - b));
      }),
      { numRuns: 200 },
    );
  });

  it('splits rows per RFC 4180 and counts lines across quoted line breaks', () => {
    const rows = csvRows('a,"b ""q"", c",d\r\n"multi\nline",x\n\nlast');
    expect(rows.map((r) => [r.line, r.fields])).toEqual([
      [1, ['a', 'b "q", c', 'd']],
      [2, ['multi\nline', 'x']],
      [4, ['']],
      [5, ['last']],
    ]);
  });

  it('reads data without a header, and gives each bad row its own warning', () => {
    const csv = [
      '线性代数,2,3,4,,一教A201,1-8',
      '缺列的课,2,3',
      '节数错,2,x,4,,,1-8',
      '结束早于开始,2,5,4,,,1-8',
      '周数错,2,1,2,,,1-99',
      '节数太大,2,17,18,,,1-8',
      ',3,1,2,,,1-8',
      '星期三的课,星期三,第1节,2节,,,1-2',
    ].join('\n');
    const { courses, warnings } = parseWakeupCsv(csv, OPTS);
    expect(courses).toEqual([
      { name: '线性代数', day: 2, startNode: 3, endNode: 4, weeks: [1, 2, 3, 4, 5, 6, 7, 8], room: '一教A201', teacher: '', building: '一教' },
      { name: '星期三的课', day: 3, startNode: 1, endNode: 2, weeks: [1, 2], room: '', teacher: '' },
    ]);
    expect(warnings.map((w) => [w.line, w.reason])).toEqual([
      [2, '只有 3 列，需要 7 列：课程名称,星期,开始节数,结束节数,老师,地点,周数'],
      [3, '开始节数“x”看不懂'],
      [4, '结束节数早于开始节数'],
      [5, '周数“1-99”超出了 1-30 周'],
      [6, '开始节数要在 1-16 之间'],
      [7, '课程名称是空的'],
    ]);
  });

  it('accepts weekdays as 1-7, 一…日, 周一, 星期日', () => {
    const days = ['1', '二', '周三', '星期四', '礼拜五', '六', '周日'];
    const csv = days.map((d, i) => `课${i},${d},1,2,,,1`).join('\n');
    expect(parseWakeupCsv(csv, OPTS).courses.map((c) => c.day)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('caps long names, rooms and teachers to the contract lengths', () => {
    const long = '很'.repeat(50);
    const [c] = parseWakeupCsv(`${long},1,1,2,${long},${long},1`, OPTS).courses;
    expect([c.name.length, c.room.length, c.teacher.length]).toEqual([40, 40, 30]);
  });

  it('lists at most 100 warnings and counts the rest', () => {
    const csv = Array.from({ length: 150 }, (_, i) => `课${i},8,1,2,,,1`).join('\n');
    const { warnings } = parseWakeupCsv(csv, OPTS);
    expect(warnings).toHaveLength(101);
    expect(warnings[99].line).toBe(100);
    expect(warnings[100]).toEqual({ text: '', reason: '还有 50 条问题没有列出' });
  });

  it('warns about a file with no courses', () => {
    expect(parseWakeupCsv('\ufeff课程名称,星期,开始节数,结束节数,老师,地点,周数\r\n', OPTS)).toEqual({
      courses: [],
      warnings: [{ text: '', reason: '文件里没有课程（第一行应是 课程名称,星期,开始节数,结束节数,老师,地点,周数）' }],
    });
  });
});
