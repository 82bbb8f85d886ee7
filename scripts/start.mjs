// npm start: build what is missing, then run the local cloud (functions + H5 app) on 127.0.0.1.
import { spawn } from 'node:child_process';
import { ensureH5Build } from './h5-build.mjs';

const root = new URL('..', import.meta.url).pathname;
ensureH5Build();
const child = spawn(process.execPath, ['--import', 'tsx', 'local-cloud/main.ts'], { cwd: root, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
