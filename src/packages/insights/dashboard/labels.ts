// How the dashboard names channels, touch families and segment dimensions.
import type { FunnelChannel, TouchDimension, TouchFamily } from '@core/contracts/analytics';

export const CHANNEL_LABELS: Record<FunnelChannel, string> = { chat: '聊天卡片', group: '群聊卡片', moments: '朋友圈', poster: '海报' };
export const FAMILY_LABELS: Record<TouchFamily, string> = { reminder: '提醒', card: '精准卡片' };
export const DIMENSION_LABELS: Record<TouchDimension, string> = { scene: '课程场景', grade: '年级', major: '专业', campus: '校区' };
