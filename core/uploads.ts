// Files the app itself uploaded: cloud:// fileIDs in WeChat, /files/ paths on the local cloud.
// A product's pictures and a refund request's photos must be these (never any URL a client sends).

/** True for a file the app's upload made (cloud:// in WeChat, /files/ locally). */
export const isUpload = (fileId: string) => fileId.startsWith('cloud://') || fileId.startsWith('/files/');
