/*
 * The small error taxonomy of safeguard. Commands throw these; cli.ts catches
 * them once and maps them to exit codes (cli.md): 1 failed, 2 bad usage,
 * 3 input rejected (nothing written). Anything else is an internal error,
 * reported as such without a stack trace unless SAFEGUARD_DEBUG is set.
 */

export class SafeguardError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 | 3,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad usage: an unknown period form, a missing argument. Exit 2. */
export class UsageError extends SafeguardError {
  constructor(message: string) {
    super(message, 2);
  }
}

/** Where in an input a problem is. Lines and columns are 1-based. */
export interface InputLocation {
  file: string;
  line?: number;
  column?: string;
}

/** The input was rejected as a whole; the database is unchanged. Exit 3. */
export class InputRejected extends SafeguardError {
  constructor(
    readonly location: InputLocation,
    readonly reason: string,
  ) {
    super(`${formatLocation(location)}: ${reason}`, 3);
  }
}

/** A run that could not finish for a reason other than its input. Exit 1. */
export class RunFailed extends SafeguardError {
  constructor(message: string) {
    super(message, 1);
  }
}

export function formatLocation(loc: InputLocation): string {
  let s = loc.file;
  if (loc.line !== undefined) s += `, line ${loc.line}`;
  if (loc.column !== undefined) s += `, column ${loc.column}`;
  return s;
}
