#!/usr/bin/env node
// The `pqrst` command: runs the TypeScript CLI through tsx's loader (Node 20 cannot run .ts itself).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
