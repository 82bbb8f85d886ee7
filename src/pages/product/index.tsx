import type { ProductDetail } from '@core/contracts/catalog';
import type { CampaignDetail } from '@core/contracts/groupbuy';
import type { ShareLanding as Landing } from '@core/contracts/share';
import { formatFen } from '@core/money';
import { Image, Swiper, SwiperItem, Text, View } from '@tarojs/components';
import Taro, { useLoad, useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import { useState } from 'react';
import { getProduct } from '../../api/catalog';
import { getCampaign } from '../../api/groupbuy';
import { posterCode, resolveShare } from '../../api/share';
import { type CheckoutMode, CheckoutSheet, type Ordered } from '../../components/CheckoutSheet';
import { ContactButton } from '../../components/ContactButton';
import { usePayment } from '../../components/PaySheet/usePayment';
import { Poster } from '../../components/Poster';
import { ProductReviews } from '../../components/ProductReviews';
import { ShareLanding } from '../../components/ShareLanding';
import { ShareSheet } from '../../components/ShareSheet';
import { ActionBar, Button, Empty, Price, Tag, toast } from '../../components/ui';
import { isSinglePageMode } from '../../services/launch';
import { useOpenedRef } from '../../services/opened';
import { useShareCodes, withCode } from '../../services/share-code';
import { userStore } from '../../stores/user';
import { decodeParams } from '../../utils/query';
import './index.css';

const goHome = () => Taro.switchTab({ url: '/pages/index/index' });

export default function Product() {
  const [id, setId] = useState('');
  const [product, setProduct] = useState<ProductDetail | null>(null);
  const [campaign, setCampaign] = useState<CampaignDetail | null>(null);
  const [landing, setLanding] = useState<Landing | null>(null);
  const [via, setVia] = useState('');
  const [error, setError] = useState('');
  const [sheetCode, setSheetCode] = useState('');
  const [poster, setPoster] = useState('');
  const [checkout, setCheckout] = useState<CheckoutMode | null>(null);
  const shareCode = useShareCodes('product', id);
  const { pay, sheet: paySheet } = usePayment();
  // Opened from a reminder or the home page's precision card (?ref=): counted once.
  useOpenedRef();

  const makePoster = async () => {
    setSheetCode('');
    const code = await shareCode('poster');
    const image = code ? await posterCode(code) : null;
    if (image?.ok) setPoster(image.data.image);
    else toast(image ? image.message : '海报没有生成，请重试', 'error');
  };
  const openShareSheet = async () => {
    await userStore.login();
    const code = await shareCode('chat');
    if (code) setSheetCode(code);
    else toast('分享链接没有生成，请重试', 'error');
  };

  const load = async (productId: string) => {
    setError('');
    const res = await getProduct(productId);
    if (!res.ok) return setError(res.code === 'NOT_FOUND' ? '商品不存在' : res.message);
    setProduct(res.data);
    void Taro.setNavigationBarTitle({ title: res.data.title.slice(0, 16) });
    if (res.data.groupBuy) {
      const c = await getCampaign(res.data.groupBuy.campaignId);
      if (c.ok) setCampaign(c.data);
    }
  };

  useLoad((params) => {
    const { values, broken } = decodeParams(params, ['id', 'via', 'sc']);
    if (broken) return setError('链接已失效');
    setId(values.id);
    setVia(values.via);
    if (isSinglePageMode() && values.sc) {
      // Opened from Moments: no identity; show the shared product read-only.
      void resolveShare(values.sc).then((res) => (res.ok ? setLanding(res.data) : setError(res.message)));
    } else if (values.id) void load(values.id);
    else setError('链接已失效');
  });

  const productPath = `/pages/product/index?id=${encodeURIComponent(id)}`;
  useShareAppMessage(() =>
    withCode(
      { title: product ? `${product.title} ${product.subtitle}` : '校园种草', path: productPath, imageUrl: product?.images[0] },
      shareCode('chat'),
      (code) => ({
        path: `/pages/share/index?sc=${code}`,
      }),
    ),
  );
  useShareTimeline(() =>
    withCode({ title: product?.title ?? '校园种草', query: `id=${encodeURIComponent(id)}`, imageUrl: product?.images[0] }, shareCode('moments'), (code) => ({
      query: `id=${encodeURIComponent(id)}&sc=${code}`,
    })),
  );

  const ordered = async (o: Ordered) => {
    setCheckout(null);
    if (o.groupId) {
      // The group page pays for the seat and shows who else is in it.
      void Taro.navigateTo({ url: `/pages/group/index?id=${o.groupId}&pay=1` });
      return;
    }
    const paid = await pay(o.orderId);
    if (paid) toast('支付成功', 'success');
    void Taro.navigateTo({ url: `/packages/order/detail/index?id=${o.orderId}` });
  };

  if (landing)
    return (
      <View className='page'>
        <ShareLanding landing={landing} />
      </View>
    );
  if (!product)
    return (
      <View className='page'>
        {error ? (
          <Empty
            title={error}
            hint={error === '商品不存在' ? '可能已经下架了，去首页看看别的吧' : error === '链接已失效' ? '链接可能不完整，请让同学重新分享一次' : undefined}
            actionText='回首页'
            onAction={goHome}
            secondaryText={id && error !== '链接已失效' ? '重试' : undefined}
            onSecondary={() => load(id)}
            testId='product-error'
          />
        ) : (
          <Text className='pd-loading'>加载中…</Text>
        )}
      </View>
    );
  const gb = product.groupBuy;
  const soldOut = product.stock <= 0;
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
      <View className='section pd-main'>
        <View className='pd-price-row'>
          <Price fen={product.priceFen} originalFen={product.originalPriceFen} size='lg' />
          {soldOut ? <Tag tone='neutral'>已售罄</Tag> : <Text className='muted'>库存 {product.stock} 件</Text>}
        </View>
        <Text className='pd-title'>{product.title}</Text>
        {product.subtitle ? <Text className='pd-sub'>{product.subtitle}</Text> : null}
      </View>
      {gb ? (
        <View className='section pd-gb' data-testid='product-groupbuy' onClick={() => Taro.navigateTo({ url: `/pages/campaign/index?id=${gb.campaignId}` })}>
          <View className='pd-gb-main'>
            <Text className='pd-gb-text'>
              {gb.groupSize} 人拼团价 {formatFen(gb.groupPriceFen)}
            </Text>
            <Text className='pd-gb-hint'>看看正在拼的团，直接参团更快成团</Text>
          </View>
          <Text className='pd-gb-go'>去看看 ›</Text>
        </View>
      ) : null}
      <View className='section'>
        <Text className='section-title'>商品介绍</Text>
        <Text className='pd-desc'>{product.description || '商家还没有写介绍'}</Text>
      </View>
      <ProductReviews productId={product.id} />
      <View className='section pd-shop'>
        {product.merchant.logo ? <Image className='pd-logo' src={product.merchant.logo} /> : null}
        <Text className='pd-shop-name'>{product.merchant.name}</Text>
        <ContactButton merchantId={product.merchant.id} />
      </View>
      <View className='section pd-share-row'>
        <Text className='pd-share-hint'>觉得不错？分享给同学一起看看</Text>
        {process.env.TARO_ENV === 'weapp' ? (
          <View className='pd-share-btns'>
            <Button size='small' onClick={makePoster}>
              生成海报
            </Button>
            <Button size='small' type='ghost' openType='share'>
              分享给同学
            </Button>
          </View>
        ) : (
          <Button size='small' type='ghost' testId='share-button' onClick={openShareSheet}>
            分享给同学
          </Button>
        )}
      </View>
      <ActionBar>
        <Button size='large' block disabled={soldOut} testId='buy-alone' onClick={() => setCheckout({ kind: 'solo', productId: product.id })}>
          {soldOut ? '已售罄' : `单独购买 ${formatFen(product.priceFen)}`}
        </Button>
        {gb ? (
          <Button
            size='large'
            type='primary'
            block
            disabled={!campaign}
            testId='start-group'
            onClick={() =>
              campaign &&
              setCheckout({
                kind: 'open',
                productId: product.id,
                campaignId: campaign.id,
                groupPriceFen: campaign.groupPriceFen,
                groupSize: campaign.groupSize,
                perStudentLimit: campaign.perStudentLimit,
              })
            }
          >
            {`发起拼单 ${formatFen(gb.groupPriceFen)}`}
          </Button>
        ) : null}
      </ActionBar>
      {checkout ? (
        <CheckoutSheet
          mode={checkout}
          title={checkout.kind === 'solo' ? '单独购买' : `发起拼单 · ${checkout.kind === 'open' ? checkout.groupSize : ''} 人成团`}
          onClose={() => setCheckout(null)}
          onOrdered={ordered}
        />
      ) : null}
      {sheetCode ? <ShareSheet code={sheetCode} onClose={() => setSheetCode('')} onPoster={() => void makePoster()} /> : null}
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
      {paySheet}
    </View>
  );
}
