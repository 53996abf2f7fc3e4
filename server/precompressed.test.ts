import { mkdtempSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servePrecompressed, writeCompressedCopies } from './precompressed';

const dir = mkdtempSync(join(tmpdir(), 'precompressed-'));
const script = `export const greeting = ${JSON.stringify('hello '.repeat(400))};\n`;
const FILES = ['app.js', 'tiny.js', 'photo.png', 'plain.css'];
let server: Server;
let port = 0;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<Answer>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  writeFileSync(join(dir, 'app.js'), script);
  writeFileSync(join(dir, 'tiny.js'), 'export {};\n');
  writeFileSync(join(dir, 'photo.png'), Buffer.alloc(4096, 7));
  writeFileSync(join(dir, 'plain.css'), `.a{color:red}\n`.repeat(200));
  await writeCompressedCopies(dir, FILES);
  const serve = servePrecompressed(dir, {
    'Content-Security-Policy': "default-src 'self'",
    'X-Content-Type-Options': 'nosniff',
  });
  server = createServer((req, res) =>
    serve(req, res, () => {
      // What the preview server's next middleware stands for here: the file as it is.
      res.statusCode = 299;
      res.end('next');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

describe('compressed copies of the build', () => {
  it('writes brotli and gzip copies of the files worth it, which decompress to the file', async () => {
    const done = await writeCompressedCopies(dir, FILES);
    // A file under 1 KB and a type that does not compress get no copy.
    expect(done).toEqual(['app.js', 'plain.css']);
    expect(existsSync(join(dir, 'tiny.js.br'))).toBe(false);
    expect(existsSync(join(dir, 'photo.png.gz'))).toBe(false);
    const br = readFileSync(join(dir, 'app.js.br'));
    const gz = readFileSync(join(dir, 'app.js.gz'));
    expect(brotliDecompressSync(br).toString()).toBe(script);
    expect(gunzipSync(gz).toString()).toBe(script);
    expect(br.length).toBeLessThan(script.length / 10);
  });
});

describe('serving the copies', () => {
  it('sends the brotli copy to a browser that takes it, with the type and the preview headers', async () => {
    const res = await get('/app.js', { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toBe('text/javascript');
    expect(res.headers['vary']).toBe('Accept-Encoding');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBe("default-src 'self'");
    expect(brotliDecompressSync(res.body).toString()).toBe(script);
  });

  it('sends gzip where brotli is not taken or refused, and the file itself where neither is', async () => {
    const gz = await get('/app.js', { 'Accept-Encoding': 'gzip, br;q=0' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(script);
    const none = await get('/app.js', { 'Accept-Encoding': 'identity' });
    expect(none.status).toBe(299);
    const bare = await get('/app.js');
    expect(bare.status).toBe(299);
  });

  it('answers a repeated request with 304 when its copy has not changed', async () => {
    const first = await get('/plain.css', { 'Accept-Encoding': 'br' });
    const etag = String(first.headers['etag']);
    expect(etag).toMatch(/^W\/"br-\d+-\d+"$/u);
    const again = await get('/plain.css', { 'Accept-Encoding': 'br', 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    // The gzip copy is another representation: its own tag.
    const gz = await get('/plain.css', { 'Accept-Encoding': 'gzip', 'If-None-Match': etag });
    expect(gz.status).toBe(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
  });

  it('leaves to the next middleware what has no copy, other methods, and paths out of its folder', async () => {
    expect((await get('/tiny.js', { 'Accept-Encoding': 'br' })).status).toBe(299);
    expect((await get('/missing.js', { 'Accept-Encoding': 'br' })).status).toBe(299);
    expect((await get('/app.js', { 'Accept-Encoding': 'br' }, 'POST')).status).toBe(299);
    expect((await get('/%2e%2e/%2e%2e/etc/passwd.js', { 'Accept-Encoding': 'br' })).status).toBe(
      299,
    );
    expect((await get('/%E0%A4%A.js', { 'Accept-Encoding': 'br' })).status).toBe(299);
  });

  it('answers HEAD with the headers of the copy and no body', async () => {
    const res = await get('/app.js', { 'Accept-Encoding': 'br' }, 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(Number(res.headers['content-length'])).toBe(readFileSync(join(dir, 'app.js.br')).length);
    expect(res.body.length).toBe(0);
  });
});
