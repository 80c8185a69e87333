// Runs the CLI's main() in-process in a directory (the bundle in dist/ is rebuilt by the integrator).
import { cliInProcess, workspace as tempWorkspace } from '../helpers.ts';

/** A temporary repository (a `.git` directory stops the config search) holding these files. */
export function workspace(files: Record<string, string>): string {
  return tempWorkspace({ '.git/HEAD': '', ...files }, 'sglint-adopt-');
}

export const cli = cliInProcess;
