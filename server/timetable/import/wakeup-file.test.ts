import { fixture, OPTS } from './test-helpers';
import { parseWakeupFile } from './wakeup-file';

describe('.wakeup_schedule', () => {
  it('imports the fixture: odd/even types, steps, own times; rows of one course merge their weeks', () => {
    const { courses, warnings } = parseWakeupFile(fixture('schedule.wakeup_schedule'), OPTS);
    expect(courses).toEqual([
      {
        name: '高等数学',
        day: 1,
        startNode: 1,
        endNode: 2,
        weeks: [1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 16],
        room: '一教A201',
        teacher: '王老师',
        building: '一教',
      },
      { name: '大学英语', day: 2, startNode: 3, endNode: 4, weeks: [1, 3, 5, 7, 9, 11, 13, 15], room: '东阶楼201', teacher: '林老师', building: '东阶楼' },
      {
        name: '高等数学',
        day: 3,
        startNode: 3,
        endNode: 4,
        weeks: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16],
        room: '一教A201',
        teacher: '王老师',
        building: '一教',
      },
      { name: '体育', day: 4, startNode: 5, endNode: 6, weeks: [2, 4, 6, 8, 10, 12, 14, 16], room: '体育场', teacher: '', building: '体育场' },
      {
        name: '大学物理实验',
        day: 5,
        startNode: 5,
        endNode: 6,
        weeks: [9, 10, 11, 12, 13, 14, 15, 16],
        room: '东区实验楼301',
        teacher: '周老师',
        building: '东区实验楼',
        startTime: '14:10',
        endTime: '15:40',
      },
    ]);
    expect(warnings).toEqual([{ line: 5, text: '课程 9 星期6 第1节 1-4周', reason: '找不到这门课的名称（第 4 行没有它的 id）' }]);
  });

  it('reads the share API copy with CRLF and no header line', () => {
    const lines = fixture('schedule.wakeup_schedule').trim().split('\n').slice(1);
    const { courses } = parseWakeupFile(`\r\n${lines.join('\r\n')}`, OPTS);
    expect(courses.map((c) => [c.name, c.day, c.startNode])).toEqual([
      ['高等数学', 1, 1],
      ['大学英语', 2, 3],
      ['高等数学', 3, 3],
      ['体育', 4, 5],
      ['大学物理实验', 5, 5],
    ]);
  });

  it('warns about weeks past 30, bad own times, and files that are not WakeUp files', () => {
    const base = JSON.stringify([{ id: 1, courseName: '晚课' }]);
    const details = JSON.stringify([
      { id: 1, day: 1, startNode: 9, step: 2, startWeek: 29, endWeek: 32, type: 0, room: '', teacher: '', ownTime: false },
      { id: 1, day: 2, startNode: 9, step: 2, startWeek: 1, endWeek: 2, type: 0, room: '', teacher: '', ownTime: true, startTime: '7点', endTime: '' },
      { id: 1, day: 3, startNode: 9, step: 2, startWeek: 5, endWeek: 2, type: 0 },
      { id: 1, day: 4, startNode: 9, step: 1, startWeek: 2, endWeek: 2, type: 1 },
    ]);
    const r = parseWakeupFile(`{}\n[]\n{}\n${base}\n${details}`, OPTS);
    expect(r.courses).toEqual([{ name: '晚课', day: 1, startNode: 9, endNode: 10, weeks: [29, 30], room: '', teacher: '' }]);
    expect(r.warnings.map((w) => w.reason)).toEqual(['自定义时间“7点-”看不懂', '周数看不懂', '第 31、32 周超出了 30 周，没有导入', '没有上课的周']);
    expect(parseWakeupFile('hello', OPTS).warnings[0].reason).toBe('不是 WakeUp 课程表文件（.wakeup_schedule 应有 5 行 JSON）');
  });
});
