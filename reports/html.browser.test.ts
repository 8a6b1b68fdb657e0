/*
 * The trends HTML in a real browser: Debian's headless Chromium driven by
 * playwright-core. It loads the file from disk as a recipient would open an
 * email attachment and checks: no console errors, no request but the file
 * itself, a data table beside every chart, headings in order, text contrast
 * as rendered, no sideways scrolling, and an at-a-glance table that links to
 * every indicator's section. The page is rendered with the demo's kind of
 * trend settings (a rebase, a plain marker, targets) so phases, markers and
 * both icons are on it; a page with figures restated since an earlier
 * snapshot shows their marks as rendered. It writes screenshots to out/screenshots/ (ignored by
 * git) for people to look at.
 *
 * Needs /usr/bin/chromium (`apt-get update && apt-get install -y chromium`;
 * CI installs it). Without it this file fails, on purpose: never a silent skip.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wiganReportInput, wiganRestatement } from '../test-support/report-input.ts';
import { renderHtml } from './html.ts';
import type { ReportInput, TrendSettings } from './types.ts';

const TRENDS: TrendSettings = {
  rebase: [],
  annotations: [
    { date: '2014-04-01', label: 'Demo annotation: looked-after reviews relaunched', rebase: true },
    { date: '2015-10-01', label: 'Demo annotation: front door moves to a MASH', rebase: false },
  ],
  targets: { cla_review_iro_consulted_pct: 60, cpp_2y_plus_pct: 10, icpc_within_15wd_pct: 90 },
};
const trendsPage = (overrides: Partial<ReportInput> = {}) => renderHtml(wiganReportInput({ trends: TRENDS, ...overrides }));

const CHROMIUM = '/usr/bin/chromium';
const OUT = fileURLToPath(new URL('../out/screenshots/', import.meta.url));
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

interface Loaded {
  page: Page;
  url: string;
  requests: string[];
  errors: string[];
}

let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}: the HTML report is tested in a real browser. Install it with: apt-get update && apt-get install -y chromium`);
  }
  mkdirSync(OUT, { recursive: true });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});

afterAll(async () => {
  await browser?.close();
});

async function open(name: string, html: string, width = 1280): Promise<Loaded> {
  const file = `${OUT}${name}.html`;
  writeFileSync(file, html);
  const url = pathToFileURL(file).href;
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto(url, { waitUntil: 'load' });
  return { page, url, requests, errors };
}

describe('trends.html in Chromium', () => {
  it('opens offline with no console error and no request but the file itself', async () => {
    const { page, url, requests, errors } = await open('trends', trendsPage());
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    await page.screenshot({ path: `${OUT}trends-top.png` });
    await page.locator('article:has(#ind-icpc_within_15wd_pct)').screenshot({ path: `${OUT}trends-icpc_within_15wd_pct.png` });
    await page.locator('article:has(#ind-referrals_per_10k)').screenshot({ path: `${OUT}trends-referrals_per_10k.png` });
    await page.locator('article:has(#ind-cla_review_iro_consulted_pct)').screenshot({ path: `${OUT}trends-cla_review_iro_consulted_pct.png` });
    await page.locator('section:has(#glance)').screenshot({ path: `${OUT}trends-at-a-glance.png` });
    await page.close();
  });

  it('has a data table beside every chart, and accessible names on every chart', async () => {
    const { page } = await open('trends', trendsPage());
    const report = await page.evaluate(() => {
      const problems: string[] = [];
      // decorative key icons are hidden from assistive technology; everything else is a chart
      for (const icon of document.querySelectorAll('svg:not(.chart)')) {
        if (icon.getAttribute('aria-hidden') !== 'true') problems.push('an svg that is neither a chart nor hidden');
      }
      const svgs = [...document.querySelectorAll('svg.chart')];
      for (const svg of svgs) {
        const where = svg.id || '(svg without id)';
        if (svg.getAttribute('role') !== 'img') problems.push(`${where}: no role=img`);
        const ids = (svg.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
        const named = ids.map((id) => document.getElementById(id)?.textContent?.trim() ?? '');
        if (named.length !== 2 || named.some((t) => t.length < 10)) problems.push(`${where}: title/desc missing`);
        if (!svg.querySelector(':scope > title') || !svg.querySelector(':scope > desc')) problems.push(`${where}: no <title>/<desc>`);
        const figure = svg.closest('figure');
        const table = figure?.querySelector('table');
        if (!table) problems.push(`${where}: no data table beside it`);
        else if (!table.querySelector('caption') || table.querySelectorAll('tbody tr').length === 0) problems.push(`${where}: empty or uncaptioned table`);
        const box = svg.getBoundingClientRect();
        if (box.width < 200 || box.height < 100) problems.push(`${where}: rendered ${box.width}x${box.height}`);
      }
      return { charts: svgs.length, problems };
    });
    expect(report.problems).toEqual([]);
    expect(report.charts).toBe(38);
    await page.close();
  });

  it('starts with the at-a-glance table, which links to every indicator section', async () => {
    const { page } = await open('trends', trendsPage());
    const report = await page.evaluate(() => {
      const main = document.querySelector('main')!;
      const first = main.firstElementChild?.querySelector('h2')?.textContent;
      const sections = [...document.querySelectorAll('article > h3')].map((h) => h.id);
      const links = [...document.querySelectorAll('#glance ~ .glance a')].map((a) => a.getAttribute('href')!.slice(1));
      const rows = document.querySelectorAll('#glance ~ .glance tbody tr').length;
      const icons = document.querySelectorAll('#glance ~ .glance svg.icon').length;
      return { first, sections, links, rows, icons };
    });
    expect(report.first).toBe('At a glance');
    expect(report.sections).toHaveLength(19);
    expect(report.links).toEqual(report.sections);
    expect(report.rows).toBe(19);
    expect(report.icons).toBe(19 + 3); // a variation icon per indicator, an assurance icon per target
    await page.close();
  });

  it('has one h1, headings that never skip a level, working in-page links and unique ids', async () => {
    const { page } = await open('trends', trendsPage());
    const report = await page.evaluate(() => {
      const problems: string[] = [];
      const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1]));
      if (headings.filter((l) => l === 1).length !== 1 || headings[0] !== 1) problems.push('exactly one h1, first');
      headings.forEach((l, i) => {
        if (i > 0 && l > headings[i - 1]! + 1) problems.push(`heading ${i} jumps from h${headings[i - 1]} to h${l}`);
      });
      for (const a of document.querySelectorAll('a')) {
        const href = a.getAttribute('href') ?? '';
        if (!href.startsWith('#') || !document.getElementById(href.slice(1))) problems.push(`link ${href}`);
      }
      const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
      if (new Set(ids).size !== ids.length) problems.push('duplicate ids');
      for (const region of document.querySelectorAll('.table-scroll')) {
        if (region.getAttribute('tabindex') !== '0') problems.push('scrollable table not focusable');
      }
      if (document.documentElement.lang !== 'en-GB') problems.push('lang');
      return problems;
    });
    expect(report).toEqual([]);
    await page.close();
  });

  it('renders text with at least AA contrast against what is behind it', async () => {
    const { page } = await open('trends', trendsPage());
    const failures = await page.evaluate(() => {
      const parse = (c: string): [number, number, number, number] | null => {
        const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(c);
        return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : null;
      };
      const lum = ([r, g, b]: number[]) => {
        const f = (v: number) => {
          const c = v / 255;
          return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
      };
      const background = (el: Element): number[] => {
        for (let e: Element | null = el; e; e = e.parentElement) {
          const c = parse(getComputedStyle(e).backgroundColor);
          if (c && c[3] > 0) return c;
        }
        return [255, 255, 255];
      };
      const out: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const seen = new Set<Element>();
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || seen.has(el) || !n.textContent?.trim()) continue;
        seen.add(el);
        if (el.closest('title, desc')) continue; // not rendered
        const style = getComputedStyle(el);
        const inSvg = el instanceof SVGElement;
        const fg = parse(inSvg ? style.fill : style.color);
        if (!fg) continue;
        const bg = background(el);
        const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
        const ratio = (hi! + 0.05) / (lo! + 0.05);
        const size = parseFloat(style.fontSize);
        const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
        if (ratio < (large ? 3 : 4.5)) out.push(`${el.tagName} "${n.textContent.trim().slice(0, 30)}": ${ratio.toFixed(2)}`);
      }
      return out;
    });
    expect(failures).toEqual([]);
    await page.close();
  });

  it('does not scroll sideways on a wide screen or a phone', async () => {
    for (const width of [1280, 390]) {
      const { page } = await open('trends', trendsPage(), width);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `width ${width}`).toBeLessThanOrEqual(0);
      if (width === 390) await page.locator('article:has(#ind-cla_per_10k)').screenshot({ path: `${OUT}trends-phone-cla_per_10k.png` });
      await page.close();
    }
  });

  it('keeps chart text readable from 360 px to 1400 px, and the bar of links on screen as it scrolls (screenshots for people)', async () => {
    for (const width of [360, 1024, 1400]) {
      const { page } = await open('trends', trendsPage(), width);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `width ${width}`).toBeLessThanOrEqual(0);
      // the smallest tick or legend text as drawn, in CSS pixels (it was about 5 px on a phone when the chart shrank to fit)
      const smallest = await page.evaluate(() =>
        Math.min(...[...document.querySelectorAll('svg.chart text')].map((t) => (t as SVGTextElement).getBoundingClientRect().height).filter((h) => h > 0)),
      );
      expect(smallest, `width ${width}`).toBeGreaterThanOrEqual(9);
      await page.screenshot({ path: `${OUT}trends-${width}-top.png` });
      await page.locator('#ind-icpc_within_15wd_pct').scrollIntoViewIfNeeded();
      await page.evaluate(() => document.getElementById('ind-icpc_within_15wd_pct')!.scrollIntoView());
      const bar = await page.locator('nav.topbar').boundingBox();
      expect(bar?.y, `width ${width}: the bar stays at the top`).toBe(0);
      await page.screenshot({ path: `${OUT}trends-${width}-indicator.png` });
      await page.close();
    }
  });

  it('prints to fewer than 25 A4 pages: one indicator a page, monthly tables trimmed to 12 months, no navigation', async () => {
    const { page } = await open('trends', trendsPage());
    const pdf = await page.pdf({ format: 'A4' });
    writeFileSync(`${OUT}trends-print.pdf`, pdf);
    const pages = (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
    writeFileSync(`${OUT}trends-print-pages.txt`, `${pages}\n`);
    expect(pages).toBeGreaterThanOrEqual(19); // one indicator a page at least
    expect(pages).toBeLessThan(25);
    await page.emulateMedia({ media: 'print' });
    const shown = await page.evaluate(() => ({
      nav: [...document.querySelectorAll('nav, .back')].filter((e) => getComputedStyle(e).display !== 'none').length,
      rows: [...document.querySelectorAll('article:has(#ind-icpc_within_15wd_pct) .table-scroll:not(.years) tbody tr')].filter((e) => getComputedStyle(e).display !== 'none').length,
    }));
    expect(shown).toEqual({ nav: 0, rows: 12 });
    await page.close();
  });

  it('shows the restated marks as rendered: beside the figure, what it was in its year table, and under the title', async () => {
    const { page, errors } = await open('trends-restated', trendsPage({ restatement: wiganRestatement() }));
    expect(errors).toEqual([]);
    const article = page.locator('article:has(#ind-icpc_within_15wd_pct)');
    const text = await article.innerText();
    expect(text).toContain('2016/17: Wigan 85.7 †');
    expect(text).toContain('† Restated since the last snapshot: was 84.4 (+1.3).');
    // the year table: the figure marked, and a column saying what it was, both on screen
    const row = article.locator('.table-scroll.years tr[data-period="2016/17"]');
    expect(await row.locator('td[data-m="value"]').innerText()).toBe('85.7 †');
    const cell = row.locator('td[data-m="restated"]');
    expect(await cell.innerText()).toBe('† was 84.4 (+1.3)');
    expect(await cell.isVisible()).toBe(true);
    const box = await cell.boundingBox();
    expect(box!.width).toBeGreaterThan(20);
    expect(await article.locator('th', { hasText: 'Restated since the last snapshot' }).isVisible()).toBe(true);
    // a figure with no value before, or none now, in words
    expect(await page.locator('article:has(#ind-rereferrals_12m_pct) tr[data-period="2014/15"] td[data-m="restated"]').innerText()).toBe('† had no value');
    // an indicator that did not move has no such column
    expect(await page.locator('article:has(#ind-cla_per_10k) td[data-m="restated"]').count()).toBe(0);
    const header = await page.locator('header').innerText();
    expect(header).toContain('Restated since the last snapshot. Extract snap-2017-04-10-a1 taken on 2017-04-10, against extract snap-2017-03-10-b7 taken on 2017-03-10');
    expect(header).toContain('6 figures moved since then, each marked † beside it with what it was.');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await article.screenshot({ path: `${OUT}trends-restated-icpc_within_15wd_pct.png` });
    // printed too
    await page.emulateMedia({ media: 'print' });
    expect(await cell.isVisible()).toBe(true);
    await page.close();
  });

  it('opens the published (suppressed) version cleanly too', async () => {
    const { page, url, requests, errors } = await open('trends-suppressed', trendsPage({ suppress: true }));
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    await page.locator('article:has(#ind-cpp_2y_plus_pct)').screenshot({ path: `${OUT}trends-suppressed-cpp_2y_plus_pct.png` });
    await page.close();
  });
});
