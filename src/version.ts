import { createRequire } from 'node:module';

declare const __SGLINT_VERSION__: string | undefined;

/** The bundle gets the version at build time; sources read package.json. */
export const VERSION: string =
  typeof __SGLINT_VERSION__ !== 'undefined' ? __SGLINT_VERSION__ : (createRequire(import.meta.url)('../package.json') as { version: string }).version;
