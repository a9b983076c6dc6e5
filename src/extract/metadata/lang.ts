/**
 * Language: a declared tag normalised to BCP 47 (`en`, `pt-BR`, `zh-Hant`), else a guess from the
 * body text — by Unicode script for non-Latin writing, by stopword coverage for Latin-script languages.
 */
import { STOPWORDS } from '../../rules/stopwords.js';
import { cachedClassTest, isLetterAt, widthAt } from '../chars.js';

/** Fewer word tokens than this and a stopword guess is noise. */
const MIN_TOKENS_FOR_GUESS = 20;
/** The winning language's stopwords must cover at least this share of the tokens: prose does (~30–50%). */
const MIN_STOPWORD_COVERAGE = 0.12;
/** …and beat the runner-up by this factor, so that closely related languages do not flip on noise. */
const MIN_LEAD_RATIO = 1.3;
/** A non-Latin script decides when it holds at least this share of the letters. */
const MIN_SCRIPT_SHARE = 0.4;
/** Japanese text mixes kana into Han; this share of kana among CJK letters says Japanese, not Chinese. */
const MIN_KANA_SHARE_FOR_JAPANESE = 0.05;
/**
 * Text beyond this many characters adds nothing to a language guess: at 3,000 the guesses on all dev pages were those
 * at 6,000 but one (a page that had none now has one); at 2,000 the HTML path's language match fell from .996 to .993.
 * The scan costs half: 8.6 ms against 14.7 over the bench's 300 text renderings.
 */
export const LANGUAGE_SAMPLE_CHARS = 3_000;

/** `en_US` → `en-US`, `ZH-hant-tw` → `zh-Hant-TW`; null for values that are not language tags. */
export function normaliseLangTag(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const first = value.trim().split(/[\s,;]+/)[0] ?? '';
  const parts = first.replace(/_/g, '-').split('-').filter(Boolean);
  const primary = (parts[0] ?? '').toLowerCase();
  if (!/^[a-z]{2,3}$/.test(primary) || primary === 'und' || primary === 'xx') return null;
  const out = [primary];
  for (const part of parts.slice(1)) {
    if (/^[a-z]{4}$/i.test(part)) out.push(part.charAt(0).toUpperCase() + part.slice(1).toLowerCase());
    else if (/^[a-z]{2}$/i.test(part) || /^\d{3}$/.test(part)) out.push(part.toUpperCase());
    else break;
  }
  return out.join('-');
}

/** Scripts newsprint can name a language for, with the code point ranges that identify them. */
const SCRIPT_LANGUAGES: readonly { lang: string; pattern: RegExp }[] = [
  { lang: 'ko', pattern: /[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]/gu },
  { lang: 'ja-kana', pattern: /[\u3040-\u30ff]/gu },
  { lang: 'zh', pattern: /\p{Script=Han}/gu },
  { lang: 'ru', pattern: /\p{Script=Cyrillic}/gu },
  { lang: 'ar', pattern: /\p{Script=Arabic}/gu },
  { lang: 'el', pattern: /\p{Script=Greek}/gu },
  { lang: 'he', pattern: /\p{Script=Hebrew}/gu },
  { lang: 'th', pattern: /\p{Script=Thai}/gu },
  { lang: 'hi', pattern: /\p{Script=Devanagari}/gu },
  { lang: 'ka', pattern: /\p{Script=Georgian}/gu },
  { lang: 'hy', pattern: /\p{Script=Armenian}/gu },
];

/** Letters only found in one Cyrillic or Arabic-script language, to tell it from the script's default. */
const SCRIPT_VARIANTS: readonly { base: string; lang: string; pattern: RegExp }[] = [
  { base: 'ru', lang: 'uk', pattern: /[іїєґІЇЄҐ]/gu },
  { base: 'ru', lang: 'bg', pattern: /ъ[^\s\p{P}]/gu },
  { base: 'ar', lang: 'fa', pattern: /[پچژگ]/gu },
];
/** Share of a variant's letters (per script letter) above which the variant is named. */
const MIN_VARIANT_SHARE = 0.005;

const count = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0;

/** Latin letters above this share leave no room for another script to reach {@link MIN_SCRIPT_SHARE}. */
const LATIN_ONLY_SHARE = 1 - MIN_SCRIPT_SHARE;

