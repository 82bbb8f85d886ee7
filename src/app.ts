import { useLaunch } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { installPrivacyHandler } from './services/privacy';
import { userStore } from './stores/user';
import './app.css';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    installPrivacyHandler();
    void userStore.login();
  });
  return children;
}

export default App;
