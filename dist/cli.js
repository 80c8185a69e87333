#!/usr/bin/env node
import { createRequire as __sglintCreateRequire } from 'node:module'; const require = __sglintCreateRequire(import.meta.url);
import{f as r,g as u}from"./chunks/chunk-QMUBZV6J.js";import"./chunks/chunk-FZI6QCQZ.js";import"./chunks/chunk-O7LSKMS5.js";import"./chunks/chunk-T5LT5ZHH.js";import"./chunks/chunk-JXCVAWX4.js";import"./chunks/chunk-GBSLKGA3.js";import"./chunks/chunk-D3FTIJWY.js";import"./chunks/chunk-5YQ6RZEZ.js";import"./chunks/chunk-CZCKNPIQ.js";r();await u(process.argv.slice(2));
