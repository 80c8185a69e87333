/**
 * Resolved configuration: defaults, then `.sglint.yaml`, then flags. Loading and validating the file
 * lives in config-file.ts; this module only holds the shape and the defaults.
 */
import type { Rule, Severity } from './rule.ts';
import type { Span, Tree } from '../load/tree.ts';

/** A config inventory entry: a CLI export file, optionally with the region it was taken in. */
export interface InventoryEntry {
  /** File path (relative to baseDir); for an inline export, where it is written (`.sglint.yaml#/inventory/0`). */
  path: string;
  region?: string;
  /** An export written inline in the config. */
  data?: Tree;
}

/** A suppression kept in config rather than in an inline comment. */
export interface Waiver {
  rules: string[];
  /** Glob patterns of input paths; all paths when absent. */
  paths?: string[];
  /** Resource addresses (`alicloud_security_group.web`, `Resources.WebSg`); all when absent. */
  resources?: string[];
  reason: string;
  /** YYYY-MM-DD; from that day on the waiver no longer suppresses. */
  expires?: string;
  owner?: string;
  /** Where the waiver is written in its config file (set by the config loader; extended files keep their own). */
  span?: Span;
}

export interface Config {
  /** Default RegionId for inputs that name none (ROS templates, specs without `region`). */
  region?: string;
  /** Account id used in ARNs for RAM checks. */
  accountId?: string;
  quota: {
    /**
     * Security groups one region may hold, when the user knows the account's quota; unset, the API's default
     * ("a minimum of 100") is assumed and going past it is only a warning (group-quota).
     */
    securityGroupsPerRegion?: number;
    /** Rules (ingress + egress) one group may hold before AuthorizationLimitExceed; uncertain, see the rule docs. */
    rulesPerGroup: number;
  };
  /** Per-rule severity overrides. */
  rules: Record<string, Severity | 'off'>;
  /** Terraform variable values from flags (`--var k=v`), highest precedence. */
  vars: Record<string, string>;
  /** Terraform variable files from flags (`--var-file`): absolute, or relative to `baseDir`. */
  varFiles: string[];
  /** ROS parameter values (`--parameter k=v`). */
  parameters: Record<string, string>;
  /** Files larger than this are reported as too large, not read. */
  maxFileBytes: number;
  /** Directory the config file lives in (paths in it are relative to this), else the working directory. */
  baseDir: string;
  /** Paths to leave out of directory walks and module reads (from config `ignore`; lintPaths makes it). */
  isIgnored?: (abs: string) => boolean;
  /**
   * Directories this run walked in full (absolute). A waiver that suppresses nothing is reported only when
   * they hold every file it may cover: a run on some files (pre-commit) cannot tell. Unset: all inputs given.
   */
  walked?: string[];
  /** Directories those walks did not enter (dist, node_modules, `ignore`): files below them were not read. */
  unwalked?: string[];
  /** Path of the config file, when one was read. */
  file?: string;
  /** RAM checks: the policies attached to the deploying identity (file paths or policy names from the inputs). */
  ram?: {
    policies: string[];
    /** Policy documents written inline in the config, by the name used for them in `policies` (`.sglint.yaml#/ram/policies/1`). */
    documents?: Record<string, Tree>;
  };
  /** Exported cloud state files (paths relative to baseDir). */
  inventory?: (string | InventoryEntry)[];
  /** Glob patterns of input paths not to check. */
  ignore?: string[];
  /** The shareable config file this one extends, as written. */
  extends?: string;
  /** Config-file suppressions. */
  waivers?: Waiver[];
  /** False when inline suppression comments must not suppress. */
  inlineSuppressions?: boolean;
  /** Ports exposed-port reports besides its built-in list (rules/data/exposure-ports.json). */
  exposurePorts?: { port: number; name: string }[];
  /** Rule ids that may not be suppressed. */
  unsuppressible?: string[];
  /** Baseline file, as written. */
  baseline?: string;
  /**
   * Where each value of the config file was written: JSON pointer (`/ram/policies/0`) → span, so findings
   * about a config entry (a policy file that is missing) point at it.
   */
  locations?: Record<string, Span>;
  /** The day suppression expiry is judged against (YYYY-MM-DD); today (UTC) when absent. */
  today?: string;
}

export function defaultConfig(baseDir = process.cwd()): Config {
  return {
    quota: { rulesPerGroup: 200 },
    rules: {},
    vars: {},
    varFiles: [],
    parameters: {},
    maxFileBytes: 20 * 1024 * 1024,
    baseDir,
  };
}

/** A rule's effective severity: the config's override, unless the rule may not be switched off. */
export function severityOf(rule: Rule, config: Pick<Config, 'rules'>): Severity | 'off' {
  const o = config.rules[rule.id];
  // Rules that may not be suppressed keep their severity (the config loader refuses to change it).
  return o && rule.suppressible !== false ? o : rule.severity;
}
