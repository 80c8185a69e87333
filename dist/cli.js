#!/usr/bin/env node
import { createRequire as __sglintCreateRequire } from 'node:module'; const require = __sglintCreateRequire(import.meta.url);
import{f as r,g as u}from"./chunks/chunk-GL4EAGXS.js";import"./chunks/chunk-6KQYG6TV.js";import"./chunks/chunk-O7LSKMS5.js";import"./chunks/chunk-UMK6R7HY.js";import"./chunks/chunk-QKK4FGRL.js";import"./chunks/chunk-TJU5WVS6.js";import"./chunks/chunk-D3FTIJWY.js";import"./chunks/chunk-5YQ6RZEZ.js";import"./chunks/chunk-CZCKNPIQ.js";r();await u(process.argv.slice(2));
