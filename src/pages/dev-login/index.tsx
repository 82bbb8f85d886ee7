// H5 + local cloud only: WeChat logs a student in by itself; locally you choose who you are.
import { Text, View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import { useState } from 'react';
import { newLocalStudentOpenid, setLocalOpenid } from '../../api/local-identity';
import { Empty } from '../../components/ui';
import { userStore } from '../../stores/user';
import './index.css';

interface DemoUser {
  openid: string;
  nickname: string;
  roles: string[];
  blurb: string;
}

export default function DevLogin() {
  const [users, setUsers] = useState<DemoUser[]>([]);
  const [error, setError] = useState('');
  const [loading, setLoading] = useState(true);

  const load = async () => {
    setLoading(true);
    setError('');
    try {
      const res = await fetch('/api/dev/users');
      if (!res.ok) throw new Error(String(res.status));
      setUsers(((await res.json()) as { users: DemoUser[] }).users);
    } catch {
      setError('连不上本地云，请确认 npm start 正在运行');
    } finally {
      setLoading(false);
    }
  };
  const [back, setBack] = useState('');
  useLoad((params) => {
    setBack(decodeURIComponent(params.back ?? ''));
    void load();
  });

  const choose = async (openid: string) => {
    setLocalOpenid(openid);
    await userStore.login(true);
    // Back to the link that brought the visitor here (a share card), or home.
    if (back.startsWith('/pages/')) Taro.reLaunch({ url: back });
    else Taro.switchTab({ url: '/pages/index/index' });
  };

  return (
    <View className='page'>
      <View className='dl-head'>
        <Text className='dl-title'>校园种草 · 本地云</Text>
        <Text className='dl-sub'>选择一个演示身份进入。正式小程序里由微信登录，不会出现这个页面。</Text>
      </View>
      {loading ? <Text className='muted'>加载中…</Text> : null}
      {error ? <Empty title='演示用户没有加载出来' hint={error} actionText='重试' onAction={load} /> : null}
      {users.map((u) => (
        <View key={u.openid} className='dl-user' data-testid={`login-${u.openid}`} onClick={() => void choose(u.openid)}>
          <View className='dl-avatar'>{u.nickname.slice(0, 1)}</View>
          <View className='dl-info'>
            <Text className='dl-name'>{u.nickname}</Text>
            <Text className='dl-blurb'>
              {u.blurb} · {u.openid}
            </Text>
          </View>
        </View>
      ))}
      {!loading && !error ? (
        <View className='dl-user dl-new' data-testid='login-new' onClick={() => void choose(newLocalStudentOpenid())}>
          <View className='dl-avatar'>+</View>
          <View className='dl-info'>
            <Text className='dl-name'>一位新同学</Text>
            <Text className='dl-blurb'>第一次打开小程序的学生</Text>
          </View>
        </View>
      ) : null}
    </View>
  );
}
