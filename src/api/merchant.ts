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

export const merchantOrders = (state: 'confirmed' | 'shipped' | 'ready_for_pickup' | 'refunding' | 'all' = 'all') =>
  call<import('@core/contracts/groupbuy').OrderView[]>('merchant', 'listOrders', { state });
export const shipOrder = (orderId: string) => call<unknown>('merchant', 'ship', { orderId });
export const readyForPickup = (orderId: string) => call<unknown>('merchant', 'readyForPickup', { orderId });
