#!/usr/bin/env node
import { createRequire as __sglintCreateRequire } from 'node:module'; const require = __sglintCreateRequire(import.meta.url);
import{f as r,g as u}from"./chunks/chunk-2TMDBH5Q.js";import"./chunks/chunk-ACKS44XB.js";import"./chunks/chunk-FDZZJTY2.js";import"./chunks/chunk-FDYOQDB7.js";import"./chunks/chunk-XVDWOSM6.js";import"./chunks/chunk-JCOMUIPJ.js";import"./chunks/chunk-MNYT7LYI.js";import"./chunks/chunk-CZCKNPIQ.js";r();await u(process.argv.slice(2));
