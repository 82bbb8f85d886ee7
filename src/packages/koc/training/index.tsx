// 培训课程: the courses of the programs the student belongs to (kind, passed or not, required by
// the program), then one course section by section and its quiz: one question a block, options
// as tappable rows; 提交 shows the score and whether it reached the pass mark. A course opens as
// this page again with ?courseId=, so the phone's back returns to the list. A passed course shows
// its recorded score, with 再做一次 to take the quiz again for practice.
import type { CourseSummary, CourseView, HonoursResults } from '@core/contracts/koc-honours';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useLoad, usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import { kocCourse, kocCourses, kocPrograms, submitQuiz } from '../../../api/koc';
import { Button, Empty, Tag, toast } from '../../../components/ui';
import { safeDecode } from '../../../utils/query';
import { choose, courseStateName, emptyAnswers, emptyCourses, KIND_NAMES, type QuizAnswers, quizSubmission, resultLine } from './quiz';
import './index.css';

type QuizResult = HonoursResults['submitQuiz'];
type Opened = HonoursResults['course'];

/** Exclusive training is a tier privilege: shown to every KOC, opened from its tier up. */
const EXCLUSIVE_NAMES = { intermediate: '中级及以上达人专享', advanced: '高级达人专享' } as const;

function CourseList({ items, isKoc, onOpen }: { items: CourseSummary[]; isKoc: boolean | null; onOpen: (id: string) => void }) {
  if (items.length === 0) {
    if (isKoc === null) return <Text className='kt-loading'>加载中…</Text>;
    const copy = emptyCourses(isKoc);
    return <Empty title={copy.title} hint={copy.hint} />;
  }
  return (
    <>
      {items.map((c) => (
        <View
          key={c.id}
          className={`section kt-course${c.locked ? ' kt-locked' : ''}`}
          data-testid='course'
          onClick={() => (c.locked ? toast(`${EXCLUSIVE_NAMES[c.minTier ?? 'intermediate']}，升级后就能学`) : onOpen(c.id))}
        >
          <View className='kt-row'>
            <Text className='kt-title'>{c.title}</Text>
            <Tag tone={c.kind === 'product' ? 'info' : 'warning'}>{KIND_NAMES[c.kind]}</Tag>
            {c.required ? <Tag tone='danger'>必修</Tag> : null}
            {c.minTier ? (
              <Tag tone='success' testId='course-exclusive'>
                {EXCLUSIVE_NAMES[c.minTier]}
              </Tag>
            ) : null}
          </View>
          <View className='kt-row kt-meta'>
            <Text className='muted'>
              {c.merchantName} · {c.questions} 题，答对 {c.passMark} 题及格
            </Text>
            <Tag tone={c.completed ? 'success' : 'neutral'} testId='course-state'>
              {courseStateName(c)}
            </Tag>
          </View>
          {c.locked ? null : <Text className='kt-arrow'>›</Text>}
        </View>
      ))}
    </>
  );
}

