#!/usr/bin/env node
// `npm run build`: bundles the sources into build/ with esbuild and stamps it
// with the time the build started; bin/safeguard.js runs build/ only while no
// source is newer than that stamp. `npm install` runs it too (the `prepare`
// script, with --if-possible): there a failed build leaves no build/, says so,
// and does not fail the install, since the CLI then runs the sources through
// tsx. Types are checked by `npm test` (tsc), not here.
//
// One bundle, split at the commands' dynamic imports, starts each command
// about 0.1 s sooner than the same code as a hundred modules (our own, the
// DuckDB API's and commander's), each found, read and compiled by Node on its
// own. exceljs, bundled into the report commands' chunk, loads in about
// 0.15 s less than from its hundreds of files. Left outside: DuckDB's native
// binding.
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = fileURLToPath(new URL('../build', import.meta.url));
const lenient = process.argv.includes('--if-possible');
const started = Date.now();
rmSync(out, { recursive: true, force: true });

function fail(why) {
  rmSync(out, { recursive: true, force: true });
  console.error(`safeguard: build/ not made (${why}); the CLI runs the sources through tsx`);
  process.exit(lenient ? 0 : 1);
}

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  fail('esbuild is not installed');
}
try {
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: { cli: 'cli.ts', 'dfe-store': 'pipeline/benchmarks/dfe-store.ts' },
    outdir: out,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['@duckdb/node-bindings'],
    // the DuckDB API is CommonJS and loads its native binding with require
    banner: { js: "import { createRequire as __safeguardCreateRequire } from 'node:module'; const require = __safeguardCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  });
} catch (e) {
  fail(`esbuild failed: ${e instanceof Error ? e.message.split('\n')[0] : e}`);
}

// The bundled DfE files, parsed by the code just built and saved for it to
// read back (pipeline/benchmarks/dfe-cache.ts). Without the copy the built
// code parses the files each run, so failing here costs speed, not figures.
try {
  (await import(new URL('../build/dfe-store.js', import.meta.url).href)).saveBundledDfeDataset();
} catch (e) {
  console.error(`safeguard: the bundled DfE dataset was not saved into build/ (${e instanceof Error ? e.message.split('\n')[0] : e}); the built CLI parses the files each run`);
  if (!lenient) process.exit(1);
}
writeFileSync(new URL('../build/.built', import.meta.url), String(started));
