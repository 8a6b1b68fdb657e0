#!/usr/bin/env node
// `npm run build`: compiles the sources into build/ and stamps it with the time
// the build started; bin/safeguard.js runs build/ only while no source is
// newer than that stamp. `npm install` runs it too (the `prepare` script, with
// --if-possible): there a failed build (no TypeScript installed, a type error
// in a tree being edited) leaves no build/, says so, and does not fail the
// install, since the CLI then runs the sources through tsx.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const lenient = process.argv.includes('--if-possible');
const started = Date.now();
rmSync(new URL('../build', import.meta.url), { recursive: true, force: true });

const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));
const r = existsSync(tsc) ? spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' }) : null;
if (r?.status !== 0) {
  rmSync(new URL('../build', import.meta.url), { recursive: true, force: true });
  console.error(`safeguard: build/ not made (${r ? 'tsc failed' : 'TypeScript is not installed'}); the CLI runs the sources through tsx`);
  process.exit(lenient ? 0 : 1);
}
writeFileSync(new URL('../build/.built', import.meta.url), String(started));
