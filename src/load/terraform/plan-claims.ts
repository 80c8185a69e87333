/** Whether a JSON document is a Terraform plan (`terraform show -json`): cheap, so it runs on every document. */
import { get } from '../tree.ts';
import type { Tree } from '../tree.ts';

export function isPlan(doc: Tree): boolean {
  return get(doc, 'format_version') !== undefined && (get(doc, 'planned_values') !== undefined || get(doc, 'resource_changes') !== undefined);
}
