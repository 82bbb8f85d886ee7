// Deployed entry: WeChat Cloud calls main(event, context).
import { wxMain } from '../../server/wx/main';
import fn from './function';

export const main = wxMain(fn);
