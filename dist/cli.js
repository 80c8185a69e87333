#!/usr/bin/env node
import { createRequire as __sglintCreateRequire } from 'node:module'; const require = __sglintCreateRequire(import.meta.url);
import{f as r,g as u}from"./chunks/chunk-IDZUSML6.js";import"./chunks/chunk-DKSNOQYD.js";import"./chunks/chunk-SM7ZMOSV.js";import"./chunks/chunk-MNTGJB4V.js";import"./chunks/chunk-X7KBEK2V.js";import"./chunks/chunk-222PNF4R.js";import"./chunks/chunk-YNNJXYUI.js";import"./chunks/chunk-TOYC4XQA.js";import"./chunks/chunk-CZCKNPIQ.js";r();await u(process.argv.slice(2));
