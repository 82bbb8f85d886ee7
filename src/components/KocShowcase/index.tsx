// The home page's showcase: this week's best KOCs of the campus (opted in, ranked by their own
// paid orders), a horizontal row of avatars with nickname, tier and 本周 N 单. Nothing at all
// when no one qualifies, so an empty campus shows no empty frame.
import type { ShowcaseEntry } from '@core/contracts/koc-showcase';
import { Image, ScrollView, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { kocShowcase } from '../../api/koc-showcase';
import './index.css';

export function KocShowcase() {
  const [kocs, setKocs] = useState<ShowcaseEntry[]>([]);

  useDidShow(async () => {
    const res = await kocShowcase();
    // A failed read keeps what was shown: the showcase is a garnish, not worth an error toast.
    if (res.ok) setKocs(res.data.kocs);
  });

  if (kocs.length === 0) return null;
  return (
    <View className='ks'>
      <Text className='ks-title'>本周种草达人</Text>
      <ScrollView className='ks-row' scrollX enhanced showScrollbar={false}>
        {kocs.map((k, i) => (
          // No id leaves the server; the rank is the key.
          <View className='ks-item' key={`${i}-${k.nickname}`}>
            {k.avatarUrl ? (
              <Image className='ks-avatar' src={k.avatarUrl} mode='aspectFill' />
            ) : (
              <View className='ks-avatar ks-avatar-blank'>{k.nickname.slice(0, 1)}</View>
            )}
            <Text className='ks-name'>{k.nickname}</Text>
            <Text className='ks-tier'>{k.tierName}</Text>
            <Text className='ks-orders'>本周 {k.orders} 单</Text>
          </View>
        ))}
      </ScrollView>
    </View>
  );
}
