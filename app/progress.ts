/*
 * A progress line for a long step (issue 15: a 50x extract ingested for about
 * 15 s in silence). Once a step has run for two seconds, one line on stderr
 * says what is happening and for how long, rewritten in place each second,
 * and cleared when the step ends. Only on a terminal: a pipe, a file or a
 * test's captured output never sees it (they get the usual summary lines
 * from the command, so nothing a script reads changes). Written straight to
 * the stream, not through Io, because it moves the cursor (Io shows control
 * characters as escapes); the label is safeguard's own words, never input.
 */

export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

/** Quiet for this long: most steps finish sooner and print nothing. */
export const PROGRESS_AFTER_MS = 2000;

export async function withProgress<T>(label: string, work: () => Promise<T>, stream: ProgressStream = process.stderr): Promise<T> {
  if (!stream.isTTY) return work();
  const started = Date.now();
  let shown = false;
  const show = () => {
    const seconds = Math.round((Date.now() - started) / 1000);
    stream.write(`\r\u001b[K${label}… ${seconds} s`);
    shown = true;
  };
  let tick: ReturnType<typeof setInterval> | undefined;
  const wait = setTimeout(() => {
    show();
    tick = setInterval(show, 1000);
  }, PROGRESS_AFTER_MS);
  try {
    return await work();
  } finally {
    clearTimeout(wait);
    if (tick) clearInterval(tick);
    if (shown) stream.write('\r\u001b[K');
  }
}
