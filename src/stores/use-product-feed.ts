import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import { ProductFeed } from './product-feed';

/** A page's product feed: loads when first shown, refreshes on pull-down, pages on scroll. */
export function useProductFeed(): ProductFeed {
  const [feed] = useState(() => new ProductFeed());
  useDidShow(() => {
    if (feed.items.length === 0 && !feed.loading) void feed.reload();
  });
  usePullDownRefresh(async () => {
    await feed.reload();
    Taro.stopPullDownRefresh();
  });
  useReachBottom(() => void feed.loadMore());
  return feed;
}
