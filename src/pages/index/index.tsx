import { greetingAt } from '@core/campus-clock';
import { CATEGORIES } from '@core/profile';
import { ScrollView, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import { KocShowcase } from '../../components/KocShowcase';
import { PrecisionCard } from '../../components/PrecisionCard';
import { ProductCard } from '../../components/ProductCard';
import { Empty } from '../../components/ui';
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
        <View className='home-search' data-testid='home-search' onClick={() => Taro.navigateTo({ url: '/packages/search/index' })}>
          <View className='home-search-icon' />
          <Text className='home-search-text'>搜索商品，如 奶茶、数据线</Text>
        </View>
      </View>
      <PrecisionCard />
      <KocShowcase />
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
      {feed.loading ? <Text className='home-end'>加载中…</Text> : null}
      {feed.error ? <Empty title='商品没有加载出来' hint={feed.error} actionText='重试' onAction={() => feed.loadMore()} /> : null}
      {feed.isEmpty ? (
        <Empty title='这个分类还没有商品' hint='换个分类看看，或者下拉刷新' actionText='看看全部' onAction={() => feed.reload(undefined)} />
      ) : null}
      {feed.done && feed.items.length > 0 ? <Text className='home-end'>没有更多了</Text> : null}
    </View>
  );
});
