// Ids made from what they name (a request, a pair of ids): the same parts always give the same
// id, so a retried request finds what its first attempt made. 32 hex characters of SHA-256.
import { createHash } from 'node:crypto';

export const hashId = (...parts: string[]) => createHash('sha256').update(parts.join('|')).digest('hex').slice(0, 32);