const LATIN = /^\p{Script=Latin}$/u;

/** Whether a non-ASCII character is in the Latin script: cached per code unit, not a copy and a regex per character (letters: {@link isLetterAt}). */
const isLatinBeyondAscii = cachedClassTest(LATIN);

function detectByScript(sample: string, { letters, latin }: SampleScan): string | null {
  if (letters === 0) return null;
  if (latin / letters > LATIN_ONLY_SHARE) return null;
  const hangul = count(sample, SCRIPT_LANGUAGES[0]!.pattern);
  const kana = count(sample, SCRIPT_LANGUAGES[1]!.pattern);
  const han = count(sample, SCRIPT_LANGUAGES[2]!.pattern);
  if (hangul / letters >= MIN_SCRIPT_SHARE) return 'ko';
  if ((kana + han) / letters >= MIN_SCRIPT_SHARE) {
    return kana / (kana + han) >= MIN_KANA_SHARE_FOR_JAPANESE ? 'ja' : 'zh';
  }
  for (const { lang, pattern } of SCRIPT_LANGUAGES.slice(3)) {
    const n = count(sample, pattern);
    if (n / letters < MIN_SCRIPT_SHARE) continue;
    for (const variant of SCRIPT_VARIANTS) {
      if (variant.base === lang && count(sample, variant.pattern) / n >= MIN_VARIANT_SHARE) return variant.lang;
    }
    return lang;
  }
  return null;
}

/** The stopword tables' languages, and for each stopword the languages listing it: one lookup per token. */
const STOPWORD_LANGS = Object.keys(STOPWORDS);
const LANGS_OF_STOPWORD = new Map<string, number[]>();
STOPWORD_LANGS.forEach((lang, l) => {
  for (const word of STOPWORDS[lang]!) {
    const langs = LANGS_OF_STOPWORD.get(word);
    if (langs === undefined) LANGS_OF_STOPWORD.set(word, [l]);
    else langs.push(l);
  }
});


function isAsciiLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

/** Length × first letter of every ASCII stopword (none is longer than {@link MAX_ASCII_STOPWORD_CHARS}): other ASCII tokens are counted without a copy or a lookup. */
const MAX_ASCII_STOPWORD_CHARS = 16;
const ASCII_STOPWORD_SHAPES = new Uint8Array((MAX_ASCII_STOPWORD_CHARS + 1) * 0x80);

/**
 * The ASCII stopwords in an open-addressing table keyed by a hash of their letters: a slot's hash,
 * word and languages. A token is looked up by probing typed arrays, without a copy or a Map lookup.
 */
const STOPWORD_SLOTS = 2048;
const SLOT_HASHES = new Int32Array(STOPWORD_SLOTS).fill(-1);
const SLOT_WORDS: string[] = new Array<string>(STOPWORD_SLOTS).fill('');
const SLOT_LANGS: (number[] | undefined)[] = new Array<number[] | undefined>(STOPWORD_SLOTS).fill(undefined);
let asciiStopwords = 0;
for (const [word, langs] of LANGS_OF_STOPWORD) {
  if (!/^[a-z]+$/u.test(word)) continue;
  if (word.length > MAX_ASCII_STOPWORD_CHARS) throw new Error(`lang: stopword longer than ${MAX_ASCII_STOPWORD_CHARS} characters`);
  if (++asciiStopwords * 2 > STOPWORD_SLOTS) throw new Error('lang: too many ASCII stopwords for the hash table');
  ASCII_STOPWORD_SHAPES[word.length * 0x80 + word.charCodeAt(0)] = 1;
  const hash = letterHash(word, 0, word.length);
  let slot = hash & (STOPWORD_SLOTS - 1);
  while (SLOT_HASHES[slot] !== -1) slot = (slot + 1) & (STOPWORD_SLOTS - 1);
  SLOT_HASHES[slot] = hash;
  SLOT_WORDS[slot] = word;
  SLOT_LANGS[slot] = langs;
}

/** One more letter in a {@link letterHash}, kept as it grows while a token is scanned. */
function extendHash(hash: number, code: number): number {
  return (Math.imul(hash, 31) + code) | 0;
}

