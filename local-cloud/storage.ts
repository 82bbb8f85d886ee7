// The local stand-in for cloud storage: images a student uploads (avatars) are kept under the
// data folder and served from /files/, as cloud:// fileIDs are in WeChat.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';

const MAX_IMAGE = 2 * 1024 * 1024;
const TYPES: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp' };

export class UploadError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function saveUpload(filesDir: string, folder: string, contentType: string, body: IncomingMessage): Promise<string> {
  if (!/^[a-z][a-z0-9-]{0,31}$/.test(folder)) throw new UploadError(400, 'folder must be a short lowercase name');
  const ext = TYPES[contentType.split(';')[0].trim()];
  if (!ext) throw new UploadError(415, 'only png, jpeg, gif or webp images');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > MAX_IMAGE) throw new UploadError(413, 'image over 2 MB');
    chunks.push(chunk as Buffer);
  }
  const data = Buffer.concat(chunks);
  if (data.length === 0) throw new UploadError(400, 'empty upload');
  // Named by content, so the same picture uploaded twice is one file.
  const name = `${createHash('sha256').update(data).digest('hex').slice(0, 32)}.${ext}`;
  mkdirSync(join(filesDir, folder), { recursive: true });
  writeFileSync(join(filesDir, folder, name), data);
  return `/files/${folder}/${name}`;
}
