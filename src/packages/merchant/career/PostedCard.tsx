// One internship posted in this visit: 关闭 and its 申请人 (nickname, note and their record with
// the shop from Sprout's own data), loaded when asked for.
import type { CareerResults } from '@core/contracts/koc-career';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { closeInternship, internshipApplicants } from '../../../api/koc-career';
import { Button, Tag, toast } from '../../../components/ui';
import { formatDateTime, formatShortDateTime } from '../../../utils/time';
import { recordLine } from './career-form';
import type { Posted } from './PostForm';

type Applicant = CareerResults['internshipApplicants']['items'][number];

export function PostedCard({ post, onClosed }: { post: Posted; onClosed: () => void }) {
  const [applicants, setApplicants] = useState<Applicant[] | null>(null);
  const [busy, setBusy] = useState(false);
  const showApplicants = async () => {
    setBusy(true);
    const res = await internshipApplicants(post.id);
    setBusy(false);
    if (!res.ok) return toast(res.message);
    setApplicants(res.data.items);
  };
  const close = async () => {
    setBusy(true);
    const res = await closeInternship(post.id);
    setBusy(false);
    if (!res.ok) return toast(res.message);
    toast('已关闭', 'success');
    onClosed();
  };
  return (
    <View className='section' data-testid='posted-internship'>
      <View className='mc-row'>
        <Text className='mc-title'>{post.title}</Text>
        <Tag tone={post.open ? 'success' : 'neutral'}>{post.open ? '招募中' : '已关闭'}</Tag>
      </View>
      <Text className='muted'>截止 {formatDateTime(post.deadline)}</Text>
      <View className='mc-actions'>
        <Button size='small' disabled={busy} testId='internship-applicants' onClick={showApplicants}>
          {applicants ? '刷新申请人' : '申请人'}
        </Button>
        {post.open ? (
          <Button size='small' type='danger' disabled={busy} testId='internship-close' onClick={close}>
            关闭
          </Button>
        ) : null}
      </View>
      {applicants === null ? null : applicants.length === 0 ? (
        <Text className='muted mc-applicants'>还没有人申请</Text>
      ) : (
        <View className='mc-applicants'>
          {applicants.map((a) => (
            <View key={`${a.nickname}:${a.at}`} className='mc-applicant' data-testid='internship-applicant'>
              <View className='mc-row'>
                <Text className='mc-name'>{a.nickname}</Text>
                <Text className='muted'>{formatShortDateTime(a.at)} 申请</Text>
              </View>
              <Text className='mc-record'>{recordLine(a.record)}</Text>
              {a.note ? <Text className='mc-body'>附言：{a.note}</Text> : null}
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
