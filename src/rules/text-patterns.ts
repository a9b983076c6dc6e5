/**
 * Vocabulary of the plain-text path: what page chrome, bylines, dates, captions and section
 * labels look like once a page has been flattened to text (select-all copies, `innerText`,
 * w3m/lynx dumps, scraper columns). Data only, grouped by concept; the text segmenter reads it.
 *
 * Phrase tables are matched against a whole line after {@link phraseKey} (lowercased, punctuation
 * and counts removed), never as substrings of prose, so a body sentence cannot trip them.
 * Every regex here is linear: no nested or adjacent overlapping quantifiers.
 *
 * A case-insensitive pattern with a word boundary (`\b`) leaves out the `u` flag unless it needs it (a `\p{…}`
 * class, a `\u{…}` escape): under `iu` V8 cannot pre-scan for a literal ahead of a `\b`, and such a pattern tried
 * along a whole line ran about ten times slower (`/\bcookies?\b|\bcookie-/iu`, alone 5% of the text path). The
 * two flags read these patterns alike but for a character outside the Basic Multilingual Plane, an emoji, which counts
 * as two towards a bound such as `[^.]{0,60}`, and three letters only `iu` folds: the long s (ſ) and the Kelvin sign
 * (K), which `iu` also takes as word characters, and the capital sharp s (ẞ), spelt out where a pattern holds "ß". A
 * gated pattern's anchored part carries the same flags as the whole, so the gate never changes an answer.
 */
import { cachedCodeTest } from '../extract/chars.js';

function nonEmpty<T>(name: string, list: readonly T[]): readonly T[] {
  if (list.length === 0) throw new Error(`text-patterns: group ${name} is empty`);
  return Object.freeze([...list]);
}

function phraseSet(name: string, list: readonly string[]): ReadonlySet<string> {
  return new Set(nonEmpty(name, list).map((p) => phraseKey(p)));
}

function wordSet(name: string, text: string): ReadonlySet<string> {
  return new Set(nonEmpty(name, text.split(/\s+/).filter((w) => w.length > 0)));
}

/**
 * A line reduced to its words: lowercased, letters and digits only, single spaces.
 * "Related Articles:" and "RELATED ARTICLES »" both give "related articles".
 */
export function phraseKey(line: string): string {
  // Every phrase set holds short labels; a long line can match none, so it is not worth lower-casing.
  if (line.length > PHRASE_KEY_MAX_CHARS) return LONG_LINE_KEY;
  const words = asciiWords(line, true);
  return words === null ? (line.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ') : words.join(' ');
}

/**
 * The lowercased runs of ASCII letters (and digits, when asked) of an all-ASCII line, in one scan
 * without a regex; null when the line holds any other character, which takes the Unicode path.
 */
function asciiWords(line: string, digits: boolean): string[] | null {
  const words: string[] = [];
  let start = -1;
  let upper = false;
  for (let i = 0; i <= line.length; i++) {
    const c = i < line.length ? line.charCodeAt(i) : 0x20;
    if (c >= 0x80) return null;
    const isUpper = c >= 0x41 && c <= 0x5a;
    if ((c >= 0x61 && c <= 0x7a) || isUpper || (digits && c >= 0x30 && c <= 0x39)) {
      if (start < 0) start = i;
      if (isUpper) upper = true;
    } else if (start >= 0) {
      const word = line.slice(start, i);
      words.push(upper ? word.toLowerCase() : word);
      start = -1;
      upper = false;
    }
  }
  return words;
}

/** Whether a non-ASCII BMP code unit is a letter or digit (`[\p{L}\p{N}]`); callers rule out surrogates first. */
const isKeyCharBeyondAscii = cachedCodeTest(/^[\p{L}\p{N}]$/u);

/** Whether a BMP code unit is a letter or digit. */
function isKeyChar(code: number): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
  return isKeyCharBeyondAscii(code);
}

/**
 * {@link phraseKey} for matching a line against the label tables: a line with more words (other
 * than bare numbers) than any label holds gets {@link LONG_LINE_KEY} as soon as the scan has seen
 * them, so body lines cost a few words, not a full key; so does a line whose first word opens no
 * label and, when it is short, whose last word ends no suffix label (see `opensNoLabel`): no table
 * lookup can tell such a key from the long-line key, and most short lines (headlines, names) are such.
 */
export function labelKey(line: string): string {
  if (line.length > PHRASE_KEY_MAX_CHARS) return LONG_LINE_KEY;
  return asciiLabelKey(line) ?? unicodeLabelKey(line);
}

/**
 * {@link labelKey} of an all-ASCII line without lowercasing the whole line first: only words with a
 * capital are copied lowercased. Null as soon as a non-ASCII character shows, for the general path.
 */
function asciiLabelKey(line: string): string | null {
  const over = tooManyKeyWords(line, true);
  if (over !== false) return over === null ? null : LONG_LINE_KEY;
  if (opensNoLabel(line, false)) return LONG_LINE_KEY;
  const words: string[] = [];
  let start = -1;
  let upper = false;
  for (let i = 0; i <= line.length; i++) {
    const c = i < line.length ? line.charCodeAt(i) : 0x20;
    const isUpper = c >= 0x41 && c <= 0x5a;
    if (isUpper || (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a)) {
      if (start < 0) {
        start = i;
        upper = false;
      }
      if (isUpper) upper = true;
    } else if (start >= 0) {
      const word = line.slice(start, i);
      words.push(upper ? word.toLowerCase() : word);
      start = -1;
    }
  }
  return words.join(' ');
}

function unicodeLabelKey(line: string): string {
  const lower = line.toLowerCase();
  const over = tooManyKeyWords(lower, false);
  // Surrogate pairs (letters outside the BMP) take the general path.
  if (over === null) return phraseKey(line);
  if (over || opensNoLabel(lower, true)) return LONG_LINE_KEY;
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 0x20;
    if (isKeyChar(c)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      words.push(lower.slice(start, i));
      start = -1;
    }
  }
  return words.join(' ');
}

/**
 * Whether the key would hold more words (other than bare numbers) than any label, read without
 * copying a word: most lines are longer than every label. Null where the key takes another path first:
 * a non-ASCII character (`ascii`) or a surrogate.
 */
function tooManyKeyWords(text: string, ascii: boolean): boolean | null {
  const max = labelKeyMaxWords();
  let inWord = false;
  let digitsOnly = true;
  let counted = 0;
  let start = 0;
  keyWordsSeen = 0;
  firstWordStart = -1;
  firstNamedStart = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x20;
    if (ascii ? c >= 0x80 : c >= 0xd800 && c <= 0xdfff) return null;
    if (isKeyChar(c)) {
      if (!inWord) {
        inWord = true;
        digitsOnly = true;
        start = i;
      }
      if (c < 0x30 || c > 0x39) digitsOnly = false;
    } else if (inWord) {
      inWord = false;
      keyWordsSeen++;
      lastWordStart = start;
      lastWordEnd = i;
      if (firstWordStart < 0) {
        firstWordStart = start;
        firstWordEnd = i;
      }
      if (!digitsOnly && firstNamedStart < 0) {
        firstNamedStart = start;
        firstNamedEnd = i;
      }
      if (!digitsOnly && ++counted > max) return true;
    }
  }
  return false;
}

/** What {@link tooManyKeyWords} saw of its text: the key's words, and where its first word and first word other than a number lie. */
let keyWordsSeen = 0;
let firstWordStart = -1;
let firstWordEnd = -1;
let firstNamedStart = -1;
let firstNamedEnd = -1;
let lastWordStart = -1;
let lastWordEnd = -1;

/**
 * Whether the key {@link tooManyKeyWords} just read can match no label: neither its first word nor its
 * first word other than a number (the comment labels drop counts) opens any label or label prefix, and,
 * when it is short enough for a suffix label ("Top Sport Stories"), its last word ends none. Such keys
 * read as {@link LONG_LINE_KEY}. An ASCII line's words are looked up in place, without copies.
 */
function opensNoLabel(text: string, lowercased: boolean): boolean {
  if (firstWordStart < 0) return false;
  const tables = labelWordTables();
  if (keyWordsSeen <= RELATED_SUFFIX_LABEL_MAX_WORDS && tables.suffixLasts.has(text, lastWordStart, lastWordEnd, lowercased)) return false;
  if (tables.firsts.has(text, firstWordStart, firstWordEnd, lowercased)) return false;
  return firstNamedStart < 0 || firstNamedStart === firstWordStart || !tables.firsts.has(text, firstNamedStart, firstNamedEnd, lowercased);
}

/** A set of lowercase words, also answerable for an ASCII word inside a line (any case) without copying it. */
class WordTable {
  private readonly hashes: Int32Array;
  private readonly entries: string[];

  constructor(readonly words: ReadonlySet<string>) {
    let slots = 16;
    while (slots < words.size * 4) slots *= 2;
    this.hashes = new Int32Array(slots).fill(-1);
    this.entries = new Array<string>(slots).fill('');
    for (const word of words) {
      let slot = foldedHash(word, 0, word.length) & (slots - 1);
      while (this.hashes[slot] !== -1) slot = (slot + 1) & (slots - 1);
      this.hashes[slot] = foldedHash(word, 0, word.length);
      this.entries[slot] = word;
    }
  }

  /** Whether `text.slice(start, end)`, lowercased, is one of the words: looked up in place for an all-ASCII `text`. */
  has(text: string, start: number, end: number, lowercased: boolean): boolean {
    return lowercased ? this.words.has(text.slice(start, end)) : this.hasAscii(text, start, end);
  }

  /** `words.has(text.slice(start, end).toLowerCase())` for an all-ASCII `text`. */
  private hasAscii(text: string, start: number, end: number): boolean {
    const hash = foldedHash(text, start, end);
    const mask = this.hashes.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const stored = this.hashes[slot]!;
      if (stored === -1) return false;
      if (stored !== hash) continue;
      const word = this.entries[slot]!;
      if (word.length !== end - start) continue;
      let same = true;
      for (let k = 0; k < word.length && same; k++) same = asciiLowerCode(text.charCodeAt(start + k)) === word.charCodeAt(k);
      if (same) return true;
    }
  }
}

function asciiLowerCode(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
}

