#!/usr/bin/env node
import { createRequire as __sglintCreateRequire } from 'node:module'; const require = __sglintCreateRequire(import.meta.url);
import{g as r,h as u}from"./chunks/chunk-CQ72SK4H.js";import"./chunks/chunk-ACKS44XB.js";import"./chunks/chunk-4V4C7NAE.js";import"./chunks/chunk-FDYOQDB7.js";import"./chunks/chunk-XVDWOSM6.js";import"./chunks/chunk-JCOMUIPJ.js";import"./chunks/chunk-MNYT7LYI.js";import"./chunks/chunk-CZCKNPIQ.js";r();await u(process.argv.slice(2));
