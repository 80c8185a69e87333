import { createRequire as __sglintCreateRequire } from 'node:module'; const require = __sglintCreateRequire(import.meta.url);
import{a,b,c,d,e}from"./chunk-ZIB44WKD.js";import"./chunk-XYTVB3LJ.js";import"./chunk-CB5UCBKZ.js";import"./chunk-TOYC4XQA.js";import"./chunk-CZCKNPIQ.js";export{b as INFORMATION_URI,a as SARIF_SCHEMA,c as fingerprint,e as formatSarif,d as sarifLog};
