#!/usr/bin/env node
import { createRequire as __sglintCreateRequire } from 'node:module'; const require = __sglintCreateRequire(import.meta.url);
import{f as r}from"./chunks/chunk-RWHBQRAR.js";import"./chunks/chunk-ACKS44XB.js";import"./chunks/chunk-FDYOQDB7.js";import"./chunks/chunk-XVDWOSM6.js";import"./chunks/chunk-74RGXIMG.js";import"./chunks/chunk-PD3OXGXI.js";import"./chunks/chunk-CZCKNPIQ.js";for(let e of[process.stdout,process.stderr])e.on("error",o=>{throw o.code==="EPIPE"&&process.exit(process.exitCode??0),o});await r(process.argv.slice(2));
