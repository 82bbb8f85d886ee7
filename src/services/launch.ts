// How the app was entered: WeChat's scene number (1007 chat card, 1008 group card, 1154 Moments
// single-page mode, ...). On H5 the local cloud's links carry it as `wxscene` in the query.
import { MOMENTS_SINGLE_PAGE_SCENE } from '@core/scenes';
import Taro from '@tarojs/taro';

const CHAT_CARD = 1007;

function h5Query(): URLSearchParams {
  const hash = window.location.hash;
  return new URLSearchParams(hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '');
}

export function enterScene(): number {
  if (process.env.TARO_ENV === 'h5') return Number(h5Query().get('wxscene')) || CHAT_CARD;
  return Taro.getEnterOptionsSync().scene;
}

/** Opened from Moments: no identity, no login, read-only (WeChat's single-page mode). */
export function isSinglePageMode(): boolean {
  return enterScene() === MOMENTS_SINGLE_PAGE_SCENE;
}
