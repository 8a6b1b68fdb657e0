/*
 * Files the product ships beside its code (schema.sql, data/, the demo's board
 * figures) are found from the package root, the nearest folder above this
 * module with a package.json. That is the same folder whether the code runs
 * from the TypeScript sources or from the compiled copy in build/ (which has
 * no package.json of its own), so neither needs the data copied.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`internal: no package.json above ${from}`);
  }
}

export const PACKAGE_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

/** A path inside the package, from its root: `fromRoot('data', 'dfe')`. */
export function fromRoot(...parts: string[]): string {
  return join(PACKAGE_ROOT, ...parts);
}