/** A non-negative hash of `text[start, end)` with ASCII capitals folded to small letters. */
function foldedHash(text: string, start: number, end: number): number {
  let hash = 0;
  for (let i = start; i < end; i++) hash = (Math.imul(hash, 31) + asciiLowerCode(text.charCodeAt(i))) | 0;
  return hash & 0x7fffffff;
}

let wordTables: { firsts: WordTable; suffixLasts: WordTable } | null = null;

/** The first words of the labels ({@link labelFirstWords}) and the last words of the suffix labels, as tables. */
function labelWordTables(): { firsts: WordTable; suffixLasts: WordTable } {
  if (wordTables === null) {
    const suffixLasts = new Set(RELATED_LABEL_SUFFIXES.map((suffix) => suffix.split(' ').pop() ?? suffix));
    wordTables = { firsts: new WordTable(labelFirstWords()), suffixLasts: new WordTable(suffixLasts) };
  }
  return wordTables;
}

let labelFirsts: Set<string> | null = null;

/** The first word of every label, label prefix and phrase the keys are matched against. */
function labelFirstWords(): ReadonlySet<string> {
  if (labelFirsts === null) {
    labelFirsts = new Set<string>();
    const tables = [LINK_REFERENCE_LABELS, RELATED_LABELS, COMMENT_LABELS, COMMENT_REPLY_LINKS, NAVIGATION_PHRASES, AD_PHRASES, RELATED_LABEL_PREFIXES];
    for (const table of tables) for (const phrase of table) labelFirsts.add(phrase.split(' ')[0] ?? phrase);
  }
  return labelFirsts;
}

let labelKeyMax = 0;

/** The most words a key can have and still match a label: the longest table entry, or a section label's limit. */
export function labelKeyMaxWords(): number {
  if (labelKeyMax === 0) {
    const tables = [LINK_REFERENCE_LABELS, RELATED_LABELS, COMMENT_LABELS, COMMENT_REPLY_LINKS, NAVIGATION_PHRASES, AD_PHRASES];
    labelKeyMax = SECTION_LABEL_MAX_WORDS;
    for (const table of tables) for (const phrase of table) labelKeyMax = Math.max(labelKeyMax, phrase.split(' ').length);
  }
  return labelKeyMax;
}

/** Longer than any label, menu phrase or prompt the tables hold (the longest is under 100 characters). */
const PHRASE_KEY_MAX_CHARS = 300;

/** The key of every over-long line: no phrase set contains it, and it reads as a single word. */
export const LONG_LINE_KEY = '\u0000long-line';

/**
 * The table of the keys' ASCII first characters, for {@link keyMayOpenWith}; null when a key is empty (then no line is
 * ruled out). A key opening beyond ASCII needs no entry: a line whose key could open so reaches a character beyond ASCII
 * before any ASCII letter or digit, and keyMayOpenWith lets every such line through.
 */
export function keyOpenings(keys: ReadonlySet<string>): Uint8Array | null {
  const table = new Uint8Array(0x80);
  for (const key of keys) {
    if (key.length === 0) return null;
    const c = key.charCodeAt(0);
    if (c < 0x80) table[c] = 1;
  }
  return table;
}

/**
 * Whether the phrase key of `text` may open with a character of `openings`: false only when the line's first letter
 * or digit is ASCII with nothing but ASCII before it (lowercasing leaves it the key's first character), or when it has none.
 */
export function keyMayOpenWith(text: string, openings: Uint8Array | null): boolean {
  if (openings === null) return true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return true;
    const lower = c | 0x20;
    if (lower >= 0x61 && lower <= 0x7a) return openings[lower] === 1;
    if (c >= 0x30 && c <= 0x39) return openings[c] === 1;
  }
  return false;
}

/**
 * A pattern with a cheap necessary test in front: where `gate` finds none of the words every
 * unanchored phrase of `pattern` holds, only `anchored` (the pattern's branches tied to the line's
 * start, or none) can match, so the long alternation is not tried at every position of the line.
 */
export interface GatedPattern {
  pattern: RegExp;
  gate: RegExp;
  anchored: RegExp | null;
  /** `anchored` with the characters a line must open with for it (see {@link lineStart}). */
  anchoredStart: LineStartPattern | null;
}

function gated(pattern: RegExp, gate: RegExp, anchored: RegExp | null): GatedPattern {
  return { pattern, gate, anchored, anchoredStart: anchored === null ? null : lineStart(anchored) };
}

/** Same answer as `g.pattern.test(text)`. */
export function testGated(g: GatedPattern, text: string): boolean {
  if (g.gate.test(text)) return g.pattern.test(text);
  return g.anchoredStart !== null && testLineStart(g.anchoredStart, text);
}

/** {@link testGated} when the caller already knows the gate is shut (`gateOpen` false): only the anchored branches can match. */
export function testGatedKnowing(g: GatedPattern, text: string, gateOpen: boolean): boolean {
  if (gateOpen) return testGated(g, text);
  return g.anchoredStart !== null && testLineStart(g.anchoredStart, text);
}

/**
 * One alternation of several gates: it matches exactly when one of them does (same flags), so a line
 * none of them opens (nearly every line) costs one scan, not one per gate. The sources are joined bare: `|`
 * binds loosest, so `a|b` and `c` joined are `a|b|c`, and a bare alternation of literals scans faster in V8 than
 * the same literals in groups.
 */
export function anyGate(name: string, gates: readonly GatedPattern[]): RegExp {
  const flags = gates[0]?.gate.flags ?? '';
  if (gates.some((g) => g.gate.flags !== flags || /[gy]/u.test(flags) || /\\(?:[1-9]|k<)/u.test(g.gate.source))) {
    throw new Error(`text-patterns: the gates of ${name} cannot be combined (flags or backreferences)`);
  }
  return new RegExp(nonEmpty(name, gates).map((g) => g.gate.source).join('|'), flags);
}

/**
 * A pattern anchored at the line's end (`$`, no multiline flag) whose matches are at most `maxChars` long: a regex
 * without a start anchor is tried from every position, so on a long line the search starts `maxChars` from the end
 * instead, through a global copy whose `lastIndex` still lets `\b` see the character before.
 */
export interface LineEndPattern {
  pattern: RegExp;
  search: RegExp;
  maxChars: number;
}

export function lineEnd(pattern: RegExp, maxChars: number): LineEndPattern {
  if (/[gym]/u.test(pattern.flags) || !pattern.source.endsWith('$')) {
    throw new Error(`text-patterns: /${pattern.source}/ is not a pattern anchored at the line's end`);
  }
  return { pattern, search: new RegExp(pattern.source, `${pattern.flags}g`), maxChars };
}

/** Same answer as `p.pattern.test(text)`. */
export function testLineEnd(p: LineEndPattern, text: string): boolean {
  if (text.length <= p.maxChars) return p.pattern.test(text);
  p.search.lastIndex = text.length - p.maxChars;
  return p.search.test(text);
}

/**
 * A pattern anchored at the line's start, with the ASCII characters a matching line can open with:
 * a line opening with any other ASCII character is ruled out by one table read instead of a regex
 * call. Lines opening with a non-ASCII character (or an empty line) always run the regex.
 */
export interface LineStartPattern {
  pattern: RegExp;
  /** 1 for each ASCII code a match can start with; null when the source does not tell (no gating). */
  opening: Uint8Array | null;
}

export function lineStart(pattern: RegExp): LineStartPattern {
  return { pattern, opening: asciiOpenings(pattern) };
}

/** Same answer as `p.pattern.test(text)`. */
export function testLineStart(p: LineStartPattern, text: string): boolean {
  const opening = p.opening;
  if (opening !== null) {
    const first = text.charCodeAt(0);
    if (first < 0x80 && opening[first] !== 1) return false;
  }
  return p.pattern.test(text);
}

/** Same answer as `p.pattern.exec(text)`. */
export function execLineStart(p: LineStartPattern, text: string): RegExpExecArray | null {
  const opening = p.opening;
  if (opening !== null) {
    const first = text.charCodeAt(0);
    if (first < 0x80 && opening[first] !== 1) return null;
  }
  return p.pattern.exec(text);
}

/**
 * The ASCII characters a match of `pattern` can start with, read from its source: every top-level
 * branch opens with `^`, then each branch of the groups that follow opens with a literal, an escaped
 * punctuation mark, `\d`, or a class of plain characters, none of them optional. Null for anything
 * else (a multiline or global flag, `.`, `\s`, lookarounds, optional openings): then no line is ruled out.
 * Case-blind patterns admit both cases; a non-ASCII literal only ever admits non-ASCII lines (ASCII
 * letters fold to ASCII letters, and the two non-ASCII characters that fold to ASCII, long s and the
 * Kelvin sign, are read through the regex since non-ASCII lines are never gated).
 */
function asciiOpenings(pattern: RegExp): Uint8Array | null {
  if (!/^[iu]*$/u.test(pattern.flags)) return null;
  const chars = new Set<string>();
  const ok = branchOpenings(pattern.source, 0, true, chars);
  if (ok === null || ok.end !== pattern.source.length) return null;
  const table = new Uint8Array(0x80);
  const blind = pattern.flags.includes('i');
  for (const c of chars) {
    for (const v of blind ? [c, c.toLowerCase(), c.toUpperCase()] : [c]) {
      if (v.length === 1 && v.charCodeAt(0) < 0x80) table[v.charCodeAt(0)] = 1;
    }
  }
  return table;
}

