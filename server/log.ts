export interface Log {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** One JSON line per entry: what WeChat Cloud's log search and a terminal both read well. */
export function jsonLog(base: Record<string, unknown>, write: (line: string) => void = (l) => console.log(l)): Log {
  const emit = (level: string) => (message: string, fields?: Record<string, unknown>) =>
    write(JSON.stringify({ level, message, ...base, ...fields }, (_k, v) => (v instanceof Error ? { name: v.name, message: v.message, stack: v.stack } : v)));
  return { info: emit('info'), warn: emit('warn'), error: emit('error') };
}
