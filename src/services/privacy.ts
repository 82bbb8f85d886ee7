// WeChat's privacy consent: when a privacy API (avatar chooser, nickname input, album) is used
// before the student agreed, WeChat calls onNeedPrivacyAuthorization; we show our consent
// sheet and answer WeChat with the student's choice. Refusing only skips that feature.
import Taro from '@tarojs/taro';
import { makeAutoObservable } from 'mobx';

type Resolve = (result: { event: 'agree' | 'disagree'; buttonId?: string }) => void;

class PrivacyState {
  visible = false;
  private resolve: Resolve | null = null;

  constructor() {
    makeAutoObservable(this);
  }

  ask(resolve: Resolve) {
    this.resolve = resolve;
    this.visible = true;
  }

  agree(buttonId: string) {
    this.resolve?.({ event: 'agree', buttonId });
    this.close();
  }

  disagree() {
    this.resolve?.({ event: 'disagree' });
    this.close();
  }

  private close() {
    this.resolve = null;
    this.visible = false;
  }
}

export const privacy = new PrivacyState();

export function installPrivacyHandler(): void {
  if (process.env.TARO_ENV !== 'weapp') return;
  const on = (Taro as unknown as { onNeedPrivacyAuthorization?: (cb: (resolve: Resolve) => void) => void }).onNeedPrivacyAuthorization;
  on?.((resolve) => privacy.ask(resolve));
}
