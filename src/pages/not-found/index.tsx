// An address that leads nowhere (a mistyped or outdated link, a page that was removed): say so
// and offer the way home, instead of a blank screen.
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Empty } from '../../components/ui';

export default function NotFound() {
  return (
    <View className='page'>
      <Empty
        title='页面不存在'
        hint='链接可能写错了，或者这个页面已经下线'
        actionText='回首页'
        onAction={() => Taro.switchTab({ url: '/pages/index/index' })}
        testId='not-found'
      />
    </View>
  );
}
