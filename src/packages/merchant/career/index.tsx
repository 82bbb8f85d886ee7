// 实习与推荐信 (merchant): post an internship for the shop's KOCs, close it and see who applied,
// and write and sign the recommendation letters KOCs asked for.
import type { LetterView } from '@core/contracts/koc-career';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import { letterRequests, myInternships, writeLetter } from '../../../api/koc-career';
import { Button, Dialog, Empty, Tag, TextAreaField, toast } from '../../../components/ui';
import { formatDate } from '../../../utils/time';
import { BODY_MAX, checkBody } from './career-form';
import { PostedCard } from './PostedCard';
import { type Posted, PostForm } from './PostForm';
import './index.css';

function LetterRequest({ letter, onWrite }: { letter: LetterView; onWrite: () => void }) {
  const written = letter.state === 'written';
  return (
    <View className='section' data-testid='letter-request'>
      <View className='mc-row'>
        <Text className='mc-title'>{letter.nickname}</Text>
        <Tag tone={written ? 'success' : 'warning'} testId='letter-request-state'>
          {written ? '已签发' : '待撰写'}
        </Tag>
      </View>
      <Text className='muted'>
        用途：{letter.purpose} · {formatDate(letter.requestedAt)} 请求
      </Text>
      {written ? (
        <View className='mc-letter'>
          <Text className='mc-body'>{letter.body}</Text>
          {letter.signedAt ? <Text className='mc-sign'>{formatDate(letter.signedAt)} 签发</Text> : null}
        </View>
      ) : (
        <View className='mc-actions'>
          <Button size='small' type='primary' testId='letter-write' onClick={onWrite}>
            撰写并签发
          </Button>
        </View>
      )}
    </View>
  );
}

export default function MerchantCareer() {
  const [letters, setLetters] = useState<LetterView[] | null>(null);
  const [error, setError] = useState('');
  const [posted, setPosted] = useState<Posted[]>([]);
  const [writing, setWriting] = useState<LetterView | null>(null);
  const [body, setBody] = useState('');
  const [bodyError, setBodyError] = useState('');

  const load = async () => {
    setError('');
    const [res, mine] = await Promise.all([letterRequests(), myInternships()]);
    if (mine.ok) setPosted(mine.data.items.map((p) => ({ id: p.id, title: p.title, deadline: p.deadline, open: p.open })));
    if (!res.ok) return setError(res.message);
    setLetters(res.data.items);
  };
  useDidShow(() => void load());
  usePullDownRefresh(async () => {
    await load();
    Taro.stopPullDownRefresh();
  });

  const openWrite = (letter: LetterView) => {
    setWriting(letter);
    setBody('');
    setBodyError('');
  };
  const submitWrite = async () => {
    if (!writing) return;
    const checked = checkBody(body);
    if (checked.error) {
      setBodyError(checked.error);
      return false;
    }
    const res = await writeLetter(writing.id, checked.body);
    if (!res.ok) throw new Error(res.message);
    toast('已签发', 'success');
    await load();
  };

  return (
    <View className='page mc-page'>
      <PostForm onPosted={(p) => setPosted((list) => [p, ...list])} />
      {posted.length ? (
        <>
          <Text className='mc-heading'>我发布的实习</Text>
          {posted.map((p) => (
            <PostedCard key={p.id} post={p} onClosed={() => setPosted((list) => list.map((x) => (x.id === p.id ? { ...x, open: false } : x)))} />
          ))}
        </>
      ) : null}
      <Text className='mc-heading'>推荐信请求</Text>
      <Text className='mc-note mc-note-page'>达人请你写的推荐信。签发时会署上店铺名称和日期，签发后不能修改。</Text>
      {letters === null ? (
        error ? (
          <Empty title='加载失败' hint={error} actionText='重试' onAction={load} />
        ) : (
          <Text className='mc-loading'>加载中…</Text>
        )
      ) : letters.length === 0 ? (
        <Empty title='还没有推荐信请求' hint='你店铺的达人请求推荐信后会出现在这里' />
      ) : (
        letters.map((l) => <LetterRequest key={l.id} letter={l} onWrite={() => openWrite(l)} />)
      )}
      <Dialog
        open={writing !== null}
        title={writing ? `给 ${writing.nickname} 的推荐信` : ''}
        confirmText='签发'
        onConfirm={submitWrite}
        onCancel={() => setWriting(null)}
        testId='letter-dialog'
      >
        {writing ? <Text className='mc-note'>用途：{writing.purpose}</Text> : null}
        <TextAreaField
          label='推荐信内容'
          required
          value={body}
          maxlength={BODY_MAX}
          placeholder='写下这位达人在你店的表现和你的推荐'
          error={bodyError}
          onInput={(v) => {
            setBody(v);
            setBodyError('');
          }}
          testId='letter-body'
        />
      </Dialog>
    </View>
  );
}
