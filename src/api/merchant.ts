import type { AttributionRules, ShareResults } from '@core/contracts/share';
import { call } from './client';

export interface FunnelRow {
  channel: 'chat' | 'group' | 'moments' | 'poster';
  created: number;
  opens: number;
  binds: number;
}

export const getRules = () => call<ShareResults['getRules'], 'share'>('share', 'getRules');
export const setRules = (rules: AttributionRules) => call<ShareResults['setRules'], 'share'>('share', 'setRules', rules);
export const shareFunnel = (days = 30) => call<FunnelRow[], 'analytics'>('analytics', 'shareFunnel', { days });

export const merchantOrders = (state: 'confirmed' | 'shipped' | 'ready_for_pickup' | 'refunding' | 'all' = 'all') =>
  call<import('@core/contracts/groupbuy').OrderView[], 'merchant'>('merchant', 'listOrders', { state });
export const shipOrder = (orderId: string) => call<unknown, 'merchant'>('merchant', 'ship', { orderId });
export const approveRefund = (orderId: string) => call<{ refundFen: number }, 'merchant'>('merchant', 'approveRefund', { orderId });
export const readyForPickup = (orderId: string) => call<unknown, 'merchant'>('merchant', 'readyForPickup', { orderId });

export interface MerchantCampaign {
  id: string;
  title: string;
  groupPriceFen: number;
  groupSize: number;
  stock: number;
  status: 'live' | 'closed';
  endAt: number;
}
export const merchantCampaigns = () => call<MerchantCampaign[], 'merchant'>('merchant', 'listCampaigns');
export const merchantProducts = () => call<{ id: string; title: string; priceFen: number }[], 'merchant'>('merchant', 'listProducts');
export const createCampaign = (input: Record<string, unknown>) => call<{ campaignId: string }, 'merchant'>('merchant', 'createCampaign', input);
export const closeCampaign = (campaignId: string) => call<{ campaignId: string }, 'merchant'>('merchant', 'closeCampaign', { campaignId });
