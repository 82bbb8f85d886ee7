import { greetingAt } from '@core/campus-clock';
import { CATEGORIES } from '@core/profile';
import { ScrollView, Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { ProductCard } from '../../components/ProductCard';
import { StateView } from '../../components/StateView';
import { useProductFeed } from '../../stores/use-product-feed';
import { userStore } from '../../stores/user';
import './index.css';

export default observer(function Home() {
  const feed = useProductFeed();

  const profile = userStore.profile;
  return (
    <View className='page home'>
      <View className='home-hero'>
        <Text className='home-hello'>
          {greetingAt(Date.now())}
          {profile ? `，${profile.nickname}` : ''}
        </Text>
        <Text className='home-sub'>{profile?.campusName ? `${profile.campusName} · 同学们在买什么` : '看看同学们都在买什么'}</Text>
      </View>
      <ScrollView scrollX className='home-cats' enableFlex>
        <View className={`chip ${feed.category ? '' : 'chip-on'}`} onClick={() => void feed.reload(undefined)}>
          全部
        </View>
        {CATEGORIES.map((c) => (
          <View key={c.id} className={`chip ${feed.category === c.id ? 'chip-on' : ''}`} onClick={() => void feed.reload(c.id)}>
            {c.name}
          </View>
        ))}
      </ScrollView>
      {feed.items.map((p) => (
        <ProductCard key={p.id} product={p} />
      ))}
      <StateView
        loading={feed.loading}
        error={feed.error}
        onRetry={() => void feed.loadMore()}
        empty={feed.isEmpty ? '这个分类还没有商品' : undefined}
        emptyHint='换个分类看看，或者下拉刷新'
      />
      {feed.done && feed.items.length > 0 ? <Text className='home-end'>没有更多了</Text> : null}
    </View>
  );
});
