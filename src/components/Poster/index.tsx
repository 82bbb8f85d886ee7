// The poster on H5: the same content as the weapp canvas poster, as a page element to
// screenshot or long-press (browsers cannot hand an image to WeChat's share menu).
import { formatFen } from '@core/money';
import { Image, Text, View } from '@tarojs/components';
import { Button } from '../ui';
import './index.css';

export interface PosterProps {
  title: string;
  priceFen: number | null;
  image: string;
  sharerNickname: string;
  codeImage: string;
  onClose: () => void;
}

export function Poster(p: PosterProps) {
  return (
    <View className='poster-mask' onClick={p.onClose}>
      <View className='poster' data-testid='poster' onClick={(e) => e.stopPropagation()}>
        <Image className='poster-img' src={p.image} mode='aspectFill' />
        <Text className='poster-title'>{p.title}</Text>
        {p.priceFen !== null ? <Text className='poster-price'>{formatFen(p.priceFen)}</Text> : null}
        <View className='poster-foot'>
          <View className='poster-who'>
            <Text className='poster-nick'>{p.sharerNickname} 推荐</Text>
            <Text className='poster-hint'>扫码查看 · 校园种草</Text>
          </View>
          <Image className='poster-code' src={p.codeImage} data-testid='poster-code' />
        </View>
      </View>
      <View className='poster-close'>
        <Button onClick={p.onClose}>关闭</Button>
      </View>
    </View>
  );
}
