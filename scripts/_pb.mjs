import { build } from 'esbuild';
await build({ entryPoints: ['_pb_entry.ts'], outfile: '/tmp/pb/pb.mjs', bundle: true, format: 'esm', platform: 'node', target: 'node20', define: { __SGLINT_VERSION__: '"0"' }, banner: { js: "import { createRequire as __c } from 'node:module'; const require = __c(import.meta.url);" } });
