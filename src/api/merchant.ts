import type { AttributionRules, ShareResults } from '@core/contracts/share';
import { call } from './client';

export interface FunnelRow {
  channel: 'chat' | 'group' | 'moments' | 'poster';
  created: number;
  opens: number;
  binds: number;
}

export const getRules = () => call<ShareResults['getRules']>('share', 'getRules');
export const setRules = (rules: AttributionRules) => call<ShareResults['setRules']>('share', 'setRules', rules);
export const shareFunnel = (days = 30) => call<FunnelRow[]>('analytics', 'shareFunnel', { days });
