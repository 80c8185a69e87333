// Builds the real bundles (CLI and Action) into a temporary directory, once per test file, exactly as
// `npm run build` writes dist/, so the tests run what GitHub, pre-commit and npx run.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..', '..');
let built: string | undefined;

/** A fresh build of dist/ (cli.js, action.js, chunks) in a temporary directory. */
export function bundle(): string {
  if (!built) {
    built = join(mkdtempSync(join(tmpdir(), 'sglint-bundle-')), 'dist');
    execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), built]);
  }
  return built;
}

/** A directory tree from `{ relative path: text }`; an existing directory may be copied in first. */
export function tree(files: Record<string, string>, from?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'sglint-ws-'));
  if (from) cpSync(from, dir, { recursive: true });
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

export const GOOD = 'securityGroups:\n  - RegionId: cn-hangzhou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n    SecurityGroupName: web\n';
/** name-malformed (InvalidSecurityGroupName.Malformed) at 4:24-4:28. */
export const BAD = 'securityGroups:\n  - RegionId: cn-hangzhou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n    SecurityGroupName: 1web\n';