/** A non-negative hash of the lowercase ASCII letters `text[start, end)`. */
function letterHash(text: string, start: number, end: number): number {
  let hash = 0;
  for (let i = start; i < end; i++) hash = extendHash(hash, text.charCodeAt(i));
  return hash & 0x7fffffff;
}

/**
 * `LANGS_OF_STOPWORD.get(lower.slice(start, end))` for a token of lowercase ASCII letters, without the copy;
 * `hash` is its {@link letterHash}, taken while the token was scanned.
 */
function asciiStopwordLangs(lower: string, start: number, end: number, hash: number): number[] | undefined {
  for (let slot = hash & (STOPWORD_SLOTS - 1); ; slot = (slot + 1) & (STOPWORD_SLOTS - 1)) {
    const stored = SLOT_HASHES[slot]!;
    if (stored === -1) return undefined;
    if (stored === hash) {
      const word = SLOT_WORDS[slot]!;
      if (word.length === end - start && lower.startsWith(word, start)) return SLOT_LANGS[slot];
    }
  }
}

/**
 * What one scan of the lowercased sample finds: its letters and Latin-script characters, and its runs of letters
 * (as `match(/\p{L}+/gu)` finds them) with each language's stopword hits among them. Lowercasing keeps both
 * counts: every character lowercases to as many letters and Latin ones as it is (İ to "i" and a mark).
 */
interface SampleScan {
  letters: number;
  latin: number;
  tokens: number;
  hits: Int32Array;
}

/** {@link SampleScan} of the sample lowercased. */
function scanSample(lower: string): SampleScan {
  const hits = new Int32Array(STOPWORD_LANGS.length);
  let letters = 0;
  let latin = 0;
  let tokens = 0;
  const length = lower.length;
  for (let i = 0; i < length; ) {
    const code = lower.charCodeAt(i);
    // ASCII characters are told by range: the surrogate and Unicode tests run only for the others.
    let width = 1;
    if (code < 0x80) {
      if (!isAsciiLetter(code)) {
        i++;
        continue;
      }
      latin++;
    } else {
      width = widthAt(lower, i, code);
      if (isLatinBeyondAscii(lower, i, code, width)) latin++;
      if (!isLetterAt(lower, i, code, width)) {
        i += width;
        continue;
      }
    }
    letters++;
    const start = i;
    let ascii = code < 0x80;
    // The hash of an ASCII token is taken as it is read: most tokens are stopword-shaped and would be read twice.
    let hash = extendHash(0, code);
    i += width;
    while (i < length) {
      const c = lower.charCodeAt(i);
      if (c < 0x80) {
        if (!isAsciiLetter(c)) break;
        hash = extendHash(hash, c);
        letters++;
        latin++;
        i++;
        continue;
      }
      width = widthAt(lower, i, c);
      if (!isLetterAt(lower, i, c, width)) break;
      letters++;
      if (isLatinBeyondAscii(lower, i, c, width)) latin++;
      ascii = false;
      i += width;
    }
    tokens++;
    if (ascii && (i - start > MAX_ASCII_STOPWORD_CHARS || ASCII_STOPWORD_SHAPES[(i - start) * 0x80 + code] !== 1)) continue;
    const langs = ascii ? asciiStopwordLangs(lower, start, i, hash & 0x7fffffff) : LANGS_OF_STOPWORD.get(lower.slice(start, i));
    if (langs !== undefined) for (const l of langs) hits[l]!++;
  }
  return { letters, latin, tokens, hits };
}

function detectByStopwords({ tokens, hits }: SampleScan): string | null {
  if (tokens < MIN_TOKENS_FOR_GUESS) return null;
  const scores = STOPWORD_LANGS.map((lang, l) => ({ lang, hits: hits[l]! }));
  scores.sort((a, b) => b.hits - a.hits);
  const best = scores[0];
  const second = scores[1];
  if (best === undefined || best.hits / tokens < MIN_STOPWORD_COVERAGE) return null;
  if (second !== undefined && best.hits < MIN_LEAD_RATIO * second.hits) return null;
  return best.lang;
}

/** A primary language tag guessed from text, or null when the text does not decide. */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, LANGUAGE_SAMPLE_CHARS);
  // Latin prose, most samples, needs both the script's counts and the stopwords: one scan reads them together.
  const scan = scanSample(sample.toLowerCase());
  return detectByScript(sample, scan) ?? detectByStopwords(scan);
}
