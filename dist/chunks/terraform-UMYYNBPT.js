import { createRequire as __sglintCreateRequire } from 'node:module'; const require = __sglintCreateRequire(import.meta.url);
import"./chunk-VQNASEUB.js";var r={id:"terraform",matches:t=>/\.tf$|\.tf\.json$|\.tfvars$|\.tfvars\.json$/.test(t),load:async()=>({})};export{r as terraformLoader};
