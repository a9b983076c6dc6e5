/**
 * Per-block features: the shallow signals boilerpipe and jusText showed to carry most of the
 * decision (words, link density, stopword density, punctuation), computed once per block.
 */
import type { Block } from './block.js';
import { ALL_STOPWORDS } from '../rules/stopwords.js';

export interface Features {
  chars: number;
  /** Words, counting a run of CJK / Thai characters as one word per two characters (they have no spaces). */
  words: number;
  linkDensity: number;
  stopwordDensity: number;
  /** Ends like a sentence: `.`, `!`, `?`, `"`, `…`, `。`… */
  sentenceEnd: boolean;
  commas: number;
  /** Ends in an ellipsis: teaser excerpts cut mid-sentence do. */
  ellipsis: boolean;
  /** Most words are in a script the stopword tables cover (Latin, Cyrillic): only then is a low stopword density telling. */
  stopwordScript: boolean;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’_-]*/gu;
/** Scripts written without spaces between words. */
const UNSPACED = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0e7f\uf900-\ufaff]/gu;
const SENTENCE_END = /[.!?…。！？"”»)'’:;]$/u;
const ELLIPSIS = /(?:\.\.\.|…)\s*$/u;
const COMMA = /[,，、]/g;
/** Bidi and other invisible format marks a line may end with after its full stop. */
const FORMAT_MARK = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\s]/u;

/** The text without trailing format marks; a loop, since an anchored run regex backtracks quadratically. */
function withoutTrailingMarks(text: string): string {
  let end = text.length;
  while (end > 0 && FORMAT_MARK.test(text[end - 1]!)) end--;
  return text.slice(0, end);
}
/** Latin (with its accented letters) and Cyrillic: the scripts of the stopword tables' languages. */
function coveredScript(code: number): boolean {
  return (code >= 0x41 && code <= 0x7a) || (code >= 0xc0 && code <= 0x24f) || (code >= 0x400 && code <= 0x4ff);
}

/** Whether a BMP code unit may start a word (`[\p{L}\p{N}]`), cached per code unit: 0 unknown, 1 no, 2 yes. */
const WORD_START_CACHE = new Uint8Array(0x10000);
const WORD_START = /^[\p{L}\p{N}]$/u;

function startsWord(text: string, i: number, code: number, width: number): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
  if (width === 2) return WORD_START.test(text.slice(i, i + 2));
  let known = WORD_START_CACHE[code]!;
  if (known === 0) {
    known = WORD_START.test(String.fromCharCode(code)) ? 2 : 1;
    WORD_START_CACHE[code] = known;
  }
  return known === 2;
}

/** Code units of a surrogate pair starting at `i`, else 1. */
function widthAt(text: string, i: number, code: number): number {
  if (code < 0xd800 || code > 0xdbff || i + 1 >= text.length) return 1;
  const next = text.charCodeAt(i + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

function isUnspaced(code: number): boolean {
  return (
    (code >= 0x3040 && code <= 0x30ff) || (code >= 0x3400 && code <= 0x9fff) || (code >= 0xac00 && code <= 0xd7af) ||
    (code >= 0x0e00 && code <= 0x0e7f) || (code >= 0xf900 && code <= 0xfaff)
  );
}

/** Lengths up to this are indexed by {@link ASCII_STOPWORD_SHAPES}; no ASCII stopword is longer. */
const MAX_INDEXED_LENGTH = 16;
/** Length × lowercased first character of every ASCII stopword. */
const ASCII_STOPWORD_SHAPES = new Uint8Array((MAX_INDEXED_LENGTH + 1) * 0x80);
for (const word of ALL_STOPWORDS) {
  if (/^[\x00-\x7f]+$/u.test(word) && word.length <= MAX_INDEXED_LENGTH) ASCII_STOPWORD_SHAPES[word.length * 0x80 + word.charCodeAt(0)] = 1;
  else if (/^[\x00-\x7f]+$/u.test(word)) throw new Error(`features: stopword longer than ${MAX_INDEXED_LENGTH} characters`);
}

/** Whether an ASCII word of this length and first character could be a stopword. */
function mayBeAsciiStopword(first: number, length: number): boolean {
  if (length > MAX_INDEXED_LENGTH) return false;
  const lower = first >= 0x41 && first <= 0x5a ? first + 0x20 : first;
  return ASCII_STOPWORD_SHAPES[length * 0x80 + lower] === 1;
}

/** Trailing whitespace as `\s` reads it. */
const TRAILING_SPACE = /\s/u;

/**
 * One scan over the text, by code point, does what WORD, UNSPACED and COMMA did in three regex
 * passes (with a match object per word); the results are the same counts.
 */
export function blockFeatures(block: Block): Features {
  const text = block.text;
  const chars = text.length;
  let words = 0;
  let stop = 0;
  let covered = 0;
  let unspaced = 0;
  let commas = 0;
  for (let i = 0; i < chars; ) {
    const code = text.charCodeAt(i);
    const width = widthAt(text, i, code);
    if (code === 0x2c || code === 0xff0c || code === 0x3001) commas++;
    if (isUnspaced(code)) unspaced++;
    if (!startsWord(text, i, code, width)) {
      i += width;
      continue;
    }
    const start = i;
    let ascii = code < 0x80;
    i += width;
    while (i < chars) {
      const c = text.charCodeAt(i);
      const w = widthAt(text, i, c);
      if (c === 0x27 || c === 0x2019 || c === 0x5f || c === 0x2d) {
        if (c === 0x2019) ascii = false;
        i += w;
        continue;
      }
      if (!startsWord(text, i, c, w)) break;
      if (c >= 0x80) ascii = false;
      if (isUnspaced(c)) unspaced++;
      i += w;
    }
    words++;
    // An ASCII word keeps its length and first letter when lowercased: most are ruled out without a copy.
    if ((!ascii || mayBeAsciiStopword(code, i - start)) && ALL_STOPWORDS.has(text.slice(start, i).toLowerCase())) stop++;
    if (coveredScript(code)) covered++;
  }
  if (unspaced > 0) words += Math.floor(unspaced / 2);
  let end = chars;
  while (end > 0 && TRAILING_SPACE.test(text.charAt(end - 1))) end--;
  const ellipsis = text.startsWith('...', end - 3) || (end > 0 && text.charAt(end - 1) === '…');
  return {
    chars,
    words,
    linkDensity: chars === 0 ? 0 : Math.min(1, block.linkChars / chars),
    stopwordDensity: words === 0 ? 0 : stop / words,
    sentenceEnd: SENTENCE_END.test(withoutTrailingMarks(text)),
    commas,
    ellipsis,
    stopwordScript: words > 0 && covered * 2 >= words,
  };
}

export function computeFeatures(blocks: readonly Block[]): Features[] {
  return blocks.map(blockFeatures);
}
