/** ROS templates (ROSTemplateFormatVersion). */
import type { DocLoader } from './loader.ts';
import { get } from './tree.ts';

export const rosLoader: DocLoader = {
  id: 'ros',
  claims: (doc) => get(doc, 'ROSTemplateFormatVersion') !== undefined,
  load: () => ({}),
};
