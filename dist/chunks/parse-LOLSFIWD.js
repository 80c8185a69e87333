import { createRequire as __sglintCreateRequire } from 'node:module'; const require = __sglintCreateRequire(import.meta.url);
import{m as a,p as b,q as c,r as d,s as e,t as f,u as g}from"./chunk-GJ6HKX4E.js";import"./chunk-CZCKNPIQ.js";export{a as MAX_DEPTH,f as parseJson,g as parseJsonFully,d as parseYaml,e as parseYamlFully,b as tooDeepAt,c as yamlTooDeepAt};
