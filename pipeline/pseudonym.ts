/*
 * Pseudonymous identifiers for anything child-level that leaves the database
 * (quarantine exports, exception lists): HMAC-SHA256 of the ID under a key kept
 * beside the database (`<db>.key`, readable by its owner only). The same child
 * gets the same pseudonym in every export from one database, so an analyst can
 * follow a case across lists without the lists carrying real IDs; the key stays
 * with the data it protects, and deleting both forgets the mapping.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';

export type Pseudonymise = (id: string) => string;

export function keyPath(dbFile: string): string {
  return `${dbFile}.key`;
}

/** The key beside the database, created (mode 0600) on first use. An in-memory database gets a key for this run only. */
export function loadOrCreateKey(dbFile: string): Buffer {
  if (dbFile === ':memory:') return randomBytes(32);
  const path = keyPath(dbFile);
  if (!existsSync(path)) {
    try {
      writeFileSync(path, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    } catch (e) {
      // another run created it first: use theirs
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  chmodSync(path, 0o600);
  return Buffer.from(readFileSync(path, 'utf8').trim(), 'hex');
}

export function pseudonymiser(key: Buffer): Pseudonymise {
  return (id) => `P-${createHmac('sha256', key).update(id, 'utf8').digest('hex').slice(0, 12)}`;
}

/** Column names that hold identifiers (SSD `*_id`, SSDA903 CHILD, CIN LAchildID), whose values are pseudonymised. */
export function isIdentifierColumn(column: string | null): boolean {
  if (!column) return false;
  return /(^|_)id$/i.test(column) || /person/i.test(column) || /^(CHILD|LAchildID|UPN|pers_upn)$/i.test(column);
}
