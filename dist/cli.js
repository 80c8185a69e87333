#!/usr/bin/env node
import { createRequire as __sglintCreateRequire } from 'node:module'; const require = __sglintCreateRequire(import.meta.url);
import{f as r}from"./chunks/chunk-QFH7B6HH.js";import"./chunks/chunk-XUA7A2K4.js";import"./chunks/chunk-3LL2Y6WJ.js";import"./chunks/chunk-YIJGHBI3.js";import"./chunks/chunk-74RGXIMG.js";import"./chunks/chunk-PD3OXGXI.js";import"./chunks/chunk-CZCKNPIQ.js";for(let e of[process.stdout,process.stderr])e.on("error",o=>{throw o.code==="EPIPE"&&process.exit(process.exitCode??0),o});await r(process.argv.slice(2));
