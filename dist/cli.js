#!/usr/bin/env node
import { createRequire as __sglintCreateRequire } from 'node:module'; const require = __sglintCreateRequire(import.meta.url);
import{f as r,g as u}from"./chunks/chunk-KH6XAEKE.js";import"./chunks/chunk-YD5UZWJH.js";import"./chunks/chunk-45YMYAO2.js";import"./chunks/chunk-RRDFMA3Q.js";import"./chunks/chunk-HEMPLSC3.js";import"./chunks/chunk-ZUYFCAHH.js";import"./chunks/chunk-7F6C66HY.js";import"./chunks/chunk-6D42O2VP.js";import"./chunks/chunk-5YQ6RZEZ.js";import"./chunks/chunk-CZCKNPIQ.js";r();await u(process.argv.slice(2));
