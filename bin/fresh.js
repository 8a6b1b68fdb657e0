// Whether build/ (stamped by bin/build.js with the time its build started) is
// up to date with the sources: no .ts file of the program (tests aside) was
// changed at or after that time. A checkout, an edit or a pull changes a
// file's modification time, so any of them sends bin/safeguard.js back to the
// sources until the next build.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const SOURCES = ['cli.ts', 'app', 'pipeline', 'metrics', 'reports', 'fixtures'];

export function buildIsCurrent(root) {
  let built;
  try {
    built = Number(readFileSync(join(root, 'build', '.built'), 'utf8'));
  } catch {
    return false;
  }
  return Number.isFinite(built) && !SOURCES.some((s) => changedSince(join(root, s), built));
}

function changedSince(path, since) {
  let st;
  try {
    st = statSync(path);
  } catch {
    return false;
  }
  if (st.isDirectory()) return readdirSync(path).some((name) => changedSince(join(path, name), since));
  return path.endsWith('.ts') && !path.endsWith('.test.ts') && st.mtimeMs >= since;
}
