// Types of the corpus generators in gen.mjs, for the tests that reuse them.
export function group(i: number): Record<string, unknown>;
export function vpc(i: number): { VpcId: string; RegionId: string; Status: string };
export function specYaml(n: number, offset?: number): string;
export function specJson(n: number, offset?: number): string;
export function terraform(targetBytes: number): string;
export function ros(n: number): string;
export function writeCorpus(dir: string, files: Record<string, string>): string;
export function smallFiles(count?: number): Record<string, string>;
