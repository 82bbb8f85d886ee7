// 达人培训: the shop's courses for its KOCs (kind, questions, pass mark) with 编辑 and 设为必修
// (one course at most: the program's KOCs pass it before they promote), and the editor for a
// new or an existing course. The server checks the caller runs the shop.
import type { HonoursResults } from '@core/contracts/koc-honours';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import { newRequestId } from '../../../api/groupbuy';
import { listCourses, setRequiredCourse } from '../../../api/koc';
import { Button, Empty, Tag, toast } from '../../../components/ui';
import { CourseEditor } from './CourseEditor';
import { type CourseForm, emptyCourseForm, formOfCourse } from './course-form';
import './index.css';

type Listed = HonoursResults['listCourses'];
const KIND_NAMES = { product: '产品知识', content: '内容创作' } as const;
/** An exclusive course is a tier privilege, so it cannot be required of every KOC. */
const EXCLUSIVE_NAMES = { intermediate: '中级及以上专享', advanced: '高级专享' } as const;

export default function MerchantTraining() {
  const [data, setData] = useState<Listed | null>(null);
  const [error, setError] = useState('');
  const [editing, setEditing] = useState<CourseForm | null>(null);
  const load = async () => {
    setError('');
    const res = await listCourses();
    if (!res.ok) return setError(res.message);
    setData(res.data);
  };
  useDidShow(() => void load());
  usePullDownRefresh(async () => {
    await load();
    Taro.stopPullDownRefresh();
  });
  const makeRequired = async (courseId: string | null) => {
    const res = await setRequiredCourse(courseId);
    if (!res.ok) return toast(res.message);
    toast(courseId ? '已设为必修' : '已取消必修', 'success');
    await load();
  };

  if (editing)
    return (
      <View className='page mt-page'>
        <CourseEditor
          initial={editing}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void load();
          }}
        />
      </View>
    );
  if (!data)
    return (
      <View className='page'>
        {error ? <Empty title='加载失败' hint={error} actionText='重试' onAction={load} /> : <Text className='mt-loading'>加载中…</Text>}
      </View>
    );
  return (
    <View className='page mt-page'>
      <Text className='mt-note'>
        给达人写课程：产品知识（来源、工艺、特点、用法、卖点）或内容创作（文案、拍照、短视频），每课一个小测验。设为必修的课程，达人通过后才能推广。
      </Text>
      <View className='mt-top'>
        <Button type='primary' size='small' testId='course-new' onClick={() => setEditing(emptyCourseForm(newRequestId()))}>
          + 新课程
        </Button>
      </View>
      {data.items.length === 0 ? (
        <Empty title='还没有课程' hint='写一门课，帮达人讲清楚你的商品' />
      ) : (
        data.items.map((c) => {
          const required = data.requiredCourseId === c.id;
          return (
            <View key={c.id} className='section' data-testid='course'>
              <View className='mt-row'>
                <Text className='mt-title'>{c.title}</Text>
                <Tag tone={c.kind === 'product' ? 'info' : 'warning'}>{KIND_NAMES[c.kind]}</Tag>
                {c.minTier ? (
                  <Tag tone='success' testId='course-exclusive'>
                    {EXCLUSIVE_NAMES[c.minTier]}
                  </Tag>
                ) : null}
                {required ? (
                  <Tag tone='danger' testId='course-required'>
                    必修
                  </Tag>
                ) : null}
              </View>
              <Text className='muted'>
                {c.category ?? '指定商品'} · {c.sections.length} 节 · {c.quiz.length} 题，答对 {c.passMark} 题及格
              </Text>
              <View className='mt-actions'>
                {c.minTier && !required ? <Text className='mt-muted-note'>专享课程不能设为必修</Text> : null}
                <Button size='small' onClick={() => setEditing(formOfCourse(c, newRequestId()))}>
                  编辑
                </Button>
                {c.minTier && !required ? null : required ? (
                  <Button size='small' onClick={() => makeRequired(null)}>
                    取消必修
                  </Button>
                ) : (
                  <Button size='small' type='primary' testId='course-require' onClick={() => makeRequired(c.id)}>
                    设为必修
                  </Button>
                )}
              </View>
            </View>
          );
        })
      )}
    </View>
  );
}
