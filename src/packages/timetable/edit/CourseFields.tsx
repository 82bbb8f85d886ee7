// One course's fields in the editor's sheet: name, weekday, sections, weeks (a 1..N toggle grid
// with 全部/单周/双周), room, teacher, and own times for a course off the section table.
import { Picker, Text, View } from '@tarojs/components';
import { Field, TextField } from '../../../components/ui';
import type { CourseErrors, CourseField, CourseForm } from '../form';
import { formatWeeks, MAX_TERM_WEEKS, WEEKDAY_NAMES, weekShortcut } from '../shared';

const SHORTCUTS = [
  ['all', '全部'],
  ['odd', '单周'],
  ['even', '双周'],
] as const;

export function CourseFields({
  form,
  errors,
  termWeeks,
  nodeNames,
  set,
  clearError,
}: {
  form: CourseForm;
  errors: CourseErrors;
  termWeeks: number;
  /** 第1节 08:30 …, one per section a course may start or end at. */
  nodeNames: string[];
  set: <K extends keyof CourseForm>(k: K, v: CourseForm[K]) => void;
  clearError: (k: CourseField) => void;
}) {
  // Weeks past the term stay visible when an imported course has them.
  const shownWeeks = Math.min(MAX_TERM_WEEKS, Math.max(termWeeks, ...form.weeks));
  const toggleWeek = (w: number) => set('weeks', form.weeks.includes(w) ? form.weeks.filter((x) => x !== w) : [...form.weeks, w].sort((a, b) => a - b));
  return (
    <View>
      <TextField label='课程名' required value={form.name} onInput={(v) => set('name', v)} maxlength={40} error={errors.name} testId='course-name' />
      <Field label='星期' required error={errors.day}>
        <View className='ed-days'>
          {WEEKDAY_NAMES.map((d, i) => (
            <Text key={d} className={`chip${form.day === i + 1 ? ' chip-on' : ''}`} onClick={() => set('day', i + 1)}>
              {d}
            </Text>
          ))}
        </View>
      </Field>
      <Field label='节次' required error={errors.startNode ?? errors.endNode}>
        <View className='ed-nodes'>
          <Picker mode='selector' range={nodeNames} value={form.startNode - 1} onChange={(e) => set('startNode', Number(e.detail.value) + 1)}>
            <View className='ed-box' data-testid='course-start'>
              第{form.startNode}节
            </View>
          </Picker>
          <Text className='ed-to'>到</Text>
          <Picker
            mode='selector'
            range={nodeNames}
            value={form.endNode - 1}
            onChange={(e) => {
              set('endNode', Number(e.detail.value) + 1);
              clearError('startNode');
            }}
          >
            <View className='ed-box' data-testid='course-end'>
              第{form.endNode}节
            </View>
          </Picker>
        </View>
      </Field>
      <Field label={`上课周（${formatWeeks(form.weeks)}）`} required error={errors.weeks} testId='course-weeks'>
        <View className='ed-shortcuts'>
          {SHORTCUTS.map(([k, name]) => (
            <Text key={k} className='chip' onClick={() => set('weeks', weekShortcut(k, termWeeks))}>
              {name}
            </Text>
          ))}
          <Text className='chip' onClick={() => set('weeks', [])}>
            清空
          </Text>
        </View>
        <View className='ed-weeks'>
          {Array.from({ length: shownWeeks }, (_, i) => i + 1).map((w) => (
            <Text key={w} className={`ed-week${form.weeks.includes(w) ? ' ed-week-on' : ''}`} onClick={() => toggleWeek(w)}>
              {w}
            </Text>
          ))}
        </View>
      </Field>
      <TextField label='地点' value={form.room} onInput={(v) => set('room', v)} maxlength={40} placeholder='如 东区教学楼 101' error={errors.room} />
      <TextField label='老师' value={form.teacher} onInput={(v) => set('teacher', v)} maxlength={30} error={errors.teacher} />
      <Field label='上课时间（选填）' error={errors.startTime ?? errors.endTime} hint='不按作息表上课时填，比如错峰的教学楼'>
        <View className='ed-nodes'>
          <Picker mode='time' value={form.startTime || '08:00'} onChange={(e) => set('startTime', String(e.detail.value))}>
            <View className='ed-box'>{form.startTime || '开始'}</View>
          </Picker>
          <Text className='ed-to'>到</Text>
          <Picker
            mode='time'
            value={form.endTime || form.startTime || '09:00'}
            onChange={(e) => {
              set('endTime', String(e.detail.value));
              clearError('startTime');
            }}
          >
            <View className='ed-box'>{form.endTime || '结束'}</View>
          </Picker>
          {form.startTime || form.endTime ? (
            <Text
              className='ed-clear'
              onClick={() => {
                set('startTime', '');
                set('endTime', '');
              }}
            >
              清除
            </Text>
          ) : null}
        </View>
      </Field>
    </View>
  );
}
