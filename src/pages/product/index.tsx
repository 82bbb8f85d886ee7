import type { ProductDetail } from '@core/contracts/catalog';
import type { ShareLanding as Landing } from '@core/contracts/share';
import { formatFen } from '@core/money';
import { Button, Image, Swiper, SwiperItem, Text, View } from '@tarojs/components';
import Taro, { useLoad, useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import { useState } from 'react';
import { getProduct } from '../../api/catalog';
import { createShare, posterCode, resolveShare } from '../../api/share';
import { Poster } from '../../components/Poster';
import { Price } from '../../components/Price';
import { ShareLanding } from '../../components/ShareLanding';
import { ShareSheet } from '../../components/ShareSheet';
import { StateView } from '../../components/StateView';
import { isSinglePageMode } from '../../services/launch';
import { userStore } from '../../stores/user';
import './index.css';

interface Codes {
  chat?: string;
  moments?: string;
}

export default function Product() {
  const [id, setId] = useState('');
  const [product, setProduct] = useState<ProductDetail | null>(null);
  const [landing, setLanding] = useState<Landing | null>(null);
  const [via, setVia] = useState('');
  const [error, setError] = useState('');
  const [codes, setCodes] = useState<Codes>({});
  const [sheet, setSheet] = useState(false);
  const [poster, setPoster] = useState('');
  const [makingPoster, setMakingPoster] = useState(false);

  const makePoster = async () => {
    setSheet(false);
    setMakingPoster(true);
    const share = await createShare('product', id, 'poster');
    const code = share.ok ? await posterCode(share.data.code) : share;
    setMakingPoster(false);
    if (code.ok) setPoster(code.data.image);
    else Taro.showToast({ title: code.message, icon: 'none' });
  };

  const load = async (productId: string) => {
    setError('');
    const res = await getProduct(productId);
    if (!res.ok) return setError(res.message);
    setProduct(res.data);
    Taro.setNavigationBarTitle({ title: res.data.title.slice(0, 16) });
    // WeChat never says whether a share happened, so codes are made when the page loads.
    await userStore.login();
    if (!userStore.profile) return;
    const [chat, moments] = await Promise.all([createShare('product', productId, 'chat'), createShare('product', productId, 'moments')]);
    setCodes({ chat: chat.ok ? chat.data.code : undefined, moments: moments.ok ? moments.data.code : undefined });
  };

  useLoad((params) => {
    const productId = decodeURIComponent(params.id ?? '');
    setId(productId);
    setVia(decodeURIComponent(params.via ?? ''));
    if (isSinglePageMode() && params.sc) {
      // Opened from Moments: no identity; show the shared product read-only.
      void resolveShare(decodeURIComponent(params.sc)).then((res) => (res.ok ? setLanding(res.data) : setError(res.message)));
    } else if (productId) void load(productId);
    else setError('链接里没有商品信息');
  });

  useShareAppMessage(() => ({
    title: product ? `${product.title} ${product.subtitle}` : '校园种草',
    path: codes.chat ? `/pages/share/index?sc=${codes.chat}` : `/pages/product/index?id=${encodeURIComponent(id)}`,
    imageUrl: product?.images[0],
  }));
  useShareTimeline(() => ({
    title: product?.title ?? '校园种草',
    query: `id=${encodeURIComponent(id)}${codes.moments ? `&sc=${codes.moments}` : ''}`,
    imageUrl: product?.images[0],
  }));

  if (landing)
    return (
      <View className='page'>
        <ShareLanding landing={landing} />
      </View>
    );
  if (!product)
    return (
      <View className='page'>
        <StateView loading={!error} error={error} onRetry={id ? () => void load(id) : undefined} />
      </View>
    );
  return (
    <View className='page pd-page'>
      {via ? (
        <Text className='pd-via' data-testid='via-banner'>
          来自 {via} 的推荐
        </Text>
      ) : null}
      <Swiper className='pd-swiper' indicatorDots={product.images.length > 1}>
        {product.images.map((src) => (
          <SwiperItem key={src}>
            <Image className='pd-img' src={src} mode='aspectFill' />
          </SwiperItem>
        ))}
      </Swiper>
      <View className='section'>
        <Price fen={product.priceFen} originalFen={product.originalPriceFen} size='lg' />
        <Text className='pd-title'>{product.title}</Text>
        <Text className='pd-sub'>{product.subtitle}</Text>
        <Text className='muted'>{product.stock > 0 ? `库存 ${product.stock} 件` : '已售罄'}</Text>
      </View>
      {product.groupBuy ? (
        <View
          className='section pd-gb'
          data-testid='product-groupbuy'
          onClick={() => Taro.navigateTo({ url: `/pages/campaign/index?id=${product.groupBuy?.campaignId}` })}
        >
          <Text className='pd-gb-text'>
            {product.groupBuy.groupSize} 人拼团价 {formatFen(product.groupBuy.groupPriceFen)}
          </Text>
          <Text className='pd-gb-go'>去拼团 ›</Text>
        </View>
      ) : null}
      <View className='section'>
        <Text className='section-title'>商品介绍</Text>
        <Text className='pd-desc'>{product.description}</Text>
      </View>
      <View className='section pd-shop'>
        <Image className='pd-logo' src={product.merchant.logo} />
        <Text className='pd-shop-name'>{product.merchant.name}</Text>
      </View>
      <View className='pd-bar'>
        {process.env.TARO_ENV === 'weapp' ? (
          <View className='pd-actions'>
            <Button className='btn-plain pd-poster' loading={makingPoster} onClick={() => void makePoster()}>
              生成海报
            </Button>
            <Button className='btn-primary pd-share' openType='share'>
              分享给同学
            </Button>
          </View>
        ) : (
          <Button className='btn-primary pd-share' data-testid='share-button' disabled={!codes.chat} onClick={() => setSheet(true)}>
            分享给同学
          </Button>
        )}
      </View>
      {sheet && codes.chat ? <ShareSheet code={codes.chat} onClose={() => setSheet(false)} onPoster={() => void makePoster()} /> : null}
      {poster ? (
        <Poster
          title={product.title}
          priceFen={product.priceFen}
          image={product.images[0] ?? ''}
          sharerNickname={userStore.profile?.nickname ?? ''}
          codeImage={poster}
          onClose={() => setPoster('')}
        />
      ) : null}
    </View>
  );
}
