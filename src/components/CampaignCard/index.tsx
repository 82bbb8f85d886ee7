import type { CampaignCard as Card } from '@core/contracts/groupbuy';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Price } from '../Price';
import './index.css';

export function CampaignCard({ campaign }: { campaign: Card }) {
  return (
    <View className='cc' data-testid='campaign-card' onClick={() => Taro.navigateTo({ url: `/pages/campaign/index?id=${encodeURIComponent(campaign.id)}` })}>
      <Image className='cc-img' src={campaign.image} mode='aspectFill' />
      <View className='cc-body'>
        <Text className='cc-title'>{campaign.title}</Text>
        <View className='cc-tags'>
          <Text className='cc-tag'>{campaign.groupSize} 人团</Text>
          {campaign.courseOnly ? <Text className='cc-tag'>课程专属</Text> : null}
          <Text className='cc-shop'>{campaign.merchantName}</Text>
        </View>
        <Price fen={campaign.groupPriceFen} originalFen={campaign.originalPriceFen} />
      </View>
    </View>
  );
}