function CourseDetail({ course, completed, passed, onDone }: { course: CourseView; completed: boolean; passed: Opened['result']; onDone: () => void }) {
  const [answers, setAnswers] = useState<QuizAnswers>(() => emptyAnswers(course.quiz.length));
  const [result, setResult] = useState<QuizResult | null>(null);
  // A passed course opens on its recorded result; 再做一次 brings the quiz back.
  const [practising, setPractising] = useState(!completed);
  const [error, setError] = useState('');
  const submit = async () => {
    const s = quizSubmission(answers);
    if (!s.answers) return setError(s.error);
    setError('');
    const res = await submitQuiz(course.id, s.answers);
    if (!res.ok) return setError(res.message);
    setResult(res.data);
    if (res.data.passed) onDone();
  };
  const retry = () => {
    setResult(null);
    setError('');
    setAnswers(emptyAnswers(course.quiz.length));
    setPractising(true);
  };
  return (
    <View data-testid='course-detail'>
      <View className='section'>
        <View className='kt-row'>
          <Text className='kt-title'>{course.title}</Text>
          <Tag tone={course.kind === 'product' ? 'info' : 'warning'}>{KIND_NAMES[course.kind]}</Tag>
          {completed ? <Tag tone='success'>已通过</Tag> : null}
        </View>
      </View>
      {course.sections.map((s, i) => (
        <View key={`${i}-${s.heading}`} className='section' data-testid='course-section'>
          <Text className='section-title'>
            {i + 1}. {s.heading}
          </Text>
          <Text className='kt-body'>{s.body}</Text>
        </View>
      ))}
      <View className='section'>
        <Text className='section-title'>课后测验</Text>
        <Text className='muted'>
          共 {course.quiz.length} 题，答对 {course.passMark} 题及格
        </Text>
      </View>
      {practising ? null : (
        <View className='section kt-result kt-pass' data-testid='quiz-result'>
          <Text className='kt-result-line'>{passed ? resultLine({ ...passed, passed: true }, course.passMark) : '你已通过这门课的测验'}</Text>
          <Button size='small' testId='quiz-again' onClick={retry}>
            再做一次
          </Button>
        </View>
      )}
      {practising
        ? course.quiz.map((q, qi) => (
            <View key={`${qi}-${q.question}`} className='section' data-testid='quiz-question'>
              <Text className='kt-question'>
                {qi + 1}. {q.question}
              </Text>
              {q.options.map((o, oi) => (
                <View
                  key={`${oi}-${o}`}
                  className={`kt-option${answers[qi] === oi ? ' kt-option-on' : ''}`}
                  data-testid='quiz-option'
                  onClick={() => !result && setAnswers((a) => choose(a, qi, oi))}
                >
                  <Text className='kt-letter'>{'ABCD'[oi]}</Text>
                  <Text className='kt-option-text'>{o}</Text>
                </View>
              ))}
            </View>
          ))
        : null}
      {error ? <Text className='kt-error'>{error}</Text> : null}
      {!practising ? null : result ? (
        <View className={`section kt-result ${result.passed ? 'kt-pass' : 'kt-fail'}`} data-testid='quiz-result'>
          <Text className='kt-result-line'>{resultLine(result, course.passMark)}</Text>
          <Button size='small' onClick={retry}>
            {result.passed ? '再做一次' : '重新作答'}
          </Button>
        </View>
      ) : (
        <View className='kt-submit'>
          <Button type='primary' block testId='quiz-submit' onClick={submit}>
            提交答案
          </Button>
        </View>
      )}
    </View>
  );
}

export default function KocTraining() {
  const [items, setItems] = useState<CourseSummary[] | null>(null);
  const [open, setOpen] = useState<Opened | null>(null);
  // Opened as a course's own page (?courseId=): its back link goes back rather than to a list here.
  const [courseId, setCourseId] = useState('');
  /** Whether the student is a KOC of any shop, asked only to word an empty list (null until known). */
  const [isKoc, setIsKoc] = useState<boolean | null>(null);
  const [error, setError] = useState('');
  const load = async () => {
    setError('');
    const res = await kocCourses();
    if (!res.ok) return setError(res.message);
    setItems(res.data.items);
    if (res.data.items.length === 0 && isKoc === null) {
      const programs = await kocPrograms();
      setIsKoc(programs.ok ? programs.data.programs.some((p) => p.member) : false);
    }
  };
  const openCourse = async (id: string) => {
    const res = await kocCourse(id);
    if (!res.ok) {
      toast(res.message);
      return void load();
    }
    setOpen(res.data);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
  };
  useLoad((p) => {
    const id = safeDecode(p.courseId);
    setCourseId(id ?? '');
    if (id) void openCourse(id);
  });
  // The list (again after a course's page is closed, with what was passed there).
  useDidShow(() => {
    if (!open && !Taro.getCurrentInstance().router?.params?.courseId) void load();
  });
  const back = () => {
    if (courseId && Taro.getCurrentPages().length > 1) return void Taro.navigateBack();
    setOpen(null);
    setCourseId('');
    void load();
  };
  usePullDownRefresh(async () => {
    await load();
    Taro.stopPullDownRefresh();
  });

  if (open)
    return (
      <View className='page kt-page'>
        <Text className='kt-back' onClick={back}>
          ‹ 全部课程
        </Text>
        <CourseDetail
          key={open.course.id}
          course={open.course}
          completed={open.completed}
          passed={open.result}
          onDone={() => setOpen((o) => o && { ...o, completed: true })}
        />
      </View>
    );
  if (!items)
    return (
      <View className='page'>
        {error ? <Empty title='加载失败' hint={error} actionText='重试' onAction={load} /> : <Text className='kt-loading'>加载中…</Text>}
      </View>
    );
  return (
    <View className='page kt-page'>
      <Text className='kt-note'>
        课程由店铺编写：产品知识帮你讲清楚商品，内容创作教你写好笔记。标“必修”的课程通过后才能推广这家店的商品；标“专享”的课程是等级特权，升级后解锁。
      </Text>
      <CourseList
        items={items}
        isKoc={isKoc}
        onOpen={(id) => void Taro.navigateTo({ url: `/packages/koc/training/index?courseId=${encodeURIComponent(id)}` })}
      />
    </View>
  );
}
