// experiments: a merchant's A/B experiments (design, start, stop, weights, results) and the
// satisfaction survey students in them are asked. Assignment happens where features meet the
// student (server/experiments/exposure.ts), not here; results read rollups only.
import { experimentInput } from '../../core/contracts/experiments';
import { action, defineFunction } from '../../server/define';
import { listExperiments, saveExperiment, setWeights, startExperiment, stopExperiment } from '../../server/experiments/design';
import { experimentResults } from '../../server/experiments/results';
import { answerSurvey, pendingSurvey } from '../../server/experiments/survey';

export default defineFunction('experiments', {
  // Merchant actions (FORBIDDEN unless the caller runs a shop; NOT_FOUND for another shop's experiment).
  save: action({ input: experimentInput.save, run: (ctx, input) => saveExperiment(ctx, input) }),
  start: action({ input: experimentInput.start, run: (ctx, { experimentId }) => startExperiment(ctx, experimentId) }),
  stop: action({ input: experimentInput.stop, run: (ctx, { experimentId }) => stopExperiment(ctx, experimentId) }),
  setWeights: action({ input: experimentInput.setWeights, run: (ctx, { experimentId, weights }) => setWeights(ctx, experimentId, weights) }),
  list: action({ input: experimentInput.list, run: (ctx) => listExperiments(ctx) }),
  results: action({ input: experimentInput.results, run: (ctx, { experimentId }) => experimentResults(ctx, experimentId) }),
  // Student actions.
  survey: action({ input: experimentInput.survey, run: (ctx) => pendingSurvey(ctx) }),
  answerSurvey: action({ input: experimentInput.answerSurvey, run: (ctx, { experimentId, answers }) => answerSurvey(ctx, experimentId, answers) }),
});
