#!/usr/bin/env node
// `npm run build`: compiles the sources into build/ and stamps it with the time
// the build started; bin/safeguard.js runs build/ only while no source is
// newer than that stamp. `npm install` runs it too (the `prepare` script, with
// --if-possible): there a failed build (no TypeScript installed, a type error
// in a tree being edited) leaves no build/, says so, and does not fail the
// install, since the CLI then runs the sources through tsx. It also saves the
// parsed bundled DfE files for the compiled code (dfe-cache.ts).
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
// The bundled DfE files, parsed by the code just compiled and saved for it to
// read back (pipeline/benchmarks/dfe-cache.ts). Without the copy the compiled
// code parses the files each run, so failing here costs speed, not figures.
const save = spawnSync(
  process.execPath,
  ['--input-type=module', '-e', "(await import('./build/pipeline/benchmarks/dfe-store.js')).saveBundledDfeDataset()"],
  { cwd: root, stdio: 'inherit' },
);
if (save.status !== 0) {
  console.error('safeguard: the bundled DfE dataset was not saved into build/; the compiled CLI parses the files each run');
  if (!lenient) process.exit(1);
}
writeFileSync(new URL('../build/.built', import.meta.url), String(started));
