import type { ShareResults, TargetType } from '@core/contracts/share';
import { call } from './client';

export const createShare = (targetType: TargetType, targetId: string, channel: 'chat' | 'moments' | 'poster') =>
  call<ShareResults['create'], 'share'>('share', 'create', { targetType, targetId, channel });
export const resolveShare = (code: string) => call<ShareResults['resolve'], 'share'>('share', 'resolve', { code });
export const openShare = (code: string, scene: number, group?: unknown) =>
  call<ShareResults['open'], 'share'>('share', 'open', { code, scene, ...(group ? { group } : {}) });
export const posterCode = (code: string) => call<ShareResults['posterCode'], 'share'>('share', 'posterCode', { code });
export const myBinding = () => call<ShareResults['myBinding'], 'share'>('share', 'myBinding');
export const shareStats = () => call<ShareResults['stats'], 'share'>('share', 'stats');
