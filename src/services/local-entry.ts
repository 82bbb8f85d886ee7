/** WeChat signs students in itself: nothing to do before the app starts. (H5: local-entry.h5.ts) */
export function goToSignInFirst(): void {}
