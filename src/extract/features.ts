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
const NON_ASCII = /[^\x00-\x7f]/;
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

export function blockFeatures(block: Block): Features {
  const text = block.text;
  const chars = text.length;
  let words = 0;
  let stop = 0;
  let covered = 0;
  // ASCII text is lower-cased once, not word by word: lower-casing keeps its length and its words.
  const ascii = !NON_ASCII.test(text);
  for (const word of (ascii ? text.toLowerCase() : text).match(WORD) ?? []) {
    words++;
    if (ALL_STOPWORDS.has(ascii ? word : word.toLowerCase())) stop++;
    if (coveredScript(word.charCodeAt(0))) covered++;
  }
  const unspaced = text.match(UNSPACED)?.length ?? 0;
  if (unspaced > 0) words += Math.floor(unspaced / 2);
  return {
    chars,
    words,
    linkDensity: chars === 0 ? 0 : Math.min(1, block.linkChars / chars),
    stopwordDensity: words === 0 ? 0 : stop / words,
    sentenceEnd: SENTENCE_END.test(withoutTrailingMarks(text)),
    commas: text.match(COMMA)?.length ?? 0,
    ellipsis: ELLIPSIS.test(text),
    stopwordScript: words > 0 && covered * 2 >= words,
  };
}

export function computeFeatures(blocks: readonly Block[]): Features[] {
  return blocks.map(blockFeatures);
}
