/*
 * Where commands write: results to stdout (so `--format json` can be piped),
 * progress and notes to stderr (cli.md). Tests pass their own Io to capture both.
 *
 * Everything safeguard writes to either stream passes through here, which is
 * why two promises are kept here once for every command:
 * - no text reaches the terminal with a control character in it (an ANSI
 *   escape in a file name could clear the screen, retitle the window or hide
 *   a line; a bidirectional override could reorder what is shown): each is
 *   shown as a visible escape (`\x1b`, `\u202e`). Only safeguard's own colours
 *   pass, and only where a caller asks for them (`{ colour: true }`);
 * - output to a pipe closed early (`| head`) ends quietly (cli.md v2): once a
 *   stream reports EPIPE nothing more is written to it, and no stack trace.
 */
export interface WriteOptions {
  /** keep SGR colour codes (ESC [ digits m): only for text safeguard made itself */
  colour?: boolean;
}

export interface Io {
  out(text: string, opts?: WriteOptions): void;
  err(text: string): void;
}

// C0 controls but tab and line feed, DEL, C1 controls, and the bidirectional
// embeddings, overrides and isolates (Trojan Source)
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const SGR = /\u001b\[[0-9;]*m/g;

function visible(c: string): string {
  const n = c.codePointAt(0)!;
  return n <= 0xff ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
}

/** Text made safe for a terminal: every control character shown as an escape; colour codes kept only if asked. */
export function terminalSafe(text: string, opts: WriteOptions = {}): string {
  if (!opts.colour) return text.replace(UNSAFE, visible);
  // split around the colour codes, which are kept whole, and make the rest safe
  let out = '';
  let at = 0;
  for (const m of text.matchAll(SGR)) {
    out += text.slice(at, m.index).replace(UNSAFE, visible) + m[0];
    at = m.index + m[0].length;
  }
  return out + text.slice(at).replace(UNSAFE, visible);
}

type StreamName = 'stdout' | 'stderr';
const closed: Record<StreamName, boolean> = { stdout: false, stderr: false };
let failure: { stream: StreamName; error: NodeJS.ErrnoException } | null = null;
let guarded = false;

/** A stream that failed: closed early (quiet) or a real failure (kept, for main to report). */
function failed(stream: StreamName, e: NodeJS.ErrnoException): void {
  closed[stream] = true;
  if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED' && e.code !== 'ECONNRESET' && !failure) failure = { stream, error: e };
}

/**
 * Listens for errors on stdout and stderr: a write to a closed pipe fails
 * after the call returns, as an 'error' event that Node would otherwise throw
 * with a stack trace. Called once by main before a command runs.
 */
export function guardStreams(): void {
  if (guarded) return;
  guarded = true;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => failed('stdout', e));
  process.stderr.on('error', (e: NodeJS.ErrnoException) => failed('stderr', e));
}

/** A failure writing the output that was not a closed pipe (a full disk under `> file`), if any. */
export function outputFailure(): { stream: StreamName; error: NodeJS.ErrnoException } | null {
  return failure;
}

function write(name: StreamName, text: string): void {
  if (closed[name]) return;
  try {
    process[name].write(text.endsWith('\n') ? text : `${text}\n`);
  } catch (e) {
    failed(name, e as NodeJS.ErrnoException);
  }
}

export const processIo: Io = {
  out: (t) => write('stdout', t),
  err: (t) => write('stderr', t),
};

/** Colour on stdout only for a terminal, and never under NO_COLOR. */
export function colourOn(): boolean {
  return Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
}

/** The Io every command is given (main wraps whichever it was handed): every message made terminal-safe, once. */
export function safeIo(io: Io): Io {
  return {
    out: (t, opts) => io.out(terminalSafe(t, opts), opts),
    err: (t) => io.err(terminalSafe(t)),
  };
}
