/* The progress line: only on a terminal, only for a step that runs past two seconds, cleared at the end (fake timers: no real waiting). */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PROGRESS_AFTER_MS, withProgress } from './progress.ts';

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { isTTY, written, write: (t: string) => written.push(t) };
}

/** A step that takes `ms` of (fake) time. */
const step = (ms: number) => () => new Promise<string>((resolve) => setTimeout(() => resolve('done'), ms));

describe('withProgress', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('says what a long step is doing on a terminal, each second, and clears the line when it ends', async () => {
    const s = stream(true);
    const result = withProgress('Reading the extract', step(PROGRESS_AFTER_MS + 2500), s);
    await vi.advanceTimersByTimeAsync(PROGRESS_AFTER_MS + 2500);
    expect(await result).toBe('done');
    expect(s.written[0]).toBe('\r\u001b[KReading the extract… 2 s');
    expect(s.written).toContain('\r\u001b[KReading the extract… 4 s');
    expect(s.written.at(-1)).toBe('\r\u001b[K');
  });

  it('prints nothing for a short step', async () => {
    const s = stream(true);
    const result = withProgress('Reading the extract', step(PROGRESS_AFTER_MS - 500), s);
    await vi.advanceTimersByTimeAsync(PROGRESS_AFTER_MS);
    await result;
    expect(s.written).toEqual([]);
  });

  it('prints nothing when stderr is not a terminal (a pipe, a file, a test)', async () => {
    const s = stream(false);
    const result = withProgress('Reading the extract', step(10_000), s);
    await vi.advanceTimersByTimeAsync(10_000);
    await result;
    expect(s.written).toEqual([]);
  });

  it('clears the line when the step fails, and passes the failure on', async () => {
    const s = stream(true);
    const result = withProgress('Storing the snapshot', () => new Promise((_, reject) => setTimeout(() => reject(new Error('disk full')), 3000)), s);
    const caught = result.catch((e: Error) => e.message);
    await vi.advanceTimersByTimeAsync(3000);
    expect(await caught).toBe('disk full');
    expect(s.written.at(-1)).toBe('\r\u001b[K');
  });
});
