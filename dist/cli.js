#!/usr/bin/env node
import { createRequire as __sglintCreateRequire } from 'node:module'; const require = __sglintCreateRequire(import.meta.url);
import{i as r}from"./chunks/chunk-WL2PFR4D.js";import"./chunks/chunk-Q5IY2P7N.js";import"./chunks/chunk-PD3OXGXI.js";import"./chunks/chunk-CZCKNPIQ.js";await r(process.argv.slice(2));
