import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { ProductCard } from '../../components/ProductCard';
import { StateView } from '../../components/StateView';
import { useProductFeed } from '../../stores/use-product-feed';
import './index.css';

// Group-buy campaigns arrive with their own issue; until then this tab says so plainly and
// shows the products on sale, never an invented "X people joined".
export default observer(function GroupBuy() {
  const feed = useProductFeed();
  return (
    <View className='page'>
      <View className='section gb-empty'>
        <Text className='section-title'>还没有进行中的拼团</Text>
        <Text className='muted'>商家开团后会出现在这里：2–5 人成团，截止前未成团自动全额退款。</Text>
      </View>
      <Text className='gb-subtitle'>先逛逛在售好物</Text>
      {feed.items.map((p) => (
        <ProductCard key={p.id} product={p} />
      ))}
      <StateView loading={feed.loading} error={feed.error} onRetry={() => void feed.reload()} empty={feed.isEmpty ? '暂时没有在售商品' : undefined} />
    </View>
  );
});
