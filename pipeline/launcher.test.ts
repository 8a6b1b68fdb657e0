/*
 * bin/safeguard.js runs the compiled build/ only while it is up to date with
 * the sources (bin/fresh.js): running stale code after an edit would give
 * figures from code that is no longer there.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript module of the launcher, without types
import { buildIsCurrent } from '../bin/fresh.js';

let root: string;
const BUILT = Date.parse('2026-01-01T12:00:00Z');
const at = (path: string, ms: number) => utimesSync(join(root, path), ms / 1000, ms / 1000);

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'safeguard-fresh-'));
  for (const dir of ['build', 'pipeline/ingest', 'metrics']) mkdirSync(join(root, dir), { recursive: true });
  for (const f of ['cli.ts', 'pipeline/db.ts', 'pipeline/ingest/load.ts', 'pipeline/ingest/load.test.ts', 'metrics/sql.ts', 'pipeline/schema.sql']) {
    writeFileSync(join(root, f), '');
    at(f, BUILT - 60_000);
  }
  writeFileSync(join(root, 'build', '.built'), String(BUILT));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('buildIsCurrent', () => {
  it('is current when every source is older than the build', () => {
    expect(buildIsCurrent(root)).toBe(true);
  });

  it('is not current once a source, however deep, changes at or after the build started', () => {
    at('pipeline/ingest/load.ts', BUILT);
    expect(buildIsCurrent(root)).toBe(false);
    at('pipeline/ingest/load.ts', BUILT - 1);
    at('cli.ts', BUILT + 5_000);
    expect(buildIsCurrent(root)).toBe(false);
  });

  it('ignores tests and files that are not TypeScript', () => {
    at('pipeline/ingest/load.test.ts', BUILT + 5_000);
    at('pipeline/schema.sql', BUILT + 5_000);
    expect(buildIsCurrent(root)).toBe(true);
  });

  it('is not current without a stamp (no build, or a failed one)', () => {
    rmSync(join(root, 'build', '.built'));
    expect(buildIsCurrent(root)).toBe(false);
  });
});
