// 编辑课程: the saved courses as a list; one course opens in a sheet (name, weekday, sections,
// weeks as a toggle grid with 全部/单周/双周, room, teacher, optional own times). Changes stay on
// the page until 保存课表, which sends the whole list through `save` with the same term. Also
// the 手动填写 path of the import page (?start= the Monday of week 1).
import { campusDay } from '@core/campus-days';
import type { CourseInput, SectionTime, Term } from '@core/timetable/model';
import { DEFAULT_SECTIONS } from '@core/timetable/sections';
import { Text, View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import { useState } from 'react';
import { getTimetable, saveTimetable } from '../../../api/timetable';
import { ActionBar, Button, Cell, CellGroup, Dialog, Empty, Sheet, toast } from '../../../components/ui';
import { safeDecode } from '../../../utils/query';
import { asInput, type CourseErrors, type CourseForm, checkCourse, emptyCourse, toForm } from '../form';
import { DEFAULT_TERM_WEEKS, formatWeeks, isDate, MAX_COURSES, mondayOf, PAGES, slotText, termWeeksFor } from '../shared';
import { CourseFields } from './CourseFields';
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
  const set = <K extends keyof CourseForm>(k: K, v: CourseForm[K]) => {
    setEditing((e) => (e ? { ...e, form: { ...e.form, [k]: v } } : e));
    setErrors((x) => ({ ...x, [k]: undefined }));
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
          <CourseFields
            form={form}
            errors={errors}
            termWeeks={term.weeks}
            nodeNames={nodeNames}
            set={set}
            clearError={(k) => setErrors((x) => ({ ...x, [k]: undefined }))}
          />
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
