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
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’_-]*/gu;
/** Scripts written without spaces between words. */
const UNSPACED = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0e7f\uf900-\ufaff]/gu;
const SENTENCE_END = /[.!?…。！？"”»)'’:;]$/u;
const ELLIPSIS = /(?:\.\.\.|…)\s*$/u;
const COMMA = /[,，、]/g;

export function blockFeatures(block: Block): Features {
  const text = block.text;
  const chars = text.length;
  let words = 0;
  let stop = 0;
  for (const m of text.matchAll(WORD)) {
    words++;
    if (ALL_STOPWORDS.has(m[0].toLowerCase())) stop++;
  }
  const unspaced = text.match(UNSPACED)?.length ?? 0;
  if (unspaced > 0) words += Math.floor(unspaced / 2);
  return {
    chars,
    words,
    linkDensity: chars === 0 ? 0 : Math.min(1, block.linkChars / chars),
    stopwordDensity: words === 0 ? 0 : stop / words,
    sentenceEnd: SENTENCE_END.test(text),
    commas: text.match(COMMA)?.length ?? 0,
    ellipsis: ELLIPSIS.test(text),
  };
}

export function computeFeatures(blocks: readonly Block[]): Features[] {
  return blocks.map(blockFeatures);
}
