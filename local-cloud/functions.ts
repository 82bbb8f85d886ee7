// Every cloud function the local cloud hosts. A test checks that each folder under
// cloudfunctions/ is listed here, so a new function cannot be forgotten.
import analytics from '../cloudfunctions/analytics/function';
import catalog from '../cloudfunctions/catalog/function';
import commission from '../cloudfunctions/commission/function';
import experiments from '../cloudfunctions/experiments/function';
import groupbuy from '../cloudfunctions/groupbuy/function';
import koc from '../cloudfunctions/koc/function';
import merchant from '../cloudfunctions/merchant/function';
import notes from '../cloudfunctions/notes/function';
import order from '../cloudfunctions/order/function';
import payCallback from '../cloudfunctions/payCallback/function';
import share from '../cloudfunctions/share/function';
import support from '../cloudfunctions/support/function';
import timetable from '../cloudfunctions/timetable/function';
import user from '../cloudfunctions/user/function';
import type { CloudFunction } from '../server/define';

export const functions: Record<string, CloudFunction> = {
  user,
  catalog,
  share,
  analytics,
  groupbuy,
  order,
  payCallback,
  merchant,
  commission,
  timetable,
  koc,
  notes,
  support,
  experiments,
};
