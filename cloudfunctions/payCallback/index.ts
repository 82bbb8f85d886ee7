// Deployed entry. WeChat Pay wants {errcode: 0} at the top level (cloudPay), or an HTTP 200
// (APIv3 over HTTP access), or it delivers again (for up to a day): a fault answers an error so
// the notice is retried, never lost.
import { wxMain } from '../../server/wx/main';
import fn, { platformAnswer } from './function';

const handle = wxMain(fn);

export const main = async (event: unknown) => platformAnswer(event, await handle(event));
