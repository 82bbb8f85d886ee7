// The `experiments` function: a merchant's A/B experiments (design, start, stop, weights,
// results) and the satisfaction survey a student in one may be asked.
// Types only from the contract: zod stays out of the student pages (scripts/size-report.mjs).
import type { Answers, ExperimentResultsByAction, experimentInput } from '@core/contracts/experiments';
import type { z } from 'zod';
import { call } from './client';

export type ExperimentSaveInput = z.input<typeof experimentInput.save>;

type Action = keyof ExperimentResultsByAction;
const x = <A extends Action>(action: A, input: object = {}) => call<ExperimentResultsByAction[A], 'experiments'>('experiments', action, input);

// Merchant (FORBIDDEN for anyone without a shop).
/** A draft: new (the requestId names it, so a retry makes one) or, with experimentId, edited. */
export const saveExperiment = (input: ExperimentSaveInput) => x('save', input);
/** Draft → running: the design is fixed from here on. */
export const startExperiment = (experimentId: string) => x('start', { experimentId });
export const stopExperiment = (experimentId: string) => x('stop', { experimentId });
/** Running: weights for students not yet assigned; assigned ones keep their arm. */
export const setExperimentWeights = (experimentId: string, weights: number[]) => x('setWeights', { experimentId, weights });
export const listExperiments = () => x('list');
export const experimentResults = (experimentId: string) => x('results', { experimentId });

// Student.
/** The survey waiting for the caller, or null. */
export const pendingSurvey = () => x('survey');
/** Recorded once; a repeat answers { recorded: false }. */
export const answerSurvey = (experimentId: string, answers: Answers) => x('answerSurvey', { experimentId, answers });
