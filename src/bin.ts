#!/usr/bin/env node
import { run } from './cli.ts';

// A reader that stops early (`sglint | head`) closes the pipe: that is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

await run(process.argv.slice(2));
