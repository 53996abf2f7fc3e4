/**
 * A design inside an SVG, and the sanitizer every exported SVG goes through.
 *
 * The design sits in `<metadata>` as `<dci:design encoding="zlib+base64">…</dci:design>`: base64
 * has no character that markup could misread, so no escaping question arises. Pure string work:
 * no DOM, so it runs in the CLI and in tests as it does in the browser.
 */
import { zlibSync } from 'fflate';
import {
  base64Decode,
  base64Encode,
  inflateCapped,
  TooLargeError,
  utf8Decode,
  utf8Encode,
} from './bytes';
import { xmlSafeText } from '../model/text';

export const SVG_DESIGN_NAMESPACE = 'urn:dci-studio:design';
export const MAX_SVG_DESIGN_BYTES = 20_000_000;

/**
 * Where the design element sits in an SVG's text, found in one pass: every search below starts
 * where the previous one ended or reuses its answer, so the time is linear in the text whatever
 * it holds. (The regex this replaces, /<dci:design\b([^>]*)>([^<]*)/, rescanned to the end of
 * the text for every "<dci:design " left open: quadratic, 28 s for 240 KB.)
 */
interface DesignElement {
  /** The opening tag's attributes text. */
  readonly attributes: string;
  /** The element's text content (the payload). */
  readonly content: string;
  /** The span of the whole element. */
  readonly start: number;
  readonly end: number;
}

const OPEN = '<dci:design';
const CLOSE = '</dci:design>';

/** Does the character at `at` end a tag name (what `\b` after the name meant)? */
function endsName(text: string, at: number): boolean {
  if (at >= text.length) return false;
  const c = text.charCodeAt(at);
  // Letters, digits, '_', '-', '.' and ':' continue a name.
  return !(
    (c >= 48 && c <= 58) ||
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    c === 95 ||
    c === 45 ||
    c === 46
  );
}

function findDesignElement(text: string, from = 0): DesignElement | null {
  // The first '>' and '<' after a position only move forward as the candidates do: reuse them.
  let nextGt = -1;
  let nextLt = -1;
  let lastLtBeforeGt = -1;
  for (let at = text.indexOf(OPEN, from); at >= 0; at = text.indexOf(OPEN, at + 1)) {
    const afterName = at + OPEN.length;
    if (!endsName(text, afterName)) continue;
    if (nextGt < afterName) {
      nextGt = text.indexOf('>', afterName);
      if (nextGt < 0) return null; // no '>' after here: no later candidate can be closed
      nextLt = text.indexOf('<', nextGt + 1);
      if (nextLt < 0) return null;
      lastLtBeforeGt = text.lastIndexOf('<', nextGt);
    }
    // The open tag must not contain another '<'; the content runs to the next '<'.
    if (lastLtBeforeGt !== at) continue;
    if (!text.startsWith(CLOSE, nextLt)) continue;
    return {
      attributes: text.slice(afterName, nextGt),
      content: text.slice(nextGt + 1, nextLt),
      start: at,
      end: nextLt + CLOSE.length,
    };
  }
  return null;
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** The value of `name="…"` in an attributes text (double quotes, as the studio writes it). */
function attributeValue(attributes: string, name: string): string | null {
  for (let at = attributes.indexOf(name); at >= 0; at = attributes.indexOf(name, at + 1)) {
    if (at > 0 && !isSpace(attributes[at - 1])) continue;
    let i = at + name.length;
    while (isSpace(attributes[i])) i++;
    if (attributes[i] !== '=') continue;
    i++;
    while (isSpace(attributes[i])) i++;
    if (attributes[i] !== '"') continue;
    const close = attributes.indexOf('"', i + 1);
    return close < 0 ? null : attributes.slice(i + 1, close);
  }
  return null;
}

/** The SVG without the design elements the studio put in (and their <metadata> wrappers). */
function withoutDesign(svgText: string): string {
  let out = '';
  let at = 0;
  for (let found = findDesignElement(svgText); found; found = findDesignElement(svgText, at)) {
    let start = found.start;
    let end = found.end;
    // The studio's own wrapper: <metadata> + element + </metadata>, whitespace around allowed.
    // (Looked for just before the element only, so the search stays linear.)
    const window = Math.max(at, start - 256);
    const metaAt = svgText.slice(window, start).lastIndexOf('<metadata');
    const metaOpen = metaAt < 0 ? -1 : window + metaAt;
    const metaEnd = metaOpen < 0 ? -1 : svgText.indexOf('>', metaOpen);
    if (metaEnd >= 0 && metaEnd < start && svgText.slice(metaEnd + 1, start).trim() === '') {
      let after = end;
      while (isSpace(svgText[after])) after++;
      if (svgText.startsWith('</metadata>', after)) {
        start = metaOpen;
        end = after + '</metadata>'.length;
      }
    }
    out += svgText.slice(at, start);
    at = end;
  }
  return out + svgText.slice(at);
}

/** Where the opening <svg …> tag ends, or -1 (quoted attribute values may hold '>'). */
function svgOpenTagEnd(text: string): number {
  let at = text.indexOf('<svg');
  while (at >= 0 && !endsName(text, at + 4)) at = text.indexOf('<svg', at + 1);
  if (at < 0) return -1;
  for (let i = at + 4; i < text.length; i++) {
    const c = text[i];
    if (c === '>') return i + 1;
    if (c === '"' || c === "'") {
      const close = text.indexOf(c, i + 1);
      if (close < 0) return -1;
      i = close;
    }
  }
  return -1;
}

/** Put the design in the SVG's metadata, right after the opening <svg> tag. */
export function embedDesignInSvg(svgText: string, designJson: string): string {
  const clean = withoutDesign(svgText);
  const at = svgOpenTagEnd(clean);
  if (at < 0) throw new Error('not an SVG image');
  const payload = base64Encode(zlibSync(utf8Encode(designJson), { level: 9 }), true);
  const metadata =
    `<metadata><dci:design xmlns:dci="${SVG_DESIGN_NAMESPACE}" encoding="zlib+base64">` +
    `${payload}</dci:design></metadata>`;
  return clean.slice(0, at) + metadata + clean.slice(at);
}

/** The design an SVG carries, or why there is none. */
export type SvgDesign =
  | { readonly ok: true; readonly json: string }
  | { readonly ok: false; readonly reason: 'none' | 'cut' | 'damaged' | 'too-large' };

function hasOpenTag(text: string): boolean {
  for (let at = text.indexOf(OPEN); at >= 0; at = text.indexOf(OPEN, at + 1))
    if (endsName(text, at + OPEN.length)) return true;
  return false;
}

/** The design an SVG carries, or why not. Never throws; linear in the text. */
export function readDesignFromSvg(text: string): SvgDesign {
  try {
    const found = findDesignElement(text);
    // An opening tag with no element after it: the file ends inside the design.
    if (!found) return { ok: false, reason: hasOpenTag(text) ? 'cut' : 'none' };
    const encoding = attributeValue(found.attributes, 'encoding') ?? 'base64';
    const bytes = base64Decode(found.content);
    if (!bytes) return { ok: false, reason: 'damaged' };
    if (encoding === 'zlib+base64')
      return { ok: true, json: utf8Decode(inflateCapped(bytes, MAX_SVG_DESIGN_BYTES, 'zlib')) };
    if (encoding === 'base64') return { ok: true, json: utf8Decode(bytes) };
    return { ok: false, reason: 'damaged' };
  } catch (error) {
    return { ok: false, reason: error instanceof TooLargeError ? 'too-large' : 'damaged' };
  }
}

/** The design JSON an SVG carries, or null. Never throws. */
export function extractDesignFromSvg(text: string): string | null {
  const result = readDesignFromSvg(text);
  return result.ok ? result.json : null;
}

// ---------------------------------------------------------------------------------------------
// Sanitizer.

/** Elements dropped with everything inside them: they run code or load other documents. */
const DROPPED_ELEMENTS = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'base',
  'meta',
  'link',
  'handler',
  'listener',
  'portal',
]);

