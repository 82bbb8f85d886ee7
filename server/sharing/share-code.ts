import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * A share code: 10 random letters and digits (about 59 bits), so codes cannot be guessed in
 * sequence, and short enough for a mini-program code's 32-character `scene`.
 */
export function newShareCode(): string {
  let out = '';
  while (out.length < 10) {
    for (const byte of randomBytes(16)) {
      // 248 = 4 × 62: bytes above it would favour the first letters, so they are skipped.
      if (byte < 248 && out.length < 10) out += ALPHABET[byte % 62];
    }
  }
  return out;
}