/** Characters that are themselves after a backslash: punctuation (`\(`, `\.`, `\$`). */
const ESCAPED_LITERAL = /^[\^$\\.*+?()[\]{}|/\-'"#&,:;<=>@!%~`]$/u;

/**
 * The opening characters of the alternation starting at `at` (up to its closing `)` or the end of the
 * source), added to `chars`; its end; null when some branch does not open with a known character.
 */
function branchOpenings(src: string, at: number, top: boolean, chars: Set<string>): { end: number } | null {
  let i = at;
  for (;;) {
    if (top) {
      if (src[i] !== '^') return null;
      i++;
    }
    const first = itemOpenings(src, i, chars);
    if (first === null) return null;
    i = skipToBranchEnd(src, first.end);
    if (i < 0) return null;
    if (src[i] === '|') {
      i++;
      continue;
    }
    return { end: i };
  }
}

/** The opening characters of the one item at `i` (not optional), and where it ends. */
function itemOpenings(src: string, i: number, chars: Set<string>): { end: number } | null {
  const c = src[i];
  let end: number;
  if (c === '(') {
    if (!src.startsWith('(?:', i)) return null;
    const inner = branchOpenings(src, i + 3, false, chars);
    if (inner === null || src[inner.end] !== ')') return null;
    end = inner.end + 1;
  } else if (c === '[') {
    const close = src.indexOf(']', i + 1);
    const body = close < 0 ? '' : src.slice(i + 1, close);
    if (body.length === 0 || /[\\^\-[]/u.test(body)) return null;
    for (const ch of body) chars.add(ch);
    end = close + 1;
  } else if (c === '\\') {
    const next = src[i + 1] ?? '';
    if (next === 'd') for (const d of '0123456789') chars.add(d);
    else if (ESCAPED_LITERAL.test(next)) chars.add(next);
    else return null;
    end = i + 2;
  } else if (c === undefined || '.^$|)?*+{'.includes(c)) {
    return null;
  } else {
    const code = src.codePointAt(i)!;
    const ch = String.fromCodePoint(code);
    chars.add(ch);
    end = i + ch.length;
  }
  // An optional item may be absent: what follows it could open the match.
  const q = src[end];
  if (q === '?' || q === '*' || src.startsWith('{0', end)) return null;
  return { end };
}

/** The index of the `|` or `)` that ends the branch containing `i` (or the source's end); -1 on an unclosed group or class. */
function skipToBranchEnd(src: string, i: number): number {
  let depth = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '[') {
      // A class runs to the first unescaped `]`.
      i++;
      while (i < src.length && src[i] !== ']') i += src[i] === '\\' ? 2 : 1;
      if (i >= src.length) return -1;
      i++;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) return i;
      depth--;
    } else if (c === '|' && depth === 0) return i;
    i++;
  }
  return depth === 0 ? i : -1;
}

/**
 * The branches of a pattern's source, each one whole non-capturing group opened into its own branches
 * (`(?:a|b)|c` → `a`, `b`, `c`): the pattern matches a text exactly when one of them does. Null when the source
 * does not parse (an unclosed group or class), or under the `v` flag, whose classes nest.
 */
export function leafBranches(src: string, flags = ''): string[] | null {
  if (flags.includes('v')) return null;
  return branchesOf(src);
}

function branchesOf(src: string): string[] | null {
  const out: string[] = [];
  for (let i = 0; ; ) {
    const end = skipToBranchEnd(src, i);
    if (end < 0 || src[end] === ')') return null;
    const branch = src.slice(i, end);
    const inner = wholeGroupInside(branch);
    if (inner === null) out.push(branch);
    else {
      const opened = branchesOf(inner);
      if (opened === null) return null;
      out.push(...opened);
    }
    if (end >= src.length) return out;
    i = end + 1;
  }
}

/** The inside of a branch that is one `(?:…)` group and nothing else (no quantifier after it); null otherwise. */
function wholeGroupInside(branch: string): string | null {
  if (!branch.startsWith('(?:')) return null;
  const close = groupClose(branch, 3);
  return close === branch.length - 1 ? branch.slice(3, close) : null;
}

/**
 * Where the escape at `i` (a backslash) ends. `\u00e9`, `\x41`, `\cJ` and `\12` are one item each, and so are
 * `\u{…}`, `\p{…}` and `\k<name>` under the `u` flag. Without it, a `\u`, `\x` or `\c` not followed by what
 * they take is a letter (or a backslash) and what follows it is read on its own, as the regex reads it.
 */
function escapeEnd(src: string, i: number, unicode: boolean): number {
  const e = src[i + 1];
  const end = i + 2;
  const hexRun = (n: number): boolean => /^[0-9a-f]+$/iu.test(src.slice(end, end + n)) && end + n <= src.length;
  if (e === 'u' && unicode && src[end] === '{') return closingAfter(src, end, '}');
  if (e === 'u') return hexRun(4) ? end + 4 : end;
  if (e === 'x') return hexRun(2) ? end + 2 : end;
  if (e === 'c') return /^[a-z]$/iu.test(src[end] ?? '') ? end + 1 : end;
  if ((e === 'p' || e === 'P') && unicode && src[end] === '{') return closingAfter(src, end, '}');
  if (e === 'k' && src[end] === '<') {
    const close = src.indexOf('>', end);
    // A group name, or (without the `u` flag and named groups) the letters "k<…>": read as one item either way.
    if (close > end && /^[A-Za-z_$][\w$]*$/u.test(src.slice(end + 1, close))) return close + 1;
    return end;
  }
  let digits = end;
  if (e !== undefined && e >= '0' && e <= '9') while (digits < src.length && src[digits]! >= '0' && src[digits]! <= '9') digits++;
  return digits;
}

/** The index after the first `close` at or after `from` (the source's end when there is none). */
function closingAfter(src: string, from: number, close: string): number {
  const at = src.indexOf(close, from);
  return at < 0 ? src.length : at + 1;
}

/** Whether `{…}` at `i` is a quantifier (`{2}`, `{2,}`, `{2,5}`): otherwise, without the `u` flag, a literal brace. */
function isCountedQuantifier(src: string, i: number): boolean {
  return /^\{\d+(?:,\d*)?\}/u.test(src.slice(i, i + 24));
}

/** The index of the `)` closing the group whose inside starts at `i`; -1 when it is not closed. */
function groupClose(src: string, i: number): number {
  for (let at = i; ; ) {
    const end = skipToBranchEnd(src, at);
    if (end < 0 || end >= src.length) return -1;
    if (src[end] === ')') return end;
    at = end + 1;
  }
}

/**
 * The longest run of literal characters every match of a branch (one of {@link leafBranches}) contains, read at
 * its top level: characters inside groups and classes, escapes other than escaped punctuation, and anything a
 * quantifier may repeat or leave out end a run. The same flags then find it in every text the branch matches
 * (`cookies?` holds `cookie`; `(?:a |the )?creative commons\b` holds `creative commons`). Empty under the `v` flag.
 */
export function requiredLiteral(branch: string, flags = ''): string {
  if (flags.includes('v')) return '';
  const unicode = flags.includes('u');
  let best = '';
  let run = '';
  const endRun = (): void => {
    if (run.length > best.length) best = run;
    run = '';
  };
  for (let i = 0; i < branch.length; ) {
    const c = branch[i]!;
    let literal: string | null = null;
    let next: number;
    if (c === '\\') {
      const escaped = branch[i + 1] ?? '';
      if (ESCAPED_LITERAL.test(escaped)) literal = escaped;
      next = escapeEnd(branch, i, unicode);
    } else if (c === '[') {
      let j = i + 1;
      while (j < branch.length && branch[j] !== ']') j += branch[j] === '\\' ? 2 : 1;
      next = j + 1;
    } else if (c === '(') {
      const close = groupClose(branch, i + 1);
      if (close < 0) return '';
      next = close + 1;
    } else {
      const ch = String.fromCodePoint(branch.codePointAt(i)!);
      if (!'^$.|)?*+{'.includes(ch)) literal = ch;
      next = i + ch.length;
    }
    const q = branch[next];
    const counted = q === '{' && isCountedQuantifier(branch, next);
    if (q === '?' || q === '*' || counted) {
      // Optional or counted: the item may be absent or repeated, so it joins no run.
      endRun();
      next = counted ? branch.indexOf('}', next) + 1 : next + 1;
      if (branch[next] === '?') next++;
    } else if (q === '+') {
      // Present at least once: it ends the run it joins, as the next item need not follow it directly.
      if (literal !== null) run += literal;
      endRun();
      next++;
      if (branch[next] === '?') next++;
    } else if (literal !== null) run += literal;
    else endRun();
    i = next;
  }
  endRun();
  return best;
}

/** Letter-only word tokens of a line, lowercased. */
export function letterWords(line: string): string[] {
  return asciiWords(line, false) ?? line.toLowerCase().match(/\p{L}+/gu) ?? [];
}

// ---------------------------------------------------------------------------------------------
// Line shapes
// ---------------------------------------------------------------------------------------------

/**
 * Why: `•`, `-`, `*`, `·`, `–`, `▪`, `◦` open bullet items in copied and dumped lists, and so does Markdown's `+` (changelogs
 * list additions with it); the marker must be followed by a space.
 */
export const BULLET_LINE = /^([ \t]*)([•\-*+·–▪◦‣])[ \t]+(\S.*)$/u;

/** Why: `1.` and `1)` open ordered items; three digits at most, so years ("2024.") are not items. */
export const NUMBERED_LINE = /^([ \t]*)(\d{1,3})[.)][ \t]+(\S.*)$/u;

/** Why: lynx prints a link as `[12]text`; the number points into the "References" list at the end. */
export const LYNX_LINK_MARKER = /\[(\d{1,4})\]/gu;

/** Why: the lines of lynx's "References" list: `  12. https://example.com/page`. */
export const LYNX_REFERENCE_LINE = /^[ \t]*(\d{1,4})\.[ \t]+((?:https?|ftp|mailto|file):\S+)$/u;

/** Why: headings lynx/w3m print over the reference list at the very end of a dump. */
export const LINK_REFERENCE_LABELS = phraseSet('LINK_REFERENCE_LABELS', ['References', 'Visible links', 'Hidden links']);

