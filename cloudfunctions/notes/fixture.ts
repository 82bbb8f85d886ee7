// The world for the notes function's tests: the group-buy fixture (OWNER runs SHOP, whose
// product PRODUCT is on sale; KOC is an approved KOC of SHOP's program), typed calls to `notes`,
// WeChat's image verdicts delivered as its push would, and a second product to delist.
import type { NotesResults, NoteView } from '../../core/contracts/notes';
import { deliverMediaCheck } from '../../local-cloud/media-check-sim';
import { SHOP, world } from '../groupbuy/fixture';

type Answer<T> = { ok: true; data: T } | { ok: false; code: string; message: string };

export const OFF_PRODUCT = 'fx-off-product';

export async function notesWorld(options: Parameters<typeof world>[0] = {}) {
  const w = await world(options);
  await w.cloud.db.collection('products').add({
    data: {
      _id: OFF_PRODUCT,
      merchantId: SHOP,
      title: '下架的杯子',
      subtitle: '',
      description: '',
      priceFen: 990,
      originalPriceFen: null,
      stock: 0,
      stocked: 0,
      images: [],
      category: 'life',
      status: 'off_sale',
      listedKey: `${w.clock.now()}_${OFF_PRODUCT}`,
      createdAt: new Date(w.clock.now()),
    },
  });
  const notes = <T>(who: string, event: Record<string, unknown>) => w.call<T>('notes', who, event) as Promise<Answer<T>>;
  const must = async <T>(who: string, event: Record<string, unknown>): Promise<T> => {
    const r = await notes<T>(who, event);
    if (!r.ok) throw new Error(`${String(event.action)}: ${r.code} ${r.message}`);
    return r.data;
  };
  let n = 0;
  /** A publish event with sensible content; `extra` overrides any field. */
  const publishInput = (extra: Record<string, unknown> = {}) => ({
    action: 'publish',
    title: '宿舍台灯测评',
    body: '用了两周，三档亮度很护眼，晚上写作业刚好。',
    images: [],
    topics: ['#宿舍好物'],
    productIds: [],
    requestId: `note-request-${n++}`,
    ...extra,
  });
  const publish = (who: string, extra: Record<string, unknown> = {}) => must<NotesResults['publish']>(who, publishInput(extra));
  const get = (who: string, noteId: string) => must<NoteView>(who, { action: 'get', noteId });
  /** WeChat's verdict on the pending checks of this file (or trace id), as its push delivers it. */
  const verdict = (key: { fileId?: string; traceId?: string }, pass: boolean) => deliverMediaCheck(w.cloud, key, pass);
  return { ...w, notes, must, publishInput, publish, get, verdict };
}
