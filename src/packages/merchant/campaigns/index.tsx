// The merchant's group-buy campaigns: start one (2 to 5 seats, WeChat's cap for team
// activities), change a running one, and end those that should stop taking new groups.
import type { MerchantCampaignRow } from '@core/contracts/groupbuy';
import { formatFen } from '@core/money';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import { closeCampaign } from '../../../api/merchant';
import { listMyCampaigns, listMyProducts } from '../../../api/merchant-shop';
import { Button, Dialog, Empty, Tag, type TagTone, toast } from '../../../components/ui';
import { formatShortDateTime } from '../../../utils/time';
import { CreateForm } from './CreateForm';
import { EditDialog } from './EditDialog';
import type { ProductChoice } from './rules';
import './index.css';

/** A row with its course, for servers whose campaign rows name it (null or absent: everyone's). */

function stateOf(c: MerchantCampaignRow, now: number): { label: string; tone: TagTone } {
  if (c.status === 'closed') return { label: '已结束', tone: 'neutral' };
  if (c.endAt <= now) return { label: '已到期', tone: 'neutral' };
  if (c.startAt > now) return { label: '未开始', tone: 'info' };
  if (c.stock <= 0) return { label: '已售罄', tone: 'warning' };
  return { label: '进行中', tone: 'success' };
}

export default function Campaigns() {
  const [list, setList] = useState<MerchantCampaignRow[] | null>(null);
  const [products, setProducts] = useState<ProductChoice[]>([]);
  const [error, setError] = useState('');
  const [editing, setEditing] = useState<MerchantCampaignRow | null>(null);
  const [closing, setClosing] = useState<MerchantCampaignRow | null>(null);
  // The list is what a merchant comes back for; the long form opens on demand (or when there is nothing yet).
  const [creating, setCreating] = useState(false);

  const load = async () => {
    setError('');
    const [c, p] = await Promise.all([listMyCampaigns(), listMyProducts('on_sale')]);
    if (!c.ok) return setError(c.message);
    setList(c.data);
    // Older servers answered a bare array; the contract's answer is a page.
    if (p.ok) setProducts(Array.isArray(p.data) ? (p.data as ProductChoice[]) : p.data.items);
  };
  useDidShow(() => void load());
  usePullDownRefresh(async () => {
    await load();
    Taro.stopPullDownRefresh();
  });

  const close = async () => {
    if (!closing) return;
    const res = await closeCampaign(closing.id);
    if (!res.ok) throw new Error(res.message);
    toast('活动已结束', 'success');
    await load();
  };

  const now = Date.now();
  return (
    <View className='page mc'>
      {creating || list?.length === 0 ? (
        <CreateForm
          products={products}
          onCreated={async () => {
            setCreating(false);
            await load();
          }}
          onCancel={list?.length ? () => setCreating(false) : undefined}
        />
      ) : (
        <View className='mc-bar'>
          <Text className='muted'>{list ? `共 ${list.length} 个活动` : ''}</Text>
          <Button type='primary' size='small' testId='campaign-new' onClick={() => setCreating(true)}>
            新建拼团
          </Button>
        </View>
      )}
      {error ? <Empty title='加载失败' hint={error} actionText='重试' onAction={load} /> : null}
      {!error && list === null ? <Text className='mc-loading muted'>加载中…</Text> : null}
      {list?.length === 0 ? <Empty title='还没有拼团活动' hint='在上面选一件商品，设好拼团价就能开始' /> : null}
      {(list ?? []).map((c) => {
        const state = stateOf(c, now);
        const running = c.status === 'live' && c.endAt > now;
        return (
          <View key={c.id} className='section mc-item' data-testid='campaign-row'>
            <View className='mc-head'>
              {c.image ? <Image className='mc-image' src={c.image} mode='aspectFill' /> : null}
              <View className='mc-head-main'>
                <View className='mc-title-row'>
                  <Text className='mc-title'>{c.title}</Text>
                  <Tag tone={state.tone} testId='campaign-state'>
                    {state.label}
                  </Tag>
                </View>
                <Text className='mc-line'>
                  {formatFen(c.groupPriceFen)} · {c.groupSize} 人团 · 每人限购 {c.perStudentLimit}
                </Text>
                {c.courseName ? (
                  <View className='mc-course'>
                    <Tag tone='info' testId='campaign-course'>
                      同课拼团
                    </Tag>
                    <Text className='mc-line'>{c.courseName}</Text>
                  </View>
                ) : null}
                <Text className='muted'>
                  {formatShortDateTime(c.startAt)} 至 {formatShortDateTime(c.endAt)}
                </Text>
              </View>
            </View>
            <View className='mc-stats'>
              <View className='mc-stat'>
                <Text className='mc-stat-n'>{c.stock}</Text>
                <Text className='muted'>库存</Text>
              </View>
              <View className='mc-stat'>
                <Text className='mc-stat-n'>{c.sold}</Text>
                <Text className='muted'>已售</Text>
              </View>
              <View className='mc-stat'>
                <Text className='mc-stat-n'>{c.groupsFormed}</Text>
                <Text className='muted'>成团</Text>
              </View>
            </View>
            {running ? (
              <View className='mc-actions'>
                <Button size='small' testId='campaign-edit' onClick={() => setEditing(c)}>
                  编辑
                </Button>
                <Button size='small' type='ghost' testId='campaign-close' onClick={() => setClosing(c)}>
                  结束活动
                </Button>
              </View>
            ) : null}
          </View>
        );
      })}
      <EditDialog campaign={editing} product={products.find((p) => p.id === editing?.productId)} onClose={() => setEditing(null)} onSaved={load} />
      <Dialog
        open={closing !== null}
        title='结束活动'
        confirmText='结束活动'
        confirmType='danger'
        onConfirm={close}
        onCancel={() => setClosing(null)}
        testId='campaign-close-dialog'
      >
        <Text>结束「{closing?.title}」后不能再开新团；进行中的团照常到截止时间。</Text>
      </Dialog>
    </View>
  );
}