/** Decode the character references a URL can hide behind ("jav&#x61;script:"). */
function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/giu, (whole, ref: string) => {
    const lower = ref.toLowerCase();
    if (lower.startsWith('#x')) return safeCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return safeCodePoint(parseInt(lower.slice(1), 10));
    const named: Record<string, string> = { colon: ':', tab: '\t', newline: '\n', sol: '/' };
    return Object.hasOwn(named, lower) ? (named[lower] ?? whole) : whole;
  });
}

function safeCodePoint(code: number): string {
  return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
}

/** Would this attribute value run code if a browser followed or applied it? */
function isDangerousValue(value: string, navigates: boolean): boolean {
  // Browsers ignore whitespace and control characters inside a scheme ("java\tscript:").
  // eslint-disable-next-line no-control-regex
  const normalized = decodeEntities(value).replace(/[\u0000-\u0020\u007f-\u00a0]+/gu, '');
  const lower = normalized.toLowerCase();
  return (
    lower.includes('javascript:') ||
    lower.includes('vbscript:') ||
    lower.includes('livescript:') ||
    lower.includes('data:text/html') ||
    lower.includes('data:application/') ||
    // An SVG image cannot run script where it is shown as an image, only where it is opened.
    (navigates && lower.includes('data:image/svg+xml'))
  );
}

function isDangerousAttribute(element: string, name: string, value: string | null): boolean {
  const lower = name.toLowerCase();
  const local = lower.includes(':') ? lower.slice(lower.indexOf(':') + 1) : lower;
  if (local.startsWith('on')) return true;
  // <animate attributeName="href" to="javascript:…">: also caught by the value check below.
  if (local === 'attributename' && value !== null && /^(?:on|(?:xlink:)?href$)/iu.test(value))
    return true;
  const navigates = element === 'a' || element === 'use' || local.endsWith('action');
  return value !== null && isDangerousValue(value, navigates);
}

interface Tag {
  readonly name: string;
  readonly closing: boolean;
  readonly selfClosing: boolean;
  readonly attributes: readonly { name: string; value: string | null; quote: string }[];
  readonly end: number;
}

