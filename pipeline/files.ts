/*
 * Writing files that hold or describe child-level data (reports, Parquet
 * exports, the pseudonym key) so that they end owner-only (0600; folders
 * safeguard creates 0700), whether or not they existed before with looser
 * modes: the README promises every file safeguard writes is its owner's only.
 */
import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

export const FILE_MODE = 0o600;
export const FOLDER_MODE = 0o700;

/** Creates a folder (and its parents) owner-only; one that exists is left as it is (it may be the user's own). */
export function makeFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: FOLDER_MODE });
}

/** A name beside `path` for writing before the rename: same folder, so the rename is atomic. */
export function tempBeside(path: string): string {
  return `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
}

/** Writes, flushes and closes a new file created 0600 (it must not exist). */
export function writeNewFile(path: string, data: string | Uint8Array): void {
  const fd = openSync(path, 'wx', FILE_MODE);
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let at = 0;
    while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes a file whole or not at all: into a new owner-only file beside it, then
 * renamed over it. An earlier file at 0644 is replaced, not rewritten in place
 * (so it does not keep its mode), and a symbolic link there is replaced rather
 * than written through. A failure (a full disk) leaves the old file as it was.
 */
export function writeOwnerOnly(path: string, data: string | Uint8Array): void {
  const tmp = tempBeside(path);
  try {
    writeNewFile(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    // the message names the file the user asked for, not the temporary one beside it
    const errno = e as NodeJS.ErrnoException;
    if (errno.path === tmp) errno.path = path;
    throw e;
  }
  // the umask could have narrowed the mode further, never widened it; say it once more
  chmodSync(path, FILE_MODE);
}

/** Makes every file under `dir` 0600 and every folder 0700: files another program wrote there for us (DuckDB's COPY). */
export function ownerOnlyTree(dir: string): void {
  chmodSync(dir, FOLDER_MODE);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) ownerOnlyTree(p);
    else if (entry.isFile()) chmodSync(p, FILE_MODE);
  }
}
