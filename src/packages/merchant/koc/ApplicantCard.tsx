// One applicant in the merchant's pipeline: who they are (accounts with proof, categories,
// portfolio), the screening checklist and risk flags, the interview and the trial, and the
// actions their state allows.
import type { KocResults, MerchantApplicationView } from '@core/contracts/koc';
import { INTERVIEW_DIMENSIONS, INTERVIEW_NAMES, PIPELINE_NAMES, PIPELINE_TONES, RISK_NAMES } from '@core/koc-pipeline';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { trialMetrics } from '../../../api/koc';
import { Button, Tag, type TagTone } from '../../../components/ui';
import { formatDateTime, formatShortDateTime } from '../../../utils/time';

export type PipelineAction = 'screenReject' | 'offerSlots' | 'score' | 'trial' | 'select' | 'reject';

const TONES: Record<MerchantApplicationView['state'], TagTone> = PIPELINE_TONES;

const preview = (urls: string[], current: string) => void Taro.previewImage({ urls, current }).catch(() => undefined);

function Thumbs({ urls }: { urls: string[] }) {
  if (!urls.length) return null;
  return (
    <View className='kp-thumbs'>
      {urls.map((u) => (
        <Image key={u} className='kp-thumb' src={u} mode='aspectFill' onClick={() => preview(urls, u)} />
      ))}
    </View>
  );
}

