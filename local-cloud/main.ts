// `npm start`: the local cloud on 127.0.0.1, serving the H5 app and the functions.
import { join } from 'node:path';
import { createLocalCloud } from './host';
import { createHttpServer } from './http';
import { readTriggers, startTimers } from './timers';

const root = join(__dirname, '..');
const port = Number(process.env.PORT ?? 10086);
const host = process.env.HOST ?? '127.0.0.1';

async function main() {
  const started = Date.now();
  const cloud = await createLocalCloud({ logWrite: process.env.SPROUT_QUIET ? () => {} : undefined });
  const triggers = readTriggers(root, Object.keys(cloud.functions));
  const server = createHttpServer({ cloud, triggers, h5Dir: join(root, 'dist', 'h5') });
  server.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EADDRINUSE') console.error(`端口 ${port} 已被占用（port ${port} is in use）。换一个端口：PORT=10087 npm start`);
    else console.error(e);
    process.exit(1);
  });
  server.listen(port, host, () => {
    cloud.setPublicUrl(`http://${host}:${port}`);
    // SPROUT_TIMERS=off: no timer fires (a test counting writes must not meet a minute boundary's sweep).
    const stop = process.env.SPROUT_TIMERS === 'off' ? () => {} : startTimers(cloud, triggers, (t, e) => console.error(`timer ${t.fn}/${t.name} failed`, e));
    console.log(`\nSprout 本地云已启动 (local cloud ready in ${Date.now() - started} ms${cloud.seeded ? ', demo data loaded' : ''})`);
    console.log(`  App:    http://${host}:${port}/`);
    console.log(`  Health: http://${host}:${port}/api/health\n`);
    const shutdown = () => {
      stop();
      server.close();
      cloud.close();
      process.exit(0);
    };
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
