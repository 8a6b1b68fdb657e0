/*
 * The adapter registry (adapters.ts): adding a format is one module meeting
 * adapter.ts and one line in the list, shown here with a made-up format read
 * end to end into the staging area; an adapter returns every problem it
 * finds, so one `validate` run names every rejected file, and `ingest` still
 * writes nothing.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputRejected } from '../errors.ts';
import { parseDate, parseId } from '../values.ts';
import { runCli } from '../../test-support/cli.ts';
import { readBack } from '../../test-support/read-back.ts';
import { emptyOutput } from './adapter.ts';
import type { InputAdapter } from './adapter.ts';
import { ADAPTERS, checkAdapters, notCarried, tableSources } from './adapters.ts';
import { appendQuarantine, appendStage } from './staging.ts';
import type { QuarantinedRow, TableRows } from './types.ts';

/**
 * The fourth format, all of it: a file that starts `PEOPLE v1`, then one child
 * a line as `ID|date of birth`. Good lines are staged for `person`, bad ones
 * quarantined with their line, and a file whose lines are not two fields is
 * rejected (returned as a problem, never thrown).
 */
const PEOPLE_TXT: InputAdapter = {
  name: 'people-txt',
  title: 'a people list',
  reads: 'people lists (PEOPLE v1)',
  sources: { person: 'the people list' },
  recognise: (file) => new TextDecoder().decode(file.bytes.subarray(0, 10)).startsWith('PEOPLE v1\n'),
  async read(files, ctx) {
    const out = emptyOutput();
    for (const { at, file } of files) {
      const lines = new TextDecoder().decode(file.bytes).split('\n').slice(1);
      if (lines.at(-1) === '') lines.pop();
      const bad = lines.findIndex((l) => l.split('|').length !== 2);
      if (bad >= 0) {
        out.problems.push({ at, error: new InputRejected({ file: file.path, line: bad + 2 }, 'is not ID|date of birth') });
        continue;
      }
      const rows: TableRows = { table: 'person', columns: ['person_id', 'dob'], rows: [], files: [], lines: [] };
      const quarantine: QuarantinedRow[] = [];
      lines.forEach((l, i) => {
        const [id, dob] = l.split('|') as [string, string];
        const pid = parseId(id);
        const d = parseDate(dob, ctx.latest);
        if (!pid.ok || !d.ok) quarantine.push({ file: file.path, line: i + 2, column: pid.ok ? 'dob' : 'id', value: null, reason: pid.ok ? (d.ok ? '' : d.reason) : pid.reason });
        else {
          rows.rows.push([pid.value, d.value]);
          rows.files.push(file.path);
          rows.lines.push(i + 2);
        }
      });
      await appendStage(ctx.db, rows);
      await appendQuarantine(ctx.db, quarantine);
      const report = { file: file.path, adapter: 'people-txt', table: 'person', bytes: file.bytes.length, sha256: '', rowsRead: lines.length, rowsLoaded: 0, rowsQuarantined: 0, columnsRead: ['id', 'dob'], columnsIgnored: [] };
      out.reports.push({ at, report });
    }
    return out;
  },
};

