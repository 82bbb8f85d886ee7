import type { IncomingMessage } from 'node:http';

/** An answer with an HTTP status: the one error type the local cloud's server maps to a response. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Reads a request body, refusing it (413) past `max` bytes. */
export async function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) throw new HttpError(413, `request body over ${Math.round(max / 1024)} KB`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
