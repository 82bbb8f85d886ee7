import { courseInput } from '@core/contracts/timetable';
import { asInput, type CourseForm, checkCourse, emptyCourse, toForm } from './form';

const base: CourseForm = { ...emptyCourse(16), name: '高等数学', room: '东区教学楼 101', teacher: '王老师' };

describe('course form', () => {
  it('trims and sends the course the contract takes', () => {
    expect(checkCourse({ ...base, name: '  高等数学 ', weeks: [3, 1, 2, 2] })).toEqual({
      ok: true,
      value: { name: '高等数学', day: 1, startNode: 1, endNode: 2, weeks: [1, 2, 3], room: '东区教学楼 101', teacher: '王老师' },
    });
  });
  it('says what is wrong by the field', () => {
    expect(checkCourse({ ...base, name: ' ', startNode: 4, endNode: 3, weeks: [], startTime: '08:00' })).toEqual({
      ok: false,
      errors: { name: '请填写课程名', endNode: '结束节次不能早于开始节次', weeks: '请选择上课的周', endTime: '开始和结束时间要一起填' },
    });
  });
  it('round-trips a saved course, without its id and scenes', () => {
    const saved = {
      name: '体育',
      day: 3 as const,
      startNode: 5,
      endNode: 6,
      weeks: [1, 3],
      room: '东区操场',
      teacher: '',
      building: '东区',
      startTime: '14:00',
      endTime: '15:30',
    };
    const checked = checkCourse(toForm(asInput({ ...saved, id: 'c1', scenes: ['PE'] })));
    expect(checked).toEqual({ ok: true, value: saved });
  });
});

describe('the course form agrees with the contract', () => {
  it.each<Partial<CourseForm>>([
    {},
    { name: '' },
    { name: '课'.repeat(41) },
    { name: `  ${'课'.repeat(40)}  ` },
    { startNode: 0, endNode: 17 },
    { startNode: 5, endNode: 4 },
    { startNode: 12, endNode: 16 },
    { weeks: [] },
    { weeks: [1, 30] },
    { weeks: [31] },
    { room: '地'.repeat(41), teacher: '师'.repeat(31) },
    { building: '楼'.repeat(31) },
    { building: ' 东区 ' },
    { startTime: '8:00', endTime: '09:00' },
    { startTime: '09:00', endTime: '24:00' },
    { startTime: '10:00', endTime: '09:00' },
    { startTime: '10:00', endTime: '10:00' },
    { startTime: '', endTime: '10:00' },
    { startTime: '07:50', endTime: '09:25' },
    { day: 0 },
    { day: 8, startNode: 3, endNode: 1 },
  ])('%j', (patch) => {
    const form = { ...base, ...patch };
    const raw = {
      name: form.name,
      day: form.day,
      startNode: form.startNode,
      endNode: form.endNode,
      weeks: form.weeks,
      room: form.room,
      teacher: form.teacher,
      ...(form.building !== undefined ? { building: form.building } : {}),
      ...(form.startTime ? { startTime: form.startTime } : {}),
      ...(form.endTime ? { endTime: form.endTime } : {}),
    };
    const schema = courseInput.safeParse(raw);
    const ours = checkCourse(form);
    expect(ours.ok).toBe(schema.success);
    if (schema.success && ours.ok) expect(ours.value).toEqual(schema.data);
    if (!schema.success && !ours.ok) {
      const expected: Record<string, string> = {};
      for (const i of schema.error.issues) expected[String(i.path[0])] ??= i.message;
      expect(ours.errors).toEqual(expected);
    }
  });
});
