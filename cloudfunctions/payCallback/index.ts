// Deployed entry. WeChat Pay wants {errcode: 0} at the top level, or it delivers again (for up
// to a day): a fault answers errcode 1 so the payment is retried, never lost.
import { wxMain } from '../../server/wx/main';
import fn from './function';

const handle = wxMain(fn);

export const main = async (event: unknown) => {
  const res = await handle(event);
  return res.ok ? res.data : { errcode: 1, errmsg: res.code };
};
