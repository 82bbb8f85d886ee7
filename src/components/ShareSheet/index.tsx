// H5 only: WeChat has its own share sheet; in a browser the card is a link to copy and send.
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, toast } from '../ui';
import { useMaskedNavBar } from '../ui/mask';
import './index.css';

export function shareLink(code: string, scene?: number): string {
  const base = `${window.location.origin}${window.location.pathname}`;
  return `${base}#/pages/share/index?sc=${code}${scene ? `&wxscene=${scene}` : ''}`;
}

export function ShareSheet({ code, onClose, onPoster }: { code: string; onClose: () => void; onPoster?: () => void }) {
  useMaskedNavBar();
  const chat = shareLink(code);
  const group = shareLink(code, 1008);
  const copy = (data: string) => Taro.setClipboardData({ data }).catch(() => toast('复制失败，请长按链接手动复制'));
  return (
    <View className='sheet-mask' onClick={onClose}>
      <View className='sheet' onClick={(e) => e.stopPropagation()}>
        <Text className='sheet-title'>分享给同学</Text>
        <Text className='sheet-label'>私聊链接</Text>
        <Text className='sheet-link' data-testid='share-link' userSelect>
          {chat}
        </Text>
        <Button block onClick={() => copy(chat)}>
          复制链接
        </Button>
        <Text className='sheet-label'>群聊链接（在群里打开记为群聊渠道）</Text>
        <Text className='sheet-link' data-testid='share-link-group' userSelect>
          {group}
        </Text>
        <Button block onClick={() => copy(group)}>
          复制群聊链接
        </Button>
        {onPoster ? (
          <View className='sheet-poster'>
            <Button type='primary' size='large' block onClick={onPoster}>
              生成海报
            </Button>
          </View>
        ) : null}
      </View>
    </View>
  );
}
