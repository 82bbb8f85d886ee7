// How an experiment's state reads in the list and on its page.
import type { ExperimentStatus, ExperimentView } from '@core/contracts/experiments';
import type { TagTone } from '../../../components/ui';

export const STATUS_NAMES: Record<ExperimentStatus, string> = { draft: '草稿', running: '进行中', stopped: '已结束' };
export const STATUS_TONES: Record<ExperimentStatus, TagTone> = { draft: 'neutral', running: 'success', stopped: 'info' };

/** A running experiment before its start time exposes nobody yet: say so. */
export function waitingToStart(e: Pick<ExperimentView, 'status' | 'startAt'>, now: number): boolean {
  return e.status === 'running' && now < e.startAt;
}

/** 对照组 50% · 实验组 50% */
export const armsLine = (e: Pick<ExperimentView, 'arms'>) => e.arms.map((a) => `${a.name} ${a.weight}%`).join(' · ');
