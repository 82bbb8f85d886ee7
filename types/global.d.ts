/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5';
  }
}

// The native countdown component used from React pages on weapp (see components/Countdown).
declare namespace JSX {
  interface IntrinsicElements {
    'sprout-countdown': { end: number; skew?: number; label?: string; onExpire?: () => void; class?: string };
  }
}
