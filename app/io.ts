/*
 * Where commands write: results to stdout (so `--format json` can be piped),
 * progress and notes to stderr (cli.md). Tests pass their own Io to capture both.
 */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: Io = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
};

/** Colour on stdout only for a terminal, and never under NO_COLOR. */
export function colourOn(): boolean {
  return Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
}
