import { Button as TaroButton, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import { privacy } from '../../services/privacy';
import { Button } from '../ui';
import './index.css';

/** Shown when WeChat needs the student's consent before a privacy API; see services/privacy. */
export const PrivacySheet = observer(function PrivacySheet() {
  if (!privacy.visible) return null;
  const openContract = () => (Taro as unknown as { openPrivacyContract?: (o: object) => void }).openPrivacyContract?.({});
  return (
    <View className='privacy-mask'>
      <View className='privacy-sheet'>
        <Text className='privacy-title'>用户隐私保护提示</Text>
        <Text className='privacy-text'>
          使用头像、昵称等功能前，请阅读
          <Text className='privacy-link' onClick={openContract}>
            《校园种草隐私保护指引》
          </Text>
          。我们只为你选择的功能使用这些信息；不同意也可以继续浏览。
        </Text>
        <View className='privacy-actions'>
          <Button size='large' block onClick={() => privacy.disagree()}>
            不同意
          </Button>
          {/* WeChat's agree button must be its own open-type button with an id; styled like ours. */}
          <TaroButton
            id='agree-privacy'
            className='ui-btn ui-btn-primary ui-btn-large ui-btn-block privacy-btn'
            openType='agreePrivacyAuthorization'
            onAgreePrivacyAuthorization={() => privacy.agree('agree-privacy')}
          >
            同意并继续
          </TaroButton>
        </View>
      </View>
    </View>
  );
});
