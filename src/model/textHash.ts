/**
 * A hash of a text: FNV-1a over its UTF-16 code units, as 8 hex digits (5–10 ms a million
 * characters). Equal texts, equal hashes; a changed text is caught but for a chance of one in
 * four billion. Recent designs find duplicates with it, a tab tells its own saves from another
 * tab's, and a stored design's fingerprint is made of it (io/document.ts).
 */
export function textHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
