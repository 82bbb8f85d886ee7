// Query parameters come from links people paste and WeChat cards; a broken one (`sc=%%%`) must
// give the page a way to say 链接已失效, not throw URIError.

/** decodeURIComponent that answers null for malformed input instead of throwing. */
export function safeDecode(value: string | undefined | null): string | null {
  if (value === undefined || value === null) return '';
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/** Decoded parameters, and whether any of them was malformed. */
export function decodeParams<K extends string>(params: Partial<Record<string, string>>, keys: readonly K[]): { values: Record<K, string>; broken: boolean } {
  const values = {} as Record<K, string>;
  let broken = false;
  for (const k of keys) {
    const v = safeDecode(params[k]);
    if (v === null) broken = true;
    values[k] = v ?? '';
  }
  return { values, broken };
}
