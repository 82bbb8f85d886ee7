// The home page's precision card: products for the student's current or next free window, with
// the reason in one line (10:05 下课 · 下一节体育课 · 离东区自提点 3 分钟). Each product opens
// with the pick's ref, so the open is counted. Without consent or a timetable: a small way in
// (导入课表，课间推荐更合适); with a timetable but nothing to offer right now: nothing.
import { campusDay } from '@core/campus-days';
import type { TimetableResults } from '@core/contracts/timetable';
import type { WindowKind } from '@core/timetable/model';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { timetablePicks, timetableStatus } from '../../api/timetable';
import { userStore } from '../../stores/user';
import { Price } from '../Price';
import './index.css';

type Pick = NonNullable<TimetableResults['picks']['pick']>;

const WINDOW_NAMES: Record<WindowKind, string> = {
  before_first: '上课前',
  break: '课间',
  lunch: '午饭',
  dinner: '晚饭',
  after_last: '下课后',
  after_evening: '晚自习后',
  day_off: '没课',
};
const CONSENT_PAGE = '/packages/timetable/consent/index';
const MAX_PRODUCTS = 4;

const dayWord = (date: string): string => {
  const today = campusDay(Date.now());
  if (date === today) return '';
  if (date === campusDay(Date.now() + 86_400_000)) return '明天 ';
  return `${date.slice(5)} `;
};

export const PrecisionCard = observer(function PrecisionCard() {
  const [pick, setPick] = useState<Pick | null>(null);
  const [entry, setEntry] = useState(false);

  useDidShow(async () => {
    const res = await timetablePicks();
    if (res.ok && res.data.pick) {
      setPick(res.data.pick);
      return setEntry(false);
    }
    setPick(null);
    if (res.ok || res.code === 'NO_CONSENT' || res.code === 'NO_TIMETABLE') {
      // No pick: offer the way in only to a student who has not set up a timetable yet.
      const s = await timetableStatus();
      setEntry(s.ok && (!s.data.consented || !s.data.hasTimetable));
    } else setEntry(false);
  });

  // A shop's own account does not shop between classes.
  if (userStore.isMerchantOnly) return null;
  if (pick) {
    const products = pick.products.slice(0, MAX_PRODUCTS);
    const open = (id: string) => Taro.navigateTo({ url: `/pages/product/index?id=${encodeURIComponent(id)}&ref=${encodeURIComponent(pick.ref)}` });
    return (
      <View className='pc' data-testid='precision-card'>
        <View className='pc-head'>
          <Text className='pc-window' data-testid='precision-window'>
            {dayWord(pick.window.date)}
            {pick.window.start}-{pick.window.end}
            <Text className='pc-window-kind'>{WINDOW_NAMES[pick.window.kind] ?? ''}</Text>
          </Text>
          <Text className='pc-why'>按你的课表</Text>
        </View>
        <Text className='pc-reason' data-testid='precision-reason'>
          {pick.reason}
        </Text>
        {products.length ? (
          <View className='pc-items'>
            {products.map((p) => (
              <View key={p.id} className='pc-item' onClick={() => open(p.id)} data-testid='precision-product'>
                <Image className='pc-img' src={p.image} mode='aspectFill' lazyLoad />
                <Text className='pc-title'>{p.title}</Text>
                <Price fen={p.priceFen} originalFen={p.originalPriceFen} />
              </View>
            ))}
          </View>
        ) : null}
      </View>
    );
  }
  if (!entry) return null;
  return (
    <View className='pc-entry' data-testid='precision-entry' onClick={() => Taro.navigateTo({ url: CONSENT_PAGE })}>
      <Text className='pc-entry-text'>导入课表，课间推荐更合适</Text>
      <Text className='pc-entry-go'>去导入 ›</Text>
    </View>
  );
});
