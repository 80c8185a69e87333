/**
 * Resolved configuration: defaults, then `.sglint.yaml`, then flags. Loading and validating the file
 * lives in config-file.ts; this module only holds the shape and the defaults.
 */
import type { Severity } from './rule.ts';

export interface Config {
  /** Default RegionId for inputs that name none (ROS templates, specs without `region`). */
  region?: string;
  /** Account id used in ARNs for RAM checks. */
  accountId?: string;
  quota: {
    /** Security groups one region may hold (the API documents "a minimum of 100"). */
    securityGroupsPerRegion: number;
    /** Rules (ingress + egress) one group may hold before AuthorizationLimitExceed; uncertain, see the rule docs. */
    rulesPerGroup: number;
  };
  /** Per-rule severity overrides. */
  rules: Record<string, Severity | 'off'>;
  /** Terraform variable values from flags (`--var k=v`), highest precedence. */
  vars: Record<string, string>;
  /** Terraform variable files from flags (`--var-file`). */
  varFiles: string[];
  /** ROS parameter values (`--parameter k=v`). */
  parameters: Record<string, string>;
  /** Files larger than this are reported as too large, not read. */
  maxFileBytes: number;
  /** Directory the config file lives in (paths in it are relative to this), else the working directory. */
  baseDir: string;
  /** Paths to leave out of directory walks (from config `ignore`). */
  isIgnored?: (abs: string) => boolean;
  /** Path of the config file, when one was read. */
  file?: string;
}

export function defaultConfig(baseDir = process.cwd()): Config {
  return {
    quota: { securityGroupsPerRegion: 100, rulesPerGroup: 200 },
    rules: {},
    vars: {},
    varFiles: [],
    parameters: {},
    maxFileBytes: 20 * 1024 * 1024,
    baseDir,
  };
}