export function ApplicantCard({
  app,
  onAction,
  onPass,
}: {
  app: MerchantApplicationView;
  onAction: (action: PipelineAction, app: MerchantApplicationView) => void;
  onPass: (app: MerchantApplicationView) => Promise<void>;
}) {
  const [metrics, setMetrics] = useState<KocResults['trialMetrics'] | null>(null);
  const [metricsError, setMetricsError] = useState('');
  const [passing, setPassing] = useState(false);
  const loadMetrics = async () => {
    setMetricsError('');
    const res = await trialMetrics(app.id);
    if (res.ok) setMetrics(res.data);
    else setMetricsError(res.message);
  };
  const notes = metrics && !metrics.notesCounted ? '笔记功能上线后统计' : null;

  return (
    <View className='section kp-card' data-testid='applicant'>
      <View className='kp-head'>
        <Text className='kp-name'>{app.nickname}</Text>
        <Tag tone={TONES[app.state]}>{PIPELINE_NAMES[app.state]}</Tag>
      </View>
      <Text className='muted'>申请于 {formatShortDateTime(app.createdAt)}</Text>

      <Text className='kp-sub'>社交账号</Text>
      {app.socials.map((s) => (
        <View key={`${s.platform}:${s.handle}`} className='kp-social'>
          <Text className='kp-line'>
            {s.platform} · {s.handle}
            {s.link ? `（${s.link}）` : ''}
          </Text>
          <Text className='kp-line muted'>
            粉丝 {s.followers} · 平均互动 {s.avgInteractions} · 截图 {s.proofImages.length} 张
          </Text>
          <Thumbs urls={s.proofImages} />
        </View>
      ))}

      <Text className='kp-sub'>擅长品类</Text>
      {app.categories.map((c) => (
        <Text key={c.category} className='kp-line'>
          {c.category}
          {c.selfAssessment ? `：${c.selfAssessment}` : ''}
        </Text>
      ))}
      {app.portfolio.links.length || app.portfolio.images.length ? (
        <View>
          <Text className='kp-sub'>作品</Text>
          {app.portfolio.links.map((l) => (
            <Text key={l} className='kp-line kp-link' userSelect>
              {l}
            </Text>
          ))}
          <Thumbs urls={app.portfolio.images} />
        </View>
      ) : null}

      <Text className='kp-sub'>初筛清单</Text>
      <View data-testid='applicant-checklist'>
        {app.checklist.items.map((i) => (
          <Text key={i.key} className={`kp-line ${i.ok ? 'kp-ok' : 'kp-bad'}`}>
            {i.ok ? '✓' : '✗'} {i.detail}
          </Text>
        ))}
      </View>
      {app.checklist.flags.length ? (
        <View className='kp-flags' data-testid='applicant-flags'>
          {app.checklist.flags.map((f) => (
            <Tag key={f} tone='danger'>
              {RISK_NAMES[f]}
            </Tag>
          ))}
        </View>
      ) : null}

      {app.slots.length && app.state === 'screened' ? (
        <Text className='kp-line'>已提供面试时间：{app.slots.map(formatShortDateTime).join('、')}，等待申请人选择</Text>
      ) : null}
      {app.pickedSlot ? <Text className='kp-line'>面试时间：{formatDateTime(app.pickedSlot)}</Text> : null}
      {app.interview ? (
        <View data-testid='applicant-scorecard'>
          <Text className='kp-sub'>面试评分</Text>
          {INTERVIEW_DIMENSIONS.map((d) => (
            <Text key={d} className='kp-line'>
              {INTERVIEW_NAMES[d]}：{app.interview?.scores[d]} 分
            </Text>
          ))}
          {app.interview.notes ? <Text className='kp-line muted'>{app.interview.notes}</Text> : null}
        </View>
      ) : null}
      {app.trial ? (
        <View>
          <Text className='kp-sub'>试用</Text>
          <Text className='kp-line'>
            {app.trial.productIds.length} 件试用商品 · 截止 {formatDateTime(app.trial.endsAt)}
          </Text>
          <Text className='kp-line'>
            目标：笔记 {app.trial.goals.notes} 篇 · 成交 {app.trial.goals.orders} 单
          </Text>
          {metrics ? (
            <View className='kp-metrics' data-testid='applicant-metrics'>
              <Text className='kp-line'>
                卡片浏览 {metrics.figures.cardViews} · 访客 {metrics.figures.uniqueVisitors} · 成交 {metrics.figures.orders} · 退款 {metrics.figures.refunds}
              </Text>
              <Text className='kp-line'>
                笔记 {notes ?? metrics.figures.notes} · 赞 {notes ?? metrics.figures.likes} · 评论 {notes ?? metrics.figures.comments} · 收藏{' '}
                {notes ?? metrics.figures.collects} · 转发 {notes ?? metrics.figures.shares}
              </Text>
              <Text className='kp-score'>综合得分 {metrics.score}</Text>
            </View>
          ) : metricsError ? (
            <Text className='kp-line kp-bad'>{metricsError}</Text>
          ) : null}
        </View>
      ) : null}
      {app.rejectReason ? <Text className='kp-line kp-bad'>未通过原因：{app.rejectReason}</Text> : null}

      <View className='kp-actions'>
        {app.state === 'applied' ? (
          <>
            <Button size='small' onClick={() => onAction('screenReject', app)} testId='screen-reject'>
              不通过
            </Button>
            <Button
              type='primary'
              size='small'
              loading={passing}
              onClick={async () => {
                setPassing(true);
                await onPass(app);
                setPassing(false);
              }}
              testId='screen-pass'
            >
              通过初筛
            </Button>
          </>
        ) : null}
        {app.state === 'screened' ? (
          <Button type='primary' size='small' onClick={() => onAction('offerSlots', app)} testId='offer-slots'>
            {app.slots.length ? '重新提供面试时间' : '提供面试时间'}
          </Button>
        ) : null}
        {app.state === 'interview' && !app.interview ? (
          <Button type='primary' size='small' onClick={() => onAction('score', app)} testId='score-interview'>
            面试评分
          </Button>
        ) : null}
        {app.state === 'interview' && app.interview ? (
          <Button type='primary' size='small' onClick={() => onAction('trial', app)} testId='start-trial'>
            开始试用
          </Button>
        ) : null}
        {app.state === 'trial' ? (
          <>
            <Button size='small' onClick={loadMetrics} testId='trial-metrics'>
              {metrics ? '刷新试用数据' : '试用数据'}
            </Button>
            <Button size='small' onClick={() => onAction('reject', app)} testId='decide-reject'>
              不入选
            </Button>
            <Button type='primary' size='small' onClick={() => onAction('select', app)} testId='decide-select'>
              入选
            </Button>
          </>
        ) : null}
      </View>
    </View>
  );
}
