#!/usr/bin/env node
// Runs the compiled CLI in build/ (made by `npm install`, through the `prepare`
// script, or `npm run build`) while it is up to date with the sources
// (fresh.js); otherwise the TypeScript sources through tsx, so an edited
// checkout never runs stale code. The compiled copy starts about half a second
// sooner: nothing is compiled, and tsx's loader thread is never started.
import { fileURLToPath } from 'node:url';
import { buildIsCurrent } from './fresh.js';

let cli;
if (buildIsCurrent(fileURLToPath(new URL('..', import.meta.url)))) {
  cli = await import('../build/cli.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../cli.ts');
}
process.exitCode = await cli.main(process.argv);
