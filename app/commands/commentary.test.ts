/*
 * `--commentary FILE` through the CLI: the board's words reach the workbook,
 * the Markdown and the HTML under their indicator (report --published needs no
 * database, so this is quick); a file we cannot use is rejected with its
 * file, line, column and reason, exit 3, before anything is written.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test-support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'safeguard-commentary-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('report --commentary', () => {
  it('prints each indicator\'s commentary under it in the workbook, Markdown and HTML', async () => {
    const words = 'Fewer ICPCs held in time than last year, still above England: the <delay> is in s47 "strategy" meetings, & we are acting';
    const path = file('good.csv', `indicator,text\nicpc_within_15wd_pct,"${words.replace(/"/g, '""')}"\n`);
    const out = join(dir, 'out');
    const r = await runCli('report', '--published', '--la', '359', '--commentary', path, '--out', out);
    expect(r.code, r.err).toBe(0);
    const md = readFileSync(join(out, 'indicators.md'), 'utf8');
    const section = md.slice(md.indexOf('### ICPCs held within 15 working days'), md.indexOf('### ', md.indexOf('### ICPCs held within 15 working days') + 4));
    expect(section).toContain('**What this tells us:** Fewer ICPCs held in time than last year, still above England: the \\<delay\\> is in s47 "strategy" meetings, \\& we are acting');
    expect(md.match(/What this tells us/g)).toHaveLength(1);
    const html = readFileSync(join(out, 'trends.html'), 'utf8');
    const article = html.slice(html.indexOf('id="ind-icpc_within_15wd_pct"'));
    expect(article.slice(0, article.indexOf('</article>'))).toContain('<strong>What this tells us:</strong> Fewer ICPCs held in time than last year, still above England: the &lt;delay&gt; is in s47 &quot;strategy&quot; meetings, &amp; we are acting');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(out, 'indicators.xlsx')) as unknown as ArrayBuffer);
    const texts: string[] = [];
    wb.getWorksheet('Child protection')!.eachRow((row) => texts.push(String(row.getCell(1).value)));
    const at = texts.indexOf('ICPCs held within 15 working days of the start of the s47 enquiry (%)');
    expect(texts.slice(at, at + 4)).toContain(`What this tells us: ${words}`);
  });

  const bad: [string, string, RegExp][] = [
    ['header', 'id,comment\nicpc_within_15wd_pct,x\n', /header\.csv, line 1: the first row must be the header indicator,text/],
    ['unknown', 'indicator,text\nicpc_within_15wd_pct,fine\nnot_an_indicator,words\n', /unknown\.csv, line 3, column indicator: 'not_an_indicator' is not an indicator/],
    ['empty', 'indicator,text\ncpp_per_10k,   \n', /empty\.csv, line 2, column text: is empty/],
    ['twice', 'indicator,text\ncpp_per_10k,one\ncpp_per_10k,two\n', /twice\.csv, line 3, column indicator: cpp_per_10k has commentary already/],
    ['comma', 'indicator,text\ncpp_per_10k,fewer plans, more reviews\n', /comma\.csv, line 2: has 3 fields where the header has 2.*quote/],
  ];
  for (const [name, text, message] of bad) {
    it(`rejects a file with ${name === 'comma' ? 'an unquoted comma' : `a bad ${name}`}: file, line, column, reason, exit 3, nothing written`, async () => {
      const out = join(dir, `out-${name}`);
      const r = await runCli('report', '--db', join(dir, 'none.duckdb'), '--commentary', file(`${name}.csv`, text), '--out', out);
      expect(r.code).toBe(3);
      expect(r.err).toMatch(message);
      expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
      expect(existsSync(out)).toBe(false);
    });
  }

  it('says so when the file cannot be read (exit 1)', async () => {
    const r = await runCli('report', '--published', '--la', '359', '--commentary', join(dir, 'missing.csv'), '--out', join(dir, 'x'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/cannot read .*missing\.csv: there is no such file/);
  });
});
