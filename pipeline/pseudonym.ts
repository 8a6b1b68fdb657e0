/*
 * Pseudonymous identifiers for anything child-level that leaves the database
 * (quarantine exports, exception lists): HMAC-SHA256 of the ID under a key kept
 * beside the database (`<db>.key`, readable by its owner only). The same child
 * gets the same pseudonym in every export from one database, so an analyst can
 * follow a case across lists without the lists carrying real IDs; the key stays
 * with the data it protects, and deleting both forgets the mapping.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, linkSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { RunFailed } from './errors.ts';
import { FILE_MODE, tempBeside, writeNewFile } from './files.ts';

export type Pseudonymise = (id: string) => string;

export function keyPath(dbFile: string): string {
  return `${dbFile}.key`;
}

/** A key is 32 random bytes, kept as 64 hexadecimal digits (a trailing newline allowed, as an editor may add). */
const KEY_HEX = /^[0-9a-f]{64}$/i;

/**
 * The key beside the database, created on first use. A key file that is not
 * exactly a key (empty, cut short by a full disk, edited) is refused, never
 * used: a short or empty HMAC key makes pseudonyms anyone can reverse by
 * trying IDs. An in-memory database gets a key for this run only.
 */
export function loadOrCreateKey(dbFile: string): Buffer {
  if (dbFile === ':memory:') return randomBytes(32);
  const path = keyPath(dbFile);
  let text: string;
  try {
    text = readFileSync(path, 'latin1');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    createKey(path);
    text = readFileSync(path, 'latin1');
  }
  const hex = text.replace(/\r?\n$/, '');
  if (!KEY_HEX.test(hex)) {
    throw new RunFailed(
      `the pseudonym key ${path} is not a valid key (it must hold 64 hexadecimal digits; it may have been cut short, for example by a full disk), ` +
        `so no pseudonyms were made with it. Restore it from a backup; or, if pseudonyms already shared need not match new ones, delete it and run again to make a new key`,
    );
  }
  chmodSync(path, FILE_MODE);
  return Buffer.from(hex, 'hex');
}

/**
 * Writes a new key whole or not at all: a complete temp file (0600, flushed)
 * is linked into place, which fails if another run made the key first (theirs
 * is kept). A failure part-way (a full disk) leaves no key file at all.
 */
function createKey(path: string): void {
  const tmp = tempBeside(path);
  try {
    writeNewFile(tmp, randomBytes(32).toString('hex'));
    try {
      linkSync(tmp, path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // another run created it first: use theirs
      if (code === 'EEXIST') return;
      // a file system without hard links: a rename is atomic too, though it would replace a key made at the same instant
      if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS') renameSync(tmp, path);
      else throw e;
    }
  } finally {
    rmSync(tmp, { force: true });
  }
}

export function pseudonymiser(key: Buffer): Pseudonymise {
  return (id) => `P-${createHmac('sha256', key).update(id, 'utf8').digest('hex').slice(0, 12)}`;
}

/** How a child-level output shows an identifier: as recorded (`--reveal-ids`), or its pseudonym under the database's key. */
export function identifierShower(dbFile: string, reveal: boolean): Pseudonymise {
  if (reveal) return (id) => id;
  return pseudonymiser(loadOrCreateKey(dbFile));
}

/** Column names that hold identifiers (SSD `*_id`, SSDA903 CHILD, CIN LAchildID), whose values are pseudonymised. */
export function isIdentifierColumn(column: string | null): boolean {
  if (!column) return false;
  return /(^|_)id$/i.test(column) || /person/i.test(column) || /^(CHILD|LAchildID|UPN|pers_upn)$/i.test(column);
}
