import { useLaunch } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { goToSignInFirst } from './services/local-entry';
import { installPrivacyHandler } from './services/privacy';
import { userStore } from './stores/user';
import './app.css';

goToSignInFirst();

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    installPrivacyHandler();
    void userStore.login();
  });
  return children;
}

export default App;
