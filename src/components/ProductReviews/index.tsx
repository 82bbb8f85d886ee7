// 评价 on the product page: the count and the average (★ 4.5 · 12 条评价), the newest three
// (name, stars, words, 查看笔记 when the review became a published note), and 查看全部. Light on
// purpose: the product page is in the main package (types only from the contract, no zod).
import type { ReviewView } from '@core/contracts/notes';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { productReviews } from '../../api/notes';
import { relative } from '../../utils/time';
import { starsText, summaryLine } from './summary';
import './index.css';

const noteUrl = (noteId: string) => `/packages/notes/detail/index?id=${encodeURIComponent(noteId)}`;

/** One review: who, the stars, when, the words, 查看笔记. Also the rows of the full list. */
export function ReviewRow({ r }: { r: ReviewView }) {
  return (
    <View className='prv-row' data-testid='review-row'>
      <View className='prv-row-head'>
        <Text className='prv-name'>{r.authorName}</Text>
        <Text className='prv-stars'>{starsText(r.rating)}</Text>
        <Text className='prv-at'>{relative(r.at)}</Text>
      </View>
      {r.text ? <Text className='prv-text'>{r.text}</Text> : <Text className='prv-text prv-empty'>没有写文字</Text>}
      {r.noteId ? (
        <Text className='prv-note' data-testid='review-note-link' onClick={() => Taro.navigateTo({ url: noteUrl(r.noteId ?? '') })}>
          查看笔记 ›
        </Text>
      ) : null}
    </View>
  );
}

export function ProductReviews({ productId }: { productId: string }) {
  const [data, setData] = useState<{ count: number; average: number | null; items: ReviewView[] } | null>(null);
  useEffect(() => {
    if (!productId) return;
    let live = true;
    void productReviews(productId).then((r) => live && r.ok && setData(r.data));
    return () => {
      live = false;
    };
  }, [productId]);
  // Nothing while loading or when it failed: the rest of the page matters more than this line.
  if (!data) return null;
  const line = summaryLine(data.count, data.average);
  return (
    <View className='section prv' data-testid='product-reviews'>
      <View className='prv-head'>
        <Text className='section-title prv-title'>评价</Text>
        <Text className='prv-summary' data-testid='product-reviews-summary'>
          {line ?? '还没有评价'}
        </Text>
        {data.count > 3 ? (
          <Text
            className='prv-all'
            data-testid='product-reviews-all'
            onClick={() => Taro.navigateTo({ url: `/packages/notes/reviews/index?productId=${encodeURIComponent(productId)}` })}
          >
            查看全部 ›
          </Text>
        ) : null}
      </View>
      {data.items.slice(0, 3).map((r) => (
        <ReviewRow key={r.reviewId} r={r} />
      ))}
    </View>
  );
}
