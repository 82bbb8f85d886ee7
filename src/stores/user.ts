import type { Profile, UpdateProfileInput } from '@core/contracts/user';
import Taro from '@tarojs/taro';
import { makeAutoObservable, runInAction } from 'mobx';
import { currentRoute, hasIdentity, onSignInPage, signInPage } from '../api/transport';
import * as userApi from '../api/user';
import { isSinglePageMode } from '../services/launch';

class UserStore {
  profile: Profile | null = null;
  status: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  error = '';
  private pending: Promise<void> | null = null;

  constructor() {
    makeAutoObservable(this);
  }

  /** Logs in once per launch; pages await it before calling anything that needs a profile. */
  login(force = false): Promise<void> {
    if (this.pending && !force) return this.pending;
    this.pending = this.doLogin();
    return this.pending;
  }

  private async doLogin() {
    // Opened from Moments, WeChat runs the page without identity and without wx.login.
    if (isSinglePageMode()) return;
    if (signInPage && !hasIdentity()) {
      // The local cloud has no WeChat login: pick a demo user first, then come back here.
      if (onSignInPage()) return;
      const back = currentRoute();
      void Taro.reLaunch({ url: back ? `${signInPage}?back=${encodeURIComponent(back)}` : signInPage });
      return;
    }
    runInAction(() => {
      this.status = 'loading';
      this.error = '';
    });
    const res = await userApi.login();
    runInAction(() => {
      if (res.ok) {
        this.profile = res.data.profile;
        this.status = 'ready';
      } else {
        this.status = 'error';
        this.error = res.message;
      }
    });
  }

  async update(input: UpdateProfileInput): Promise<{ ok: true } | { ok: false; message: string }> {
    const res = await userApi.updateProfile(input);
    if (!res.ok) return { ok: false, message: res.message };
    runInAction(() => {
      this.profile = res.data;
    });
    return { ok: true };
  }

  get isMerchant() {
    return Boolean(this.profile?.roles.includes('merchant'));
  }

  /** A shop's own account: no student or KOC role, so no orders, commissions or referrers of its own. */
  get isMerchantOnly() {
    const roles = this.profile?.roles ?? [];
    return roles.includes('merchant') && !roles.includes('student') && !roles.includes('koc');
  }
}

export const userStore = new UserStore();
