import { describe, expect, it } from 'vitest';
import { runCli } from './test-support/cli.ts';


describe('exit codes (cli.md)', () => {
  it('2 for bad usage: an unknown command, option or period form', async () => {
    expect((await runCli('frobnicate')).code).toBe(2);
    expect((await runCli('indicators', '--format', 'xml')).code).toBe(2);
    const r = await runCli('indicators', '--db', ':memory:', '--period', 'last year');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/period 'last year' is not understood/);
  });

  it('2 for an LA code that is not an English LA', async () => {
    const r = await runCli('ingest', 'fixtures', '--la', '999', '--db', ':memory:');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--la 999/);
  });

  it('1 with a message when nothing has been ingested', async () => {
    const r = await runCli('indicators', '--db', ':memory:');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/nothing has been ingested/);
  });

  it('3 for an extract folder that does not exist', async () => {
    const r = await runCli('ingest', 'no/such/folder', '--db', ':memory:');
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/no\/such\/folder: is not a folder/);
  });

  it('3 for a benchmark file whose columns are not recognised, naming the columns expected', async () => {
    const r = await runCli('benchmarks', 'import', 'data/bank-holidays-england-and-wales.csv', '--db', ':memory:');
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/columns \[date, name, source\]/);
    expect(r.err).toMatch(/indicator,period,comparator,value/);
  });

  it('0 for help', async () => {
    expect((await runCli('--help')).code).toBe(0);
  });
});
