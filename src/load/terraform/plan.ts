/** Terraform plan JSON (`terraform show -json`). */
import type { DocLoader } from '../loader.ts';

export const planLoader: DocLoader = {
  id: 'terraform-plan',
  claims: () => false,
  load: () => ({}),
};
