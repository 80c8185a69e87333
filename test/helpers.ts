import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintSources } from '../src/index.ts';
import type { Finding } from '../src/engine/rule.ts';
import type { Config } from '../src/engine/config.ts';
import { configFromText } from '../src/engine/config-file.ts';

/** Lint in-memory files (name → text) with the full catalog. */
export async function lintFiles(files: Record<string, string>, config: Partial<Config> = {}): Promise<Finding[]> {
  const result = await lintSources(Object.entries(files).map(([path, text]) => ({ path, text })), config);
  return result.findings;
}

/** The parts of a finding tests assert: rule, API code and span. */
export function key(f: Finding) {
  return { ruleId: f.ruleId, errorCode: f.errorCode, line: f.span.line, column: f.span.column, endLine: f.span.endLine, endColumn: f.span.endColumn };
}

export function only(findings: Finding[], ruleId: string): Finding[] {
  return findings.filter((f) => f.ruleId === ruleId);
}

/** A config written as `.sglint.yaml` text, for examples that carry one (read and validated as a config file is). */
export async function configFromYaml(text: string | undefined): Promise<Partial<Config>> {
  if (!text) return {};
  const { config, problems } = await configFromText('.sglint.yaml', text, { cwd: process.cwd() });
  if (problems.length) throw new Error(`example config: ${problems.map((p) => `${p.span ? `${p.span.line}:${p.span.column} ` : ''}${p.message}`).join('; ')}`);
  return config;
}

/** A fresh temporary directory holding these files (relative path → text). */
export function workspace(files: Record<string, string>, prefix = 'sglint-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

/** Runs the CLI's main() in-process in a directory, capturing what it writes. */
export async function cliInProcess(args: string[], cwd: string): Promise<{ status: number; stdout: string; stderr: string }> {
  const { vi } = await import('vitest');
  const { main } = await import('../src/cli.ts');
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