describe('the input adapter registry', () => {
  it('reads a fourth format with one module and one line added to the list', async () => {
    const files = { 'kids.txt': 'PEOPLE v1\nC1|2010-01-01\nC2|31/02/2011\nC3|2012-03-04\n', 'ssd_cp_plans.csv': 'cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date\nP1,C3,2016-05-23\nP2,C9,2016-05-23\n' };
    // without the line, the file is not read (and the note says so)
    const before = await readBack(files, '2017-04-10');
    expect(before.notes).toContain('kids.txt: not read (not a file name safeguard knows, nor a CIN census, nor an SSDA903 return)');

    const r = await readBack(files, '2017-04-10', { adapters: checkAdapters([...ADAPTERS, PEOPLE_TXT]) });
    expect(r.tables.get('person')!.rows).toEqual([
      ['C1', '2010-01-01'],
      ['C3', '2012-03-04'],
    ]);
    expect(r.tables.get('person')!.lines).toEqual([2, 4]);
    // its rows take part in the cross-file checks like any other: P2's child C9 is nowhere
    expect(r.quarantine.map((q) => [q.file, q.line])).toEqual([
      ['kids.txt', 3],
      ['ssd_cp_plans.csv', 3],
    ]);
    expect(r.files.map((f) => [f.file, f.adapter, f.rowsRead, f.rowsLoaded, f.rowsQuarantined])).toEqual([
      ['kids.txt', 'people-txt', 3, 2, 1],
      ['ssd_cp_plans.csv', 'ssd-csv', 2, 1, 1],
    ]);
  });

  it('names where each table comes from, format by format, for the "no data" reasons (compute.ts)', () => {
    expect(tableSources('referral')).toEqual(['ssd_cin_episodes.csv', 'the CIN census']);
    expect(tableSources('cla_episode')).toEqual(['ssd_cla_episodes.csv', 'the SSDA903 episodes']);
    expect(tableSources('person', [...ADAPTERS, PEOPLE_TXT])).toEqual(['ssd_person.csv', 'the CIN census', 'the SSDA903 header', 'the people list']);
    expect(notCarried('cla_review')).toBe('the SSDA903 return does not carry it');
    expect(notCarried('cp_plan')).toBeNull();
  });

  it('refuses two adapters of one name', () => {
    expect(() => checkAdapters([...ADAPTERS, { ...PEOPLE_TXT, name: 'ssd-csv' }])).toThrow(/two input adapters are named ssd-csv/);
    expect(new Set(ADAPTERS.map((a) => a.name)).size).toBe(ADAPTERS.length);
  });

  it("a format's problems are returned, not thrown: every rejected file is named, the first in file order first", async () => {
    const files = {
      'a.txt': 'PEOPLE v1\nC1|2010-01-01|x\n',
      'b.txt': 'PEOPLE v1\nC1|2010-01-01\n',
      'ssd_cp_plans.csv': 'cppl_person_id\nC1\n',
      'z.txt': 'PEOPLE v1\nC2\n',
    };
    const e = await readBack(files, '2017-04-10', { adapters: [...ADAPTERS, PEOPLE_TXT] }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InputRejected);
    expect((e as Error).message.split('\n')).toEqual([
      'a.txt, line 2: is not ID|date of birth',
      'ssd_cp_plans.csv, line 1, column cppl_cp_plan_id: is missing the required column cppl_cp_plan_id (it has: cppl_person_id)',
      'z.txt, line 2: is not ID|date of birth',
    ]);
    // the first is the error's own location, as when one file was reported
    expect((e as InputRejected).location).toEqual({ file: 'a.txt', line: 2 });
  });
});

describe('validate and ingest with several rejected files', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'safeguard-adapters-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const BAD = {
    'ssd_cp_plans.csv': 'cppl_person_id,cppl_cp_plan_start_date\nC1,2016-05-23\n',
    'ssd_person.csv': 'pers_person_id,pers_dob\n1,2010-01-01\n',
    'returns/episodes.csv': 'CHILD,DECOM,RNE,LS,DEC,REC\n1,01/04/2016,S,C2,,X1\n',
    'returns/episodes2.csv': 'CHILD,DECOM,RNE,LS,DEC,REC\n1,01/04/2016,S,C2,,X1\n',
    'ssd_s47_enquiry.csv': 's47e_s47_enquiry_id;s47e_person_id\nS1;1\n',
  };
  const write = () => {
    const x = join(dir, 'x');
    for (const [f, text] of Object.entries(BAD)) {
      mkdirSync(join(x, f, '..'), { recursive: true });
      writeFileSync(join(x, f), text);
    }
    return x;
  };

  it('validate reads every file and names every rejected one, with exit 3', async () => {
    const r = await runCli('validate', write(), '--extract-date', '2017-04-10');
    expect(r.code).toBe(3);
    const named = r.err.split('\n').filter((l) => /(csv|xml)(, line \d+)?(, column \S+)?: /.test(l));
    expect(named.map((l) => l.replace(/^safeguard: /, '').split(':')[0])).toEqual([
      'returns/episodes2.csv',
      'ssd_cp_plans.csv, line 1, column cppl_cp_plan_id',
      'ssd_s47_enquiry.csv, line 1',
    ]);
  });

  it('ingest writes nothing, and names the first rejected file first', async () => {
    const db = join(dir, 'db.duckdb');
    const r = await runCli('ingest', write(), '--db', db, '--extract-date', '2017-04-10');
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/^safeguard: returns\/episodes2\.csv: is a second SSDA903 episodes file in returns/);
    expect(r.err).toMatch(/ssd_s47_enquiry\.csv, line 1: is semicolon-separated/);
    expect(existsSync(db)).toBe(false);
  });
});
