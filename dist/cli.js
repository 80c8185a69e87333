#!/usr/bin/env node
import { createRequire as __sglintCreateRequire } from 'node:module'; const require = __sglintCreateRequire(import.meta.url);
import{f as r,g as u}from"./chunks/chunk-CVODZX7S.js";import"./chunks/chunk-YD5UZWJH.js";import"./chunks/chunk-XIOE2X5D.js";import"./chunks/chunk-KJWHXMCC.js";import"./chunks/chunk-5GZ5VHLD.js";import"./chunks/chunk-ZUYFCAHH.js";import"./chunks/chunk-XYTVB3LJ.js";import"./chunks/chunk-CB5UCBKZ.js";import"./chunks/chunk-TOYC4XQA.js";import"./chunks/chunk-CZCKNPIQ.js";r();await u(process.argv.slice(2));
