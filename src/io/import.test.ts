import { zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DesignBuilder } from '../model/builder';
import { toDocument } from './document';
import { serializeDesign } from './file';
import { importBytes, MAX_IMPORT_BYTES } from './import';
import { encodeLink } from './link';
import { crc32 } from './bytes';
import { embedDesignInPng } from './png';
import { embedDesignInSvg } from './svg';

const design = () => new DesignBuilder('Imported').site('dc1', 'DC1').spine('s', 'dc1').build();
const bytes = (text: string) => new TextEncoder().encode(text);

function tinyPng(): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const out = new Uint8Array(12 + data.length);
    const view = new DataView(out.buffer);
    view.setUint32(0, data.length);
    out.set(bytes(type), 4);
    out.set(data, 8);
    view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
    return [...out];
  };
  return Uint8Array.from([
    137,
    80,
    78,
    71,
    13,
    10,
    26,
    10,
    ...chunk('IHDR', Uint8Array.of(0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0)),
    ...chunk('IDAT', zlibSync(Uint8Array.of(0, 128))),
    ...chunk('IEND', new Uint8Array(0)),
  ]);
}

function errorOf(result: ReturnType<typeof importBytes>) {
  if (result.ok) throw new Error('expected the import to be refused');
  return result.error;
}

describe('Importing a file', () => {
  it('opens a .dci.json file', () => {
    expect(importBytes('a.dci.json', bytes(serializeDesign(design())))).toEqual({
      ok: true,
      design: toDocument(design()),
      warnings: [],
    });
  });

  it('opens a PNG exported with its design', () => {
    const png = embedDesignInPng(tinyPng(), serializeDesign(design()));
    expect(importBytes('diagram.png', png)).toEqual({
      ok: true,
      design: toDocument(design()),
      warnings: [],
    });
  });

  it('opens an SVG exported with its design', () => {
    const svg = embedDesignInSvg(
      '<svg xmlns="http://www.w3.org/2000/svg"></svg>',
      serializeDesign(design()),
    );
    expect(importBytes('diagram.svg', bytes(`<?xml version="1.0"?>\n${svg}`))).toMatchObject({
      ok: true,
    });
  });

  it('opens a text file holding a share link', () => {
    const link = `https://dci.studio/#${encodeLink(design())}\n`;
    expect(importBytes('link.txt', bytes(link))).toEqual({
      ok: true,
      design: toDocument(design()),
      warnings: [],
    });
  });

  it('says an image without a design carries none', () => {
    expect(errorOf(importBytes('photo.png', tinyPng())).message).toMatch(
      /^The image carries no DCI Studio design/,
    );
    expect(
      errorOf(importBytes('photo.jpg', Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 1, 2))).kind,
    ).toBe('not-a-design');
    expect(errorOf(importBytes('x.svg', bytes('<svg></svg>'))).message).toMatch(
      /^The image carries no DCI Studio design/,
    );
  });

  it('says other files are not designs', () => {
    for (const [name, content] of [
      ['notes.txt', bytes('hello')],
      ['page.html', bytes('<html><body></body></html>')],
      ['blob.bin', Uint8Array.of(0, 159, 146, 150)],
    ] as const) {
      expect(errorOf(importBytes(name, content))).toEqual({
        kind: 'not-a-design',
        message: 'The file is not a DCI Studio design.',
      });
    }
  });

  it('says a damaged JSON file is damaged', () => {
    expect(errorOf(importBytes('a.dci.json', bytes('{"version":1,'))).kind).toBe('corrupt');
  });

  it('refuses a file over the size limit before reading it', () => {
    const big = new Uint8Array(MAX_IMPORT_BYTES + 1);
    expect(errorOf(importBytes('big.dci.json', big)).kind).toBe('too-large');
  });
});
