import { Text, View } from '@tarojs/components';

export default function Page() {
  return (
    <View className='page'>
      <Text>实验</Text>
    </View>
  );
}
