#!/usr/bin/env node
import { createRequire as __sglintCreateRequire } from 'node:module'; const require = __sglintCreateRequire(import.meta.url);
import{f as r}from"./chunks/chunk-FCD6UJRC.js";import"./chunks/chunk-LPIIAYEX.js";import"./chunks/chunk-PGPWTCLC.js";import"./chunks/chunk-LZ2S6T2F.js";import"./chunks/chunk-74RGXIMG.js";import"./chunks/chunk-PD3OXGXI.js";import"./chunks/chunk-CZCKNPIQ.js";for(let e of[process.stdout,process.stderr])e.on("error",o=>{throw o.code==="EPIPE"&&process.exit(process.exitCode??0),o});await r(process.argv.slice(2));
