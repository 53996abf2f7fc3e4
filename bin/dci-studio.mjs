#!/usr/bin/env node
// The dci-studio command: registers tsx's loader, then runs the TypeScript CLI entry.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/cli/main.ts');
process.exitCode = await run(process.argv.slice(2));
