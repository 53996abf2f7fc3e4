import { describe, expect, it } from 'vitest';
import { serializeDesign } from '../io/file';
import { extractDesignFromPng } from '../io/png';
import { extractDesignFromSvg } from '../io/svg';
import { TEMPLATES } from '../model/templates/index';
import { run, type CliIo } from './main';

const design = TEMPLATES[0]?.build();
if (!design) throw new Error('no template');

function fakeIo() {
  const written = new Map<string, Uint8Array | string>();
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readFile: async (p) => {
      if (p.endsWith('design.dci.json'))
        return serializeDesign(design as NonNullable<typeof design>);
      throw new Error('ENOENT');
    },
    writeFile: async (p, d) => {
      written.set(p, d);
    },
    cwd: '/work',
  };
  return { io, written, out, err };
}

const text = (d: Uint8Array | string | undefined) =>
  typeof d === 'string' ? d : new TextDecoder('latin1').decode(d);

describe('dci-studio export', () => {
  it.each([
    ['svg', (d: string) => d.includes('data-element-id=') && !d.includes('foreignObject')],
    ['pdf', (d: string) => d.startsWith('%PDF-1.4')],
    ['drawio', (d: string) => d.startsWith('<mxfile')],
    ['md', (d: string) => d.includes(design.name)],
  ])('writes %s from the design file', async (format, looksRight) => {
    const { io, written, out } = fakeIo();
    const code = await run(
      ['export', 'design.dci.json', '--format', format, '-o', `out.${format}`],
      io,
    );
    expect(code).toBe(0);
    expect(out.join('')).toBe(`out.${format}\n`);
    expect(looksRight(text(written.get(`/work/out.${format}`)))).toBe(true);
  });

  it('writes an SVG that opens again as the same design', async () => {
    const { io, written } = fakeIo();
    await run(['export', 'design.dci.json', '-f', 'svg', '-o', 'x.svg'], io);
    const json = extractDesignFromSvg(text(written.get('/work/x.svg')));
    expect(JSON.parse(json ?? '{}').name).toBe(design.name);
  });

  it('writes a PNG, rasterised by rsvg-convert, that carries the design', async () => {
    const { io, written, err } = fakeIo();
    const code = await run(
      ['export', 'design.dci.json', '-f', 'png', '-o', 'x.png', '--scale', '1'],
      io,
    );
    expect(err.join('')).toBe('');
    expect(code).toBe(0);
    const png = written.get('/work/x.png');
    if (!(png instanceof Uint8Array)) throw new Error('no PNG written');
    expect(text(png.subarray(1, 4))).toBe('PNG');
    expect(JSON.parse(extractDesignFromPng(png) ?? '{}').name).toBe(design.name);
  }, 20_000);

  it.each([
    [['export', 'design.dci.json', '-o', 'x.svg'], '--format is required'],
    [['export', 'design.dci.json', '--format', 'gif', '-o', 'x'], 'unknown format "gif"'],
    [['export', 'design.dci.json', '--format', 'svg'], '-o <out> is required'],
    [['export', 'missing.dci.json', '--format', 'svg', '-o', 'x'], 'Cannot read missing.dci.json'],
  ])('refuses %j with a reason and writes nothing', async (argv, reason) => {
    const { io, written, err } = fakeIo();
    expect(await run(argv, io)).toBe(2);
    expect(err.join('')).toContain(reason);
    expect(written.size).toBe(0);
  });
});
