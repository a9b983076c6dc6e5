/**
 * Language: a declared tag normalised to BCP 47 (`en`, `pt-BR`, `zh-Hant`), else a guess from the
 * body text — by Unicode script for non-Latin writing, by stopword coverage for Latin-script languages.
 */
import { STOPWORDS } from '../../rules/stopwords.js';

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
/** Text beyond this many characters adds nothing to a language guess. */
const MAX_SAMPLE_CHARS = 6_000;

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

function detectByScript(sample: string): string | null {
  const letters = count(sample, /\p{L}/gu);
  if (letters === 0) return null;
  if (count(sample, /\p{Script=Latin}/gu) / letters > LATIN_ONLY_SHARE) return null;
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

function detectByStopwords(sample: string): string | null {
  const tokens = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (tokens.length < MIN_TOKENS_FOR_GUESS) return null;
  const scores: { lang: string; hits: number }[] = [];
  for (const [lang, words] of Object.entries(STOPWORDS)) {
    let hits = 0;
    for (const token of tokens) if (words.has(token)) hits++;
    scores.push({ lang, hits });
  }
  scores.sort((a, b) => b.hits - a.hits);
  const best = scores[0];
  const second = scores[1];
  if (best === undefined || best.hits / tokens.length < MIN_STOPWORD_COVERAGE) return null;
  if (second !== undefined && best.hits < MIN_LEAD_RATIO * second.hits) return null;
  return best.lang;
}

/** A primary language tag guessed from text, or null when the text does not decide. */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, MAX_SAMPLE_CHARS);
  return detectByScript(sample) ?? detectByStopwords(sample);
}
