// The local stand-in for cloud storage: images a student uploads (avatars) are kept under the
// data folder and served from /files/, as cloud:// fileIDs are in WeChat.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { HttpError, readBody } from './request-body';

const MAX_IMAGE = 2 * 1024 * 1024;
const TYPES: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp' };

export async function saveUpload(filesDir: string, folder: string, contentType: string, body: IncomingMessage): Promise<string> {
  if (!/^[a-z][a-z0-9-]{0,31}$/.test(folder)) throw new HttpError(400, 'folder must be a short lowercase name');
  const ext = TYPES[contentType.split(';')[0].trim()];
  if (!ext) throw new HttpError(415, 'only png, jpeg, gif or webp images');
  const data = await readBody(body, MAX_IMAGE);
  if (data.length === 0) throw new HttpError(400, 'empty upload');
  // Named by content, so the same picture uploaded twice is one file.
  const name = `${createHash('sha256').update(data).digest('hex').slice(0, 32)}.${ext}`;
  mkdirSync(join(filesDir, folder), { recursive: true });
  writeFileSync(join(filesDir, folder, name), data);
  return `/files/${folder}/${name}`;
}
