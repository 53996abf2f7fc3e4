/**
 * Text hygiene: what a label, a name or a note may contain. The loader (through the schema) and
 * the inspector both ask `textProblem`, so they refuse the same characters with the same words:
 * - C0 control characters (U+0000–U+001F), except tab and line breaks in multi-line text: they
 *   are not allowed in XML, so a NUL or a BEL made SVG, PNG and print exports fail;
 * - U+FFFE and U+FFFF (not characters) for the same reason;
 * - lone UTF-16 surrogates (half a character): they cannot be encoded, so exports failed;
 * - bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069): they reorder what is
 *   shown, so a label could read differently from what it is ("Trojan Source"). Refused rather
 *   than neutralised, so what is stored is exactly what is shown.
 */

const hex = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/** Why `text` may not be stored, as a phrase ("contains …"), or null when it may. */
export function textProblem(text: string, options: { multiline?: boolean } = {}): string | null {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20) {
      if (options.multiline && (code === 0x09 || code === 0x0a || code === 0x0d)) continue;
      if (code === 0x09 || code === 0x0a || code === 0x0d)
        return `contains a ${code === 0x09 ? 'tab' : 'line break'}, which is not allowed here (one line only)`;
      return `contains a control character (${hex(code)}), which is not allowed`;
    }
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return `contains a broken character (a lone surrogate, ${hex(code)}), which is not allowed`;
    }
    if (code >= 0xdc00 && code <= 0xdfff)
      return `contains a broken character (a lone surrogate, ${hex(code)}), which is not allowed`;
    if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069))
      return `contains a bidirectional override (${hex(code)}), which could make it read differently from what it is; not allowed`;
    if (code === 0xfffe || code === 0xffff)
      return `contains a noncharacter (${hex(code)}), which is not allowed`;
  }
  return null;
}

/** The same, as a sentence for a field ("Contains …"). */
export function textProblemSentence(
  text: string,
  options: { multiline?: boolean } = {},
): string | null {
  const problem = textProblem(text, options);
  return problem === null ? null : problem.charAt(0).toUpperCase() + problem.slice(1);
}

/**
 * Text made safe for XML and for encoding, for exports of designs that never went through the
 * loader (built in code): every character `textProblem` refuses becomes U+FFFD. Multi-line
 * characters (tab, line breaks) are kept.
 */
export function xmlSafeText(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let bad = false;
    if (code < 0x20) bad = !(code === 0x09 || code === 0x0a || code === 0x0d);
    else if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      bad = true;
    } else if (code >= 0xdc00 && code <= 0xdfff) bad = true;
    else if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) bad = true;
    else if (code === 0xfffe || code === 0xffff) bad = true;
    if (bad) {
      out += `${text.slice(from, i)}\uFFFD`;
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}

/** The longest text a whiteboard note holds (the schema's limit; here so the editor can check it
 * without loading the schema). */
export const NOTE_TEXT_MAX_CHARS = 2000;
