/*
 * Property-based tests: whatever the input, the CSV reader and the value
 * parsers never throw an unhandled error, and no row disappears: every record
 * read is loaded or quarantined.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, parseCsv } from './csv.ts';
import { Database } from './db.ts';
import { InputRejected } from './errors.ts';
import { readBack } from '../test-support/read-back.ts';
import { parseDate, parseFlag, parseId } from './values.ts';

const field = fc.oneof(fc.string(), fc.constantFrom('', '"', '""', ',', '\r\n', '\n', '\r', 'a,b', 'say "hi"', '=1+1', 'Zoë', '😀'));
const quote = (v: string) => (/[",\r\n]/.test(v) || v === '' ? `"${v.replace(/"/g, '""')}"` : v);

describe('parseCsv', () => {
  it('reads back exactly what RFC 4180 wrote, line numbers included', async () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5 }).chain((w) => fc.array(fc.array(field, { minLength: w, maxLength: w }), { maxLength: 20 }).map((rows) => ({ w, rows }))), fc.boolean(), ({ w, rows }, crlf) => {
        const eol = crlf ? '\r\n' : '\n';
        const header = Array.from({ length: w }, (_, i) => `c${i}`);
        const text = [header, ...rows].map((r) => r.map(quote).join(',')).join(eol) + eol;
        const csv = parseCsv(text, 'p.csv');
        expect(csv.header).toEqual(header);
        expect(csv.records.map((r) => r.fields)).toEqual(rows);
        // each record starts on the line after the previous record's last line
        let line = 2;
        csv.records.forEach((r, i) => {
          expect(r.line).toBe(line);
          line += 1 + rows[i]!.reduce((n, v) => n + (v.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('either reads any text or rejects it as input, never another error', async () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        try {
          parseCsv(text, 'p.csv');
        } catch (e) {
          expect(e).toBeInstanceOf(InputRejected);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('decodeUtf8', () => {
  it('either decodes any bytes or rejects them as input', async () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        try {
          expect(typeof decodeUtf8(bytes, 'p.csv')).toBe('string');
        } catch (e) {
          expect(e).toBeInstanceOf(InputRejected);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('value parsers', () => {
  it('never throw, and a date they accept is a real ISO date within bounds', async () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const d = parseDate(s, '2030-12-31');
        if (d.ok && d.value !== null) {
          expect(d.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(new Date(`${d.value}T00:00:00Z`).toISOString().slice(0, 10)).toBe(d.value);
          expect(d.value >= '1900-01-01' && d.value <= '2030-12-31').toBe(true);
        }
        if (!d.ok) expect(d.reason.length).toBeLessThan(200);
        const f = parseFlag(s);
        if (f.ok) expect([true, false, null]).toContain(f.value);
        parseId(s);
      }),
      { numRuns: 1000 },
    );
  });

  it('read every real date the same in all three forms', async () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }), (date) => {
        const iso = date.toISOString().slice(0, 10);
        const dfe = `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
        for (const form of [iso, `${iso} 13:45:00.123`, dfe]) expect(parseDate(form, '2030-12-31')).toEqual({ ok: true, value: iso });
      }),
      { numRuns: 500 },
    );
  });
});

describe('the SSD adapter', () => {
  it('accounts for every row of any plans file: read = loaded + quarantined', async () => {
    const cell = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('P1', '1', '2016-05-23', '31/02/2016', '2016-05-22', '', '2099-01-01'));
    // one database for every run (each read starts the staging area afresh): opening one a run was most of the time
    const db = await Database.open(':memory:');
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 40 }), async (rows) => {
          const body = rows.map((r) => r.map(quote).join(',')).join('\n');
          const files = [
            { path: 'ssd_person.csv', bytes: new TextEncoder().encode('pers_person_id,pers_dob\n1,2010-01-01\n') },
            { path: 'ssd_cp_plans.csv', bytes: new TextEncoder().encode(`cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date,cppl_cp_plan_end_date\n${body}\n`) },
          ];
          let parsed;
          try {
            parsed = await readBack(files, '2017-04-10', {}, db);
          } catch (e) {
            expect(e).toBeInstanceOf(InputRejected);
            return;
          }
          const plans = parsed.files.find((f) => f.file === 'ssd_cp_plans.csv')!;
          expect(plans.rowsRead).toBe(plans.rowsLoaded + plans.rowsQuarantined);
          expect(parsed.tables.get('cp_plan')!.rows).toHaveLength(plans.rowsLoaded);
        }),
        { numRuns: 300 },
      );
    } finally {
      db.close();
    }
  });
});
