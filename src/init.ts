/**
 * `sglint --init`: writes a commented starter `.sglint.yaml` and a GitHub workflow running the sglint
 * Action, at the repository root (the nearest directory upward holding `.git`; outside a repository, the
 * working directory). Existing files are never overwritten unless `force` is set.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot } from './util/paths.ts';
import { writeFileSafely } from './util/io.ts';

export const STARTER_CONFIG = `# sglint configuration. Paths in this file are relative to its directory.
# Every key is optional; uncomment what you need. \`sglint explain <rule-id>\` describes a rule.

# Default RegionId for inputs that name none (ROS templates, specs without RegionId).
# region: cn-hangzhou

# Account id used in RAM resource ARNs (quoted: it is a string of digits).
# accountId: "1234567890123456"

# Severity per rule: off, info, warning or error.
# rules:
#   name-uncertain-characters: off
#   tag-value-reserved-prefix: error

# Paths not to check: globs relative to this file (** any directories, * and ? within a name).
# A pattern without "/" matches that name at any depth.
# ignore:
#   - "test/fixtures/**"
#   - "*.generated.yaml"

# A shareable config this one builds on (its settings first, this file's on top).
# extends: ../platform/sglint-base.yaml

# Suppressions kept in config (for JSON inputs, or whole directories); each needs a reason.
# Rule ids or API error codes; from the \`expires\` day on a waiver no longer suppresses.
# waivers:
#   - rules: [name-malformed]
#     paths: ["legacy/**"]
#     reason: "imported from the old account; renamed during the migration"
#     expires: "2026-12-31"

# Inline comments suppress a finding on the line below (or at the end of its line), with a reason:
# # sglint-ignore name-malformed reason="legacy name" expires=2026-12-31
# Set to false to ignore them (audits); the same as --no-inline-suppressions.
# inlineSuppressions: true

# Rules that no comment or waiver may suppress.
# unsuppressible: [vpc-wrong-region, vpc-not-found]

# Known findings recorded with \`sglint --write-baseline .sglint-baseline.json\`: only new ones are reported.
# baseline: .sglint-baseline.json
`;

export const STARTER_WORKFLOW = `# Checks security-group specs, Terraform and ROS templates on every pull request.
name: sglint
on:
  pull_request:
  push:
    branches: [main]
permissions:
  contents: read
jobs:
  sglint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      # Pin a release (sglint/sglint@v0.x.y) or a commit SHA rather than the moving v0 tag.
      - uses: sglint/sglint@v0
`;

export const INIT_FILES: readonly { path: string; text: string }[] = [
  { path: '.sglint.yaml', text: STARTER_CONFIG },
  { path: '.github/workflows/sglint.yml', text: STARTER_WORKFLOW },
];

export interface InitOutcome {
  /** Where the files go: the repository root, else the working directory. */
  dir: string;
  /** Paths relative to `dir`. */
  written: string[];
  /** Files that exist and were left alone (nothing is written when any exists, unless forced). */
  existing: string[];
}

export function init(cwd: string, force = false): InitOutcome {
  const dir = repoRoot(cwd) ?? cwd;
  const existing = INIT_FILES.filter((f) => existsSync(join(dir, f.path))).map((f) => f.path);
  if (existing.length > 0 && !force) return { dir, written: [], existing };
  for (const f of INIT_FILES) {
    const abs = join(dir, f.path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSafely(abs, f.text);
  }
  return { dir, written: INIT_FILES.map((f) => f.path), existing };
}
