/*
 * What reaches the terminal (app/io.ts): control characters shown as escapes
 * on every message, and output to a pipe closed early ending quietly for every
 * command that writes to stdout, through the real CLI as a shell runs it.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, closeSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromRoot } from '../pipeline/root.ts';
import { runCli } from '../test-support/cli.ts';
import { terminalSafe } from './io.ts';

const BIN = fromRoot('bin', 'safeguard.js');

let dir: string;
let db: string;
let extractDir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'safeguard-io-'));
  db = join(dir, 'db.duckdb');
  extractDir = join(dir, 'extract');
  mkdirSync(extractDir);
  writeFileSync(join(extractDir, 'ssd_person.csv'), 'pers_person_id,pers_dob\nCHILD-0001,2010-01-01\n');
  writeFileSync(
    join(extractDir, 'ssd_cp_plans.csv'),
    'cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date,cppl_cp_plan_end_date\nP1,CHILD-0001,2016-05-23,\nP2,CHILD-9999,2016-05-23,\n',
  );
  const r = await runCli('ingest', extractDir, '--db', db, '--la', '359', '--extract-date', '2017-04-10');
  expect(r.code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI as a shell would, its stdout going to `stdout` ('closed': a pipe whose reader has gone). */
function spawnCli(args: string[], stdout: 'closed' | number, closeErr = false): Promise<{ code: number | null; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', stdout === 'closed' ? 'pipe' : stdout, 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    // the reader goes before the first byte is written, as `| head -c 0` would: every write meets EPIPE
    if (stdout === 'closed') child.stdout!.destroy();
    let err = '';
    if (closeErr) child.stderr!.destroy();
    else child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, err }));
  });
}

describe('terminalSafe', () => {
  it('shows every control character and bidirectional override as an escape, keeping lines and tabs', () => {
    expect(terminalSafe('a\u001b[2J\u001b]0;title\u0007b\r\u009b\u202e\u0000\tc\nd')).toBe('a\\x1b[2J\\x1b]0;title\\x07b\\x0d\\x9b\\u202e\\x00\tc\nd');
  });
  it("keeps colour codes only where asked, and then nothing else", () => {
    expect(terminalSafe('\u001b[32mbetter\u001b[0m')).toBe('\\x1b[32mbetter\\x1b[0m');
    expect(terminalSafe('\u001b[32mbetter\u001b[0m \u001b[2J', { colour: true })).toBe('\u001b[32mbetter\u001b[0m \\x1b[2J');
  });
  it('is applied to every message of every command (an escape in a file name, an argument)', async () => {
    const hostile = join(dir, 'hostile\u001b[2J');
    mkdirSync(hostile);
    writeFileSync(join(hostile, 'ssd_person.csv'), 'pers_person_id,pers_dob\n1,2010-01-01\n');
    writeFileSync(join(hostile, 'notes\u001b]0;pwned\u0007.csv'), 'a,b\n1,2\n');
    const runs = [
      await runCli('validate', hostile),
      await runCli('ingest', hostile, '--db', join(dir, 'hostile.duckdb'), '--extract-date', '2017-04-10'),
      await runCli('snapshots', 'delete', '\u001b[31mabc', '--db', db),
      await runCli('indicators', '--db', join(dir, 'no\u001b[2Jsuch.duckdb')),
    ];
    for (const r of runs) {
      expect(r.out + r.err).toContain('\\x1b');
      expect(r.out + r.err).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    }
  });
});

describe('output to a pipe closed early ends quietly (cli.md v2)', () => {
  const commands: [string, () => string[], number][] = [
    ['indicators (table)', () => ['indicators', '--db', db, '--period', '2016/17'], 0],
    ['indicators --format json', () => ['indicators', '--db', db, '--period', '2016/17', '--format', 'json'], 0],
    ['indicators --format csv', () => ['indicators', '--db', db, '--period', '2016/17', '--format', 'csv'], 0],
    ['quarantine', () => ['quarantine', '--db', db], 0],
    ['quarantine --format csv', () => ['quarantine', '--db', db, '--format', 'csv'], 0],
    ['validate', () => ['validate', extractDir, '--extract-date', '2017-04-10'], 0],
    ['snapshots list', () => ['snapshots', 'list', '--db', db], 0],
    ['trends --format json', () => ['trends', '--db', db, '--format', 'json'], 0],
    ['trends --format csv', () => ['trends', '--db', db, '--format', 'csv'], 0],
    ['published (no database)', () => ['published', '--la', '359', '--period', '2016/17:2023/24', '--format', 'json'], 0],
    ['run', () => ['run', extractDir, '--db', join(dir, 'run.duckdb'), '--out', join(dir, 'run-reports'), '--extract-date', '2017-04-10', '--period', '2016/17'], 0],
    ['--help', () => ['--help'], 0],
    ['a failing command keeps its code', () => ['indicators', '--db', db, '--period', 'last year'], 2],
  ];
  for (const [name, args, code] of commands) {
    it(name, async () => {
      const r = await spawnCli(args(), 'closed');
      expect(r.err).not.toMatch(/EPIPE|\n\s+at .+:\d+:\d+|internal error/);
      expect(r.code).toBe(code);
    });
  }

  it('with stderr closed too, an ingest still finishes and stores its snapshot', async () => {
    const other = join(dir, 'quiet.duckdb');
    const r = await spawnCli(['ingest', extractDir, '--db', other, '--extract-date', '2017-04-10'], 'closed', true);
    expect(r.code).toBe(0);
    const list = await runCli('snapshots', 'list', '--db', other);
    expect([...list.out.matchAll(/^[0-9a-f]{16}\s/gm)]).toHaveLength(1);
  });

  it('a full disk under stdout is exit 1 with a plain message, not a closed pipe', async () => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = await spawnCli(['indicators', '--db', db, '--period', '2016/17', '--format', 'json'], full);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/could not write the results to standard output: the disk is full/);
      expect(r.err).not.toMatch(/\n\s+at .+:\d+:\d+|internal error/);
    } finally {
      closeSync(full);
    }
  });
});
