// The merchant's measurement: the dashboard in one call (everything for one window).
import type { DashboardDays, DashboardView } from '@core/contracts/analytics';
import { call } from './client';

export const dashboard = (days: DashboardDays) => call<DashboardView, 'analytics'>('analytics', 'dashboard', { days });
