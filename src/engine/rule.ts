/**
 * What a rule is. A rule never sees a file format and never computes a position: it reports a model
 * value or node and a message; the engine turns that into a finding.
 */
import type { Model, Node } from '../model.ts';
import type { Span, Tree } from '../load/tree.ts';
import type { Config } from './config.ts';

export type Severity = 'error' | 'warning' | 'info';

export interface ApiError {
  /** The API operation whose call would fail, e.g. `CreateSecurityGroup`. */
  operation: string;
  /** The error code the real call would return; null where the API documents none (the docs say why). */
  errorCode: string | null;
  httpStatus: number | null;
}

/** A documented example: a file the rule must (invalid) or must not (valid) report on. Tests run each. */
export interface Example {
  /** File name; its extension picks the loader (`spec.yaml`, `main.tf`, `template.ros.yaml`...). */
  file?: string;
  code: string;
  /** Optional `.sglint.yaml` content used with the example. */
  config?: string;
}

export interface RuleDocs {
  /** What the API (or the reviewer) rejects, and why. */
  description: string;
  /** How to fix it. */
  fix: string;
  valid: Example[];
  invalid: Example[];
  /** Where sources disagree: what they say and which reading was chosen. */
  uncertainty?: string;
}

export interface RuleMeta {
  /** kebab-case, stable, never reused. */
  id: string;
  api: ApiError;
  severity: Severity;
  /** `uncertain` when sources disagree: such rules default to warning and explain in docs.uncertainty. */
  certainty: 'documented' | 'uncertain';
  summary: string;
  docs: RuleDocs;
  /** Which documents say so. */
  sources: string[];
  /** Catalog section, for the README and `explain`. */
  group: 'create' | 'permission' | 'exposure' | 'ram' | 'vpc' | 'input';
  /** False when config may not switch the rule off nor inline comments suppress it. */
  suppressible?: boolean;
}

export interface Report {
  /** Where the finding goes: a tree value, a model node, or a span. */
  at: Tree | Node | Span;
  /** The model node the finding is about (names the resource); defaults to `at` when that is a node. */
  node?: Node;
  message: string;
  /** A lower severity for this finding (an assumption stood in for a fact), unless the config sets the rule's. */
  severity?: 'warning' | 'info';
}

export interface RuleContext {
  model: Model;
  config: Config;
  report(r: Report): void;
}

export interface Rule extends RuleMeta {
  check?(ctx: RuleContext): void;
  /**
   * True when each finding is about one group or one rule (permission) of `model.groups` /
   * `model.permissions` and depends only on that item, what it links to (its VPC, its group and the
   * group's rules), the rest of the model (VPCs, policies, inventory) and the model-wide indexes of
   * `perModel`, never on which other groups or rules are listed. The engine then runs the rule over
   * blocks of about a hundred items (every such rule on one block before the next), so that each block's
   * values are still in the CPU caches for the next rule. Rules that compare items with each other
   * (duplicates, quotas per region, requests) leave it unset and see the whole model.
   */
  local?: boolean;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

/** The rule id of the finding a rule that throws leaves (lint.ts): no rule of the catalog has it. */
export const INTERNAL_ERROR = 'internal-error';

export interface Finding {
  ruleId: string;
  errorCode: string | null;
  httpStatus: number | null;
  severity: Severity;
  message: string;
  span: Span;
  resource?: string;
  /** The file of the resource, when the finding is placed in another one (a variable's default, a tfvars value). */
  resourceFile?: string;
}
