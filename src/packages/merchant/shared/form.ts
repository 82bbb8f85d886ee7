// Field errors for the merchant's forms: the contract's zod schema checks input in the page
// (its Chinese messages appear next to the field), and an INVALID_INPUT answer from the server
// ("title: 标题至少 2 个字; stock: 库存要是整数") is split back onto the same fields.
import type { ZodType } from 'zod';

export type FieldErrors = Record<string, string>;

const CJK = /[\u4e00-\u9fff]/;

/**
 * Checks input against a schema; answers the data or one message per top-level field. Messages
 * the contract left to zod's defaults (English in the app, which loads no locale) are replaced
 * by `fallback[field]`, or by a plain 请检查这一项.
 */
export function check<T>(
  schema: ZodType<T>,
  input: unknown,
  fallback: Record<string, string> = {},
): { data: T; errors: null } | { data: null; errors: FieldErrors } {
  const res = schema.safeParse(input);
  if (res.success) return { data: res.data, errors: null };
  const errors: FieldErrors = {};
  for (const issue of res.error.issues) {
    const field = String(issue.path[0] ?? '_');
    if (errors[field]) continue;
    errors[field] = CJK.test(issue.message) ? issue.message : (fallback[field] ?? '请检查这一项');
  }
  return { data: null, errors };
}

/**
 * Splits a server's INVALID_INPUT message into the fields it names; what names no known field
 * stays under '_' for the form's general error line.
 */
export function serverErrors(message: string, fields: readonly string[], fallback: Record<string, string> = {}): FieldErrors {
  const errors: FieldErrors = {};
  const rest: string[] = [];
  for (const part of message.split(/;\s*/)) {
    const m = /^([A-Za-z]\w*)(?:\.[\w.]+)?:\s*(.+)$/.exec(part.trim());
    if (m && fields.includes(m[1])) {
      if (!errors[m[1]]) errors[m[1]] = CJK.test(m[2]) && !/期望|expected/i.test(m[2]) ? m[2] : (fallback[m[1]] ?? '请检查这一项');
    } else if (part.trim()) rest.push(part.trim());
  }
  if (rest.length) errors._ = rest.join('；');
  return errors;
}

/** A whole number typed into a field, or NaN for anything else (empty, decimals, letters). */
export function intOf(text: string): number {
  return /^\s*\d{1,9}\s*$/.test(text) ? Number(text) : Number.NaN;
}

/** "12.5" (%) -> 1250 basis points; NaN when it is not a number with at most 2 decimals. */
export function bpOfPercent(text: string): number {
  return /^\s*\d{1,3}(\.\d{1,2})?\s*$/.test(text) ? Math.round(Number(text) * 100) : Number.NaN;
}

/** 1250 -> "12.5" for a percent field. */
export const percentOf = (bp: number) => String(bp / 100);

/** 1230 fen -> "12.30" for a yuan field. */
export const yuanOf = (fen: number) => (fen / 100).toFixed(2);
