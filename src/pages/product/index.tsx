import type { ProductDetail } from '@core/contracts/catalog';
import { Image, Swiper, SwiperItem, Text, View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import { useState } from 'react';
import { getProduct } from '../../api/catalog';
import { Price } from '../../components/Price';
import { StateView } from '../../components/StateView';
import './index.css';

export default function Product() {
  const [id, setId] = useState('');
  const [product, setProduct] = useState<ProductDetail | null>(null);
  const [error, setError] = useState('');

  const load = async (productId: string) => {
    setError('');
    const res = await getProduct(productId);
    if (res.ok) {
      setProduct(res.data);
      Taro.setNavigationBarTitle({ title: res.data.title.slice(0, 16) });
    } else setError(res.message);
  };

  useLoad((params) => {
    const productId = decodeURIComponent(params.id ?? '');
    setId(productId);
    if (productId) void load(productId);
    else setError('链接里没有商品信息');
  });

  if (!product)
    return (
      <View className='page'>
        <StateView loading={!error} error={error} onRetry={id ? () => void load(id) : undefined} />
      </View>
    );
  return (
    <View className='page'>
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
      <View className='section'>
        <Text className='section-title'>商品介绍</Text>
        <Text className='pd-desc'>{product.description}</Text>
      </View>
      <View className='section pd-shop'>
        <Image className='pd-logo' src={product.merchant.logo} />
        <Text className='pd-shop-name'>{product.merchant.name}</Text>
      </View>
    </View>
  );
}
