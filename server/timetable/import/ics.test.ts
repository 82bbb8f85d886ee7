import { parseIcs } from './ics';
import { fixture, OPTS } from './test-helpers';

/** A VCALENDAR around some lines (CRLF, as files have them). */
const cal = (...lines: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//CN', ...lines, 'END:VCALENDAR', ''].join('\r\n');
const event = (...lines: string[]) => ['BEGIN:VEVENT', 'DTSTAMP:20260901T000000Z', ...lines, 'END:VEVENT'].join('\r\n');

describe('ICS', () => {
  it('one event per section of each occurrence (TZID, alarms): the sections of a class join into one course', () => {
    // Shaped like a real per-occurrence export: each two-section class is two events, 16:00-16:45
    // and 16:55-17:40, every Thursday, each with a VALARM; X-WR-TIMEZONE names the zone.
    const thursdays = ['20260910', '20260917', '20260924'];
    const ics = cal(
      'X-WR-TIMEZONE:Asia/Shanghai',
      ...thursdays.flatMap((d, i) => [
        event(
          `UID:a${i}`,
          'SUMMARY:最优化方法',
          `DTSTART;TZID=Asia/Shanghai:${d}T160000`,
          `DTEND;TZID=Asia/Shanghai:${d}T164500`,
          'DESCRIPTION:刘思远',
          'LOCATION:文汇楼1栋1202',
          'BEGIN:VALARM',
          'ACTION:DISPLAY',
          'TRIGGER:-PT25M',
          'END:VALARM',
        ),
        event(
          `UID:b${i}`,
          'SUMMARY:最优化方法',
          `DTSTART;TZID=Asia/Shanghai:${d}T165500`,
          `DTEND;TZID=Asia/Shanghai:${d}T174000`,
          'DESCRIPTION:刘思远',
          'LOCATION:文汇楼1栋1202',
          'BEGIN:VALARM',
          'ACTION:DISPLAY',
          'TRIGGER:-PT25M',
          'END:VALARM',
        ),
      ]),
      // Another course right after in another room stays apart.
      event('UID:c', 'SUMMARY:数据结构', 'DTSTART;TZID=Asia/Shanghai:20260910T175000', 'DTEND;TZID=Asia/Shanghai:20260910T183500', 'LOCATION:文汇楼1栋1203'),
    );
    const { courses, warnings } = parseIcs(ics, OPTS);
    expect(warnings).toEqual([]);
    expect(courses.map((c) => [c.name, c.day, c.startNode, c.endNode, c.startTime ?? '', c.endTime ?? '', c.weeks, c.teacher])).toEqual([
      // 16:00-17:40 on a table of 15:55-16:40 and 16:45-17:30: sections 7-8 at its own times
      ['最优化方法', 4, 7, 8, '16:00', '17:40', [1, 2, 3], '刘思远'],
      ['数据结构', 4, 8, 8, '17:50', '18:35', [1], ''],
    ]);
  });

  it('a school exporter with its own periods: VALUE=DATE-TIME floating times, COUNT counting the EXDATE weeks, the teacher alone in DESCRIPTION', () => {
    // Shaped like a real 教务 export (08:00-09:40 periods, holidays as EXDATE): names made up.
    const ics = cal(
      event(
        'SUMMARY:中国近现代史纲要',
        'DTSTART;VALUE=DATE-TIME:20260907T080000',
        'DTEND;VALUE=DATE-TIME:20260907T094000',
        'UID:1(1-2)近代史',
        'RRULE:FREQ=WEEKLY;COUNT=17',
        'EXDATE:20261005T080000,20261012T080000',
        'DESCRIPTION:陈明远',
        'LOCATION:340301',
      ),
    );
    expect(parseIcs(ics, OPTS)).toEqual({
      courses: [
        {
          name: '中国近现代史纲要',
          day: 1,
          // 08:00-09:40 is 30 minutes off the table: its own times, covering sections 1-2.
          startNode: 1,
          endNode: 2,
          startTime: '08:00',
          endTime: '09:40',
          // 17 weeks generated, weeks 5 and 6 excluded.
          weeks: [1, 2, 3, 4, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17],
          room: '340301',
          teacher: '陈明远',
        },
      ],
      warnings: [],
    });
  });

  it('school export: RRULE COUNT with INTERVAL, EXDATE on several lines and values, floating times, all-day and early events warned', () => {
    const { courses, warnings } = parseIcs(fixture('school-rrule.ics'), OPTS);
    expect(courses).toEqual([
      // COUNT=16 from week 1, National Day week 5 in EXDATE
      {
        name: '高等数学A',
        day: 1,
        startNode: 1,
        endNode: 2,
        weeks: [1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16],
        room: '一教A201',
        teacher: '王老师',
        building: '一教',
      },
      // every other week, COUNT=8 (weeks 1-15 odd) less weeks 3 and 5 (one EXDATE line) and 15 (another)
      { name: '大学英语', day: 3, startNode: 3, endNode: 4, weeks: [1, 7, 9, 11, 13], room: '东阶楼201', teacher: 'Ms. Lin', building: '东阶楼' },
      {
        name: '体育（篮球）',
        day: 4,
        startNode: 5,
        endNode: 6,
        weeks: [1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16],
        room: '体育场',
        teacher: '赵老师',
        building: '体育场',
      },
      // 14:15-15:50 is 15 minutes off sections 5-6 (14:00-15:35): the course keeps its times
      {
        name: '大学物理实验',
        day: 5,
        startNode: 5,
        endNode: 6,
        weeks: [9, 10, 11, 12, 13, 14, 15, 16],
        room: '东区实验楼301',
        teacher: '',
        building: '东区实验楼',
        startTime: '14:15',
        endTime: '15:50',
      },
    ]);
    expect(warnings).toEqual([
      { text: '国庆节放假', reason: '全天事件不是课，跳过' },
      { text: '新生入学教育', reason: '在第 1 周之前或第 30 周之后（2026-09-03），没有导入；开学日期对吗？' },
    ]);
  });

  it('per-occurrence export: TZID with a VTIMEZONE, VALARM, folded DESCRIPTION; occurrences fold into courses by room and time', () => {
    const file = fixture('per-occurrence-tzid.ics');
    expect(file).toContain('BEGIN:VTIMEZONE');
    expect(file).toContain('TRIGGER:-PT25M');
    expect(file).toMatch(/\r\n [^\r\n]*\r\n [^\r\n]*上机/); // a DESCRIPTION folded over three lines
    const { courses, warnings } = parseIcs(file, OPTS);
    expect(courses).toEqual([
      { name: '线性代数', day: 2, startNode: 3, endNode: 4, weeks: [1, 3, 5, 9, 11, 13, 15], room: '一教A201', teacher: '陈老师', building: '一教' },
      // week 7 in another room is a course of its own
      { name: '线性代数', day: 2, startNode: 3, endNode: 4, weeks: [7], room: '东区实验楼301', teacher: '陈老师', building: '东区实验楼' },
      // week 9 is in the file twice
      { name: '程序设计基础', day: 4, startNode: 9, endNode: 10, weeks: [2, 4, 6, 8, 9, 10, 11, 12], room: '二教305', teacher: '周老师', building: '二教' },
    ]);
    expect(warnings).toEqual([]);
  });

  it('UTC times with UNTIL, a UTC time on the previous UTC day, and a foreign TZID without VTIMEZONE', () => {
    const { courses, warnings } = parseIcs(fixture('utc-until.ics'), OPTS);
    expect(courses).toEqual([
      // 06:00Z = 14:00 campus; UNTIL 2026-12-21 23:59:59Z takes in Monday of week 16
      {
        name: '数据结构',
        day: 1,
        startNode: 5,
        endNode: 6,
        weeks: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16],
        room: '文科楼B-203',
        teacher: 'Dr. Example',
        building: '文科楼',
      },
      // 20:30 in New York (EDT) on Monday = 08:30 Tuesday on campus
      { name: '海外讲座', day: 2, startNode: 1, endNode: 2, weeks: [1], room: '图书馆报告厅', teacher: '', building: '图书馆报告厅' },
      // Tuesday 23:00Z = Wednesday 07:00 on campus, before section 1: own times kept
      { name: '英语早读', day: 3, startNode: 1, endNode: 1, weeks: [1, 3, 5, 7], room: '线上', teacher: '', startTime: '07:00', endTime: '07:40' },
    ]);
    expect(warnings).toEqual([]);
  });

  it('trusts the tz database over a wrong VTIMEZONE for a known zone, and uses the VTIMEZONE for a name it does not know', () => {
    const vtimezone = (tzid: string, offset: string) => [
      'BEGIN:VTIMEZONE',
      `TZID:${tzid}`,
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      `TZOFFSETFROM:${offset}`,
      `TZOFFSETTO:${offset}`,
      'END:STANDARD',
      'END:VTIMEZONE',
    ];
    const ics = cal(
      ...vtimezone('Asia/Shanghai', '+0900'),
      ...vtimezone('Tokyo Standard Time', '+0900'),
      event('UID:a', 'DTSTART;TZID=Asia/Shanghai:20260907T083000', 'DTEND;TZID=Asia/Shanghai:20260907T100500', 'SUMMARY:A'),
      event('UID:b', 'DTSTART;TZID=Tokyo Standard Time:20260908T093000', 'DTEND;TZID=Tokyo Standard Time:20260908T110500', 'SUMMARY:B'),
      event('UID:c', 'DTSTART;TZID=China Standard Time:20260909T083000', 'DTEND;TZID=China Standard Time:20260909T100500', 'SUMMARY:C'),
    );
    expect(parseIcs(ics, OPTS).courses.map((c) => [c.name, c.day, c.startNode, c.endNode, c.startTime])).toEqual([
      ['A', 1, 1, 2, undefined],
      ['B', 2, 1, 2, undefined],
      ['C', 3, 1, 2, undefined],
    ]);
  });

  it('maps times to the nearest sections, and keeps times that differ from them (busy is busy)', () => {
    const ics = cal(
      event('UID:a', 'DTSTART:20260907T084000', 'DTEND:20260907T100000', 'SUMMARY:晚十分钟'),
      event('UID:b', 'DTSTART:20260907T190000', 'DTEND:20260907T221500', 'SUMMARY:晚上四节'),
    );
    expect(parseIcs(ics, OPTS).courses).toEqual([
      { name: '晚十分钟', day: 1, startNode: 1, endNode: 2, weeks: [1], room: '', teacher: '', startTime: '08:40', endTime: '10:00' },
      { name: '晚上四节', day: 1, startNode: 9, endNode: 12, weeks: [1], room: '', teacher: '' },
    ]);
  });

  it('follows RECURRENCE-ID exceptions and cancellations, and stops an endless rule after week 30', () => {
    const ics = cal(
      event(
        'UID:s',
        'DTSTART:20260907T083000',
        'DTEND:20260907T100500',
        'RRULE:FREQ=WEEKLY',
        'SUMMARY:高数',
        'LOCATION:一教A201',
        'DESCRIPTION:任课教师：王老师',
      ),
      // week 2 moved to Tuesday sections 3-4; week 3 cancelled
      event('UID:s', 'RECURRENCE-ID:20260914T083000', 'DTSTART:20260915T102500', 'DTEND:20260915T120000', 'SUMMARY:高数', 'LOCATION:一教A201'),
      event('UID:s', 'RECURRENCE-ID:20260921T083000', 'DTSTART:20260921T083000', 'DTEND:20260921T100500', 'SUMMARY:高数', 'STATUS:CANCELLED'),
    );
    const { courses, warnings } = parseIcs(ics, OPTS);
    expect(courses).toEqual([
      {
        name: '高数',
        day: 1,
        startNode: 1,
        endNode: 2,
        weeks: [1, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30],
        room: '一教A201',
        teacher: '王老师',
        building: '一教',
      },
      { name: '高数', day: 2, startNode: 3, endNode: 4, weeks: [2], room: '一教A201', teacher: '王老师', building: '一教' },
    ]);
    expect(warnings).toEqual([{ text: '高数', reason: '在第 1 周之前或第 30 周之后（2027-04-05），没有导入；开学日期对吗？' }]);
  });

  it('gives one warning per event and reason, and stops a runaway rule', () => {
    const zero = cal(event('UID:z', 'DTSTART:20260907T083000', 'DTEND:20260907T083000', 'RRULE:FREQ=DAILY', 'SUMMARY:零长'));
    expect(parseIcs(zero, OPTS)).toEqual({
      courses: [],
      warnings: [
        { text: '零长 2026-09-07', reason: '没有结束时间，跳过（共 210 次）' },
        { text: '零长', reason: '在第 1 周之前或第 30 周之后（2027-04-05），没有导入；开学日期对吗？' },
      ],
    });
    const hourly = cal(event('UID:h', 'DTSTART:20260907T083000', 'DTEND:20260907T091500', 'RRULE:FREQ=HOURLY', 'SUMMARY:每小时'));
    expect(parseIcs(hourly, OPTS).warnings).toContainEqual({ text: '每小时', reason: '重复次数太多，只读了前 1000 次' });
  });

  it('warns about events with no end, events across midnight and files that are not ICS', () => {
    const ics = cal(
      event('UID:a', 'DTSTART:20260907T083000', 'SUMMARY:没结束'),
      event('UID:b', 'DTSTART:20260907T230000', 'DTEND:20260908T010000', 'SUMMARY:通宵'),
    );
    expect(parseIcs(ics, OPTS)).toEqual({
      courses: [],
      warnings: [
        { text: '没结束 2026-09-07', reason: '没有结束时间，跳过' },
        { text: '通宵 2026-09-07', reason: '跨天的事件不是课，跳过' },
      ],
    });
    expect(parseIcs('hello', OPTS).warnings[0].reason).toMatch(/^不是有效的 ICS 文件/);
    expect(parseIcs(cal(), OPTS).warnings).toEqual([{ text: '', reason: '文件里没有课程（没有 VEVENT）' }]);
  });
});
