/**
 * ROS templates (documents with `ROSTemplateFormatVersion`), YAML or JSON, long-form and short-form
 * (`!Ref`) intrinsic functions. The template is region-free: groups take the configured region.
 */
import type { DocLoader, LoadContext, SourceFile } from './loader.ts';
import { documentKey } from './loader.ts';
import type { Tree } from './tree.ts';
import type { Model } from '../model.ts';
import { get, isMap } from './tree.ts';
import { indexTemplate } from './ros/template.ts';
import { scanReferences } from './ros/refs.ts';
import { readResources } from './ros/resources.ts';

export const rosLoader = {
  id: 'ros',
  claims: (doc: Tree) => isMap(doc) && get(doc, 'ROSTemplateFormatVersion') !== undefined,
  load(doc: Tree, file: SourceFile, ctx: LoadContext, document: number): Partial<Model> {
    if (!isMap(doc)) return {};
    const tpl = indexTemplate(doc, file, ctx, documentKey(file, document));
    scanReferences(tpl);
    return readResources(tpl);
  },
} satisfies DocLoader;
