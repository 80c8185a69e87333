#!/usr/bin/env node
import { guardOutput, run } from './cli.ts';

guardOutput();
await run(process.argv.slice(2));
