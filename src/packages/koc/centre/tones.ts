// How each pipeline state is coloured, shared by the centre and the application page.
import { PIPELINE_TONES, type PipelineState } from '@core/koc-pipeline';
import type { TagTone } from '../../../components/ui';

export const STATE_TONES: Record<PipelineState, TagTone> = PIPELINE_TONES;

/** 人人可赚: every student earns on the shop's cards; 达人计划: only its selected KOCs. */
export const MODE_NAMES = { everyone: '人人可赚', approved: '达人计划' } as const;
