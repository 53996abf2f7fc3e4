/**
 * Fuzzing the ways in: every run mutates ≥ 10,000 share links and ≥ 10,000 files (JSON, PNG,
 * SVG) with seeded single-character substitutions, insertions, deletions and cuts, and checks:
 * - no exception ever escapes the loader (decodeLink, importBytes);
 * - a link changed in one character never opens a *different* design: it is refused (the
 *   CRC-32 of link format 2), or it decodes to the very same design (a change in base64's
 *   unused low bits);
 * - the open design is untouched on every refusal, through the studio's own import path
 *   (store level: same object, same history, nothing added to Recent designs).
 * The seed is printed with any failure; FUZZ_SEED=n reproduces a run.
 */
import { describe, expect, it } from 'vitest';
import { importFile } from './importExport';
import { TEMPLATES } from '../model/templates/index';
import { MemoryKeyValue } from '../store/kv';
import { usePersistenceStore } from '../store/persistence';
import { useStudio } from '../store/studio';
import { toDocument } from '../io/document';
import { tinyPng } from '../io/hostile';
import { importBytes } from '../io/import';
import { decodeLink, encodeLink } from '../io/link';
import { embedDesignInPng } from '../io/png';
import { embedDesignInSvg } from '../io/svg';

const SEED = Number(process.env['FUZZ_SEED'] ?? 20261201);
const LINKS = 10_000;
const FILES = 10_000;
const STORE_LEVEL = 1_500;

/** mulberry32: a small seeded PRNG, so a failing run can be replayed. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n) };
}

const LINK_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=&#%';
const TEXT_CHARS = `${LINK_CHARS}{}[]":, \n\\<>/'\u0000\u202e\ud800é1e999`;

type Mutation = 'substitute' | 'insert' | 'delete' | 'cut';
const MUTATIONS: readonly Mutation[] = ['substitute', 'insert', 'delete', 'cut'];

function mutateText(text: string, rng: ReturnType<typeof random>, how: Mutation, from = 0) {
  const at = from + rng.int(text.length - from);
  const char = TEXT_CHARS.charAt(rng.int(TEXT_CHARS.length));
  switch (how) {
    case 'substitute': {
      const other = char === text[at] ? (char === 'A' ? 'B' : 'A') : char;
      return text.slice(0, at) + other + text.slice(at + 1);
    }
    case 'insert':
      return text.slice(0, at) + char + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + 1);
    case 'cut':
      return text.slice(0, at);
  }
}

function mutateBytes(bytes: Uint8Array, rng: ReturnType<typeof random>, how: Mutation) {
  const at = rng.int(bytes.length);
  switch (how) {
    case 'substitute': {
      const out = bytes.slice();
      out[at] = ((bytes[at] ?? 0) + 1 + rng.int(255)) & 0xff;
      return out;
    }
    case 'insert': {
      const out = new Uint8Array(bytes.length + 1);
      out.set(bytes.subarray(0, at));
      out[at] = rng.int(256);
      out.set(bytes.subarray(at), at + 1);
      return out;
    }
    case 'delete': {
      const out = new Uint8Array(bytes.length - 1);
      out.set(bytes.subarray(0, at));
      out.set(bytes.subarray(at + 1), at);
      return out;
    }
    case 'cut':
      return bytes.slice(0, at);
  }
}

const designs = TEMPLATES.map((t) => t.build());
/** Each template's edit and view-only link, encoded once. */
const links = designs.map((d) => ({
  edit: encodeLink(d),
  view: encodeLink(d, { viewOnly: true }),
}));
/** Generous: the runs take ~5–15 s on a loaded 2-core machine; a hang must still fail. */
const FUZZ_TIMEOUT_MS = 120_000;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const encoder = new TextEncoder();

/** Run `check`, turning an escaped exception into a counted failure with its input. */
function guarded<T>(input: string, check: () => T, escaped: string[]): T | null {
  try {
    return check();
  } catch (error) {
    escaped.push(`${String(error)} on ${JSON.stringify(input.slice(0, 120))}`);
    return null;
  }
}

