// 编辑课程: the saved courses as a list; one course opens in a sheet (name, weekday, sections,
// weeks as a toggle grid with 全部/单周/双周, room, teacher, optional own times). Changes stay on
// the page until 保存课表, which sends the whole list through `save` with the same term. Also
// the 手动填写 path of the import page (?start= the Monday of week 1).
import { campusDay } from '@core/campus-days';
import type { CourseInput, SectionTime, Term } from '@core/timetable/model';
import { DEFAULT_SECTIONS } from '@core/timetable/sections';
import { Picker, Text, View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import { useState } from 'react';
import { getTimetable, saveTimetable } from '../../../api/timetable';
import { ActionBar, Button, Cell, CellGroup, Dialog, Empty, Field, Sheet, TextField, toast } from '../../../components/ui';
import { safeDecode } from '../../../utils/query';
import { asInput, type CourseErrors, type CourseForm, checkCourse, emptyCourse, toForm } from '../form';
import {
  DEFAULT_TERM_WEEKS,
  formatWeeks,
  isDate,
  MAX_COURSES,
  MAX_TERM_WEEKS,
  mondayOf,
  PAGES,
  slotText,
  termWeeksFor,
  WEEKDAY_NAMES,
  weekShortcut,
} from '../shared';
import '../timetable.css';
import './index.css';

type Saved = CourseInput & { id?: string };
interface Editing {
  /** Position in the list, or -1 for a new course. */
  index: number;
  form: CourseForm;
}

const byTime = (a: Saved, b: Saved) => a.day - b.day || a.startNode - b.startNode || a.name.localeCompare(b.name);

/** Warn before leaving with unsaved changes (weapp only; H5 has no such API). */
function guardLeave(on: boolean) {
  try {
    if (on) Taro.enableAlertBeforeUnload({ message: '改动还没保存，确定离开吗？' });
    else Taro.disableAlertBeforeUnload();
  } catch {
    // not supported here
  }
}

export default function EditCourses() {
  const [term, setTerm] = useState<Term | null>(null);
  const [sections, setSections] = useState<SectionTime[]>(DEFAULT_SECTIONS);
  const [courses, setCourses] = useState<Saved[]>([]);
  const [loadError, setLoadError] = useState('');
  const [noConsent, setNoConsent] = useState(false);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [errors, setErrors] = useState<CourseErrors>({});
  const [dirty, setDirty] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [saveError, setSaveError] = useState('');

  const load = async (params: { id?: string; start?: string }) => {
    setLoadError('');
    const res = await getTimetable();
    if (!res.ok) {
      if (res.code === 'NO_CONSENT') return setNoConsent(true);
      return setLoadError(res.message);
    }
    const start = params.start && isDate(params.start) ? mondayOf(params.start) : mondayOf(campusDay(Date.now()));
    setTerm(res.data.term ?? { startDate: start, weeks: DEFAULT_TERM_WEEKS });
    if (res.data.sections.length) setSections(res.data.sections);
    const list = res.data.courses.map((c) => ({ ...asInput(c), id: c.id })).sort(byTime);
    setCourses(list);
    const i = params.id ? list.findIndex((c) => c.id === params.id) : -1;
    if (i >= 0) setEditing({ index: i, form: toForm(list[i]) });
  };
  const [params, setParams] = useState<{ id?: string; start?: string }>({});
  useLoad((p: Partial<Record<string, string>>) => {
    const q = { id: safeDecode(p.id) || undefined, start: safeDecode(p.start) || undefined };
    setParams(q);
    void load(q);
  });

  if (noConsent)
    return (
      <View className='page'>
        <Empty title='编辑课表前需要你的授权' actionText='去授权' onAction={() => Taro.redirectTo({ url: PAGES.consent })} />
      </View>
    );
  if (!term)
    return (
      <View className='page'>
        {loadError ? (
          <Empty title='课表没有加载出来' hint={loadError} actionText='重试' onAction={() => load(params)} />
        ) : (
          <Text className='tt-loading'>加载中…</Text>
        )}
      </View>
    );

  const nodeCount = Math.min(16, Math.max(12, sections.length, ...courses.map((c) => c.endNode)));
  const nodeNames = Array.from({ length: nodeCount }, (_, i) => {
    const s = sections.find((x) => x.n === i + 1);
    return s ? `第${i + 1}节 ${s.start}` : `第${i + 1}节`;
  });
  const form = editing?.form;
  const shownWeeks = Math.min(MAX_TERM_WEEKS, Math.max(term.weeks, ...(form?.weeks ?? [])));
  const set = <K extends keyof CourseForm>(k: K, v: CourseForm[K]) => {
    setEditing((e) => (e ? { ...e, form: { ...e.form, [k]: v } } : e));
    setErrors((x) => ({ ...x, [k]: undefined }));
  };
  const toggleWeek = (w: number) => {
    if (!form) return;
    set('weeks', form.weeks.includes(w) ? form.weeks.filter((x) => x !== w) : [...form.weeks, w].sort((a, b) => a - b));
  };

  const change = (next: Saved[]) => {
    setCourses([...next].sort(byTime));
    setDirty(true);
    setSaveError('');
    guardLeave(true);
  };
  const add = () => {
    if (courses.length >= MAX_COURSES) return toast(`最多 ${MAX_COURSES} 门课`);
    setErrors({});
    setEditing({ index: -1, form: emptyCourse(term.weeks) });
  };
  const done = () => {
    if (!editing) return;
    const checked = checkCourse(editing.form);
    if (!checked.ok) return setErrors(checked.errors);
    const kept = editing.index >= 0 ? courses[editing.index] : undefined;
    const course: Saved = kept?.id ? { ...checked.value, id: kept.id } : checked.value;
    change(editing.index >= 0 ? courses.map((c, i) => (i === editing.index ? course : c)) : [...courses, course]);
    setEditing(null);
  };
  const remove = () => {
    if (!editing || editing.index < 0) return;
    change(courses.filter((_, i) => i !== editing.index));
    setEditing(null);
  };

  const save = async () => {
    setSaveError('');
    const list = courses.map(asInput);
    const termWeeks = Math.max(term.weeks, termWeeksFor(list, term.weeks));
    const res = await saveTimetable({ termStartDate: term.startDate, termWeeks, courses: list });
    if (!res.ok) {
      if (res.code === 'NO_CONSENT') return Taro.redirectTo({ url: PAGES.consent });
      return setSaveError(res.message);
    }
    setDirty(false);
    guardLeave(false);
    toast('课表已保存', 'success');
    const pages = Taro.getCurrentPages();
    const below = pages[pages.length - 2]?.route ?? '';
    setTimeout(() => void (below.includes('timetable/week') ? Taro.navigateBack() : Taro.redirectTo({ url: PAGES.week })), 700);
  };

  return (
    <View className='page'>
      <Text className='ed-term'>
        学期从 {term.startDate} 开始，共 {term.weeks} 周。改动在点“保存课表”后才生效。
      </Text>
      <CellGroup title={`课程（${courses.length}）`} testId='edit-list'>
        {courses.length === 0 ? <Cell title='还没有课程' label='点下面的“添加课程”开始' /> : null}
        {courses.map((c, i) => (
          <Cell
            key={`${c.id ?? 'new'}-${i}`}
            title={c.name}
            label={[slotText(c), formatWeeks(c.weeks), c.room].filter(Boolean).join(' · ')}
            arrow
            onClick={() => {
              setErrors({});
              setEditing({ index: i, form: toForm(c) });
            }}
            testId='edit-course'
          />
        ))}
      </CellGroup>
      <View className='ed-add'>
        <Button block onClick={add} testId='edit-add'>
          添加课程
        </Button>
      </View>
      {saveError ? <Text className='tt-error tt-note'>{saveError}</Text> : null}
      <ActionBar>
        <Button type='primary' size='large' block disabled={!dirty} onClick={save} testId='edit-save'>
          保存课表
        </Button>
      </ActionBar>

      <Sheet
        open={editing !== null}
        title={editing && editing.index >= 0 ? '编辑课程' : '添加课程'}
        onClose={() => setEditing(null)}
        testId='course-sheet'
        footer={
          <View className='ed-foot'>
            {editing && editing.index >= 0 ? (
              <Button type='danger' block onClick={() => setDeleting(true)} testId='course-delete'>
                删除
              </Button>
            ) : null}
            <Button type='primary' block onClick={done} testId='course-done'>
              完成
            </Button>
          </View>
        }
      >
        {form ? (
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
                    setErrors((x) => ({ ...x, startNode: undefined }));
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
                {(
                  [
                    ['all', '全部'],
                    ['odd', '单周'],
                    ['even', '双周'],
                  ] as const
                ).map(([k, name]) => (
                  <Text key={k} className='chip' onClick={() => set('weeks', weekShortcut(k, term.weeks))}>
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
                    setErrors((x) => ({ ...x, startTime: undefined }));
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
        ) : null}
      </Sheet>

      <Dialog
        open={deleting}
        title={`删除“${form?.name || '这门课'}”？`}
        confirmText='删除'
        confirmType='danger'
        onConfirm={remove}
        onCancel={() => setDeleting(false)}
      >
        <Text>删除后记得点“保存课表”。</Text>
      </Dialog>
    </View>
  );
}
