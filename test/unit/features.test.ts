import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/extract/block.js';
import { blockFeatures, type Features } from '../../src/extract/features.js';
import { ALL_STOPWORDS } from '../../src/rules/stopwords.js';

/** A block as blockFeatures reads it: its text and how much of it is linked. */
function block(text: string, linkChars = 0): Block {
  return { text, linkChars } as Block;
}

/** Scripts written without spaces, as features.ts counts them (two characters a word). */
const UNSPACED = /[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/gu;

/** The counts blockFeatures makes in one scan, as the regexes its comment names would make them. */
function reference(text: string, linkChars: number): Features {
  const found = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’_-]*/gu) ?? [];
  const unspaced = (text.match(UNSPACED) ?? []).length;
  const words = found.length + Math.floor(unspaced / 2);
  const stop = found.filter((w) => ALL_STOPWORDS.has(w.toLowerCase())).length;
  const covered = found.filter((w) => {
    const c = w.charCodeAt(0);
    return (c >= 0x41 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f) || (c >= 0x400 && c <= 0x4ff);
  }).length;
  const chars = text.length;
  return {
    chars,
    words,
    linkDensity: chars === 0 ? 0 : Math.min(1, linkChars / chars),
    stopwordDensity: words === 0 ? 0 : stop / words,
    sentenceEnd: /[.!?…。！？"”»)'’:;][\u200e\u200f\u202a-\u202e\u2066-\u2069\s]*$/u.test(text),
    commas: (text.match(/[,，、]/gu) ?? []).length,
    ellipsis: /(?:\.\.\.|…)\s*$/u.test(text),
    stopwordScript: words > 0 && covered * 2 >= words,
  };
}

describe('blockFeatures', () => {
  it('counts as the regexes it stands for, on text mixing ASCII words with others', () => {
    // Units chosen so that ASCII words run into accented letters, curly apostrophes, unspaced scripts and
    // surrogate pairs, and stopwords of several languages are common.
    const unit = fc.constantFrom(
      'a', 'Z', '7', "'", '_', '-', ',', ' ', ' ', '.', '!', '…', '"', '\u200f', '\n',
      'é', 'É', 'ß', 'ñ', '’', 'д', 'Ж', '，', '、', '東', '京', 'ก', 'あ', '한', '\u{1d400}', '\u{1f600}', '\u00a0',
      'the', 'The', 'and', 'of', 'der', 'und', 'le', 'que', 'и', 'не', 'für', 'über', 'don', 'news',
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), fc.nat(60), (units, linkChars) => {
        const text = units.join('');
        expect(blockFeatures(block(text, linkChars))).toEqual(reference(text, linkChars));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads a plain English sentence', () => {
    const f = blockFeatures(block('The council voted on Tuesday, and the wall will be rebuilt.', 10));
    expect(f.words).toBe(11);
    expect(f.commas).toBe(1);
    expect(f.sentenceEnd).toBe(true);
    expect(f.ellipsis).toBe(false);
    expect(f.stopwordScript).toBe(true);
    // "The", "on", "and", "the", "will", "be" are stopwords.
    expect(f.stopwordDensity).toBeCloseTo(6 / 11);
  });

  it('keeps a word whole across an accented letter or a curly apostrophe', () => {
    expect(blockFeatures(block('café’s naïve résumé')).words).toBe(3);
    expect(blockFeatures(block("l’homme d'affaires")).words).toBe(2);
  });

  it('counts two characters of an unspaced script as a word', () => {
    // One run of seven characters (six kanji, one kana): the run is one word, and seven characters add three.
    expect(blockFeatures(block('東京都庁舎前で')).words).toBe(1 + 3);
  });

  it('sees a teaser cut with an ellipsis', () => {
    expect(blockFeatures(block('The mayor said work would start in…')).ellipsis).toBe(true);
    expect(blockFeatures(block('The mayor said work would start in ... ')).ellipsis).toBe(true);
  });
});
