import { describe, expect, it } from 'vitest';
import { textProblem, textProblemSentence, xmlSafeText } from './text';

describe('Text a design may hold', () => {
  it('accepts ordinary text, markup characters, accents, emoji and right-to-left scripts', () => {
    for (const text of ['DC Amsterdam', '<b>x</b> & "y"', 'Métro ✓ 𝄞', 'مركز البيانات', ''])
      expect(textProblem(text)).toBeNull();
  });

  it('refuses C0 control characters, naming them', () => {
    expect(textProblem('a\u0000b')).toBe(
      'contains a control character (U+0000), which is not allowed',
    );
    expect(textProblem('bell\u0007')).toMatch(/U\+0007/u);
  });

  it('refuses tabs and line breaks in one-line text, accepts them in multi-line text', () => {
    expect(textProblem('a\nb')).toMatch(/line break.*one line only/u);
    expect(textProblem('a\tb')).toMatch(/tab/u);
    expect(textProblem('a\r\n\tb', { multiline: true })).toBeNull();
    expect(textProblem('a\u0001b', { multiline: true })).toMatch(/U\+0001/u);
  });

  it('refuses lone surrogates, accepts pairs', () => {
    expect(textProblem('x\ud800')).toMatch(/broken character \(a lone surrogate, U\+D800\)/u);
    expect(textProblem('\udc00x')).toMatch(/U\+DC00/u);
    expect(textProblem('\ud834\udd1e')).toBeNull();
  });

  it('refuses bidirectional overrides and isolates', () => {
    for (const code of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069])
      expect(textProblem(`abc${String.fromCharCode(code)}def`)).toMatch(/bidirectional override/u);
    // The marks that do not reorder (LRM, RLM) stay allowed.
    expect(textProblem('a\u200eb\u200f')).toBeNull();
  });

  it('refuses U+FFFE and U+FFFF', () => {
    expect(textProblem('\uffff')).toMatch(/noncharacter/u);
  });

  it('says it as a sentence for a field', () => {
    expect(textProblemSentence('a\u202eb')).toMatch(/^Contains a bidirectional override/u);
    expect(textProblemSentence('fine')).toBeNull();
  });

  it('xmlSafeText replaces what XML cannot hold, keeps line breaks and pairs', () => {
    expect(xmlSafeText('a\u0000b\ud800c\u202ed\n\ud834\udd1e')).toBe(
      'a\ufffdb\ufffdc\ufffdd\n\ud834\udd1e',
    );
    const clean = 'unchanged';
    expect(xmlSafeText(clean)).toBe(clean);
  });
});
