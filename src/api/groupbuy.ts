import type { CampaignCard, CampaignDetail, GroupView, OrderView, PayResult } from '@core/contracts/groupbuy';
import { call } from './client';

/** A request id per user intent, so a retried tap never takes a second seat. */
export const newRequestId = () => `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`;

export const listCampaigns = () => call<CampaignCard[], 'groupbuy'>('groupbuy', 'listCampaigns');
export const getCampaign = (campaignId: string) => call<CampaignDetail, 'groupbuy'>('groupbuy', 'getCampaign', { campaignId });
export const openGroup = (campaignId: string, requestId: string) =>
  call<{ groupId: string; orderId: string }, 'groupbuy'>('groupbuy', 'open', { campaignId, requestId });
export const joinGroup = (groupId: string, requestId: string) =>
  call<{ groupId: string; orderId: string }, 'groupbuy'>('groupbuy', 'join', { groupId, requestId });
export const getGroup = (groupId: string) => call<GroupView, 'groupbuy'>('groupbuy', 'getGroup', { groupId });
export const payOrder = (orderId: string) => call<PayResult, 'order'>('order', 'pay', { orderId });
export const listOrders = () => call<OrderView[], 'order'>('order', 'list');
export const confirmReceipt = (orderId: string) => call<OrderView, 'order'>('order', 'confirmReceipt', { orderId });
