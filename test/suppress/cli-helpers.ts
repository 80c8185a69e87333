// In-process CLI runs for the suppression and baseline tests, in temporary repositories.
import { cliInProcess, workspace as tempWorkspace } from '../helpers.ts';

/** A temporary repository (a `.git` directory stops the config search) holding these files. */
export function workspace(files: Record<string, string>): string {
  return tempWorkspace({ '.git/HEAD': '', ...files }, 'sglint-adopt-');
}

export const cli = cliInProcess;
