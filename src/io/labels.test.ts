import { describe, expect, it } from 'vitest';
import { DesignBuilder } from '../model/builder';
import { elementLabels } from '../model/labels';
import { buildIndex } from '../rules/graph';
import { runRules } from '../rules/index';
import { reportMarkdown } from './report';

/** Two sites, an unnamed DCI link between their borders, a volume on an array. */
const design = () =>
  new DesignBuilder('labels')
    .site('a', 'DC A')
    .site('b', 'DC B')
    .border('a-be', 'a', { label: 'edge-a' })
    .border('b-be', 'b', { label: 'edge-b' })
    .array('arr', 'a', {
      label: 'array-1',
      product: 'vplex-metro',
      volumes: [{ id: 'vol-1', name: 'DS_WEB_01', replication: 'sync' }],
    })
    .fabric('f', 'arr', 'a-be')
    .dci('dci-1', 'a-be', 'b-be', { label: '' })
    .build();

describe('One name per element across the rules, the panels and the report', () => {
  it('names an unnamed link and a volume the same way everywhere', () => {
    const d = design();
    expect(buildIndex(d).label('dci-1')).toBe('edge-a ↔ edge-b');
    expect(buildIndex(d).label('vol-1')).toBe('DS_WEB_01');
    const report = reportMarkdown(d, runRules(d));
    expect(report).toContain('| edge-a ↔ edge-b |');
    expect(report).toContain('**Concerns:** array-1, DS\\_WEB\\_01');
  });
  it('keeps a storage finding’s volume in its element list', () => {
    const d = design();
    const peer = runRules(d).find((f) => f.ruleId === 'STORAGE-PEER');
    expect(peer?.elementIds).toContain('vol-1');
    expect(elementLabels(d, peer?.elementIds ?? [])).toEqual(['array-1', 'DS_WEB_01']);
  });
});