describe(`Fuzzing the ways in (seed ${SEED})`, () => {
  it(
    `${LINKS.toLocaleString('en-US')} mutated links: no exception, no silently different design`,
    () => {
      const rng = random(SEED);
      const escaped: string[] = [];
      const different: string[] = [];
      let refused = 0;
      let identical = 0;
      for (let i = 0; i < LINKS; i++) {
        const design = designs[i % designs.length];
        if (!design) continue;
        const encoded = links[i % designs.length];
        if (!encoded) continue;
        const link = i % 7 === 0 ? encoded.view : encoded.edit;
        const how = MUTATIONS[rng.int(MUTATIONS.length)] ?? 'substitute';
        // Mutate the payload after "d=2." (a mutation of the prefix is a different kind of link).
        const mutated = mutateText(link, rng, how, 4);
        const result = guarded(mutated, () => decodeLink(mutated), escaped);
        if (!result) continue;
        if (!result.ok) refused++;
        else if (same(toDocument(result.design), toDocument(design))) identical++;
        else if (how === 'substitute') different.push(mutated);
      }
      expect(escaped, `seed ${SEED}`).toEqual([]);
      expect(
        different,
        `seed ${SEED}: single-character changes that opened another design`,
      ).toEqual([]);
      // Most changes are refused; the rest decode to the same design (base64's unused low bits).
      expect(refused + identical).toBeGreaterThan(LINKS * 0.9);
      console.log(`links: ${LINKS} mutated, ${refused} refused, ${identical} same design`);
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    `${FILES.toLocaleString('en-US')} mutated files (JSON, PNG, SVG): no exception escapes`,
    () => {
      const rng = random(SEED + 1);
      const escaped: string[] = [];
      const files = designs.flatMap((design) => {
        const json = JSON.stringify(toDocument(design));
        return [
          { name: 'd.dci.json', bytes: encoder.encode(json) },
          { name: 'd.png', bytes: embedDesignInPng(tinyPng(), json) },
          {
            name: 'd.svg',
            bytes: encoder.encode(
              embedDesignInSvg('<svg xmlns="http://www.w3.org/2000/svg"><g/></svg>', json),
            ),
          },
        ];
      });
      let refused = 0;
      for (let i = 0; i < FILES; i++) {
        const file = files[i % files.length];
        if (!file) continue;
        const how = MUTATIONS[rng.int(MUTATIONS.length)] ?? 'substitute';
        const bytes = file.name.endsWith('.png')
          ? mutateBytes(file.bytes, rng, how)
          : encoder.encode(mutateText(new TextDecoder().decode(file.bytes), rng, how));
        const result = guarded(file.name, () => importBytes(file.name, bytes), escaped);
        if (result && !result.ok) {
          refused++;
          expect(result.error.message.length).toBeGreaterThan(10);
        }
      }
      expect(escaped, `seed ${SEED}`).toEqual([]);
      console.log(`files: ${FILES} mutated, ${refused} refused, ${FILES - refused} still valid`);
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    `the open design is untouched on every refusal (${STORE_LEVEL} refused links and files through the studio's import)`,
    async () => {
      const rng = random(SEED + 2);
      const kv = new MemoryKeyValue();
      usePersistenceStore(kv);
      const open = designs[0];
      if (!open) throw new Error('no template');
      useStudio.getState().replaceDesign(open);
      useStudio.getState().rename('the open design');
      const before = useStudio.getState();
      let checked = 0;
      for (let i = 0; checked < STORE_LEVEL && i < STORE_LEVEL * 10; i++) {
        const design = designs[i % designs.length];
        if (!design) continue;
        const how = MUTATIONS[rng.int(MUTATIONS.length)] ?? 'substitute';
        const asLink = i % 2 === 0;
        const text = asLink
          ? mutateText(
              `https://studio.example/#${links[i % designs.length]?.edit ?? ''}`,
              rng,
              how,
              30,
            )
          : mutateText(JSON.stringify(toDocument(design)), rng, how);
        const name = asLink ? 'pasted-link.txt' : 'design.dci.json';
        // Only refusals here: an accepted file would rightly replace the open design.
        if (importBytes(name, encoder.encode(text)).ok) continue;
        await importFile(new File([text], name));
        checked++;
        const now = useStudio.getState();
        if (
          now.design !== before.design ||
          now.past !== before.past ||
          now.future !== before.future
        )
          throw new Error(
            `seed ${SEED}: a refused ${name} changed the open design: ${text.slice(0, 80)}`,
          );
      }
      expect(checked).toBe(STORE_LEVEL);
      expect(kv.items.size).toBe(0);
    },
    FUZZ_TIMEOUT_MS,
  );
});
