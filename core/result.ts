// What every cloud action answers: its data, or a code from a closed list and a message a
// person can act on. Faults are thrown inside and leave as INTERNAL, without internals.

export const COMMON_CODES = ['INVALID_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONTENT_REJECTED', 'INTERNAL'] as const;
export type CommonCode = (typeof COMMON_CODES)[number];

export type Ok<T> = { ok: true; data: T };
export type Fail<C extends string = string> = { ok: false; code: C; message: string };
export type Result<T, C extends string = CommonCode> = Ok<T> | Fail<C | CommonCode>;

export const ok = <T>(data: T): Ok<T> => ({ ok: true, data });
export const fail = <C extends string>(code: C, message: string): Fail<C> => ({ ok: false, code, message });
