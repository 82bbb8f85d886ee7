// 达人中心: the campus's shops and where the student stands with each: the program's mode
// (人人可赚 / 达人计划), already a KOC there, and an open application's state with its next step
// in one line. Tapping a shop opens its application (or the form when there is none).
import type { KocResults } from '@core/contracts/koc';
import { PIPELINE_NAMES } from '@core/koc-pipeline';
import { Switch, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import { kocPrograms } from '../../../api/koc';
import { myKocShowcase, setKocShowcase } from '../../../api/koc-showcase';
import { Cell, CellGroup, Empty, Tag, toast } from '../../../components/ui';
import { MODE_NAMES, STATE_TONES } from './tones';
import './index.css';

type Program = KocResults['programs']['programs'][number];

const open = (p: Program) =>
  Taro.navigateTo({ url: `/packages/koc/apply/index?merchantId=${encodeURIComponent(p.merchantId)}&name=${encodeURIComponent(p.merchantName)}` });

export default function KocCentre() {
  const [programs, setPrograms] = useState<Program[] | null>(null);
  const [error, setError] = useState('');
  const [showcase, setShowcase] = useState(false);
  const [saving, setSaving] = useState(false);
  const toggleShowcase = async (optIn: boolean) => {
    setShowcase(optIn);
    setSaving(true);
    const res = await setKocShowcase(optIn);
    setSaving(false);
    if (!res.ok) {
      setShowcase(!optIn);
      return toast(res.message);
    }
    setShowcase(res.data.optIn);
    toast(res.data.optIn ? '已上榜' : '已不再展示', 'success');
  };
  const load = async () => {
    setError('');
    void myKocShowcase().then((r) => {
      if (r.ok) setShowcase(r.data.optIn);
    });
    const res = await kocPrograms();
    if (!res.ok) return setError(res.message);
    setPrograms(res.data.programs);
  };
  useDidShow(() => void load());
  usePullDownRefresh(async () => {
    await load();
    Taro.stopPullDownRefresh();
  });

  if (!programs)
    return (
      <View className='page'>
        {error ? <Empty title='加载失败' hint={error} actionText='重试' onAction={load} /> : <Text className='kc-loading'>加载中…</Text>}
      </View>
    );
  const memberOf = programs.filter((p) => p.member).map((p) => p.merchantName);
  return (
    <View className='page kc-page'>
      <View className='section'>
        <Text className='section-title'>{memberOf.length ? `你是 ${memberOf.join('、')} 的达人` : '成为校园达人'}</Text>
        <Text className='kc-note'>
          申请不收任何费用；推荐别人加入不会得到任何收益；等级只看你自己的成交。达人计划的店铺只给入选达人佣金，人人可赚的店铺每位同学分享都有佣金。
        </Text>
      </View>
      {memberOf.length ? (
        <CellGroup>
          <Cell
            title='等级与特权'
            label='你的达人等级；品牌活动、试用名额按等级优先报名'
            arrow
            testId='koc-privileges'
            onClick={() => Taro.navigateTo({ url: '/packages/koc/privileges/index' })}
          />
          <Cell
            title='培训课程'
            label='产品知识与内容创作，学完做个小测验'
            arrow
            testId='koc-training'
            onClick={() => Taro.navigateTo({ url: '/packages/koc/training/index' })}
          />
          <Cell
            title='徽章与证书'
            label='获得的徽章、可查验的达人证书'
            arrow
            testId='koc-honours'
            onClick={() => Taro.navigateTo({ url: '/packages/koc/honours/index' })}
          />
          <Cell
            title='实习与推荐信'
            label='入选店铺的实习机会，请店铺为你写推荐信'
            arrow
            testId='koc-career'
            onClick={() => Taro.navigateTo({ url: '/packages/koc/career/index' })}
          />
        </CellGroup>
      ) : null}
      {memberOf.length ? (
        <View className='section'>
          <View className='kc-row kc-switch-row'>
            <Text className='kc-shop'>上首页本周达人榜</Text>
            <Switch checked={showcase} disabled={saving} color='#16a34a' data-testid='koc-showcase' onChange={(e) => void toggleShowcase(e.detail.value)} />
          </View>
          <Text className='kc-note'>打开后，同校同学会在首页看到你的昵称、头像、达人等级和本周成交单数。随时可以关闭，关闭后不再展示。</Text>
        </View>
      ) : null}
      {programs.length === 0 ? (
        <Empty title='你的学校还没有店铺开放达人计划' hint='先在“编辑资料”里选好学校' />
      ) : (
        programs.map((p) => {
          const a = p.application;
          return (
            <View key={p.merchantId} className='section kc-program' data-testid='koc-program' onClick={() => open(p)}>
              <View className='kc-row'>
                <Text className='kc-shop'>{p.merchantName}</Text>
                <Tag tone={p.kocMode === 'everyone' ? 'info' : 'neutral'}>{MODE_NAMES[p.kocMode]}</Tag>
                {p.member ? (
                  <Tag tone='success' testId='koc-member'>
                    已是达人
                  </Tag>
                ) : null}
              </View>
              {a ? (
                <View className='kc-app'>
                  <Tag tone={STATE_TONES[a.state]} testId='koc-program-state'>
                    {PIPELINE_NAMES[a.state]}
                  </Tag>
                  <Text className='kc-next'>{a.next}</Text>
                </View>
              ) : (
                <Text className='kc-next'>
                  {p.member ? '你已是这家店的达人' : p.kocMode === 'everyone' ? '分享就能赚佣金；申请入选可获得达人身份' : '还没有申请，点这里申请'}
                </Text>
              )}
              <Text className='kc-arrow'>›</Text>
            </View>
          );
        })
      )}
    </View>
  );
}
