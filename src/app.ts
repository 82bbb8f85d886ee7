import Taro, { useLaunch, usePageNotFound } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { goToSignInFirst } from './services/local-entry';
import { installPrivacyHandler } from './services/privacy';
import { userStore } from './stores/user';
import './app.css';

goToSignInFirst();

const NOT_FOUND = '/pages/not-found/index';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    installPrivacyHandler();
    void userStore.login();
  });
  // An unknown route (an old or mistyped link) gets a page with 回首页, not a blank screen.
  usePageNotFound((res) => {
    if (res.isEntryPage) void Taro.reLaunch({ url: NOT_FOUND });
    else void Taro.redirectTo({ url: NOT_FOUND });
  });
  return children;
}

export default App;
