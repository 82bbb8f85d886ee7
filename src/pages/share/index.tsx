// Where every share link lands (chat and group cards, posters' mini-program codes, H5 links).
// In Moments single-page mode it shows the target read-only; in the full app it records the
// open, applies the binding rules and goes on to the target.
import type { ShareLanding as Landing } from '@core/contracts/share';
import { GROUP_SCENES } from '@core/scenes';
import { Text, View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import { useState } from 'react';
import { openShare, resolveShare } from '../../api/share';
import { ShareLanding } from '../../components/ShareLanding';
import { Empty } from '../../components/ui';
import { enterScene, isSinglePageMode } from '../../services/launch';
import { userStore } from '../../stores/user';
import { safeDecode } from '../../utils/query';
import './index.css';

/** In a group chat, WeChat tells which group through an encrypted id the function decrypts. */
async function groupCloudId(scene: number): Promise<unknown> {
  if (process.env.TARO_ENV !== 'weapp' || !GROUP_SCENES.includes(scene)) return undefined;
  try {
    const info = (await Taro.getGroupEnterInfo({})) as { cloudID?: string };
    return info.cloudID ? (Taro.cloud.CloudID(info.cloudID) as unknown) : undefined;
  } catch {
    return undefined; // the open still counts for the group channel by its scene
  }
}

const TARGET_PAGES: Record<string, (id: string) => string> = {
  product: (id) => `/pages/product/index?id=${encodeURIComponent(id)}`,
  group: (id) => `/pages/group/index?id=${encodeURIComponent(id)}`,
  note: (id) => `/packages/notes/detail/index?id=${encodeURIComponent(id)}`,
  topic: (id) => `/packages/notes/topic/index?topic=${encodeURIComponent(id)}`,
  profile: (id) => `/packages/notes/profile/index?openid=${encodeURIComponent(id)}`,
};

export default function SharePage() {
  const [landing, setLanding] = useState<Landing | null>(null);
  const [invalid, setInvalid] = useState('');
  const [error, setError] = useState('');

  const run = async (code: string) => {
    setError('');
    if (isSinglePageMode()) {
      const res = await resolveShare(code);
      if (res.ok) setLanding(res.data);
      else if (res.code === 'CODE_INVALID') setInvalid(res.message);
      else setError(res.message);
      return;
    }
    await userStore.login();
    if (!userStore.profile) return; // being sent to sign in; this link comes back afterwards
    const scene = enterScene();
    const res = await openShare(code, scene, await groupCloudId(scene));
    if (!res.ok) {
      if (res.code === 'CODE_INVALID' || res.code === 'INVALID_INPUT') setInvalid('链接无效或已过期');
      else setError(res.message);
      return;
    }
    const page = TARGET_PAGES[res.data.targetType];
    const note = res.data.bound ? `&via=${encodeURIComponent(res.data.sharerNickname)}` : '';
    if (page) Taro.redirectTo({ url: `${page(res.data.targetId)}${note}` });
    else Taro.switchTab({ url: '/pages/index/index' });
  };

  useLoad((params) => {
    // A chat card carries ?sc=; a scanned mini-program code carries the code in `scene`.
    const raw = params.sc ?? (process.env.TARO_ENV === 'weapp' ? params.scene : undefined);
    const code = safeDecode(raw);
    if (code === null) setInvalid('链接已失效');
    else if (!code) setInvalid('链接无效或已过期');
    else void run(code);
  });

  const home = () => Taro.switchTab({ url: '/pages/index/index' });
  if (invalid) {
    return (
      <View className='page'>
        <Empty testId='share-invalid' title={invalid} hint='可能是链接不完整，或分享已超过有效期。请让同学重新分享一次。' actionText='回首页' onAction={home} />
      </View>
    );
  }
  if (landing)
    return (
      <View className='page'>
        <ShareLanding landing={landing} />
      </View>
    );
  return (
    <View className='page'>
      {error ? <Empty title='链接没有打开' hint={error} actionText='回首页' onAction={home} /> : <Text className='share-loading'>正在打开…</Text>}
    </View>
  );
}
