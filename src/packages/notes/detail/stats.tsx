// 笔记数据, for its author only: how many read it (views, unique readers), liked, collected,
// commented, made share cards of it, tapped its products, and the orders paid through its cards.
import type { NoteStats } from '@core/contracts/notes';
import { formatFen } from '@core/money';
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { noteStats } from '../../../api/notes';

export function AuthorStats({ noteId, refresh }: { noteId: string; refresh: number }) {
  const [s, setS] = useState<NoteStats | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    void noteStats(noteId).then((r) => (r.ok ? setS(r.data) : setError(r.message)));
  }, [noteId, refresh]);
  if (!s) return error ? <Text className='nd-stats-error'>笔记数据没有加载出来：{error}</Text> : null;
  const cells: [string, string][] = [
    ['浏览', String(s.views)],
    ['读者', String(s.readers)],
    ['赞', String(s.likes)],
    ['收藏', String(s.collects)],
    ['评论', String(s.comments)],
    ['分享', String(s.shares)],
    ['商品点击', String(s.productClicks)],
    ['成交', String(s.orders)],
    ['成交额', formatFen(s.revenueFen)],
  ];
  return (
    <View className='section' data-testid='note-stats'>
      <Text className='section-title'>笔记数据</Text>
      <View className='nd-stats'>
        {cells.map(([label, value]) => (
          <View key={label} className='nd-stat'>
            <Text className='nd-stat-value' data-testid={`note-stat-${label}`}>
              {value}
            </Text>
            <Text className='muted'>{label}</Text>
          </View>
        ))}
      </View>
      <Text className='nd-stats-note'>只有你能看到。成交包括经这篇笔记的分享卡片付款的订单，以及同学点了笔记里的商品后 7 天内买下的订单，已扣除退款。</Text>
    </View>
  );
}
