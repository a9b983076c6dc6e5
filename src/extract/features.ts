/**
 * Per-block features: the shallow signals boilerpipe and jusText showed to carry most of the
 * decision (words, link density, stopword density, punctuation), computed once per block.
 */
import type { Block } from './block.js';
import { ALL_STOPWORDS } from '../rules/stopwords.js';
import { cachedClassTest, isUnspaced, UNSPACED_CHARS_PER_WORD, widthAt } from './chars.js';

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

/*
 * What the scan below counts, as regexes: a word is `[\p{L}\p{N}][\p{L}\p{N}'’_-]*`; unspaced
 * characters (scripts written without spaces between words) are
 * `[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0e7f\uf900-\ufaff]`; commas `[,，、]`;
 * a sentence ends `[.!?…。！？"”»)'’:;]$` before trailing format marks; an ellipsis is `(?:\.\.\.|…)\s*$`.
 */

/** Bidi and other invisible format marks a line may end with after its full stop. */
const FORMAT_MARK = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\s]/u;

/** The characters a sentence may end with (all in the BMP, so one code unit each). */
const SENTENCE_END_CHARS = '.!?…。！？"”»)\'’:;';

/** Ends like a sentence once trailing format marks are stepped over: a loop from the end, no copy, no regex tried at every position. */
function endsSentence(text: string): boolean {
  let end = text.length;
  // A visible ASCII last character is neither a format mark nor a space: the regex is needed only for the others.
  while (end > 0 && !isVisibleAscii(text.charCodeAt(end - 1)) && FORMAT_MARK.test(text[end - 1]!)) end--;
  return end > 0 && SENTENCE_END_CHARS.includes(text.charAt(end - 1));
}

/** An ASCII character that is not whitespace or a control: no `\s`, no format mark. */
function isVisibleAscii(code: number): boolean {
  return code > 0x20 && code < 0x7f;
}

/** Latin (with its accented letters) and Cyrillic: the scripts of the stopword tables' languages. */
function coveredScript(code: number): boolean {
  return (code >= 0x41 && code <= 0x7a) || (code >= 0xc0 && code <= 0x24f) || (code >= 0x400 && code <= 0x4ff);
}

/** ASCII characters of a word: 1 letters and digits (they may start one), 2 the joiners `'`, `_`, `-` inside one; 0 others. */
const ASCII_WORD_CHAR = new Uint8Array(0x80);
for (let c = 0; c < 0x80; c++) {
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39)) ASCII_WORD_CHAR[c] = 1;
  else if (c === 0x27 || c === 0x5f || c === 0x2d) ASCII_WORD_CHAR[c] = 2;
}

/** Whether a non-ASCII character may start a word (`[\p{L}\p{N}]`). */
const startsWordBeyondAscii = cachedClassTest(/^[\p{L}\p{N}]$/u);

function startsWord(text: string, i: number, code: number, width: number): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
  return startsWordBeyondAscii(text, i, code, width);
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

/** Slots of the ASCII stopword hash table: a power of two, several times the words, so a lookup probes a slot or two. */
const STOPWORD_SLOTS = 4096;
/** Each slot's word hash (-1 empty; {@link letterHash} is never negative) and word: a typed-array probe instead of a Map lookup per word. */
const STOPWORD_SLOT_HASHES = new Int32Array(STOPWORD_SLOTS).fill(-1);
const STOPWORD_SLOT_WORDS: string[] = new Array<string>(STOPWORD_SLOTS).fill('');
let asciiStopwordCount = 0;
for (const word of ALL_STOPWORDS) {
  if (!/^[\x00-\x7f]+$/u.test(word)) continue;
  if (!/^[a-z]+$/u.test(word)) throw new Error(`features: ASCII stopword "${word}" is not all lowercase letters`);
  if (++asciiStopwordCount * 2 > STOPWORD_SLOTS) throw new Error('features: too many ASCII stopwords for the hash table');
  const hash = letterHash(word, 0, word.length);
  let slot = hash & (STOPWORD_SLOTS - 1);
  while (STOPWORD_SLOT_HASHES[slot] !== -1) slot = (slot + 1) & (STOPWORD_SLOTS - 1);
  STOPWORD_SLOT_HASHES[slot] = hash;
  STOPWORD_SLOT_WORDS[slot] = word;
}

/** A hash of `text[start, end)` lowercased, or -1 when it holds a character other than an ASCII letter. */
function letterHash(text: string, start: number, end: number): number {
  let hash = 0;
  for (let i = start; i < end; i++) {
    const lower = text.charCodeAt(i) | 0x20;
    if (lower < 0x61 || lower > 0x7a) return -1;
    hash = (Math.imul(hash, 31) + lower) | 0;
  }
  return hash < 0 ? hash & 0x7fffffff : hash;
}

