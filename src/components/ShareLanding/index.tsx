// What a Moments visitor sees: the shared product read-only, from the public resolve action.
import type { ShareLanding as Landing } from '@core/contracts/share';
import { Image, Text, View } from '@tarojs/components';
import { Price } from '../Price';
import './index.css';

export function ShareLanding({ landing }: { landing: Landing }) {
  return (
    <View className='landing'>
      {landing.image ? <Image className='landing-img' src={landing.image} mode='aspectFill' /> : null}
      <View className='section'>
        {landing.priceFen !== null ? <Price fen={landing.priceFen} size='lg' /> : null}
        <Text className='landing-title' data-testid='landing-title'>
          {landing.title}
        </Text>
        {landing.subtitle ? <Text className='landing-sub'>{landing.subtitle}</Text> : null}
        {landing.sharerNickname ? <Text className='muted'>来自 {landing.sharerNickname} 的分享</Text> : null}
      </View>
      <View className='section landing-hint'>
        <Text>点击屏幕下方“前往小程序”，查看更多同学推荐和拼团</Text>
      </View>
    </View>
  );
}
