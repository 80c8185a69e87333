#!/usr/bin/env node
import { createRequire as __sglintCreateRequire } from 'node:module'; const require = __sglintCreateRequire(import.meta.url);
import{f as r,g as u}from"./chunks/chunk-IPY45QLQ.js";import"./chunks/chunk-YD5UZWJH.js";import"./chunks/chunk-O7LSKMS5.js";import"./chunks/chunk-UN5GCMCV.js";import"./chunks/chunk-QTZFDY37.js";import"./chunks/chunk-ZUYFCAHH.js";import"./chunks/chunk-D3FTIJWY.js";import"./chunks/chunk-5YQ6RZEZ.js";import"./chunks/chunk-CZCKNPIQ.js";r();await u(process.argv.slice(2));
