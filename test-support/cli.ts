/*
 * Test helper: runs the CLI in-process with its output captured, as a user
 * would run it from a shell. Used only by tests.
 */
import { main } from '../cli.ts';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function runCli(...args: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await main(['node', 'safeguard', ...args], { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}
