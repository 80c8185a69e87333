/**
 * ROS templates (documents with `ROSTemplateFormatVersion`), YAML or JSON, long-form and short-form
 * (`!Ref`) intrinsic functions. The template is region-free: groups take the configured region.
 */
import type { DocLoader } from './loader.ts';
import { get, isMap } from './tree.ts';
import { indexTemplate } from './ros/template.ts';
import { scanReferences } from './ros/refs.ts';
import { readResources } from './ros/resources.ts';

export const rosLoader: DocLoader = {
  id: 'ros',
  claims: (doc) => isMap(doc) && get(doc, 'ROSTemplateFormatVersion') !== undefined,
  load(doc, file, ctx) {
    if (!isMap(doc)) return {};
    const tpl = indexTemplate(doc, file, ctx);
    scanReferences(tpl);
    return readResources(tpl);
  },
};
