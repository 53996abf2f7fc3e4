/**
 * Whatever the user drops or opens: sniff what the bytes are (PNG, SVG, JSON, a pasted share
 * link) and route the design inside through the one loader. Never throws.
 */
import { loadDocument, type LoadResult } from './document';
import { decodeLink, parseLinkFragment } from './link';
import { isPng, MAX_PNG_DESIGN_BYTES, readDesignFromPng } from './png';
import { MAX_SVG_DESIGN_BYTES, readDesignFromSvg } from './svg';
import { utf8Decode } from './bytes';

/** Larger files are refused before they are read. */
export const MAX_IMPORT_BYTES = 20_000_000;

const NO_DESIGN_IN_IMAGE =
  'The image carries no DCI Studio design (only PNG and SVG images exported by DCI Studio do).';
const NOT_A_DESIGN = 'The file is not a DCI Studio design.';

function notADesign(message: string): LoadResult {
  return { ok: false, error: { kind: 'not-a-design', message } };
}

/** Why an image's design could not be read, in words a user can act on. */
function imageRefusal(
  reason: 'none' | 'cut' | 'damaged' | 'too-large',
  limitBytes: number,
): LoadResult {
  switch (reason) {
    case 'cut':
      return {
        ok: false,
        error: {
          kind: 'corrupt',
          message:
            'The design inside this image is cut short: the file is incomplete (an interrupted download or copy?).',
        },
      };
    case 'damaged':
      return {
        ok: false,
        error: {
          kind: 'corrupt',
          message: 'The design inside this image is damaged: the image was changed after export.',
        },
      };
    case 'too-large':
      return {
        ok: false,
        error: {
          kind: 'too-large',
          message: `The design inside this image would expand beyond ${limitBytes / 1e6} MB: no design made by DCI Studio is that large, so it was not opened.`,
        },
      };
    default:
      return notADesign(NO_DESIGN_IN_IMAGE);
  }
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

/** Other images: a clear "no design here" rather than "not JSON". */
function isOtherImage(bytes: Uint8Array): boolean {
  return (
    startsWith(bytes, [0xff, 0xd8, 0xff]) || // JPEG
    startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) || // GIF
    (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && bytes[8] === 0x57) || // RIFF…WEBP
    startsWith(bytes, [0x42, 0x4d]) // BMP
  );
}

export function importBytes(name: string, bytes: Uint8Array): LoadResult {
  try {
    return sniff(name, bytes);
  } catch {
    return notADesign(NOT_A_DESIGN);
  }
}

function sniff(name: string, bytes: Uint8Array): LoadResult {
  if (bytes.length > MAX_IMPORT_BYTES)
    return {
      ok: false,
      error: {
        kind: 'too-large',
        message: `The file is too large (${(bytes.length / 1e6).toFixed(1)} MB; the limit is ${MAX_IMPORT_BYTES / 1e6} MB).`,
      },
    };
  if (isPng(bytes)) {
    const found = readDesignFromPng(bytes);
    return found.ok ? loadDocument(found.json) : imageRefusal(found.reason, MAX_PNG_DESIGN_BYTES);
  }
  if (isOtherImage(bytes)) return notADesign(NO_DESIGN_IN_IMAGE);
  let text: string;
  try {
    text = utf8Decode(bytes);
  } catch {
    return notADesign(NOT_A_DESIGN);
  }
  const trimmed = text.replace(/^\uFEFF/u, '').trimStart();
  const lowerName = name.toLowerCase();
  if (trimmed.startsWith('{') || lowerName.endsWith('.json')) return loadDocument(trimmed);
  if (trimmed.startsWith('<')) {
    if (!/<svg\b/iu.test(trimmed.slice(0, 4096)) && !lowerName.endsWith('.svg'))
      return notADesign(NOT_A_DESIGN);
    const found = readDesignFromSvg(trimmed);
    return found.ok ? loadDocument(found.json) : imageRefusal(found.reason, MAX_SVG_DESIGN_BYTES);
  }
  // A text file or a paste holding a share link.
  const firstLine = trimmed.split(/\s/u, 1)[0] ?? '';
  if (parseLinkFragment(firstLine)) {
    const result = decodeLink(firstLine);
    return result.ok ? { ok: true, design: result.design, warnings: result.warnings } : result;
  }
  return notADesign(NOT_A_DESIGN);
}
