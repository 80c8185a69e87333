/** Terraform plan JSON (`terraform show -json`) written for tests, and positions in it. */

/** [line, column, endLine, endColumn] of the first occurrence of `needle` in `text` (after `from`). */
export function spanOf(text: string, needle: string, from = ''): [number, number, number, number] {
  const i = text.indexOf(needle, text.indexOf(from));
  const before = text.slice(0, i).split('\n');
  const line = before.length;
  const column = before.at(-1)!.length + 1;
  return [line, column, line, column + needle.length];
}

/** A resource instance of a plan: its address, planned values and what is known only after apply. */
export interface Instance {
  address: string;
  values: object;
  unknown?: object;
  /** The change's actions; `["create"]` when not given. */
  actions?: string[];
  /** The values before the change (null when not given). */
  before?: object;
}

const ADDRESS = /^((?:module\.[\w-]+(?:\[[^\]]*\])?\.)*)(data\.)?([\w-]+)\.([\w-]+)/;

/** `mode`, `type` and `name` of a resource address. */
function parts(address: string) {
  const m = ADDRESS.exec(address)!;
  return { mode: m[2] ? 'data' : 'managed', type: m[3]!, name: m[4]!, module: m[1]!.replace(/\.$/, '') };
}

/** A resource block of the plan's configuration section. */
export function block(address: string, expressions: object, extra: object = {}) {
  const { mode, type, name } = parts(address);
  return { address, mode, type, name, provider_config_key: 'alicloud', expressions, ...extra };
}

/** `terraform show -json` text: instances (planned_values, resource_changes) and the configuration's root module. */
export function planText(instances: Instance[], rootModule: object): string {
  const changes = instances.map((i) => ({ ...i, ...parts(i.address) }));
  // planned_values holds every instance but those being destroyed.
  const planned = changes.filter((i) => i.actions?.join() !== 'delete');
  const modules = [...new Set(planned.map((i) => i.module).filter((m) => m !== ''))];
  const resources = (m: string) => planned.filter((i) => i.module === m).map(({ address, mode, type, name, values }) => ({ address, mode, type, name, values }));
  return JSON.stringify(
    {
      format_version: '1.2',
      planned_values: { root_module: { resources: resources(''), child_modules: modules.map((m) => ({ address: m, resources: resources(m) })) } },
      resource_changes: changes.map(({ address, mode, type, name, values, unknown, actions, before }) => ({
        address,
        mode,
        type,
        name,
        change: { actions: actions ?? ['create'], before: before ?? null, after: actions?.join() === 'delete' ? null : values, after_unknown: { id: true, ...unknown } },
      })),
      configuration: {
        provider_config: { alicloud: { name: 'alicloud', expressions: { region: { constant_value: 'cn-beijing' } } } },
        root_module: rootModule,
      },
    },
    null,
    2,
  );
}
