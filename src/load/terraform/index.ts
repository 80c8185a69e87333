/** Terraform modules: `.tf`, `.tf.json` and variable files of one directory, read together. */
import type { SetLoader } from '../loader.ts';

export const terraformLoader: SetLoader = {
  id: 'terraform',
  matches: (p) => /\.tf$|\.tf\.json$|\.tfvars$|\.tfvars\.json$/.test(p),
  load: async () => ({}),
};