/** Why: a URL printed on its own line, or at the end of a teaser title. */
export const PRINTED_URL = /(?:^|\s)(https?:\/\/[^\s<>"]+)$/u;

/** Why: menus and breadcrumbs flatten to "Home | World | Business" or "Home › News › World"; a separator stands alone between spaces. */
export const MENU_SEPARATORS: ReadonlySet<string> = new Set(nonEmpty('MENU_SEPARATORS', ['|', '›', '»', '>', '/', '·', '•', '>>']));

/**
 * Why: a breadcrumb trail opens at the home page ("Home › Tech › Title"); when its last step is the headline printed
 * under it, the article starts there.
 */
export const BREADCRUMB_HOME = new RegExp(
  String.raw`^(?:home|home ?page|start|startseite|accueil|inicio|início|portada|pagina iniziale|strona główna)[ \t]*(?:${[...MENU_SEPARATORS]
    .sort((a, b) => b.length - a.length)
    .map((sep) => sep.replace(/[|/\\^$.*+?()[\]{}]/gu, '\\$&'))
    .join('|')})[ \t]*(\S.*)$`,
  'iu',
);

/**
 * Why: the links to the blog's neighbouring posts ("« Previous Post", "Older Post", "Nächster Beitrag", "Article
 * suivant") sit under the post; a bare "Next" may page through the article itself, so a post word is required.
 */
export const POST_NAVIGATION =
  /^(?:[«←<‹]\s*)?(?:(?:previous|next|older|newer|vorheriger|voriger|nächster|älterer|neuerer)\s+(?:post|posts|article|entry|story|beitrag|artikel|eintrag)\b|(?:article|billet) (?:précédent|suivant)\b|(?:entrada|artículo|articolo|artigo|post) (?:anterior|siguiente|seguinte|próximo|precedente|successivo)\b|(?:siguiente|próximo|próxima) (?:entrada|artículo|artigo|post)\b|(?:poprzedni|następny) (?:wpis|artykuł)\b)/i;
/** Why: the link may carry the neighbour's title; a longer line is prose. */
export const POST_NAVIGATION_MAX_WORDS = 16;

/** Why: blog engines link the neighbouring posts around a home link: "« Older title | Blog Home | Newer title »". */
export const POST_NAVIGATION_HOME_STEP = /^(?:blog |main )?(?:home|main|main page|home page|startseite|accueil|inicio|início)$/iu;
/** Why: the neighbours' titles are headlines, longer than menu entries. */
export const POST_NAVIGATION_TITLE_MAX_WORDS = 14;

/** Why: the "Like" widget of hosted blogs prints a label and a loading line under each post ("Like this:", "Gefällt mir Lade …"). */
export const LIKE_WIDGET_LINE =
  /^(?:(?:like this|gefällt mir|j'aime(?: ceci)?|me gusta(?: esto)?|curtir isso|mi piace(?: questo)?|lubię to)\s*:|(?:like|liken|gefällt mir|j'aime|me gusta|curtir|mi piace|lubię to)\s+(?:loading|lade|chargement|cargando|carregando|caricamento|wczytywanie)\b)/i;
/** Why: the widget's lines are two or three words, four with a long translation. */
export const LIKE_WIDGET_MAX_WORDS = 4;

/**
 * Why: affiliate disclosures sit under the headline of review and deals pages, and a price box's footer names the links
 * and the shop's image API ("Letzte Aktualisierung am … / Bei den Verlinkungen handelt es sich um Affiliate Links / Bilder
 * von der Amazon Product Advertising API", as a widespread WordPress price-box plugin prints it in every language).
 */
export const AFFILIATE_PATTERN = /\b(?:may (?:earn|receive|get) (?:an? )?(?:small )?(?:affiliate )?commission|earn(?:s)? (?:an? )?affiliate commission|contains affiliate links|erhält [^.]{0,40}(?:ggf\. )?eine provision|handelt es sich um affiliate[- ]links|(?:images from|bilder von der) amazon product advertising api)\b/i;

/** Why: every affiliate phrase holds "commission", "affiliate links" (or "Affiliate-Links"), "Provision" or the image API's name. */
export const AFFILIATE_GATE = gated(AFFILIATE_PATTERN, /commission|affiliate[- ]links|provision|advertising api/iu, null);

/** Why: an author bio opens with the byline's name and one of these verbs: "Jane Doe covers security for …". */
export const AUTHOR_BIO_VERBS = nonEmpty('AUTHOR_BIO_VERBS', ['covers', 'is', 'writes', 'reports', 'was', 'has', 'joined', 'leads', 'edits', 'ist', 'schreibt', 'est', 'écrit', 'es', 'escribe', 'é', 'escreve', 'scrive']);

/**
 * Why: blog themes close a post with an author box whose last line links the author's archive, in the words WordPress
 * themes ship ("View all posts by Jane Doe →", "Zeige alle Beiträge von Jane Doe »"); the name is captured (the
 * caller checks its capital: under the `i` flag `\p{Lu}` matches any letter).
 */
export const AUTHOR_ARCHIVE_LINE =
  /^(?:view all posts by|all posts by|more posts by|zeige alle beiträge von|alle beiträge von|voir tous les articles (?:de|par)|afficher tous les articles (?:de|par)|ver todas las entradas (?:de|por)|vedi tutti gli articoli di|ver todos os (?:posts|artigos) de) (\S[^|→»›>]{0,60}?)(?: anzeigen)?(?: ?[→»›>])?(?: ?\|.*)?$/iu;
/**
 * Why: a blog post's footer line joins its categories and its comment link with pipes ("Filed under News, Travel | Leave
 * a comment", "1 Comment » | Published in Holidays"): a segment of each kind marks it, the comment link a segment of
 * its own.
 */
export const ENTRY_META_CATEGORY_SEGMENT = /^(?:filed under|posted in|published in|categories|abgelegt unter|veröffentlicht in|kategorien|publié dans|classé dans|publicado en|publicado em|pubblicato in)\b/i;
export const ENTRY_META_COMMENT_SEGMENT = /^(?:leave a (?:comment|reply)|(?:\d+|one) (?:comments?|responses?|replies)|no comments?|comments? (?:closed|off)|hinterlasse einen kommentar|schreibe(?:n sie)? einen kommentar|(?:\d+|ein) kommentare?|keine kommentare|kommentare? (?:geschlossen|deaktiviert)|laisser un commentaire|(?:aucun|\d+) commentaires?|deja un comentario|(?:sin|\d+) comentarios?|deixe um comentário|lascia un commento|(?:nessun|\d+) comment[oi]) ?[!»›.]*$/iu;
/** Why: the author box's heading names the author: "About Jane Doe", "Über Jane Doe", "À propos de Jane Doe". */
export const AUTHOR_BOX_HEADING_OPENINGS = nonEmpty('AUTHOR_BOX_HEADING_OPENINGS', ['about', 'über', 'à propos de', 'sobre', 'acerca de', 'informazioni su']);

/** Why: a shop box ends with its button; the lines just above it are the product pitch. */
export const SHOP_BUTTON = /^(?:buy now|shop now|order now|buy it now|shop the collection|jetzt kaufen|acheter|comprar|compra ora)$/iu;

/** Why: live blogs stamp each entry with a bare clock time: "1.52pm GMT", "Updated 09:15 BST". */
export const CLOCK_TIME_LINE = /^(?:(?:updated|posted|aktualisiert|mis à jour)[ \t]+)?\d{1,2}[.:h]\d{2} ?(?:am|pm|uhr)?(?: (?:gmt|bst|utc|cet|cest|et|est|edt|pt|pst|pdt))?$/iu;

/** Why: a topics bar prints its label and a few tag links on one line: "Trending: Heatwave State pension". */
export const TOPICS_BAR_PREFIX = /^(?:trending|trending now|hot topics|in the news|popular topics|top topics|im trend|tendances|tendencias|em alta|di tendenza)[ \t]*:[ \t]*\S/iu;

/** Why: a shell line continued on the next ends with a backslash: "pg_dump --format=custom \\". */
export function endsWithContinuation(line: string): boolean {
  return line.length >= 2 && line.endsWith('\\') && /\s/u.test(line.charAt(line.length - 2));
}

/** Why: a pasted terminal session starts its commands with a "$ " prompt. */
export const SHELL_PROMPT = /^\$[ \t]+\S/u;

/** Why: a one-line command: a lowercase program name, then a pipe, "&&" or a "--flag" (prose starts capitalised and has none of these). */
export const SHELL_COMMAND = /^[a-z][\w.-]*[ \t]+\S.*?(?:[ \t]\|[ \t]|[ \t]&&[ \t]|[ \t]--?[a-z][\w-]*(?:[ \t=]|$))/u;

/**
 * Why: closing quotes and brackets may follow a line's final mark ("… he said." or "(Reuters.)"), German and Czech
 * close with “ and ‘ ("… sagte sie.“"), French and Swiss texts with » or ›.
 */
const CLOSING_MARKS = '"\'”’“‘»›)]」』';

/** Why: a sentence ends with one of these (closing quotes and brackets allowed after it). */
export const SENTENCE_END_MARKS = '.!?…。！？';

/** Why: lines ending like this continue into the next one or label it ("NEW YORK --", a wire dateline); they are not headings. */
export const NON_HEADING_END_MARKS = '.,;:…-–—';

/**
 * Whether the text ends with one of `marks`, closing quotes and brackets allowed after it.
 * A scan back from the end: an end-anchored regex would be tried from every position of a long line.
 */
export function endsWithMark(text: string, marks: string): boolean {
  let end = text.length - 1;
  while (end >= 0 && CLOSING_MARKS.includes(text.charAt(end))) end--;
  return end >= 0 && marks.includes(text.charAt(end));
}

/** Ends like a sentence: `.`, `!`, `?`, `…`, then any closing quotes or brackets. */
export function endsSentence(text: string): boolean {
  return endsWithMark(text, SENTENCE_END_MARKS);
}

// ---------------------------------------------------------------------------------------------
// Section labels: every block after one belongs to that section
// ---------------------------------------------------------------------------------------------

/** Why: teaser lists sit under these labels; whole-line match, in six languages and a few more. */
export const RELATED_LABELS = phraseSet('RELATED_LABELS', [
  // English
  'Recent News', 'Recent Posts', 'Recent Articles', 'Related', 'Related Articles', 'Related Stories', 'Related News',
  'Related Posts', 'Related Content', 'Related Coverage', 'Related Reading', 'Read Next', 'More Stories',
  'More News', 'More Articles', 'More to Read', 'You May Also Like', 'You Might Also Like', 'You May Be Interested In',
  'Most Popular', 'Most Read', 'Most Viewed', 'Trending', 'Trending Now', 'Trending Stories', 'Recommended',
  'Recommended for You', 'Latest News', 'Latest Stories', 'Latest', 'Top Stories', 'Editor\'s Picks', 'Editors\' Picks',
  'Similar Posts', 'Similar Articles', 'You May Also Enjoy',
  'Also Read', 'See Also', 'Further Reading', 'Popular Posts', 'Don\'t Miss', 'What to Read Next',
  // German
  'Mehr zum Thema', 'Das könnte Sie auch interessieren', 'Das könnte dich auch interessieren', 'Meistgelesen',
  'Meistgelesene Artikel', 'Weitere Artikel', 'Weitere Inhalte', 'Das könnte Sie interessieren', 'Auch interessant', 'Neueste Nachrichten', 'Neueste Artikel',
  'Lesen Sie auch', 'Lesen Sie mehr', 'Weitere Nachrichten', 'Verwandte Artikel', 'Empfohlene Artikel', 'Top-Themen',
  'Ähnliche Beiträge', 'Ähnliche Artikel', 'Verwandte Beiträge', 'Neueste Beiträge', 'Letzte Beiträge',
  'Aktuelle Beiträge', 'Beliebte Beiträge', 'Weitere Beiträge', 'Diese Beiträge solltest du nicht verpassen',
  // French
  'À lire aussi', 'A lire aussi', 'Lire aussi', 'Articles similaires', 'Les plus lus', 'Sur le même sujet',
  'Dernières actualités', 'Vous aimerez aussi', 'À voir aussi', 'Nos articles', 'Les plus populaires',
  'Articles liés', 'Dans la même rubrique', 'À la une', 'Articles récents', 'Derniers articles', 'En ce moment',
  // Spanish
  'Noticias relacionadas', 'Te puede interesar', 'Te puede interesar también', 'También te puede interesar',
  'Lo más leído', 'Más noticias', 'Últimas noticias', 'Lee también', 'Lea también', 'Artículos relacionados',
  'Lo más visto', 'Contenido relacionado', 'Entradas recientes', 'Artículos recientes', 'Más leídas', 'Más leídos', 'Seguí leyendo',
  'Más vistas', 'Más vistos',
  // Portuguese
  'Notícias relacionadas', 'Leia também', 'Mais lidas', 'Mais lidos', 'Veja também', 'Últimas notícias',
  'Você pode gostar', 'Você também pode gostar', 'Artigos relacionados', 'Mais notícias', 'Recomendados',
  'Posts recentes', 'Artigos recentes',
  // Italian
  'Articoli correlati', 'Potrebbe interessarti', 'Ti potrebbe interessare', 'I più letti', 'Leggi anche',
  'Ultime notizie', 'Altre notizie', 'Più letti', 'Notizie correlate', 'Consigliati per te', 'Da non perdere',
  'Articoli recenti',
  // Dutch, Swedish, Finnish, Polish, Czech, Slovak, Chinese
  'Lees ook', 'Lees meer', 'Gerelateerde artikelen', 'Meer nieuws', 'Meest gelezen', 'Läs också', 'Läs mer',
  'Mest lästa', 'Relaterade artiklar', 'Lue myös', 'Lue seuraavaksi', 'Lue aiheesta lisää', 'Luetuimmat',
  'Czytaj również', 'Najczęściej czytane', 'Powiązane artykuły', 'Czytaj także', 'Czytaj też', 'Zobacz także',
  'Zobacz też', 'Przeczytaj także', 'Przeczytaj też', 'Polecamy', 'Najnowsze', 'Podobne artykuły',
  'Související', 'Související články', 'Čtěte také', 'Přečtěte si také', 'Mohlo by vás zajímat', 'Nejčtenější',
  'Súvisiace', 'Súvisiace články', 'Čítajte aj', 'Najčítanejšie',
  '相关新闻', '相关阅读', '延伸阅读', '推荐阅读',
  // Japanese
  '関連記事', '関連ニュース', 'あわせて読みたい', 'おすすめ記事', '人気記事', 'こちらもおすすめ',
]);

/** Why: "More from Business", "Mehr aus Politik", "Plus de Sport": a label naming a section, so matched by prefix. */
export const RELATED_LABEL_PREFIXES = nonEmpty('RELATED_LABEL_PREFIXES', [
  'more from', 'more in', 'more on', 'more about', 'latest from', 'latest in', 'more stories from',
  'most read in', 'most read on', 'most popular in', 'most popular on',
  'mehr aus', 'mehr zu', 'mehr von', 'weitere artikel zu', 'weitere nachrichten aus', 'die meistgelesenen', 'meistgelesene',
  'plus de', 'plus d', 'à lire aussi sur', 'toute l actualité',
  'más de', 'más noticias de', 'lo último en',
  'mais de', 'mais notícias de', 'mais sobre',
  'altro da', 'altre notizie da', 'altri articoli di', 'di più su',
].map(phraseKey));

/** Why: "Top Sport Stories", "Business Headlines": a short label ending in one of these words heads a teaser list (checked against what follows). */
export const RELATED_LABEL_SUFFIXES = nonEmpty('RELATED_LABEL_SUFFIXES', ['stories', 'headlines', 'articles', 'posts', 'news', 'nachrichten', 'artikel', 'actualités', 'articles', 'noticias', 'notícias', 'notizie', 'just in']);

/** Why: outlets are named "<Place> News", "<Topic> Nachrichten": on a page's first line such a name is its masthead, no teaser label. */
export const MASTHEAD_SUFFIXES: ReadonlySet<string> = new Set(['news', 'nachrichten', 'noticias', 'notícias', 'notizie', 'actualités']);

/** Why: a suffix label has this many words at most ("Top Sport Stories"). */
export const RELATED_SUFFIX_LABEL_MAX_WORDS = 4;

/** Why: a section label is a short line; a longer one is prose that happens to start alike. */
export const SECTION_LABEL_MAX_WORDS = 7;

/** Why: inline teasers print their label before the title on one line: "READ MORE: Title", "Lea más: …", "À lire aussi » …". */
export const INLINE_RELATED_PREFIX =
  /^(?:related|read more|read also|also read|see also|read next|more|mehr zum thema|lesen sie auch|auch interessant|à lire aussi|a lire aussi|lire aussi|lee también|lea también|lea más|lee más|lea|vea también|mira también|mira|mire|puedes ver|le puede interesar|te puede interesar|te recomendamos|leia também|leia mais|veja também|leggi anche|potrebbe interessarti|czytaj też|czytaj także|zobacz też|zobacz także)[ \t]*[:|»][ \t]*(\S.*)$/iu;

/** Why: a reader-comment section starts at one of these labels; a count may precede or follow ("12 Comments", "Comments (12)"). */
export const COMMENT_LABELS = phraseSet('COMMENT_LABELS', [
  'Comments', 'Comment', 'Leave a Reply', 'Leave a Comment', 'Join the Conversation', 'Join the Discussion',
  'Show Comments', 'View Comments', 'Reader Comments', 'Post a Comment', 'Add a Comment', 'Discussion',
  'Reader views', "Readers' comments", 'Readers comments', 'Add your view', 'Add your comment', 'Post your comment',
  'Latest comments', 'Your comments', 'Have your say',
  // Comment-form headings and notices, which sit below the article (not "Leave a comment" or "No comments yet"
  // links, which meta rows under a headline print too).
  'Your email address will not be published. Required fields are marked *',
  'Kommentare', 'Kommentar schreiben', 'Kommentieren', 'Leserkommentare', 'Diskussion', 'Kommentar verfassen',
  'Schreibe einen Kommentar', 'Eine Antwort hinterlassen', 'Antwort hinterlassen', 'Hinterlassen Sie eine Antwort',
  'Hinterlasse eine Antwort', 'Hinterlasse einen Kommentar', 'Hinterlasse jetzt einen Kommentar', 'Kommentar hinterlassen',
  'Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert.',
  'Commentaires', 'Laisser un commentaire', 'Réagir', 'Réactions', 'Ajouter un commentaire',
  'Comentarios', 'Deja un comentario', 'Deja tu comentario', 'Añadir comentario', 'Comentar este artículo',
  'Comentários', 'Deixe um comentário', 'Deixe seu comentário', 'Comente',
  'Commenti', 'Lascia un commento', 'Commenta',
]);

/**
 * Why: a comment form's notice that the writer's e-mail stays private ("Your email address will not be published",
 * "Email (required; won't be published)", "Deine E-Mail-Adresse wird nicht veröffentlicht"): below it lie the form,
 * the thread and the sidebars, never the article.
 */
export const COMMENT_FORM_NOTICE =
  /\be-?mail\b[^.\n]{0,40}?(?:will not|won't|will never|wird nicht|wird niemals|nicht|ne sera pas|no será|não será|non sarà|nie zostanie)[^.\n]{0,20}?(?:published|veröffentlicht|publiée|publicada|publicado|pubblicat|opublikowany)/i;
/** {@link COMMENT_FORM_NOTICE} behind the word every branch of it holds: nearly every line is ruled out by one literal scan. */
export const COMMENT_FORM_NOTICE_GATE = gated(COMMENT_FORM_NOTICE, /mail/iu, null);
/**
 * Why: a site's rules for its comment section ("We welcome reader comments…", "Comments are moderated…", "Kommentare
 * werden moderiert"): they open the section, under the article, however much prose they run to.
 */
export const COMMENT_POLICY =
  /^(?:we welcome (?:reader |your )?comments\b|(?:all |reader )?comments (?:are|will be) (?:moderated|reviewed)\b|(?:alle |ihre )?kommentare werden (?:moderiert|geprüft)\b|les commentaires sont modérés\b|los comentarios (?:son|serán) moderados\b|i commenti sono moderati\b)/i;
/** Why: a policy is a few paragraphs of short rules; a longer paragraph starting so is an article about comments. */
export const COMMENT_POLICY_MAX_WORDS = 60;
/**
 * Why: blog themes head the comments with their count and the post's title ("14 Responses to “Title”", "3 Gedanken zu
 * „Title“", "One thought on “Title”"); only comments sit under such a heading.
 */
export const COMMENT_COUNT_HEADING =
  /^(?:\d+|one|two|three|ein|eine|zwei|drei|un|une|uno|una|um|uma)\s+(?:\p{L}+\s+)?(?:responses?|replies|thoughts?|comments?|kommentare?|antworten|gedanken|réflexions?|commentaires?|réponses?|comentarios?|respuestas?|commenti|risposte|comentários|respostas)\s+(?:to|on|zu|auf|für|sur|à|a|en|em|su|para|an)\s+\S/iu;
/** Why: the headline a count heading names, after its count, noun (and adjective) and preposition; quotes stripped apart. */
export const COMMENT_COUNT_HEADING_TITLE = /^\S+[ \t]+(?:\S+[ \t]+)?\S+[ \t]+(?:to|on|zu|auf|für|sur|à|a|en|em|su|para|an)[ \t](.*)$/u;
/** Why: the quotes a count heading sets around the headline it names. */
export const HEADLINE_QUOTES = '“”"„«»‘’\'';
/** Why: the marks that open or close a quotation in the languages served: “…” „…“ «…» »…« '…' ‚…‘ ‹…›. */
export const QUOTE_MARKS = `${HEADLINE_QUOTES}‚‹›`;
/** Why: the heading is the count and a headline. */
export const COMMENT_COUNT_HEADING_MAX_WORDS = 30;

/** Why: the notice is a line or two of a form; a longer paragraph quoting it is prose. */
export const COMMENT_FORM_NOTICE_MAX_WORDS = 25;

/** Why: the link under each reader comment; recurring every few lines after the article it marks a thread without a heading. */
export const COMMENT_REPLY_LINKS = phraseSet('COMMENT_REPLY_LINKS', [
  'Reply', 'Reply to this comment', 'Report', 'Report abuse', 'Antworten', 'Répondre', 'Responder', 'Rispondi',
]);

/** Why: the links that make a comment's action bar; a line of only these ("Reply to This Parent Share", "Like · Reply · 2h"). */
export const COMMENT_ACTION_WORDS: ReadonlySet<string> = new Set([
  'reply', 'replies', 'report', 'flag', 'permalink', 'quote', 'share', 'like', 'likes', 'unlike', 'parent', 'edit',
  'delete', 'link', 'to', 'this', 'as', 'inappropriate', 'abuse', 'comment', 'vote', 'upvote', 'downvote', 'up', 'down',
  'antworten', 'melden', 'zitieren', 'teilen', 'répondre', 'signaler', 'citer', 'partager', 'responder', 'denunciar',
  'reportar', 'citar', 'compartir', 'responda', 'rispondi', 'segnala', 'cita', 'condividi',
]);
/** Why: what makes an action bar a comment's rather than a share bar: a reply, report or permalink link. */
export const COMMENT_ACTION_CORE_WORDS: ReadonlySet<string> = new Set([
  'reply', 'report', 'flag', 'permalink', 'antworten', 'melden', 'répondre', 'signaler', 'responder', 'denunciar',
  'reportar', 'responda', 'rispondi', 'segnala',
]);
/** Why: an action bar holds a few links; a longer line is a sentence using the words. */
export const COMMENT_ACTION_LINE_MAX_WORDS = 6;

/**
 * Why: the entry footer blog themes print under a post ("This entry was posted in News. Bookmark the permalink.",
 * in the translations WordPress ships); after the article has begun, nothing below it is the post's text.
 */
export const ENTRY_FOOTER_LINE =
  /^(?:this entry was posted (?:in|on)\b|bookmark the permalink|dieser (?:eintrag|beitrag) wurde [^.]{0,80}veröffentlicht|lesezeichen (?:für|auf) den permalink|cette entrée a été publiée|ce billet a été publié|ajouter aux favoris le permalien|esta entrada (?:fue publicada|foi publicada)|guarda el enlace permanente|questa voce è stata pubblicata|aggiungi ai segnalibri il permalink)/i;

// ---------------------------------------------------------------------------------------------
// One-line chrome: whole-line phrase tables
// ---------------------------------------------------------------------------------------------

/** Why: skip links, menu toggles and account links survive select-all copies as lines of their own. */
export const NAVIGATION_PHRASES = phraseSet('NAVIGATION_PHRASES', [
  'Skip to content', 'Skip to main content', 'Skip to navigation', 'Jump to content', 'Skip to footer',
  'Menu', 'Main menu', 'Open menu', 'Close menu', 'Toggle navigation', 'Navigation', 'Search', 'Close', 'Open',
  'Sign in', 'Sign In / Register', 'Log in', 'Login', 'Log out', 'Register', 'My account', 'Account', 'Sections',
  'Home', 'Back to top', 'Go to Google News', 'Today\'s paper', 'Edition', 'More', 'Show more', 'Load more', 'Next', 'Previous',
  'Next article', 'Previous article', 'Print', 'Print edition', 'Sign up', 'Subscribe', 'Search for',
  // An article page's own tools, each a link on its own line: enlarge the picture, print or mail the story, resize the text.
  'View larger image', 'Enlarge this image', 'Printer-friendly version', 'Email this story', 'Print this story',
  'Email this article', 'Print this article', 'Have your say', 'Read comments', 'Photo gallery', 'Text size', 'Font size',
  'Zum Inhalt springen', 'Zum Hauptinhalt springen', 'Suche', 'Anmelden', 'Abmelden', 'Startseite', 'Menü', 'Schließen',
  'Aller au contenu', 'Aller au contenu principal', 'Rechercher', 'Se connecter', 'Connexion', 'Accueil', 'Fermer',
  'Ir al contenido', 'Saltar al contenido', 'Buscar', 'Iniciar sesión', 'Inicio', 'Menú', 'Cerrar',
  'Ir para o conteúdo', 'Pular para o conteúdo', 'Pesquisar', 'Entrar', 'Início', 'Fechar',
  'Vai al contenuto', 'Salta al contenuto', 'Cerca', 'Accedi', 'Chiudi',
]);

/**
 * Why: headings of a site's own recurring boxes (the editor's letter, the events calendar, the "about us" blurb).
 * Sidebars print them after the article in a page's text, over prose of their own that reads like more article;
 * no article's own section is named so. Whole-line match, in six languages. Read by selection only: as a line hint
 * it changed the learned stage's inputs on pages where nothing is cut.
 */
export const SITE_MODULE_LABELS = phraseSet('SITE_MODULE_LABELS', [
  'From the Editor', 'From the Editors', 'From Our Editors', 'Letter from the Editor', "Editor's Letter", "Editors' Letter",
  'A Note from the Editor', 'A Message from the Editor', 'From the Publisher', 'A Message from the Publisher',
  'Community Calendar', 'Events Calendar', 'Event Calendar', 'Calendar of Events', 'Upcoming Events', 'About Us',
  'About This Site', 'About This Blog',
  'Aus der Redaktion', 'Brief aus der Redaktion', 'Veranstaltungskalender', 'Kommende Veranstaltungen', 'Über uns',
  'Le mot de la rédaction', 'Lettre de la rédaction', 'Agenda des événements', 'Prochains événements', 'Qui sommes-nous',
  'Carta del director', 'Carta del editor', 'Agenda de eventos', 'Próximos eventos', 'Sobre nosotros', 'Quiénes somos',
  'Carta do editor', 'Carta ao leitor', 'Próximos eventos', 'Sobre nós', 'Quem somos',
  'Lettera del direttore', 'Calendario eventi', 'Prossimi eventi', 'Chi siamo',
]);

/** Why: cookie banners flatten to a consent sentence and its buttons; a recipe's "cookies" must not match. */
const COOKIE_SENTENCE = String.raw`\b(?:we use cookies|we and our partners use|this (?:site|website) uses cookies|use of cookies|uses cookies|cookie (?:settings|policy|preferences|consent|notice)|manage cookies|accept cookies|wir verwenden cookies|verwendet cookies|cookie-einstellungen|nous utilisons des cookies|utilise des cookies|utilisons des cookies|paramètres des cookies|utilizamos cookies|usamos cookies|utiliza cookies|configuración de cookies|usa cookies|utilizziamo i cookie|utilizza cookie|uso dei cookie)\b`;
const COOKIE_BUTTONS = String.raw`^(?:accept all|accept all cookies|reject all|manage preferences|i agree|alle akzeptieren|tout accepter|tout refuser|aceptar todo|rechazar todo|aceitar todos|aceitar|accetta tutto|rifiuta tutto)$|^(?:(?:accept|reject|decline|close|settings|accepter|refuser|fermer|paramétrer|personnaliser|akzeptieren|ablehnen|einstellungen|aceptar|rechazar|accetta|rifiuta)[ \t&|/·]*){2,}$`;
export const COOKIE_PATTERN = new RegExp(`${COOKIE_SENTENCE}|${COOKIE_BUTTONS}`, 'i');

/** Why: every phrase of the cookie sentence names cookies or partners; a line with neither can only be a row of buttons. */
export const COOKIE_GATE = gated(COOKIE_PATTERN, /cookie|partners use/iu, new RegExp(COOKIE_BUTTONS, 'i'));

/** Why: a cookie notice is a short line; a paragraph about cookies is body. */
export const COOKIE_MAX_WORDS = 60;

/** Why: a consent dialog has its buttons and switches ("Alle akzeptieren", "Save settings", "Hier klicken, um … zu deaktivieren"). */
export const CONSENT_CONTROL =
  /\b(?:akzeptier|accept|einstellungen|settings|aktivier|deaktivier|enable|disable|ablehnen|reject|zustimmen|agree|accepter|paramètres|refuser|aceptar|configuración|rechazar|aceitar|configurações|accetta|impostazioni|rifiuta)/i;
/** Why: a button or a switch is a few words. */
export const CONSENT_CONTROL_MAX_WORDS = 8;

/** Why: a consent manager's dialog talks of cookies in every paragraph (a story or a recipe may too: a dialog also has buttons). */
export const COOKIE_WORD = /\bcookies?\b|\bcookie-/i;
/**
 * Why: ...and beside the cookie it names what a consent dialog is about: the site, consent, privacy, a setting to switch,
 * a tracker, a browser or a storage time; six languages.
 */
export const CONSENT_WORDS =
  /\b(?:website|webseite|site|consent|zustimmung|einwilligung|privacy|datenschutz|akzeptier|accept|aktivier|deaktivier|enable|disable|analytics|browser|tracking|speicher|stored|laufzeit|expir|consentement|confidentialité|navigateur|consentimiento|privacidad|navegador|consentimento|privacidade|consenso)/i;

/** Why: paywall and membership prompts. */
export const SUBSCRIPTION_PATTERN =
  /^(?:subscribe (?:now|today|to continue|for)|already a subscriber|support (?:our|independent) journalism|become a (?:member|subscriber)|this (?:article|story|content) is (?:for|only available to) subscribers|get unlimited access|start your free trial|unlock this article|jetzt abonnieren|abonnieren sie|bereits abonnent|abonnez-vous|déjà abonné|suscríbete|ya eres suscriptor|hazte socio|assine|já é assinante|abbonati|sei già abbonato|kostenlos registrieren und weiterlesen|(?:schon|bereits) registriert\?|already registered\?|register (?:for free )?to continue reading)/iu;

/** Why: a prompt is short; longer text that starts alike is prose. */
export const PROMPT_MAX_WORDS = 30;

/** Why: newsletter sign-up prompts, placed mid-article or in footers. */
const NEWSLETTER_START = String.raw`^(?:newsletter|sign up (?:for|to)|subscribe to (?:our|the)|get (?:our|the) [^.]{0,60}(?:newsletter|briefing|inbox)|get the latest [^.]{0,80}inbox|join our (?:newsletter|mailing list)|newsletter abonnieren|melden sie sich [^.]{0,40}newsletter|abonnieren sie [^.]{0,30}newsletter|abonniere [^.]{0,30}newsletter|inscrivez-vous [^.]{0,30}(?:newsletter|lettre)|abonnez-vous [^.]{0,30}(?:newsletter|lettre)|recevez [^.]{0,40}newsletter|suscríbete [^.]{0,30}(?:newsletter|boletín)|recibe [^.]{0,40}(?:newsletter|boletín)|assine [^.]{0,30}newsletter|receba [^.]{0,40}newsletter|cadastre-se [^.]{0,30}newsletter|iscriviti [^.]{0,30}newsletter|ricevi [^.]{0,40}newsletter|by signing up,? you agree|wir informieren sie regelmä[ßẞ]ig|(?:keine|nichts) [^.]{0,60}mehr verpassen|nichts mehr verpassen|ich akzeptiere die datenschutz|ich habe die datenschutzerklärung|i (?:accept|agree to) the privacy policy)`;
export const NEWSLETTER_PATTERN = new RegExp(String.raw`${NEWSLETTER_START}|\b(?:delivered|sent|straight) to your inbox\b`, 'i');

/** Why: the unanchored phrase always says "to your inbox"; without it only the line's start can match. */
export const NEWSLETTER_GATE = gated(NEWSLETTER_PATTERN, /to your inbox/iu, new RegExp(NEWSLETTER_START, 'i'));

/** Why: ad slots leave their label behind as a line. */
export const AD_PHRASES = phraseSet('AD_PHRASES', [
  'Advertisement', 'Advertisements', 'Advertising', 'Ad', 'Sponsored', 'Sponsored Content', 'Paid Content', 'Promoted',
  'Story continues below advertisement', 'Article continues below advertisement', 'Continue reading below',
  'Scroll to continue with content', 'Continue reading the main story', 'Partner content',
  'Article continues', 'Article continues below', 'Story continues below', 'Skip to next paragraph',
  'Anzeige', 'Werbung', 'Gesponsert', 'Publicité', 'Contenu sponsorisé', 'Publicidad', 'Patrocinado', 'Publicidade',
  'Pubblicità', 'Contenuto sponsorizzato',
]);

/** Why: share bars flatten to a line of these words; a line made only of them is a share bar. */
export const SHARE_WORDS = wordSet(
  'SHARE_WORDS',
  `share shares sharing this article story post on via with tweet facebook twitter x linkedin whatsapp email e mail mail
   print copy link url pinterest reddit telegram flipboard messenger threads bluesky save bookmark comment comments
   teilen artikel drucken kopieren partager partagez l article imprimer copier le lien compartir compartilhar
   compartilhe imprimir copiar enlace condividi stampa copia beitrag seite diesen mit freunden friends pin it twittern weitersagen rezept recipe speichern bei`,
);

/** Why: a line of share words must name sharing itself or a network; "Print" or "Email" alone is not a share bar. */
export const SHARE_STRONG_WORDS = wordSet(
  'SHARE_STRONG_WORDS',
  'share tweet facebook twitter linkedin whatsapp pinterest reddit telegram flipboard teilen twittern weitersagen partager partagez compartir compartilhar compartilhe condividi',
);

/** Why: a share line is short; words like "email" also occur in prose. */
export const SHARE_MAX_WORDS = 10;

/**
 * Why: share buttons flattened with their screen-reader note ("Click to share on Facebook (Opens in new window)",
 * "Klick, um über Twitter zu teilen (Wird in neuem Fenster geöffnet)").
 */
export const SHARE_BUTTON_LINE =
  /\((?:opens in (?:a )?new window|wird in neuem fenster geöffnet|s'ouvre dans une nouvelle fenêtre|se abre en una ventana nueva|abre em uma nova janela|abre em nova janela|si apre in una nuova finestra)\)$/iu;

/**
 * Why: an embedded Instagram post flattens to its frame's lines ("View this post on Instagram", "A post shared by Jane
 * Doe (@janedoe)", the handle always in brackets), in the reader's language; the post's own text is not in them. Read
 * as a caption: the embed stands in the article as a picture does, and the article goes on after it.
 */
export const SOCIAL_EMBED_LINE =
  /^(?:(?:a post shared by|ein beitrag geteilt von|une publication partagée par|una publicación compartida por|uma publicação compartilhada por|un post condiviso da) .{1,60}?\(@[\w.]{1,40}\).{0,60}|view this post on instagram|sieh dir diesen beitrag auf instagram an|voir cette publication sur instagram|ver esta publicación en instagram|ver essa publicação no instagram|visualizza questo post su instagram)$/iu;
/** Why: the labels a broadcaster's player prints before a caption or a credit ("Media caption Jane Doe talks to …"). */
export const MEDIA_CAPTION_LABEL = /^(?:Media caption|Image caption|Video caption|Image copyright|Image source) \S/u;

/**
 * Why: a misconfigured server prints PHP's notices above the page ("Deprecated: … in /www/…/file.php on line 12"): the
 * notice's label opens the line and its place in the code (a PHP file and a line number) ends it.
 */
export const SERVER_NOTICE_OPENING = /^(?:Deprecated|Strict Standards|Warning|Notice|Fatal error|Parse error|Catchable fatal error): \S/u;
export const SERVER_NOTICE_ENDING = /\.(?:php\d?|phtml|inc) on line \d+$/u;

/** Why: a tag list's label may stand alone on its line, the keywords on the lines below. */
export const TAGS_LABELS = phraseSet('TAGS_LABELS', ['Tags', 'Schlagworte', 'Schlagwörter', 'Stichworte', 'Stichwörter', 'Mots-clés', 'Etiquetas', 'Tag']);

/** Why: tag lists are labelled; whatever follows the label is keywords, not prose. */
export const TAGS_PREFIX =
  /^(?:tags|tagged|hot tags|hot topics|related tags|topics|filed under|categories|keywords|schlagworte|schlagwörter|themen|stichworte|mots-clés|mots clés|thèmes|etiquetas|temas|palabras clave|tópicos|argomenti|parole chiave)[ \t]*:/iu;

/** Why: copyright footers and legal links. */
const LEGAL_START = String.raw`^(?:©|\(c\)[ \t]|copyright\b)`;
export const LEGAL_PATTERN = new RegExp(String.raw`${LEGAL_START}|\b(?:all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|todos os direitos reservados|tutti i diritti riservati|(?:licensed under|lizenziert unter|unter einer|sous licence|bajo una licencia) (?:a |the )?creative commons)\b`, 'i');

/**
 * Why: each reserved-rights phrase holds "serv" (reserved, réservés, riservati) or "vorbehalten", and each licence
 * notice "creative commons"; without them only the line's start can match.
 */
export const LEGAL_GATE = gated(LEGAL_PATTERN, /serv|vorbehalten|creative commons/iu, new RegExp(LEGAL_START, 'i'));

/** Why: footer link rows made only of these words are legal boilerplate. */
export const LEGAL_WORDS = wordSet(
  'LEGAL_WORDS',
  `privacy policy terms of use service conditions cookie cookies policy notice legal imprint contact us about accessibility
   sitemap careers advertise with ethics corrections impressum datenschutz datenschutzerklärung nutzungsbedingungen
   agb kontakt mentions légales politique de confidentialité cgu aviso legal política privacidad términos condiciones
   contacto termos uso política privacidade contato informativa note legali termini condizioni contatti chi siamo
   and y e et und`,
);

/** Why: weather widgets leave "London 12°C" or "Sunny, 21 °F" lines. */
export const WEATHER_PATTERN = /^[^\d°]{0,40}\d{1,3}[ \t]?°[ \t]?[CF]?(?:[ \t][^.\d]{0,40})?$/u;

/** Why: a weather line always prints the degree sign. */
export const WEATHER_GATE = gated(WEATHER_PATTERN, /°/u, null);

/** Why: reading-time lines ("5 min read", "8 min lues", "Lesezeit: 4 Minuten") are page metadata. */
export const READING_TIME_PATTERN =
  /^(?:\d{1,3}[ \t-]?(?:min|mins|minute|minutes|minuten|minutos|minuti)\.? (?:read|de lecture|lues|lesezeit|de leitura|de lectura|di lettura)|(?:lesezeit|reading time|temps de lecture|tiempo de lectura|tempo de leitura|tempo di lettura) ?:? ?\d{1,3} ?(?:min|minutes|minuten|minutos|minuti)\.?)$/iu;

// ---------------------------------------------------------------------------------------------
// Bylines
// ---------------------------------------------------------------------------------------------

/**
 * Why: "By Jane Doe", "Von Max Muster", "Par Jean Dupont", "Por Ana Gómez", "Di Marco Rossi": the prefix (a colon after
 * it too: "By: Jane Doe", as blog themes print it), then a capitalised name.
 */
export const BYLINE_PREFIX = /^(?:[Bb]y|BY|[Vv]on|VON|[Pp]ar|PAR|[Pp]or|POR|[Dd]i|DI|[Dd]oor|DOOR)(?::[ \t]*|[ \t]+)(\p{Lu}.*)$/u;

/** Why: labelled bylines: "Author: X", "Written by X", "Reporting by X; Editing by Y", in six languages. A bare label word needs its colon. */
export const BYLINE_LABEL =
  /^(?:(?:author|authors|autor|autorin|autoren|text|auteur|auteurs|auteure|texte|autora|autores|texto|redação|autore|autrice|autori|testo|words)[ \t]*:|(?:written by|words by|story by|text by|reporting by|reported by|posted by|geschrieben von|écrit par|rédigé par|escrito por|scritto da)|(?:posted|published) on [^.!?]{1,60}? by)[ \t]*\S/iu;

/**
 * Why: blog themes print the post's date and author in one phrase: "Posted in News by X", "Veröffentlicht am
 * 13. März 2019 von X", "Eingestellt von X um 10:52", "Publié le 5 mars par X", in five languages; a German or French
 * date may hold a period ("13. März"). The match ends at the first character after the preposition. Not "Published
 * in": "Published in Crystal Lake by Shaw Media" names a publisher. The caller refuses a line that ends like a
 * sentence, and one without a date in the match unless a capitalised name follows ("Erstellt von der Stadt Wien").
 */
export const THEME_BYLINE =
  /^(?:posted (?:in|under) [^.!?]{1,60}? by|(?:veröffentlicht|publiziert|gepostet|geschrieben|erstellt|eingetragen|eingestellt|verfasst)(?: am [^!?]{1,60}?)? von|(?:publié|posté)(?: le [^!?]{1,60}?)? par|publicado(?: (?:el|em) [^!?]{1,60}?)? por|pubblicato(?: il [^!?]{1,60}?)? da)[ \t]+\S/iu;

/** Why: "Jane Doe, Political Correspondent": a name, a comma, then a job title from this list. */
export const BYLINE_ROLE_WORDS = wordSet(
  'BYLINE_ROLE_WORDS',
  `correspondent reporter editor writer columnist contributor journalist producer analyst staff critic
   redakteur redakteurin korrespondent korrespondentin autorin autor reporterin
   journaliste correspondant correspondante rédacteur rédactrice chroniqueur envoyé envoyée spécial spéciale
   periodista corresponsal redactor redactora columnista enviado enviada especial
   jornalista correspondente repórter colunista redator redatora
   giornalista corrispondente inviato inviata redattore redattrice editorialista`,
);

/** Why: a byline is short; a longer line starting with "By" is a sentence ("By the end of the year, …"). */
export const BYLINE_MAX_WORDS = 16;

/** Why: words that join several authors in one byline. */
export const BYLINE_JOINERS = wordSet('BYLINE_JOINERS', 'and und et y e ed en & with mit avec con com');

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

/** Why: month and weekday names (full and abbreviated) in six languages: a date line carries one, or a numeric date. */
export const CALENDAR_WORDS = wordSet(
  'CALENDAR_WORDS',
  `january february march april may june july august september october november december
   jan feb mar apr jun jul aug sep sept oct nov dec
   monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
   januar februar märz mai juni juli oktober dezember jänner
   montag dienstag mittwoch donnerstag freitag samstag sonntag
   janvier février mars avril juin juillet août septembre octobre novembre décembre
   janv févr avr juil déc lundi mardi mercredi jeudi vendredi samedi dimanche
   enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre
   ene abr ago dic lunes martes miércoles jueves viernes sábado domingo
   janeiro fevereiro março maio junho julho setembro outubro dezembro fev out dez
   segunda terça quarta quinta sexta feira
   gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre gen mag giu lug ott
   lunedì martedì mercoledì giovedì venerdì sabato domenica`,
);

/** Why: words that surround a date on a date line ("Published on", "Uhr", "mis à jour le", time zones); nothing else may. */
export const DATE_FILLER_WORDS = wordSet(
  'DATE_FILLER_WORDS',
  `published updated posted modified last on at am pm a p m est edt cst cdt mst mdt pst pdt gmt bst utc cet cest et pt ist
   veröffentlicht aktualisiert zuletzt stand um uhr vom am
   publié mis à jour le à h modifié sur
   publicado actualizado el a las de del hrs h
   atualizado às em
   pubblicato aggiornato il alle ore`,
);

/** Why: a date line is short; "Published" + a full sentence is prose. */
export const DATE_LINE_MAX_WORDS = 14;

/** Why: relative dates ("5 days ago", "vor 2 Stunden") carry no month name, only these words and a number. */
export const RELATIVE_DATE_WORDS = wordSet(
  'RELATIVE_DATE_WORDS',
  'ago hour hours minute minutes min mins day days week weeks yesterday today vor stunde stunden minuten tag tagen gestern heute il y a heure heures jours hier hace hora horas minutos días ayer hoy há dias ontem hoje fa ore giorni ieri oggi',
);

/** Why: a bare time ("14:05") counts only as a live-blog stamp, not as a date, so it needs a colon form. */
export const NUMERIC_DATE = /\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b|\b\d{1,2}:\d{2}\b/u;

// ---------------------------------------------------------------------------------------------
// Captions and credits
// ---------------------------------------------------------------------------------------------

/** Why: labelled captions and credits: "Photo: …", "Foto: …", "Illustration : …". */
export const CAPTION_PREFIX =
  /^(?:photo|photos|photograph|image|images|picture|illustration|graphic|video|credit|credits|source|foto|fotos|bild|bilder|grafik|quelle|crédit|crédits|légende|imagen|fotografía|créditos|fuente|imagem|fotografia|crédito|fonte|immagine)[ \t]*:[ \t]*\S/iu;

/**
 * Why: a caption's closing credit after its last sentence: "Puffins on the cliffs. Photo: Island Bird Trust",
 * "… der Schweiz. © AFP / Jane Doe".
 * The pattern finds the credit's start; `hasCaptionCreditTail` checks that only a short credit follows
 * (an anchored `[^.!?]{0,80}$` tail would be re-tried from every position: quadratic).
 */
export const CAPTION_CREDIT_START =
  /[.!?…"”)][ \t](?:(?:photo|photos|photograph|image|picture|illustration|credit|foto|bild|crédit|photographie|imagen|fotografía|imagem|fotografia|immagine) ?:|©) ?[^.!?\s]/giu;

/** The longest credit after its label. */
const CAPTION_CREDIT_MAX_CHARS = 80;

export function hasCaptionCreditTail(text: string): boolean {
  CAPTION_CREDIT_START.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CAPTION_CREDIT_START.exec(text)) !== null) {
    const tail = text.slice(m.index + m[0].length - 1);
    // No sentence after the credit; a dot inside a name ("fotolia.com") is no sentence end.
    if (tail.length <= CAPTION_CREDIT_MAX_CHARS + 1 && !/[.!?](?:\s|$)/u.test(tail)) return true;
  }
  return false;
}

/** Why: photo agencies that close a caption: "… (Reuters)", "…/AP", "… Getty Images". */
export const CREDIT_AGENCIES = nonEmpty('CREDIT_AGENCIES', [
  'reuters', 'ap', 'afp', 'epa', 'dpa', 'ansa', 'efe', 'getty images', 'shutterstock', 'bloomberg', 'keystone',
  'picture alliance', 'imago images', 'istockphoto', 'associated press', 'afp via getty images', 'ap photo',
]);

/**
 * Why: free photo libraries ask for "Photo by Jane Doe on Unsplash" under each picture they lend; a sentence that ends
 * "… I found them on Unsplash." is longer and ends with its full stop.
 */
export const PHOTO_LIBRARY_CREDIT = /\s(?:on|via|auf|sur|en) (?:unsplash|pexels|pixabay)(?:\.com)?$/iu;
/** Why: such a credit is a photographer's name and the library's, a few words. */
export const PHOTO_LIBRARY_CREDIT_MAX_WORDS = 10;

/** Why: a parenthesised credit starting with these words closes a caption: "(Photo by Jane Doe/Getty Images)". */
export const CREDIT_PAREN_PREFIXES = nonEmpty('CREDIT_PAREN_PREFIXES', ['photo', 'foto', 'image', 'picture', 'credit', 'bild', 'imagen', 'imagem', 'immagine']);

/** Why: a caption is at most a few sentences; a long paragraph ending with "(AP)" is body. */
export const CAPTION_MAX_WORDS = 45;

// ---------------------------------------------------------------------------------------------
// Related teasers
// ---------------------------------------------------------------------------------------------

/** Why: teaser excerpts end with a link to the story; the tail (and the space before it) is cut from the excerpt. */
export const READ_MORE_TAIL =
  /\b(?:read more|read the full story|continue reading|keep reading|weiterlesen|mehr lesen|lire la suite|lire plus|la suite|leer más|seguir leyendo|sigue leyendo|leia mais|continue lendo|leggi di più|continua a leggere|leggi tutto)(?: ?(?:»|›|→|>|\.\.\.|…))?$/i;
/** Why: the longest match above ("read the full story ...") is 23 characters; this bound leaves room for new phrases. */
export const READ_MORE_TAIL_MAX_CHARS = 40;

/** Why: "… 4 min read" tails on teaser excerpts, cut like "Read more". */
export const MIN_READ_TAIL = /(?:[·•|-] ?)?\b\d{1,3} ?(?:min|mins|minute|minutes)\.? read$/i;
/** Why: the longest match above ("• 120 minutes. read") is 19 characters. */
export const MIN_READ_TAIL_MAX_CHARS = 30;

/** Why: a teaser excerpt often stops mid-word with "..." or "…". */
export const TRUNCATION_TAIL = /(?:\.\.\.|…)$/u;
/** Why: "..." is the longest match above. */
export const TRUNCATION_TAIL_MAX_CHARS = 3;

// ---------------------------------------------------------------------------------------------
// Headings
// ---------------------------------------------------------------------------------------------

/** Why: words left lowercase in title-case headings, so they do not count against title case. */
export const TITLE_CASE_MINOR_WORDS = wordSet(
  'TITLE_CASE_MINOR_WORDS',
  `a an the and or nor but of in on at to for from by with as vs via per into onto over up out off than
   der die das und oder von zu mit im am für auf aus bei ein eine
   le la les de des du et ou en à au aux un une sur par pour dans
   el los las y o del con por para en un una
   o a os as do da dos das e em com no na nos nas um uma
   il lo gli i di della delle dei con per su tra fra`,
);

/** Why: the gates the text segmenter tries on one short line, tested once together (see {@link anyGate}). */
export const LINE_RULE_GATES = anyGate('LINE_RULE_GATES', [LEGAL_GATE, COOKIE_GATE, NEWSLETTER_GATE, AFFILIATE_GATE]);