/** `ALL_STOPWORDS.has(text.slice(start, end).toLowerCase())` for an ASCII word, without the copies. */
function isAsciiStopwordAt(text: string, start: number, end: number): boolean {
  const hash = letterHash(text, start, end);
  if (hash < 0) return false;
  for (let slot = hash & (STOPWORD_SLOTS - 1); ; slot = (slot + 1) & (STOPWORD_SLOTS - 1)) {
    const stored = STOPWORD_SLOT_HASHES[slot]!;
    if (stored === -1) return false;
    if (stored !== hash) continue;
    const word = STOPWORD_SLOT_WORDS[slot]!;
    if (word.length !== end - start) continue;
    let same = true;
    for (let k = 0; k < word.length && same; k++) same = (text.charCodeAt(start + k) | 0x20) === word.charCodeAt(k);
    if (same) return true;
  }
}

/** Trailing whitespace as `\s` reads it. */
const TRAILING_SPACE = /\s/u;

/** What {@link scanAscii} counted since blockFeatures last emptied it. */
const asciiCounts = { words: 0, stop: 0, covered: 0, commas: 0 };

/**
 * Reads `text` from `i` as far as it is ASCII: the characters between words, and whole words of ASCII
 * only, counted into {@link asciiCounts}. Returns where it stopped: the end, a non-ASCII character, or the
 * start of a word that goes on past ASCII (the general loop reads that word whole). A function of its own
 * because V8 runs this small loop far faster than the same steps inside blockFeatures's general loop: on
 * the blocks of 300 text renderings, blockFeatures took 17–19 ns a character with it, 27–31 without.
 */
function scanAscii(text: string, i: number, chars: number): number {
  let words = 0;
  let stop = 0;
  let covered = 0;
  let commas = 0;
  while (i < chars) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) break;
    if (ASCII_WORD_CHAR[code] !== 1) {
      if (code === 0x2c) commas++;
      i++;
      continue;
    }
    let end = i + 1;
    let next = 0;
    while (end < chars) {
      next = text.charCodeAt(end);
      if (next >= 0x80 || ASCII_WORD_CHAR[next] === 0) break;
      end++;
    }
    if (end < chars && next >= 0x80) break;
    words++;
    if (mayBeAsciiStopword(code, end - i) && isAsciiStopwordAt(text, i, end)) stop++;
    if (coveredScript(code)) covered++;
    i = end;
  }
  asciiCounts.words += words;
  asciiCounts.stop += stop;
  asciiCounts.covered += covered;
  asciiCounts.commas += commas;
  return i;
}

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
  asciiCounts.words = asciiCounts.stop = asciiCounts.covered = asciiCounts.commas = 0;
  for (let i = 0; i < chars; ) {
    i = scanAscii(text, i, chars);
    if (i >= chars) break;
    const code = text.charCodeAt(i);
    let width = 1;
    // scanAscii reads every other ASCII character, so one here opens a word that runs past ASCII.
    if (code >= 0x80) {
      width = widthAt(text, i, code);
      if (code === 0xff0c || code === 0x3001) commas++;
      if (isUnspaced(code)) unspaced++;
      if (!startsWord(text, i, code, width)) {
        i += width;
        continue;
      }
    }
    const start = i;
    let ascii = code < 0x80;
    i += width;
    while (i < chars) {
      const c = text.charCodeAt(i);
      if (c < 0x80) {
        if (ASCII_WORD_CHAR[c] === 0) break;
        i++;
        continue;
      }
      const w = widthAt(text, i, c);
      if (c !== 0x2019) {
        if (!startsWord(text, i, c, w)) break;
        if (isUnspaced(c)) unspaced++;
      }
      ascii = false;
      i += w;
    }
    words++;
    // An ASCII word keeps its length and first letter when lowercased: most are ruled out without a copy.
    if (ascii ? mayBeAsciiStopword(code, i - start) && isAsciiStopwordAt(text, start, i) : ALL_STOPWORDS.has(text.slice(start, i).toLowerCase())) stop++;
    if (coveredScript(code)) covered++;
  }
  words += asciiCounts.words;
  stop += asciiCounts.stop;
  covered += asciiCounts.covered;
  commas += asciiCounts.commas;
  if (unspaced > 0) words += Math.floor(unspaced / UNSPACED_CHARS_PER_WORD);
  let end = chars;
  while (end > 0 && !isVisibleAscii(text.charCodeAt(end - 1)) && TRAILING_SPACE.test(text.charAt(end - 1))) end--;
  const ellipsis = text.startsWith('...', end - 3) || (end > 0 && text.charAt(end - 1) === '…');
  return {
    chars,
    words,
    linkDensity: chars === 0 ? 0 : Math.min(1, block.linkChars / chars),
    stopwordDensity: words === 0 ? 0 : stop / words,
    sentenceEnd: endsSentence(text),
    commas,
    ellipsis,
    stopwordScript: words > 0 && covered * 2 >= words,
  };
}

export function computeFeatures(blocks: readonly Block[]): Features[] {
  return blocks.map(blockFeatures);
}
