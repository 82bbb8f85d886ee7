// 实习与推荐信: the open internships of the programs the student is a KOC of (申请 with an optional
// 附言; the shop sees their record from Sprout's own data) and the recommendation letters they
// asked for, with 请求推荐信 for one of their programs and a purpose.
import type { InternshipView, LetterView } from '@core/contracts/koc-career';
import { Picker, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import { kocPrograms } from '../../../api/koc';
import { applyInternship, kocInternships, myLetters, requestLetter } from '../../../api/koc-career';
import { Button, Dialog, Empty, Field, Tabs, Tag, TextAreaField, TextField, toast } from '../../../components/ui';
import { formatDate, formatDateTime } from '../../../utils/time';
import { checkNote, checkPurpose, LETTER_STATE_NAMES, LETTER_STATE_TONES, letterShops, markApplied, NOTE_MAX, PURPOSE_MAX } from './career';
import './index.css';

type TabKey = 'internships' | 'letters';
type Shop = { merchantId: string; merchantName: string };
const TABS = [
  { key: 'internships' as const, label: '实习机会' },
  { key: 'letters' as const, label: '推荐信' },
];

function InternshipCard({ item, onApply }: { item: InternshipView; onApply: () => void }) {
  return (
    <View className='section' data-testid='internship'>
      <View className='kr-row'>
        <Text className='kr-title'>{item.title}</Text>
        {item.applied ? (
          <Tag tone='success' testId='internship-applied'>
            已申请
          </Tag>
        ) : null}
      </View>
      <Text className='muted'>
        {item.merchantName} · 截止 {formatDateTime(item.deadline)}
      </Text>
      <Text className='kr-body'>{item.description}</Text>
      {item.applied ? null : (
        <View className='kr-actions'>
          <Button size='small' type='primary' testId='internship-apply' onClick={onApply}>
            申请
          </Button>
        </View>
      )}
    </View>
  );
}

function LetterCard({ letter }: { letter: LetterView }) {
  return (
    <View className='section' data-testid='letter'>
      <View className='kr-row'>
        <Text className='kr-title'>{letter.merchantName}</Text>
        <Tag tone={LETTER_STATE_TONES[letter.state]} testId='letter-state'>
          {LETTER_STATE_NAMES[letter.state]}
        </Tag>
      </View>
      <Text className='muted'>
        用途：{letter.purpose} · {formatDate(letter.requestedAt)} 请求
      </Text>
      {letter.state === 'written' && letter.body ? (
        <View className='kr-letter'>
          <Text className='kr-body' userSelect>
            {letter.body}
          </Text>
          <Text className='kr-sign'>
            {letter.merchantName}
            {letter.signedAt ? ` · ${formatDate(letter.signedAt)} 签发` : ''}
          </Text>
        </View>
      ) : null}
    </View>
  );
}

export default function KocCareer() {
  const [tab, setTab] = useState<TabKey>('internships');
  const [posts, setPosts] = useState<InternshipView[] | null>(null);
  const [letters, setLetters] = useState<LetterView[]>([]);
  const [shops, setShops] = useState<Shop[]>([]);
  const [error, setError] = useState('');
  const [applying, setApplying] = useState<InternshipView | null>(null);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState('');
  const [asking, setAsking] = useState(false);
  const [shopIndex, setShopIndex] = useState(0);
  const [purpose, setPurpose] = useState('');
  const [purposeError, setPurposeError] = useState('');

  const load = async () => {
    setError('');
    const [i, l, p] = await Promise.all([kocInternships(), myLetters(), kocPrograms()]);
    if (!i.ok) return setError(i.message);
    if (!l.ok) return setError(l.message);
    if (!p.ok) return setError(p.message);
    setPosts(i.data.items);
    setLetters(l.data.items);
    setShops(letterShops(p.data.programs));
  };
  useDidShow(() => void load());
  usePullDownRefresh(async () => {
    await load();
    Taro.stopPullDownRefresh();
  });

  const openApply = (item: InternshipView) => {
    setApplying(item);
    setNote('');
    setNoteError('');
  };
  const submitApply = async () => {
    if (!applying) return;
    const checked = checkNote(note);
    if (checked.error) {
      setNoteError(checked.error);
      return false;
    }
    const res = await applyInternship(applying.id, checked.note);
    if (!res.ok) throw new Error(res.message);
    setPosts((list) => (list ? markApplied(list, applying.id) : list));
    toast('已申请', 'success');
  };
  const openAsk = () => {
    setAsking(true);
    setShopIndex(0);
    setPurpose('');
    setPurposeError('');
  };
  const submitAsk = async () => {
    const shop = shops[shopIndex];
    const checked = checkPurpose(purpose);
    if (!shop || checked.error) {
      setPurposeError(checked.error || '请选择店铺');
      return false;
    }
    const res = await requestLetter(shop.merchantId, checked.purpose);
    if (!res.ok) throw new Error(res.message);
    toast('已发送请求', 'success');
    await load();
  };

  if (!posts)
    return (
      <View className='page'>
        {error ? <Empty title='加载失败' hint={error} actionText='重试' onAction={load} /> : <Text className='kr-loading'>加载中…</Text>}
      </View>
    );
  return (
    <View className='page kr-page'>
      <Tabs items={TABS} value={tab} onChange={setTab} testId='career-tab' />
      {tab === 'internships' ? (
        <>
          <Text className='kr-note'>你入选的店铺发布的实习岗位。申请时店铺会看到你在这家店的达人记录：等级、成交单数、徽章和入选时间。</Text>
          {posts.length === 0 ? (
            <Empty title='暂时没有实习机会' hint='你入选的店铺发布实习后会出现在这里' />
          ) : (
            posts.map((p) => <InternshipCard key={p.id} item={p} onApply={() => openApply(p)} />)
          )}
        </>
      ) : (
        <>
          <View className='kr-top'>
            <Text className='kr-note kr-note-inline'>请你入选的店铺为你写一封推荐信，签发后一直保存在这里。</Text>
            {shops.length ? (
              <Button size='small' type='primary' testId='letter-request' onClick={openAsk}>
                请求推荐信
              </Button>
            ) : null}
          </View>
          {letters.length === 0 ? (
            <Empty title='还没有推荐信' hint={shops.length ? '点“请求推荐信”，选一家店并写明用途' : '入选店铺的达人计划后可以请求推荐信'} />
          ) : (
            letters.map((l) => <LetterCard key={l.id} letter={l} />)
          )}
        </>
      )}
      <Dialog
        open={applying !== null}
        title={applying ? `申请：${applying.title}` : ''}
        confirmText='提交申请'
        onConfirm={submitApply}
        onCancel={() => setApplying(null)}
        testId='apply-dialog'
      >
        <TextAreaField
          label='附言（选填）'
          value={note}
          maxlength={NOTE_MAX}
          placeholder='例如：可以到岗的时间、想做的方向'
          error={noteError}
          onInput={(v) => {
            setNote(v);
            setNoteError('');
          }}
          testId='apply-note'
        />
      </Dialog>
      <Dialog open={asking} title='请求推荐信' confirmText='发送请求' onConfirm={submitAsk} onCancel={() => setAsking(false)} testId='letter-dialog'>
        <Field label='店铺' required>
          <Picker mode='selector' range={shops.map((s) => s.merchantName)} value={shopIndex} onChange={(e) => setShopIndex(Number(e.detail.value))}>
            <View className='ui-input' data-testid='letter-shop'>
              <Text>{shops[shopIndex]?.merchantName ?? '选择店铺'}</Text>
            </View>
          </Picker>
        </Field>
        <TextField
          label='用途'
          required
          value={purpose}
          maxlength={PURPOSE_MAX}
          placeholder='例如：申请暑期市场营销实习'
          error={purposeError}
          onInput={(v) => {
            setPurpose(v);
            setPurposeError('');
          }}
          testId='letter-purpose'
        />
      </Dialog>
    </View>
  );
}
