// Every cloud function the local cloud hosts. A test checks that each folder under
// cloudfunctions/ is listed here, so a new function cannot be forgotten.
import catalog from '../cloudfunctions/catalog/function';
import user from '../cloudfunctions/user/function';
import type { CloudFunction } from '../server/define';

export const functions: Record<string, CloudFunction> = { user, catalog };
