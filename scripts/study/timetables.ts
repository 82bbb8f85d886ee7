// The campus's timetables, in WakeUp's CSV as students export them: a few typical weeks of
// different majors, so free windows, scenes (PE, art, lab, four morning sections, evening study)
// and the days without class differ from student to student.

const HEAD = '课程名称,星期,开始节数,结束节数,老师,地点,周数';

export interface TimetableVariant {
  major: string;
  csv: string;
}

const variant = (major: string, rows: string[]): TimetableVariant => ({ major, csv: [HEAD, ...rows].join('\n') });

export const TIMETABLES: TimetableVariant[] = [
  variant('计算机科学', [
    '高等数学,1,1,2,王老师,一教A201,1-16',
    '大学物理,1,3,4,陈老师,一教A305,1-16',
    '程序设计,2,5,6,刘老师,机房204,1-16',
    '大学物理实验,3,1,4,孙老师,东区实验楼101,2-16双',
    '大学体育,4,3,4,李老师,东区体育馆,1-16',
    '线性代数,5,1,2,周老师,一教B102,1-16',
  ]),
  variant('视觉传达设计', [
    '素描基础,1,1,4,赵老师,艺术楼302,1-16',
    '色彩构成,2,5,8,吴老师,艺术楼305,1-16',
    '大学英语,3,1,2,郑老师,二教101,1-16',
    '大学体育,3,5,6,李老师,东区体育馆,1-16',
    '设计史,4,9,10,冯老师,艺术楼101,1-15单',
  ]),
  variant('汉语言文学', [
    '大学英语,1,3,4,郑老师,二教203,1-16',
    '中国近现代史纲要,2,1,2,何老师,二教305,1-16',
    '文学概论,2,9,10,许老师,二教201,1-16',
    '羽毛球,5,3,4,黄老师,西区体育馆,1-16',
  ]),
  variant('临床医学', [
    '有机化学实验,1,5,8,钱老师,东区实验楼201,1-16',
    '人体解剖学,2,1,4,韩老师,医学楼102,1-16',
    '生理学,3,1,2,曹老师,医学楼201,1-16',
    '晚自习,4,9,11,辅导员,医学楼101,1-16',
    '大学体育,5,1,2,李老师,东区体育馆,1-16',
  ]),
  variant('金融学', ['大学英语,2,1,2,郑老师,二教101,1-16', '篮球,4,5,6,马老师,东区体育馆,1-16']),
  variant('软件工程', [
    '数据结构,1,9,10,罗老师,一教C201,1-16',
    '操作系统,3,9,10,梁老师,一教C301,1-16',
    '数据库系统,5,1,4,宋老师,一教C101,1-16',
    '足球,2,7,8,唐老师,南区足球场,1-16',
    '上机实践,4,5,6,谢老师,机房301,1-16',
  ]),
];

/** The campus map: buildings and pickup points, so cards name the nearest pickup. */
export const CAMPUS_MAP = {
  places: [
    { id: 'b-gym-e', name: '东区体育馆', kind: 'building', x: 0, y: 0 },
    { id: 'b-gym-w', name: '西区体育馆', kind: 'building', x: -800, y: 100 },
    { id: 'b-lab', name: '东区实验楼', kind: 'building', x: 300, y: 400 },
    { id: 'b-art', name: '艺术楼', kind: 'building', x: 700, y: -300 },
    { id: 'b-1', name: '一教', kind: 'building', x: 900, y: 0 },
    { id: 'b-2', name: '二教', kind: 'building', x: 1000, y: 300 },
    { id: 'p-e', name: '东区自提点', kind: 'pickup', x: 200, y: 40 },
    { id: 'p-c', name: '中心食堂自提点', kind: 'pickup', x: 800, y: 150 },
  ],
};
