/**
 * Compressed copies of the built files, made once at build time, and the preview server's way of
 * serving them, as a static web server does with them (nginx `gzip_static on`, `brotli_static
 * on`; a CDN's cached compression).
 *
 * Without them the preview server compresses each script as it is asked for, on every request:
 * on a first visit, the first screen's 470 KB script reached the page 100-300 ms after it was
 * asked for on a shared 2-core machine, most of it the server's gzip. Brotli at its highest
 * quality also sends 15 % fewer bytes than gzip does (the first screen: 126 KB against 147 KB),
 * which a server can only afford when the work is done once.
 */
import { createReadStream, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/** The files worth a compressed copy, by extension, with the type each is served as. */
export const COMPRESSED_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.html': 'text/html;charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

/** Smaller files gain less from compression than the request costs (gzip's own 20 bytes). */
export const COMPRESS_MIN_BYTES = 1024;

/** The encodings served, the best first: the extension of each copy. */
const ENCODINGS = [
  { name: 'br', ext: '.br' },
  { name: 'gzip', ext: '.gz' },
] as const;

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Whether the build file `fileName` (of `size` bytes) gets compressed copies. */
export const compressible = (fileName: string, size: number): boolean =>
  size >= COMPRESS_MIN_BYTES && extname(fileName) in COMPRESSED_TYPES;

/**
 * Write `<file>.br` and `<file>.gz` beside each of `files` (paths under `dir`) that is worth it,
 * at each format's highest level. Returns the files compressed.
 */
export async function writeCompressedCopies(
  dir: string,
  files: readonly string[],
): Promise<string[]> {
  const done: string[] = [];
  await Promise.all(
    files.map(async (file) => {
      // Only files of a type worth it are read (not every image of the build).
      if (!compressible(file, Infinity)) return;
      const path = join(dir, file);
      const data = await readFile(path);
      if (!compressible(file, data.length)) return;
      const [br, gzipped] = await Promise.all([
        brotli(data, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
          },
        }),
        gz(data, { level: constants.Z_BEST_COMPRESSION }),
      ]);
      await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gzipped)]);
      done.push(file);
    }),
  );
  return done.sort();
}

/** The encodings a request's Accept-Encoding names (q=0 refuses one). */
function accepted(header: string | string[] | undefined): Set<string> {
  const out = new Set<string>();
  for (const part of String(header ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) out.add(name);
  }
  return out;
}

type Next = (error?: unknown) => void;

/**
 * A connect middleware for the preview server: a GET or HEAD of a file under `dir` that has a
 * compressed copy the request accepts is answered with the copy (brotli before gzip), with the
 * file's type, `headers` (the preview's own: its content security policy, nosniff), an ETag and
 * 304 on a match. Everything else goes on to the next middleware (which then serves the file as
 * it is, compressing it itself).
 */
export function servePrecompressed(dir: string, headers: Readonly<OutgoingHttpHeaders> = {}) {
  const root = normalize(dir + sep);
  return (req: IncomingMessage, res: ServerResponse, next: Next): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      return next();
    }
    const type = COMPRESSED_TYPES[extname(pathname)];
    const path = normalize(join(root, pathname));
    if (!type || !path.startsWith(root)) return next();
    const accepts = accepted(req.headers['accept-encoding']);
    const wanted = ENCODINGS.filter((e) => accepts.has(e.name));
    for (const encoding of wanted) {
      const copy = `${path}${encoding.ext}`;
      // Looked up at once, as the static files behind it are (sirv): a file with no copy (the
      // page's small first script) is not held up by lookups that would wait in the thread pool.
      const found = statSync(copy, { throwIfNoEntry: false });
      if (!found?.isFile()) continue;
      const etag = `W/"${encoding.name}-${found.size}-${found.mtime.getTime()}"`;
      res.setHeader('Vary', 'Accept-Encoding');
      for (const [name, value] of Object.entries(headers))
        if (value !== undefined) res.setHeader(name, value);
      res.setHeader('ETag', etag);
      if (req.headers['if-none-match'] === etag) {
        res.statusCode = 304;
        res.end();
        return;
      }
      res.setHeader('Content-Type', type);
      res.setHeader('Content-Encoding', encoding.name);
      res.setHeader('Content-Length', found.size);
      res.statusCode = 200;
      if (req.method === 'HEAD') res.end();
      else createReadStream(copy).on('error', next).pipe(res);
      return;
    }
    next();
  };
}
