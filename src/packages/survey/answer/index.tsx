import { Text, View } from '@tarojs/components';

export default function Page() {
  return (
    <View className='page'>
      <Text>满意度问卷</Text>
    </View>
  );
}
