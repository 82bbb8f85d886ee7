// Every index Sprout needs, in one place. The local database creates them in SQLite; for
// WeChat Cloud create the same ones in the console (云开发控制台 > 数据库 > 索引管理), unique
// where marked. A query on a field listed here is served by the index in both places.
import type { IndexPlan } from './index-spec';

export const indexes: IndexPlan = {
  users: [
    // _id is the openid, so login needs no index of its own.
    { name: 'campus', fields: [['campusId', 'asc']], why: 'students of one campus' },
  ],
  campuses: [],
  merchants: [{ name: 'owner', fields: [['ownerOpenid', 'asc']], why: "a merchant user's shops" }],
  products: [
    {
      name: 'status_listed',
      fields: [
        ['status', 'asc'],
        ['listedKey', 'desc'],
      ],
      why: 'home feed: newest products on sale',
    },
    {
      name: 'status_category_listed',
      fields: [
        ['status', 'asc'],
        ['category', 'asc'],
        ['listedKey', 'desc'],
      ],
      why: 'feed filtered by category',
    },
    { name: 'merchant', fields: [['merchantId', 'asc']], why: "a merchant's products" },
  ],
};

/** Collections that exist; a test checks that code only touches these. */
export const COLLECTIONS = Object.keys(indexes);