/** Parse the tag starting at `text[at] === '<'`; null if it is not a tag after all. */
function parseTag(text: string, at: number): Tag | null {
  let i = at + 1;
  const closing = text[i] === '/';
  if (closing) i++;
  const nameMatch = /^[A-Za-z][\w:.-]*/u.exec(text.slice(i, i + 200));
  if (!nameMatch) return null;
  const name = nameMatch[0];
  i += name.length;
  const attributes: { name: string; value: string | null; quote: string }[] = [];
  let selfClosing = false;
  while (i < text.length) {
    const c = text[i] ?? '';
    if (/\s/u.test(c)) {
      i++;
    } else if (c === '>') {
      return { name, closing, selfClosing, attributes, end: i + 1 };
    } else if (c === '/') {
      selfClosing = text[i + 1] === '>';
      i++;
    } else {
      const attr = /^[^\s=/>]+/u.exec(text.slice(i, i + 500));
      if (!attr) return null;
      i += attr[0].length;
      while (/\s/u.test(text[i] ?? '')) i++;
      if (text[i] !== '=') {
        attributes.push({ name: attr[0], value: null, quote: '' });
        continue;
      }
      i++;
      while (/\s/u.test(text[i] ?? '')) i++;
      const quote = text[i];
      if (quote === '"' || quote === "'") {
        const close = text.indexOf(quote, i + 1);
        if (close < 0) return null;
        attributes.push({ name: attr[0], value: text.slice(i + 1, close), quote });
        i = close + 1;
      } else {
        const bare = /^[^\s>]*/u.exec(text.slice(i))?.[0] ?? '';
        attributes.push({ name: attr[0], value: bare, quote: '"' });
        i += bare.length;
      }
    }
  }
  return null;
}

function localName(name: string): string {
  const lower = name.toLowerCase();
  return lower.includes(':') ? lower.slice(lower.indexOf(':') + 1) : lower;
}

function writeTag(tag: Tag): string {
  if (tag.closing) return `</${tag.name}>`;
  let out = `<${tag.name}`;
  for (const a of tag.attributes) {
    if (isDangerousAttribute(localName(tag.name), a.name, a.value)) continue;
    if (a.value === null) out += ` ${a.name}`;
    else {
      const quote = a.quote === "'" ? "'" : '"';
      const value = a.value
        .replaceAll('<', '&lt;')
        .replaceAll(quote, quote === '"' ? '&quot;' : '&#39;');
      out += ` ${a.name}=${quote}${value}${quote}`;
    }
  }
  return `${out}${tag.selfClosing ? '/>' : '>'}`;
}

/**
 * Remove everything in an SVG that could run code: script-like elements (with their content),
 * event-handler attributes, javascript:/vbscript:/HTML data: URLs, processing instructions and
 * DOCTYPE (entity tricks). foreignObject stays (the diagram's HTML lives there) but is cleaned
 * like the rest. Comments are dropped. The result carries no script.
 */
export function sanitizeSvg(svgText: string): string {
  let out = '';
  let i = 0;
  /** While inside a dropped element: its local name and nesting depth. */
  let dropping: { name: string; depth: number } | null = null;
  const text = svgText;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt < 0) {
      if (!dropping) out += text.slice(i);
      break;
    }
    if (!dropping) out += text.slice(i, lt);
    i = lt;
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      i = end < 0 ? text.length : end + 3;
      continue;
    }
    if (text.startsWith('<![CDATA[', i)) {
      const end = text.indexOf(']]>', i + 9);
      const content = text.slice(i + 9, end < 0 ? text.length : end);
      // As escaped text: the same in XML, and no markup if the SVG is ever parsed as HTML
      // (where "<![CDATA[" inside foreignObject is a bogus comment that ends at the first ">").
      if (!dropping)
        out += content.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
      i = end < 0 ? text.length : end + 3;
      continue;
    }
    if (text.startsWith('<!', i) || text.startsWith('<?', i)) {
      // DOCTYPE (maybe with an internal subset of entities) or a processing instruction.
      const subset = text.indexOf('[', i);
      const close = text.indexOf('>', i);
      const end = subset >= 0 && subset < close ? text.indexOf(']>', subset) + 1 : close;
      i = end <= 0 ? text.length : end + 1;
      continue;
    }
    const tag = parseTag(text, i);
    if (!tag) {
      if (!dropping) out += '&lt;';
      i++;
      continue;
    }
    i = tag.end;
    const name = localName(tag.name);
    if (dropping) {
      if (name === dropping.name && !tag.selfClosing) {
        dropping.depth += tag.closing ? -1 : 1;
        if (dropping.depth === 0) dropping = null;
      }
      continue;
    }
    if (DROPPED_ELEMENTS.has(name)) {
      if (!tag.closing && !tag.selfClosing) dropping = { name, depth: 1 };
      continue;
    }
    out += writeTag(tag);
  }
  // Characters XML does not allow (a NUL in a label) would make the whole file unreadable.
  return xmlSafeText(out);
}
