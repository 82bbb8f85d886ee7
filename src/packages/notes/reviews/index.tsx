// 全部评价 of one product, newest first, a page at a time by nextCursor, under the count and average.
import type { ReviewResults, ReviewView } from '@core/contracts/notes';
import { Text, View } from '@tarojs/components';
import Taro, { useLoad, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { productReviews } from '../../../api/notes';
import { ReviewRow } from '../../../components/ProductReviews';
import { summaryLine } from '../../../components/ProductReviews/summary';
import { Empty } from '../../../components/ui';
import { usePaged } from '../../../stores/use-paged';
import { safeDecode } from '../../../utils/query';
import '../shared/notes.css';
import './index.css';

export default function Reviews() {
  const [productId, setProductId] = useState('');
  const [summary, setSummary] = useState<string | null>(null);
  const [broken, setBroken] = useState(false);
  const list = usePaged<ReviewView, ReviewResults['productReviews']>(
    (cursor) => productReviews(productId, cursor),
    (page) => setSummary(summaryLine(page.count, page.average)),
  );
  useLoad((p) => {
    const id = safeDecode(p.productId);
    if (id) setProductId(id);
    else setBroken(true);
  });
  useEffect(() => {
    if (productId) void list.reload();
  }, [productId]);
  usePullDownRefresh(async () => {
    await list.reload();
    Taro.stopPullDownRefresh();
  });
  useReachBottom(() => void list.more());

  if (broken) return <Empty title='链接已失效' />;
  return (
    <View className='page rvs-page' data-testid='reviews'>
      {summary ? <Text className='rvs-summary'>{summary}</Text> : null}
      {list.items.length > 0 ? (
        <View className='section'>
          {list.items.map((r) => (
            <ReviewRow key={r.reviewId} r={r} />
          ))}
        </View>
      ) : null}
      {list.loading ? <Text className='nt-foot'>加载中…</Text> : null}
      {list.error ? <Empty title='评价没有加载出来' hint={list.error} actionText='重试' onAction={list.retry} /> : null}
      {list.done && list.items.length === 0 ? <Empty title='还没有评价' hint='买过的同学确认收货后可以来评价' /> : null}
      {list.done && list.items.length > 0 ? <Text className='nt-foot'>没有更多了</Text> : null}
    </View>
  );
}
