import type { CampaignCard as Card } from '@core/contracts/groupbuy';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Price, Tag } from '../ui';
import './index.css';

export function CampaignCard({ campaign }: { campaign: Card }) {
  return (
    <View className='cc' data-testid='campaign-card' onClick={() => Taro.navigateTo({ url: `/pages/campaign/index?id=${encodeURIComponent(campaign.id)}` })}>
      <Image className='cc-img' src={campaign.image} mode='aspectFill' />
      <View className='cc-body'>
        <Text className='cc-title'>{campaign.title}</Text>
        <View className='cc-tags'>
          <Tag tone='warning'>{campaign.groupSize} 人团</Tag>
          {campaign.courseName ? <Tag tone='success'>同课拼团</Tag> : null}
          <Text className='cc-shop'>{campaign.merchantName}</Text>
        </View>
        <Price fen={campaign.groupPriceFen} originalFen={campaign.originalPriceFen} />
      </View>
    </View>
  );
}
