#!/usr/bin/env node
// Runs the compiled CLI in build/ (made by `npm install`, through the `prepare`
// script, or `npm run build`) while no source file is newer than the build;
// otherwise the TypeScript sources through tsx, so an edited checkout never
// runs stale code. The compiled copy starts about half a second sooner: tsx
// compiles nothing then, and its loader thread is never started.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = ['cli.ts', 'pipeline', 'metrics', 'reports', 'fixtures'];

function builtAt() {
  try {
    return Number(readFileSync(join(root, 'build', '.built'), 'utf8'));
  } catch {
    return null;
  }
}

/** True when some .ts source (tests aside) was changed at or after `since`. */
function changedSince(path, since) {
  const st = statSync(path);
  if (st.isDirectory()) return readdirSync(path).some((name) => changedSince(join(path, name), since));
  return path.endsWith('.ts') && !path.endsWith('.test.ts') && st.mtimeMs >= since;
}

const built = builtAt();
let cli;
if (built !== null && !SOURCES.some((s) => changedSince(join(root, s), built))) {
  cli = await import('../build/cli.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../cli.ts');
}
process.exitCode = await cli.main(process.argv);
