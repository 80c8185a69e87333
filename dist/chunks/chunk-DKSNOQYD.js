import { createRequire as __sglintCreateRequire } from 'node:module'; const require = __sglintCreateRequire(import.meta.url);
import{f as e}from"./chunk-X7KBEK2V.js";function t(n){return e(n,"format_version")!==void 0&&(e(n,"planned_values")!==void 0||e(n,"resource_changes")!==void 0)}export{t as a};
