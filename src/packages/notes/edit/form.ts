// The note editor's form: what the student typed, checked by the contract's own schema (zod is
// allowed here, in the notes subpackage, and stays out of the main package), so the messages
// beside each field are the server's. Topics are added one at a time as # chips; products are
// picked from the catalog's search; 已购 links one of the student's own paid orders of a
// tagged product.
import type { NoteProduct, NoteView } from '@core/contracts/notes';
import { notesInput } from '@core/contracts/notes';
import { NOTE_LIMITS, normalizeTopic } from '@core/notes/rules';
import type { NoteContent } from '../../../api/notes';

export type FieldErrors = Partial<Record<'title' | 'body' | 'images' | 'topics' | 'productIds' | 'orderId' | '_', string>>;

export interface NoteForm {
  /** Set when editing a note that exists. */
  noteId?: string;
  requestId: string;
  title: string;
  body: string;
  images: string[];
  topics: string[];
  products: NoteProduct[];
  orderId: string | null;
}

export const emptyNoteForm = (requestId: string): NoteForm => ({ requestId, title: '', body: '', images: [], topics: [], products: [], orderId: null });

/**
 * A note back into the form, to edit it. The view does not carry the linked order's id, so 已购
 * has to be linked again (the editor offers the student's orders of the tagged products).
 */
export function formOfNote(n: NoteView, requestId: string): NoteForm {
  return { noteId: n.noteId, requestId, title: n.title, body: n.body, images: [...n.images], topics: [...n.topics], products: [...n.products], orderId: null };
}

const FIELDS = ['title', 'body', 'images', 'topics', 'productIds', 'orderId'] as const;
const CJK = /[\u4e00-\u9fff]/;

/** The input publish or edit takes, or one message per field (the schema's own Chinese ones). */
export function checkNote(form: NoteForm, draft: boolean): { input: NoteContent; errors: null } | { input: null; errors: FieldErrors } {
  const content = {
    title: form.title,
    body: form.body,
    images: form.images,
    topics: form.topics,
    productIds: form.products.map((p) => p.id),
    ...(form.orderId ? { orderId: form.orderId } : {}),
    draft,
  };
  const res = notesInput.publish.safeParse({ ...content, requestId: form.requestId });
  if (res.success) {
    const { requestId: _r, ...input } = res.data;
    return { input, errors: null };
  }
  const errors: FieldErrors = {};
  for (const issue of res.error.issues) {
    const top = String(issue.path[0] ?? '_');
    const field = (FIELDS as readonly string[]).includes(top) ? (top as (typeof FIELDS)[number]) : '_';
    if (!errors[field]) errors[field] = CJK.test(issue.message) ? issue.message : '请检查这一项';
  }
  return { input: null, errors };
}

/** Adds a topic typed as "#运动" or "运动": the new list, or why not. */
export function addTopic(topics: readonly string[], typed: string): { topics: string[]; error: null } | { topics: null; error: string } {
  const t = normalizeTopic(typed);
  if (!t) return { topics: null, error: '话题不能为空' };
  if (t.length > NOTE_LIMITS.topic) return { topics: null, error: `话题最多 ${NOTE_LIMITS.topic} 个字` };
  if (topics.includes(t)) return { topics: null, error: '已经加过这个话题了' };
  if (topics.length >= NOTE_LIMITS.topics) return { topics: null, error: `话题最多 ${NOTE_LIMITS.topics} 个` };
  return { topics: [...topics, t], error: null };
}

/** Tags a product (at most NOTE_LIMITS.products, once each). */
export function addProduct(products: readonly NoteProduct[], p: NoteProduct): { products: NoteProduct[]; error: null } | { products: null; error: string } {
  if (products.some((x) => x.id === p.id)) return { products: null, error: '已经标记过这个商品了' };
  if (products.length >= NOTE_LIMITS.products) return { products: null, error: `最多标记 ${NOTE_LIMITS.products} 个商品` };
  return { products: [...products, p], error: null };
}

/** Untags a product; the 已购 order goes with it when it was an order of that product. */
export function removeProduct(form: NoteForm, productId: string, orderProduct: (orderId: string) => string | null): NoteForm {
  const products = form.products.filter((p) => p.id !== productId);
  const orderId = form.orderId && orderProduct(form.orderId) === productId ? null : form.orderId;
  return { ...form, products, orderId };
}

export interface OwnOrder {
  id: string;
  title: string;
  paidAt: number | null;
  createdAt: number;
}

/**
 * The student's paid orders that can back 已购: orders of a tagged product. Orders name their
 * product by title only (OrderView has no productId), so an order matches the tagged product of
 * the same title; the server checks the order's product again.
 */
export function purchasableOrders(orders: readonly OwnOrder[], products: readonly NoteProduct[]): (OwnOrder & { productId: string })[] {
  const byTitle = new Map(products.map((p) => [p.title, p.id]));
  return orders.flatMap((o) => {
    const productId = byTitle.get(o.title);
    return productId && o.paidAt !== null ? [{ ...o, productId }] : [];
  });
}
