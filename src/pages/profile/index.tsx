import type { Campus } from '@core/contracts/user';
import { GRADES, INTERESTS, INTERESTS_MAX, MAJOR_MAX, NICKNAME_MAX } from '@core/profile';
import { Button, Image, Input, Picker, Text, View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { uploadImage } from '../../api/transport';
import { listCampuses } from '../../api/user';
import { PrivacySheet } from '../../components/PrivacySheet';
import { toast, Button as UiButton } from '../../components/ui';
import { userStore } from '../../stores/user';
import './index.css';

type Profile = NonNullable<typeof userStore.profile>;

// The form is mounted only once the profile is loaded: its fields start from the stored
// profile. (Opened by a fresh page load, the profile arrives after the first render; a form
// that started empty then saved empty fields over the student's school, grade and interests.)
export default observer(function ProfileEdit() {
  const profile = userStore.profile;
  const [campuses, setCampuses] = useState<Campus[]>([]);

  useLoad(async () => {
    const res = await listCampuses();
    if (res.ok) setCampuses(res.data);
  });

  if (!profile)
    return (
      <View className='page'>
        <Text className='pf-loading'>加载中…</Text>
      </View>
    );
  return <ProfileForm profile={profile} campuses={campuses} />;
});

function ProfileForm({ profile, campuses }: { profile: Profile; campuses: Campus[] }) {
  const [nickname, setNickname] = useState(profile.nickname);
  const [avatarUrl, setAvatarUrl] = useState(profile.avatarUrl);
  const [campusId, setCampusId] = useState<string | null>(profile.campusId);
  const [grade, setGrade] = useState<string | null>(profile.grade);
  const [major, setMajor] = useState(profile.major);
  const [interests, setInterests] = useState<string[]>(profile.interests);
  const [saving, setSaving] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState('');

  const applyAvatar = async (tempPath: string) => {
    setUploading(true);
    try {
      setAvatarUrl(await uploadImage(tempPath, 'avatars'));
    } catch {
      toast('头像上传失败，请重试', 'error');
    } finally {
      setUploading(false);
    }
  };
  const pickAvatarH5 = async () => {
    const res = await Taro.chooseImage({ count: 1, sizeType: ['compressed'] }).catch(() => null);
    if (res?.tempFilePaths[0]) await applyAvatar(res.tempFilePaths[0]);
  };
  const toggleInterest = (i: string) => {
    if (interests.includes(i)) setInterests(interests.filter((x) => x !== i));
    else if (interests.length >= INTERESTS_MAX) toast(`最多选 ${INTERESTS_MAX} 个`);
    else setInterests([...interests, i]);
  };
  const save = async () => {
    const name = nickname.trim();
    if (!name) return setError('昵称不能为空');
    setSaving(true);
    setError('');
    const res = await userStore.update({
      nickname: name,
      avatarUrl: avatarUrl || undefined,
      campusId,
      grade: grade as (typeof GRADES)[number] | null,
      major: major.trim(),
      interests: interests as (typeof INTERESTS)[number][],
    });
    setSaving(false);
    if (!res.ok) return setError(res.message);
    toast('已保存', 'success');
    setTimeout(() => Taro.navigateBack().catch(() => Taro.switchTab({ url: '/pages/me/index' })), 600);
  };

  const campusIndex = Math.max(
    0,
    campuses.findIndex((c) => c.id === campusId),
  );
  const gradeIndex = Math.max(0, grade ? GRADES.indexOf(grade as (typeof GRADES)[number]) : 0);
  const avatar = avatarUrl ? (
    <Image className='pf-avatar' src={avatarUrl} mode='aspectFill' />
  ) : (
    <View className='pf-avatar pf-avatar-empty'>{nickname.slice(0, 1) || '我'}</View>
  );

  return (
    <View className='page'>
      <View className='section pf-avatar-row'>
        {process.env.TARO_ENV === 'weapp' ? (
          <Button className='pf-avatar-btn' openType='chooseAvatar' onChooseAvatar={(e) => void applyAvatar(e.detail.avatarUrl)}>
            {avatar}
          </Button>
        ) : (
          <View className='pf-avatar-btn' onClick={() => void pickAvatarH5()}>
            {avatar}
          </View>
        )}
        <Text className='muted'>{uploading ? '上传中…' : '点击更换头像'}</Text>
      </View>
      <View className='section'>
        <View className='pf-row'>
          <Text className='pf-label'>昵称</Text>
          <Input
            className='pf-input'
            type='nickname'
            data-testid='nickname-input'
            value={nickname}
            maxlength={NICKNAME_MAX}
            placeholder='怎么称呼你'
            onInput={(e) => setNickname(e.detail.value)}
            onBlur={(e) => setNickname(e.detail.value)}
          />
        </View>
        <Picker
          mode='selector'
          range={campuses.map((c) => c.name)}
          value={campusIndex}
          onChange={(e) => setCampusId(campuses[Number(e.detail.value)]?.id ?? null)}
        >
          <View className='pf-row'>
            <Text className='pf-label'>学校</Text>
            <Text className={campusId ? 'pf-value' : 'pf-placeholder'}>
              {campuses.find((c) => c.id === campusId)?.name ?? profile.campusName ?? '选择学校'}
            </Text>
          </View>
        </Picker>
        <Picker mode='selector' range={[...GRADES]} value={gradeIndex} onChange={(e) => setGrade(GRADES[Number(e.detail.value)] ?? null)}>
          <View className='pf-row'>
            <Text className='pf-label'>年级</Text>
            <Text className={grade ? 'pf-value' : 'pf-placeholder'}>{grade ?? '选择年级'}</Text>
          </View>
        </Picker>
        <View className='pf-row'>
          <Text className='pf-label'>专业</Text>
          <Input className='pf-input' value={major} maxlength={MAJOR_MAX} placeholder='例如：软件工程' onInput={(e) => setMajor(e.detail.value)} />
        </View>
      </View>
      <View className='section'>
        <Text className='section-title'>兴趣（最多 {INTERESTS_MAX} 个）</Text>
        <View>
          {INTERESTS.map((i) => (
            <Text key={i} className={`chip ${interests.includes(i) ? 'chip-on' : ''}`} onClick={() => toggleInterest(i)}>
              {i}
            </Text>
          ))}
        </View>
      </View>
      {error ? <Text className='pf-error'>{error}</Text> : null}
      <View className='pf-actions'>
        <UiButton type='primary' size='large' block testId='save-profile' loading={saving} disabled={uploading} onClick={save}>
          保存
        </UiButton>
      </View>
      <PrivacySheet />
    </View>
  );
}
