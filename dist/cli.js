#!/usr/bin/env node
import { createRequire as __sglintCreateRequire } from 'node:module'; const require = __sglintCreateRequire(import.meta.url);
import{f as r,g as u}from"./chunks/chunk-BOWTHBQ6.js";import"./chunks/chunk-YD5UZWJH.js";import"./chunks/chunk-45YMYAO2.js";import"./chunks/chunk-LMNTVGC7.js";import"./chunks/chunk-5GZ5VHLD.js";import"./chunks/chunk-ZUYFCAHH.js";import"./chunks/chunk-QUZSZZAB.js";import"./chunks/chunk-6D42O2VP.js";import"./chunks/chunk-UILQ2PMF.js";import"./chunks/chunk-CZCKNPIQ.js";r();await u(process.argv.slice(2));
