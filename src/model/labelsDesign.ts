import { DesignBuilder } from './builder';
import type { Design } from './schema';

/**
 * For the label tests (model/labels.test.ts, io/labels.test.ts): two sites, an unnamed DCI link
 * between their borders, a volume on an array.
 */
export const labelsDesign = (): Design =>
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
