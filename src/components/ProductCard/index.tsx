import type { ProductCard as Card } from '@core/contracts/catalog';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Price } from '../Price';
import './index.css';

export function ProductCard({ product }: { product: Card }) {
  const open = () => Taro.navigateTo({ url: `/pages/product/index?id=${encodeURIComponent(product.id)}` });
  return (
    <View className='product-card' onClick={open} data-testid='product-card'>
      <Image className='product-card-img' src={product.image} mode='aspectFill' lazyLoad />
      <View className='product-card-body'>
        <Text className='product-card-title'>{product.title}</Text>
        <Text className='product-card-sub'>{product.subtitle}</Text>
        <View className='product-card-foot'>
          <Price fen={product.priceFen} originalFen={product.originalPriceFen} />
          <Text className='product-card-shop'>{product.merchantName}</Text>
        </View>
      </View>
    </View>
  );
}
