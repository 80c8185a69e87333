#!/usr/bin/env node
import { createRequire as __sglintCreateRequire } from 'node:module'; const require = __sglintCreateRequire(import.meta.url);
import{f as r,g as u}from"./chunks/chunk-4ABWE2VZ.js";import"./chunks/chunk-YD5UZWJH.js";import"./chunks/chunk-4O6UM6IM.js";import"./chunks/chunk-KJWHXMCC.js";import"./chunks/chunk-5GZ5VHLD.js";import"./chunks/chunk-ZUYFCAHH.js";import"./chunks/chunk-IXGEEGEL.js";import"./chunks/chunk-RQGWNOSO.js";import"./chunks/chunk-TOYC4XQA.js";import"./chunks/chunk-CZCKNPIQ.js";r();await u(process.argv.slice(2));
