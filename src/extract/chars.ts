/**
 * Character-level helpers shared by the one-scan tokenisers (block features, language guess, text
 * segmentation): surrogate-pair widths, scripts written without spaces, and cached Unicode class tests.
 */

/** Code units of a surrogate pair starting at `i`, else 1. */
export function widthAt(text: string, i: number, code: number): number {
  if (code < 0xd800 || code > 0xdbff || i + 1 >= text.length) return 1;
  const next = text.charCodeAt(i + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

/** Scripts written without spaces between words: Thai, kana, CJK ideographs, hangul. */
export function isUnspaced(code: number): boolean {
  return (
    (code >= 0x0e00 && code <= 0x0e7f) || (code >= 0x3040 && code <= 0x30ff) || (code >= 0x3400 && code <= 0x9fff) ||
    (code >= 0xac00 && code <= 0xd7af) || (code >= 0xf900 && code <= 0xfaff)
  );
}

/** Why: two characters of an unspaced script count as one word, so CJK and Thai text is not one "word" per line. */
export const UNSPACED_CHARS_PER_WORD = 2;

/**
 * A test of one non-ASCII character against a single-character class (`/^[\p{L}\p{N}]$/u`), cached per
 * BMP code unit (0 unknown, 1 no, 2 yes); a surrogate pair (`width` 2) is tested directly.
 */
export function cachedClassTest(pattern: RegExp): (text: string, i: number, code: number, width: number) => boolean {
  const codeTest = cachedCodeTest(pattern);
  return (text, i, code, width) => (width === 2 ? pattern.test(text.slice(i, i + 2)) : codeTest(code));
}

/** {@link cachedClassTest} for a BMP code unit alone, where the caller has ruled out surrogates. */
export function cachedCodeTest(pattern: RegExp): (code: number) => boolean {
  const cache = new Uint8Array(0x10000);
  return (code) => {
    let known = cache[code]!;
    if (known === 0) {
      known = pattern.test(String.fromCharCode(code)) ? 2 : 1;
      cache[code] = known;
    }
    return known === 2;
  };
}

const LETTER = /^\p{L}$/u;

/** Whether a BMP code unit is a letter (`\p{L}`): one cached table for every stage that asks. */
export const isLetterCode = cachedCodeTest(LETTER);

/** Whether the character at `i` (a surrogate pair when `width` is 2) is a letter (`\p{L}`), through {@link isLetterCode}'s table. */
export function isLetterAt(text: string, i: number, code: number, width: number): boolean {
  return width === 2 ? LETTER.test(text.slice(i, i + 2)) : isLetterCode(code);
}

/** ASCII whitespace as `\s` reads it: tab, line feed, vertical tab, form feed, carriage return, space. */
export function isAsciiSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/** Whether a UTF-16 code unit is whitespace as `\s` and `trim()` read it. */
export function isSpaceCode(c: number): boolean {
  if (c > 0x20 && c < 0x7f) return false;
  return (
    c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * `text.replace(/\s+/g, ' ').trim()` in one scan: a text already collapsed comes back as a slice, and
 * a run of whitespace other than a lone space costs one append, not a regex match.
 */
export function collapseSpaces(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  let out = '';
  let from = start;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c > 0x20 && c < 0x7f) || !isSpaceCode(c)) continue;
    // The run ends before `end`: the trimmed text ends in a non-space.
    let next = i + 1;
    while (isSpaceCode(text.charCodeAt(next))) next++;
    if (c !== 0x20 || next !== i + 1) {
      out += text.slice(from, i) + ' ';
      from = next;
    }
    i = next - 1;
  }
  return from === start ? text.slice(start, end) : out + text.slice(from, end);
}

/**
 * Runs of non-space characters: `text.split(/\s+/).filter(Boolean).length` in one scan, without the
 * array; counting stops at `cap`, for callers that only compare the count with a bound below it.
 */
export function spaceSeparatedWords(text: string, cap = Infinity): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpaceCode(text.charCodeAt(i));
    if (!space && !inWord && ++words >= cap) return words;
    inWord = !space;
  }
  return words;
}

/**
 * Whether `text.split(' ')` has at least `min` pieces (link texts are collapsed, so pieces are words),
 * counted without building the array: spaces are counted only as far as the bound.
 */
export function hasSpacePieces(text: string, min: number): boolean {
  if (min <= 1) return true;
  let pieces = 1;
  for (let at = text.indexOf(' '); at >= 0; at = text.indexOf(' ', at + 1)) if (++pieces >= min) return true;
  return false;
}

/** Below this length V8 copies a substring instead of slicing it, so a short text is already flat. */
const SLICED_MIN_CHARS = 13;

/**
 * The same characters in a string of their own. A line cut from a page is a slice of the page's string, and V8
 * reads a slice's characters through its parent: the feature, model and metadata scans ran up to twice as slow on
 * such block texts as on flat ones (text path, interleaved A/B: 6–10% of the whole extraction). Joining two halves
 * builds the flat copy in one native step; other engines just copy.
 */
export function flatCopy(text: string): string {
  if (text.length < SLICED_MIN_CHARS) return text;
  const half = text.length >> 1;
  return [text.slice(0, half), text.slice(half)].join('');
}
