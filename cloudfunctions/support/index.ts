// Deployed entry: WeChat Cloud calls main(event, context). A customer-service push is answered
// through customerServiceMessage.send; WeChat only wants 'success' back from the push itself.
import { wxMain } from '../../server/wx/main';
import fn, { pushAnswer } from './function';

const handle = wxMain(fn);

export const main = async (event: unknown, context?: { time_limit_in_ms?: number }) => pushAnswer(event, await handle(event, context));
