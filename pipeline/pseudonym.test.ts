/*
 * The pseudonym key is either a key or refused (pseudonym.ts): an empty, short
 * or non-hex key file is never used as a weak HMAC key, and a new key appears
 * whole or not at all, owner-only.
 */
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keyPath, loadOrCreateKey } from './pseudonym.ts';

let dir: string;
let db: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'safeguard-key-'));
  db = join(dir, 'db.duckdb');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the pseudonym key', () => {
  it('is made once, 64 hex digits, owner-only, with no temp file left beside it', () => {
    const key = loadOrCreateKey(db);
    expect(key).toHaveLength(32);
    expect(readFileSync(keyPath(db), 'utf8')).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(keyPath(db)).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['db.duckdb.key']);
    expect(loadOrCreateKey(db).equals(key)).toBe(true);
  });

  for (const [name, text] of [
    ['empty (a full disk during the first run)', ''],
    ['cut short', 'a1b2c3'],
    ['not hex', 'z'.repeat(64)],
    ['too long', 'ab'.repeat(40)],
    ['whitespace only', '\n'],
  ] as const) {
    it(`is refused, not used, when ${name}, saying what to do`, () => {
      writeFileSync(keyPath(db), text);
      expect(() => loadOrCreateKey(db)).toThrow(/is not a valid key .*64 hexadecimal digits.*Restore it from a backup.*delete it/);
      // left as it was for the user to look at
      expect(readFileSync(keyPath(db), 'utf8')).toBe(text);
    });
  }

  it('accepts a key an editor saved with a newline, and makes a loose key file owner-only again', () => {
    writeFileSync(keyPath(db), `${'0f'.repeat(32)}\n`);
    chmodSync(keyPath(db), 0o644);
    expect(loadOrCreateKey(db).toString('hex')).toBe('0f'.repeat(32));
    expect(statSync(keyPath(db)).mode & 0o777).toBe(0o600);
  });

  it('a folder that cannot take the key leaves no key file behind', () => {
    expect(() => loadOrCreateKey(join(dir, 'no', 'such', 'db.duckdb'))).toThrow();
    expect(existsSync(join(dir, 'no'))).toBe(false);
  });
});
