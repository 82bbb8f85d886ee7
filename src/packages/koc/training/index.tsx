// 培训课程: the courses of the programs the student belongs to (kind, passed or not, required by
// the program), then one course section by section and its quiz: one question a block, options
// as tappable rows; 提交 shows the score and whether it reached the pass mark.
import type { CourseSummary, CourseView, HonoursResults } from '@core/contracts/koc-honours';
import { Text, View } from '@tarojs/components';
import Taro, { useLoad, usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import { kocCourse, kocCourses, submitQuiz } from '../../../api/koc';
import { Button, Empty, Tag, toast } from '../../../components/ui';
import { safeDecode } from '../../../utils/query';
import { choose, emptyAnswers, KIND_NAMES, type QuizAnswers, quizSubmission, resultLine } from './quiz';
import './index.css';

type QuizResult = HonoursResults['submitQuiz'];

/** Exclusive training is a tier privilege: shown to every KOC, opened from its tier up. */
const EXCLUSIVE_NAMES = { intermediate: '中级及以上达人专享', advanced: '高级达人专享' } as const;

function CourseList({ items, onOpen }: { items: CourseSummary[]; onOpen: (id: string) => void }) {
  if (items.length === 0) return <Empty title='还没有培训课程' hint='成为店铺的达人后，这里会出现店铺写的课程' />;
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
              {c.locked ? '未解锁' : c.completed ? '已通过' : '未通过'}
            </Tag>
          </View>
          <Text className='kt-arrow'>›</Text>
        </View>
      ))}
    </>
  );
}

function CourseDetail({ course, completed, onDone }: { course: CourseView; completed: boolean; onDone: () => void }) {
  const [answers, setAnswers] = useState<QuizAnswers>(() => emptyAnswers(course.quiz.length));
  const [result, setResult] = useState<QuizResult | null>(null);
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
    setAnswers(emptyAnswers(course.quiz.length));
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
      {course.quiz.map((q, qi) => (
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
      ))}
      {error ? <Text className='kt-error'>{error}</Text> : null}
      {result ? (
        <View className={`section kt-result ${result.passed ? 'kt-pass' : 'kt-fail'}`} data-testid='quiz-result'>
          <Text className='kt-result-line'>{resultLine(result, course.passMark)}</Text>
          {result.passed ? null : (
            <Button size='small' onClick={retry}>
              重新作答
            </Button>
          )}
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
  const [open, setOpen] = useState<{ course: CourseView; completed: boolean } | null>(null);
  const [error, setError] = useState('');
  const load = async () => {
    setError('');
    const res = await kocCourses();
    if (!res.ok) return setError(res.message);
    setItems(res.data.items);
  };
  const openCourse = async (courseId: string) => {
    const res = await kocCourse(courseId);
    if (!res.ok) return toast(res.message);
    setOpen(res.data);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
  };
  useLoad((p) => {
    void load();
    const id = safeDecode(p.courseId);
    if (id) void openCourse(id);
  });
  usePullDownRefresh(async () => {
    await load();
    Taro.stopPullDownRefresh();
  });

  if (open)
    return (
      <View className='page kt-page'>
        <Text className='kt-back' onClick={() => setOpen(null)}>
          ‹ 全部课程
        </Text>
        <CourseDetail key={open.course.id} course={open.course} completed={open.completed} onDone={() => void load()} />
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
      <CourseList items={items} onOpen={(id) => void openCourse(id)} />
    </View>
  );
}
