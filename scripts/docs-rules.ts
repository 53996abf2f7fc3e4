/** Write docs/rules.md from the rule definitions and the catalog (`npm run docs:rules`). */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ruleBookMarkdown } from '../src/rules/book';

const target = fileURLToPath(new URL('../docs/rules.md', import.meta.url));
writeFileSync(target, ruleBookMarkdown());
process.stdout.write(`Wrote ${target}\n`);
