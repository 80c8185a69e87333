import { createRequire as __sglintCreateRequire } from 'node:module'; const require = __sglintCreateRequire(import.meta.url);
import{a,b,c,d,e}from"./chunk-AYAISQBU.js";import"./chunk-222PNF4R.js";import"./chunk-YNNJXYUI.js";import"./chunk-TOYC4XQA.js";import"./chunk-CZCKNPIQ.js";export{b as INFORMATION_URI,a as SARIF_SCHEMA,c as fingerprint,e as formatSarif,d as sarifLog};
