/*
 * Reading a small file the user names on the command line (--commentary,
 * --annotations, --targets): UTF-8 text, or a plain exit-1 message naming the
 * path and why it cannot be read. Each reader then parses it and rejects a bad
 * row with file, line, column and reason (exit 3).
 */
import { readFileSync } from 'node:fs';
import { decodeUtf8 } from '../pipeline/csv.ts';
import { RunFailed } from '../pipeline/errors.ts';

export function readUserText(path: string): string {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'it is a folder, not a file' : code === 'EACCES' ? 'permission denied' : (e as Error).message.split('\n')[0];
    throw new RunFailed(`cannot read ${path}: ${why}`);
  }
  return decodeUtf8(bytes, path);
}
