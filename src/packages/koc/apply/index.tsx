// A shop's KOC program for the student: their application (state, next step, interview slots,
// trial progress, 撤回) or, when there is none or it has ended, the application form.
import type { ApplicationView } from '@core/contracts/koc';
import { Text, View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import { useState } from 'react';
import { myKocApplication } from '../../../api/koc';
import { Empty } from '../../../components/ui';
import { safeDecode } from '../../../utils/query';
import { ApplicationCard } from './ApplicationView';
import { ApplyFormView } from './ApplyFormView';
import './index.css';

export default function KocApply() {
  const [merchantId, setMerchantId] = useState('');
  const [name, setName] = useState('');
  const [app, setApp] = useState<ApplicationView | null | undefined>(undefined);
  const [error, setError] = useState('');
  const [reapplying, setReapplying] = useState(false);

  const load = async (mid = merchantId) => {
    setError('');
    const res = await myKocApplication(mid);
    if (!res.ok) return setError(res.message);
    setApp(res.data.application);
    setReapplying(false);
  };
  useLoad((p) => {
    const mid = safeDecode(p.merchantId);
    const shop = safeDecode(p.name) ?? '';
    if (!mid) return setError('链接已失效');
    setMerchantId(mid);
    setName(shop);
    if (shop) void Taro.setNavigationBarTitle({ title: `${shop} · 达人申请` });
    void load(mid);
  });

  if (app === undefined)
    return (
      <View className='page'>
        {error ? (
          <Empty
            title={error}
            actionText={merchantId ? '重试' : '达人中心'}
            onAction={() => (merchantId ? load() : Taro.redirectTo({ url: '/packages/koc/centre/index' }))}
          />
        ) : (
          <Text className='ka-loading'>加载中…</Text>
        )}
      </View>
    );
  return (
    <View className='page ka-page'>
      {name ? <Text className='ka-shop'>{name}</Text> : null}
      {app && !reapplying ? (
        <ApplicationCard app={app} onChanged={() => load()} onReapply={() => setReapplying(true)} />
      ) : (
        <ApplyFormView merchantId={merchantId} onDone={() => load()} />
      )}
    </View>
  );
}
