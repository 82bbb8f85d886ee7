// Loads the demo world into an empty database. Idempotent: it does nothing once users exist.

import { campusDay, campusDayStart } from '../../core/campus-days';
import { listedKey } from '../../server/catalog/products';
import { termsOf } from '../../server/catalog/search';
import type { Db } from '../../server/db/types';
import { DEMO_CAMPAIGNS, DEMO_CAMPUS, DEMO_MERCHANTS, DEMO_PRODUCTS, DEMO_USERS } from './demo';

export async function seedIfEmpty(db: Db, now: number): Promise<boolean> {
  if ((await db.collection('users').count()).total > 0) return false;
  await db.collection('campuses').add({ data: DEMO_CAMPUS });
  for (const m of DEMO_MERCHANTS) {
    await db.collection('merchants').add({ data: m });
    // The demo KOCs are approved KOCs of every demo shop (their trial passed), so their cards earn.
    for (const u of DEMO_USERS.filter((x) => x.roles.includes('koc')))
      await db
        .collection('koc_members')
        .add({ data: { _id: `${m._id}:${u.openid}`, merchantId: m._id, openid: u.openid, since: new Date(now), via: 'trial' } });
  }
  for (const [i, p] of DEMO_PRODUCTS.entries()) {
    const { color: _c, short: _s, ...doc } = p;
    const listedAt = now - i * 3600_000;
    await db.collection('products').add({
      data: {
        ...doc,
        images: [`/assets/products/${p._id}.svg`],
        status: 'on_sale',
        listedKey: listedKey(listedAt, p._id),
        createdAt: new Date(listedAt),
        terms: termsOf(doc),
        stocked: doc.stock,
        sold: 0,
      },
    });
  }
  for (const c of DEMO_CAMPAIGNS) {
    const p = DEMO_PRODUCTS.find((x) => x._id === c.productId) as (typeof DEMO_PRODUCTS)[number];
    await db.collection('campaigns').add({
      data: {
        ...c,
        // Everything ever put in: free + set aside + sold always adds up to it.
        stocked: c.stock,
        merchantId: p.merchantId,
        title: p.title,
        image: `/assets/products/${p._id}.svg`,
        description: p.description,
        originalPriceFen: p.priceFen,
        startAt: new Date(now - 3600_000),
        endAt: new Date(now + 30 * 86_400_000),
        perStudentLimit: 2,
        course: null,
        leaderRewardFen: 0,
        status: 'live',
        heldGroups: [],
        createdAt: new Date(now),
      },
    });
  }
  await seedEvents(db, now);
  for (const u of DEMO_USERS) {
    await db.collection('users').add({
      data: {
        _id: u.openid,
        roles: u.roles,
        campusId: DEMO_CAMPUS._id,
        nickname: u.nickname,
        avatarUrl: '',
        grade: u.grade,
        major: u.major,
        interests: u.interests,
        createdAt: new Date(now),
        updatedAt: new Date(now),
      },
    });
  }
  return true;
}

/**
 * 云朵便利店's KOC events, so 等级与特权 has something to show: a tasting open now to every tier
 * (高级 two days ago, 中级 yesterday, 初级 today, each at 10:00 campus time) and a trial drop whose
 * 初级 turn is the next 10:00. Times sit on campus hours (10:00 openings, 22:00 closings, the
 * tasting at 14:00), counted from the last 10:00 that has passed so the tasting is open whenever
 * the seed runs.
 */
async function seedEvents(db: Db, now: number): Promise<void> {
  const H = 3600_000;
  const D = 24 * H;
  // The latest campus 10:00 at or before now.
  const ten = campusDayStart(campusDay(now - 10 * H)) + 10 * H;
  const base = { merchantId: 'm-yunduo', description: '', taken: 0, holders: [], headStartHours: 24, createdAt: new Date(now) };
  await db.collection('koc_events').add({
    data: {
      ...base,
      _id: 'event-demo-tasting',
      kind: 'event',
      title: '冬季新品试吃会',
      description: '现场试吃三款新品零食，拍一篇笔记分享给同学。',
      place: '二食堂二楼活动室',
      startsAt: ten + 5 * D + 4 * H, // 14:00
      productId: null,
      capacity: 12,
      opensAt: ten - 2 * D,
      closesAt: ten + 3 * D + 12 * H, // 22:00
    },
  });
  await db.collection('koc_events').add({
    data: {
      ...base,
      _id: 'event-demo-trial',
      kind: 'trial',
      title: '气泡水试用名额',
      description: '¥0 领一箱气泡水，喝完写下真实感受。',
      place: null,
      startsAt: null,
      productId: 'p-sparkling',
      capacity: 5,
      opensAt: ten - D,
      closesAt: ten + 4 * D + 12 * H, // 22:00
    },
  });
}
