import { Button, Text, View } from '@tarojs/components';
import './index.css';

/** The states every list and page has besides its content: loading, failed (with retry), empty. */
export function StateView(props: { loading?: boolean; error?: string; empty?: string; emptyHint?: string; onRetry?: () => void }) {
  if (props.error) {
    return (
      <View className='state state-error'>
        <Text className='state-title'>加载失败</Text>
        <Text className='state-hint'>{props.error}</Text>
        {props.onRetry ? (
          <Button className='btn-plain state-btn' size='mini' onClick={props.onRetry}>
            重试
          </Button>
        ) : null}
      </View>
    );
  }
  if (props.loading)
    return (
      <View className='state'>
        <Text className='state-hint'>加载中…</Text>
      </View>
    );
  if (props.empty) {
    return (
      <View className='state'>
        <Text className='state-title'>{props.empty}</Text>
        {props.emptyHint ? <Text className='state-hint'>{props.emptyHint}</Text> : null}
      </View>
    );
  }
  return null;
}
