import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HYPERVISOR_PROFILES, STORAGE_PRODUCTS } from '../model/catalog';
import { ruleBookMarkdown, ruleBookRef } from './book';
import { TEMPLATES } from '../model/templates/index';
import { RULE_LIST, runRules } from './index';

const committed = () => readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8');

describe('The rule book (docs/rules.md)', () => {
  it('is up to date with the rules and the catalog (run `npm run docs:rules` if not)', () => {
    expect(committed() === ruleBookMarkdown(), 'docs/rules.md is stale: npm run docs:rules').toBe(
      true,
    );
  });
  it('has a section for every rule, with its explanation and source', () => {
    const book = ruleBookMarkdown();
    for (const r of RULE_LIST) {
      expect(book).toContain(`### ${r.id}\n`);
      expect(book).toContain(r.explanation);
      expect(book).toContain(`*Source:* ${r.source}`);
    }
    expect(ruleBookRef('L2-GAP')).toBe('docs/rules.md#l2-gap');
  });
  it('lists every profile and product with its sources, and marks uncertain figures', () => {
    const book = ruleBookMarkdown();
    for (const p of Object.values(HYPERVISOR_PROFILES)) expect(book).toContain(`| ${p.label} |`);
    for (const p of Object.values(STORAGE_PRODUCTS)) expect(book).toContain(`| ${p.label} |`);
    expect(book).toContain('200 ms up to 10 hosts per site, 100 ms above');
    expect(book).toContain('| Azure Local / Azure Stack HCI stretched cluster |');
    expect(book).toMatch(/\| 1 Gb\/s `\?` \|/);
  });
  it('cites no file users do not have', () => {
    expect(ruleBookMarkdown()).not.toContain('DOMAIN.md');
    for (const r of RULE_LIST) {
      expect(`${r.source} ${r.explanation} ${r.why}`, r.id).not.toContain('DOMAIN.md');
    }
    for (const t of TEMPLATES) {
      for (const f of runRules(t.build())) expect(f.source, f.key).not.toContain('DOMAIN.md');
    }
  });
});
