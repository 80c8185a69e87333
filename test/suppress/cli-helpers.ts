// Runs the CLI's main() in-process in a directory (the bundle in dist/ is rebuilt by the integrator).
import { vi } from 'vitest';
import { main } from '../../src/cli.ts';
import { workspace as tempWorkspace } from '../helpers.ts';

/** A temporary repository (a `.git` directory stops the config search) holding these files. */
export function workspace(files: Record<string, string>): string {
  return tempWorkspace({ '.git/HEAD': '', ...files }, 'sglint-adopt-');
}

export async function cli(args: string[], cwd: string): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((stdout += String(s)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((stderr += String(s)), true));
  const before = process.cwd();
  process.chdir(cwd);
  try {
    const status = await main(args, cwd);
    return { status, stdout, stderr };
  } finally {
    process.chdir(before);
    out.mockRestore();
    err.mockRestore();
  }
}
