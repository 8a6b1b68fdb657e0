#!/usr/bin/env node
// `npm run build` (and `npm install`, through `prepare`): compiles the sources
// into build/ and stamps it with the time the build started. bin/safeguard.js
// runs build/ only while no source is newer than that stamp.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const started = Date.now();
rmSync(new URL('../build', import.meta.url), { recursive: true, force: true });
const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));
const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
if (r.status !== 0) process.exit(r.status ?? 1);
writeFileSync(new URL('../build/.built', import.meta.url), String(started));
