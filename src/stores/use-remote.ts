import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import type { ApiResult } from '../api/client';

/** Data a page shows from one cloud action: loaded when shown, refreshed on pull-down, with its error. */
export function useRemote<T>(load: () => Promise<ApiResult<T>>) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState('');
  const reload = async () => {
    setError('');
    const res = await load();
    if (res.ok) setData(res.data);
    else setError(res.message);
  };
  useDidShow(() => void reload());
  usePullDownRefresh(async () => {
    await reload();
    Taro.stopPullDownRefresh();
  });
  return { data, error, reload, loading: data === null && !error };
}
