// 满意度问卷: the six dimensions of the campus study, three statements each, answered on a
// 7-point scale (非常不同意 … 非常同意). Every item is required; a missing one is marked and
// scrolled to. Submitted once. Anonymous in the results (the merchant sees arm averages only)
// and never rewarded: nothing is given for answering (WeChat's rule, and answers are not bought).
import type { SurveyView } from '@core/contracts/experiments';
import { SCALE } from '@core/experiments/survey';
import { Text, View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import { useState } from 'react';
import { answerSurvey, pendingSurvey } from '../../../api/experiments';
import { Button, Empty, toast } from '../../../components/ui';
import { choose, emptySheet, itemKey, labelOf, missing, type Sheet, toAnswers } from './sheet';
import './index.css';

const CHOICES = Array.from({ length: SCALE.max - SCALE.min + 1 }, (_, i) => SCALE.min + i);
const back = () => (Taro.getCurrentPages().length > 1 ? Taro.navigateBack() : Taro.switchTab({ url: '/pages/me/index' }));

export default function SurveyAnswer() {
  const [survey, setSurvey] = useState<SurveyView | null>(null);
  const [state, setState] = useState<'loading' | 'none' | 'error' | 'open' | 'done'>('loading');
  const [error, setError] = useState('');
  const [sheet, setSheet] = useState<Sheet | null>(null);
  const [gaps, setGaps] = useState<string[]>([]);
  const load = async () => {
    setState('loading');
    const res = await pendingSurvey();
    if (!res.ok) {
      setError(res.message);
      return setState('error');
    }
    setSurvey(res.data.survey);
    if (res.data.survey) setSheet(emptySheet(res.data.survey.items));
    setState(res.data.survey ? 'open' : 'none');
  };
  useLoad(() => void load());

  const submit = async () => {
    if (!survey || !sheet || state !== 'open') return;
    const left = missing(sheet, survey.items);
    if (left.length) {
      setGaps(left);
      toast(`还有 ${left.length} 题没选`);
      void Taro.pageScrollTo({ selector: `#q-${left[0].replace('.', '-')}`, duration: 200 }).catch(() => undefined);
      return;
    }
    const answers = toAnswers(sheet, survey.items);
    if (!answers) return;
    const res = await answerSurvey(survey.experimentId, answers);
    if (!res.ok) {
      if (res.code === 'NOT_FOUND') return setState('none');
      return toast(res.message);
    }
    void Taro.hideToast();
    setState('done');
  };

  if (state === 'loading' || state === 'error' || state === 'none' || !survey || !sheet)
    return (
      <View className='page'>
        {state === 'loading' ? (
          <Text className='sv-loading'>加载中…</Text>
        ) : state === 'error' ? (
          <Empty title='问卷没有加载出来' hint={error} actionText='重试' onAction={load} testId='survey-error' />
        ) : (
          <Empty title='现在没有需要你填写的问卷' hint='谢谢关注，有新的问卷会出现在“我的”里' actionText='返回' onAction={back} testId='survey-none' />
        )}
      </View>
    );
  if (state === 'done')
    return (
      <View className='page sv-done' data-testid='survey-thanks'>
        <View className='sv-done-icon'>✓</View>
        <Text className='sv-done-title'>谢谢你的回答</Text>
        <Text className='sv-done-text'>回答已匿名计入统计，商家只能看到各组的平均分。</Text>
        <Button type='primary' onClick={back}>
          返回
        </Button>
      </View>
    );

  const count = survey.items.reduce((s, it) => s + it.questions.length, 0);
  return (
    <View className='page sv-page' data-testid='survey-page'>
      <View className='sv-head'>
        <Text className='sv-title'>{survey.merchantName} 想听听你的感受</Text>
        <Text className='sv-intro'>共 {count} 题，约 2 分钟。每题选一个最接近你感受的分数：1 非常不同意，7 非常同意。</Text>
        <Text className='sv-promise' data-testid='survey-anonymous'>
          匿名：结果里只有各组的平均分，商家看不到是谁、答了什么。
        </Text>
        <Text className='sv-promise' data-testid='survey-no-reward'>
          填写不送任何奖励（没有积分、优惠券或红包），也不影响你的价格和订单，请按真实感受作答。
        </Text>
      </View>
      {survey.items.map((it) => (
        <View key={it.dimension} className='section sv-section' data-testid='survey-dimension'>
          <Text className='section-title'>{it.name}</Text>
          {it.questions.map((q, i) => {
            const key = itemKey(it.dimension, i);
            const value = sheet[it.dimension]?.[i] ?? null;
            const gap = gaps.includes(key) && !value;
            return (
              <View key={key} id={`q-${it.dimension}-${i}`} className={`sv-q${gap ? ' sv-q-gap' : ''}`} data-testid='survey-item'>
                <Text className='sv-q-text'>
                  {q}
                  {value ? <Text className='sv-q-choice'>{` · ${labelOf(value)}`}</Text> : null}
                </Text>
                <View className='sv-scale'>
                  {CHOICES.map((v) => (
                    <View
                      key={v}
                      className={`sv-dot${value === v ? ' sv-dot-on' : ''}`}
                      data-testid={`survey-choice-${key}-${v}`}
                      onClick={() => setSheet(choose(sheet, it.dimension, i, v))}
                    >
                      {v}
                    </View>
                  ))}
                </View>
                <View className='sv-ends'>
                  <Text>{SCALE.labels[0]}</Text>
                  <Text>{SCALE.labels[SCALE.labels.length - 1]}</Text>
                </View>
                {gap ? (
                  <Text className='sv-gap' data-testid='survey-missing'>
                    请选择一个分数
                  </Text>
                ) : null}
              </View>
            );
          })}
        </View>
      ))}
      {gaps.some((k) => missing(sheet, survey.items).includes(k)) ? (
        <Text className='sv-error' data-testid='survey-error-line'>
          还有 {missing(sheet, survey.items).length} 题没选，已用红框标出
        </Text>
      ) : null}
      <View className='sv-foot'>
        <Button type='primary' block testId='survey-submit' onClick={submit}>
          提交
        </Button>
      </View>
    </View>
  );
}
