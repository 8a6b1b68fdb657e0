/*
 * The workbook printed, as a board administrator would print it: headless
 * LibreOffice (Debian's libreoffice-calc-nogui, which .ci/run installs) turns
 * it into a PDF, and poppler's pdftotext reads each page back. Every sheet must
 * print one page wide (every page carries the whole header row: the print
 * titles repeat it, so a page cut off at the right would lack the last
 * columns), every page must carry the marking, the LA and the page count, and
 * the whole workbook must stay short. Fails, not skips, without LibreOffice.
 * Leaves the PDF and the page count in out/print/ for people to look at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { wiganReportInput, wiganRestatement } from '../test-support/report-input.ts';
import { NOT_FOR_PUBLICATION, OFFICIAL, renderWorkbook } from './workbook.ts';

const dir = mkdtempSync(join(tmpdir(), 'safeguard-print-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Prints the xlsx to PDF with a private LibreOffice profile (parallel runs must not share one) and returns each page's text. */
function printPages(bytes: Uint8Array, name: string): string[] {
  const xlsx = join(dir, `${name}.xlsx`);
  writeFileSync(xlsx, bytes);
  execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, `profile-${name}`)}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, xlsx], { stdio: 'pipe' });
  const pdf = join(dir, `${name}.pdf`);
  mkdirSync('out/print', { recursive: true });
  copyFileSync(pdf, join('out/print', `${name}.pdf`));
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
  return Array.from({ length: pages }, (_, i) => execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' }));
}

describe('the workbook printed by LibreOffice', () => {
  for (const suppress of [false, true]) {
    const name = suppress ? 'workbook-suppressed' : 'workbook';
    it(`${name}: one page wide, the marking and the LA on every page, at most 18 pages (it was 31)`, async () => {
      const pages = printPages(await renderWorkbook({ ...wiganReportInput(), suppress }), name);
      const mark = suppress ? OFFICIAL : NOT_FOR_PUBLICATION;
      const perSheet = new Map<string, number>();
      for (const [i, text] of pages.entries()) {
        expect(text, `page ${i + 1}`).toContain(mark);
        expect(text, `page ${i + 1}`).toContain('Wigan (359)');
        const sheet = /(Summary|Front door|Child protection|Children looked after|Definitions|Restated), page \d+ of \d+/.exec(text)?.[1];
        expect(sheet, `page ${i + 1} names its sheet in the footer`).toBeDefined();
        perSheet.set(sheet!, (perSheet.get(sheet!) ?? 0) + 1);
        // the header row, repeated on every page, is whole: its last column is on the page
        const last = sheet === 'Summary' ? 'Against SN' : sheet === 'Definitions' ? 'DfE source' : sheet === 'Restated' ? 'Move' : '2016/17';
        expect(text, `page ${i + 1} (${sheet}) is cut off at the right`).toContain(last);
      }
      if (!suppress) expect(pages.join('\n')).not.toMatch(new RegExp(`(^|[^:] )${OFFICIAL}\\.`));
      writeFileSync(join('out/print', `${name}.pages.txt`), `${[...perSheet].map(([s, n]) => `${s}: ${n}`).join('\n')}\ntotal: ${pages.length}\n`);
      expect(perSheet.get('Summary')).toBe(1);
      expect(pages.length).toBeLessThanOrEqual(18);
    });
  }

  it('workbook-restated: the marks and the restated sheet print, one page wide', async () => {
    const pages = printPages(await renderWorkbook(wiganReportInput({ restatement: wiganRestatement() })), 'workbook-restated');
    const all = pages.join('\n');
    expect(all).toMatch(/85\.7 †/); // the number format prints the mark
    expect(all).toContain('† was 84.4 (+1.3)');
    const restated = pages.filter((p) => /Restated, page \d+ of \d+/.test(p));
    expect(restated).toHaveLength(1);
    expect(restated[0]).toContain('Move');
    expect(restated[0]).toMatch(/2016\/17\s+390\s+462\s+84\.4\s+401\s+468\s+85\.7\s+\+1\.3/);
    expect(restated[0]).toContain('late recording, corrected dates');
    writeFileSync(join('out/print', 'workbook-restated.pages.txt'), `total: ${pages.length}\n`);
  });
});
