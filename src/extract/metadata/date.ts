/**
 * Dates: machine values (ISO 8601, RFC 2822, epoch), human date lines in several languages
 * ("5 March 2024", "March 5, 2024", "05.03.2024", "5. März 2024, 10:52 Uhr", "2024年3月5日"),
 * and dates in URL paths. Output is ISO 8601: `YYYY-MM-DD` when only the day is known,
 * `YYYY-MM-DDTHH:MM:SS` plus the offset when one is given.
 *
 * Human text is tokenised once and matched token by token, so there is no backtracking regex.
 */
import { MODIFIED_MARKERS, MONTHS, TIME_ZONES } from '../../rules/meta-names.js';

export interface ParsedDate {
  iso: string;
  /** Milliseconds since the epoch; local times without an offset are read as UTC. */
  instant: number;
  hasTime: boolean;
  /** The offset was given, so `instant` is exact. */
  hasOffset: boolean;
}

/** News on the web starts in the 1990s; older years in markup are copyright lines or typos. */
const MIN_YEAR = 1990;
/** A date-only or offset-less time may be "tomorrow" somewhere on Earth: allow the widest offset. */
const UNZONED_FUTURE_SLACK_MS = 14 * 3600_000;
/** Clock skew between the publisher's server and `now`. */
const ZONED_FUTURE_SLACK_MS = 10 * 60_000;
/** Within a human date line, at most this many filler tokens between the date and its time ("at", "um", "|"). */
const MAX_FILLER_BEFORE_TIME = 3;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

interface TimeOfDay {
  hour: number;
  minute: number;
  second: number;
}

/** Builds a validated date; `offsetMinutes` null when unknown. */
export function buildDate(year: number, month: number, day: number, time: TimeOfDay | null, offsetMinutes: number | null): ParsedDate | null {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > 2200) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  if (time === null) {
    return { iso: date, instant: Date.UTC(year, month - 1, day), hasTime: false, hasOffset: false };
  }
  if (time.hour > 23 || time.minute > 59 || time.second > 60) return null;
  const clock = `${pad(time.hour)}:${pad(time.minute)}:${pad(Math.min(time.second, 59))}`;
  const local = Date.UTC(year, month - 1, day, time.hour, time.minute, Math.min(time.second, 59));
  if (offsetMinutes === null) return { iso: `${date}T${clock}`, instant: local, hasTime: true, hasOffset: false };
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const zone = offsetMinutes === 0 ? 'Z' : `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return { iso: `${date}T${clock}${zone}`, instant: local - offsetMinutes * 60_000, hasTime: true, hasOffset: true };
}

/** False for dates after `now` (beyond the slack a time zone can explain). */
export function isNotFuture(date: ParsedDate, now: Date): boolean {
  const slack = date.hasOffset ? ZONED_FUTURE_SLACK_MS : UNZONED_FUTURE_SLACK_MS;
  return date.instant <= now.getTime() + slack;
}

function parseOffset(text: string): number | null {
  if (/^z$/i.test(text)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(text);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? '0');
  if (minutes > 14 * 60) return null;
  return m[1] === '-' ? -minutes : minutes;
}

// Anchored ISO 8601 date-time; every quantifier is bounded or followed by a disjoint class.
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?)? ?(Z|[+-]\d{2}(?::?\d{2})?)?/i;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?(Z)?$/i;
const EPOCH = /^\d{10}(?:\d{3})?$/;

/**
 * A date from a machine-readable attribute (`content`, `datetime`, JSON-LD): ISO 8601 first,
 * then compact `YYYYMMDD`, epoch seconds/milliseconds, then the human formats.
 */
export function parseMachineDate(value: string, now: Date): ParsedDate | null {
  const text = value.trim();
  if (text.length === 0 || text.length > 200) return null;
  let parsed: ParsedDate | null = null;
  const iso = ISO_DATE.exec(text);
  if (iso) {
    const time = iso[4] === undefined ? null : { hour: Number(iso[4]), minute: Number(iso[5]), second: Number(iso[6] ?? '0') };
    const offset = iso[7] === undefined || time === null ? null : parseOffset(iso[7]);
    parsed = buildDate(Number(iso[1]), Number(iso[2]), Number(iso[3]), time, offset);
  } else if (COMPACT_DATE.test(text)) {
    const c = COMPACT_DATE.exec(text);
    if (c) {
      const time = c[4] === undefined ? null : { hour: Number(c[4]), minute: Number(c[5]), second: Number(c[6] ?? '0') };
      parsed = buildDate(Number(c[1]), Number(c[2]), Number(c[3]), time, c[7] !== undefined && time ? 0 : null);
    }
  } else if (EPOCH.test(text)) {
    const ms = text.length === 13 ? Number(text) : Number(text) * 1000;
    const d = new Date(ms);
    parsed = buildDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), { hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() }, 0);
  } else {
    parsed = findDateInText(text, { now, monthFirst: true });
  }
  return parsed !== null && isNotFuture(parsed, now) ? parsed : null;
}

type TokenKind = 'num' | 'word' | 'punct';
interface Token {
  kind: TokenKind;
  text: string;
  start: number;
  end: number;
}

// One alternative per token class: digits, letters, or one other visible character.
const TOKEN = /\d+|\p{L}+|[^\s\p{L}\d]/gu;
/** Longest text scanned for a human date: date lines are short; bodies are cut. */
const MAX_SCAN_CHARS = 2_000;

const LETTER = /\p{L}/u;

/** A {@link TOKEN} match's class. An ASCII first character tells it: the letter class is all letters, the last is one character. */
function tokenKind(t: string): TokenKind {
  const c = t.charCodeAt(0);
  if (c >= 0x30 && c <= 0x39) return 'num';
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ? 'word' : 'punct';
  return LETTER.test(t) ? 'word' : 'punct';
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const scanned = text.slice(0, MAX_SCAN_CHARS);
  for (const m of scanned.matchAll(TOKEN)) {
    const t = m[0];
    const end = m.index + t.length;
    // "10. Februar 20199. Februar 2019", "17/11/201917/11/2019": a theme's published and updated dates, glued by
    // a text rendering; the year ends after its four digits when the day of the next date follows.
    if (t.length > YEAR_DIGITS && t.length <= YEAR_DIGITS + 2 && GLUED_YEAR.test(t) && DAY_CONTINUES.has(scanned.charAt(end))) {
      const split = m.index + YEAR_DIGITS;
      tokens.push({ kind: 'num', text: t.slice(0, YEAR_DIGITS), start: m.index, end: split });
      tokens.push({ kind: 'num', text: t.slice(YEAR_DIGITS), start: split, end });
      continue;
    }
    tokens.push({ kind: tokenKind(t), text: t, start: m.index, end });
  }
  return tokens;
}

/** A year of this century or the last, with one or two more digits glued on. */
const GLUED_YEAR = /^(?:19|20)\d{3,4}$/;
/** What follows a day that opens a date: "9. Februar", "17/11/2019". */
const DAY_CONTINUES: ReadonlySet<string> = new Set(['.', '/']);

/** Ordinal suffixes and articles allowed between day, month and year ("5th", "5 de marzo de", "1er"). */
const DATE_FILLERS = new Set(['st', 'nd', 'rd', 'th', 'er', 'e', 'de', 'del', 'º', 'ª', 'of']);
/** Words allowed between a date and its time (ISO "T", "at", "um", "à", "a las", "alle", "om", "kl"). */
const TIME_FILLERS = new Set(['t', 'at', 'um', 'à', 'a', 'las', 'la', 'alle', 'ore', 'om', 'kl', 'klo', 'às', 'as', 'h', 'в']);
const SEPARATORS = new Set(['-', '/', '.']);
/** Connectors that separate a date from its time; skipped. */
const TIME_PUNCT = new Set([',', '|', '-', '–', '—', '•', '·', '@', '/']);

export interface TextDateOptions {
  now: Date;
  /** Read ambiguous `03/05/2024` as March 5 (US usage) rather than 3 May. */
  monthFirst: boolean;
}

interface DateMatch {
  year: number;
  month: number;
  day: number;
  /** Index of the token after the date. */
  next: number;
  start: number;
}

const isNum = (t: Token | undefined, minLen: number, maxLen: number): t is Token =>
  t !== undefined && t.kind === 'num' && t.text.length >= minLen && t.text.length <= maxLen;
const isPunct = (t: Token | undefined, chars: ReadonlySet<string>): t is Token => t !== undefined && t.kind === 'punct' && chars.has(t.text);
const monthOf = (t: Token | undefined): number | null => (t !== undefined && t.kind === 'word' ? (MONTHS.get(t.text.toLowerCase()) ?? null) : null);

/** Skips fillers (a dot after an abbreviation, ordinal suffixes, "de"). */
function skipDateFillers(tokens: Token[], i: number): number {
  let j = i;
  while (j < tokens.length && j < i + 3) {
    const t = tokens[j];
    if (t === undefined) break;
    if ((t.kind === 'punct' && (t.text === '.' || t.text === ',')) || (t.kind === 'word' && DATE_FILLERS.has(t.text.toLowerCase()))) j++;
    else break;
  }
  return j;
}

function matchDateAt(tokens: Token[], i: number, monthFirst: boolean): DateMatch | null {
  const a = tokens[i];
  if (a === undefined) return null;
  if (a.kind === 'num') {
    const sep1 = tokens[i + 1];
    const b = tokens[i + 2];
    const sep2 = tokens[i + 3];
    const c = tokens[i + 4];
    // Numeric with separators: YYYY-MM-DD, DD.MM.YYYY, MM/DD/YYYY.
    if (isPunct(sep1, SEPARATORS) && isNum(b, 1, 2) && sep2 !== undefined && sep2.text === sep1.text && c !== undefined && c.kind === 'num') {
      if (a.text.length === 4 && c.text.length <= 2) return { year: Number(a.text), month: Number(b.text), day: Number(c.text), next: i + 5, start: a.start };
      if (a.text.length <= 2 && c.text.length === 4) {
        const first = Number(a.text);
        const second = Number(b.text);
        const dayFirst = sep1.text === '.' || first > 12 || (second <= 12 && !monthFirst);
        return dayFirst
          ? { year: Number(c.text), month: second, day: first, next: i + 5, start: a.start }
          : { year: Number(c.text), month: first, day: second, next: i + 5, start: a.start };
      }
    }
    // CJK: 2024年3月5日 / 2024년 3월 5일.
    if (a.text.length === 4 && (sep1?.text === '年' || sep1?.text === '년') && isNum(b, 1, 2) && (sep2?.text === '月' || sep2?.text === '월') && isNum(c, 1, 2)) {
      return { year: Number(a.text), month: Number(b.text), day: Number(c.text), next: i + 6, start: a.start };
    }
    // Day first: "5 March 2024", "5. März 2024", "5 de marzo de 2024", "5th of March, 2024".
    if (a.text.length <= 2) {
      const mi = skipDateFillers(tokens, i + 1);
      const month = monthOf(tokens[mi]);
      if (month !== null) {
        const yi = skipDateFillers(tokens, mi + 1);
        const y = tokens[yi];
        if (isNum(y, 4, 4)) return { year: Number(y.text), month, day: Number(a.text), next: yi + 1, start: a.start };
      }
    }
    return null;
  }
  // Month first: "March 5, 2024", "Mar. 5th 2024".
  const month = monthOf(a);
  if (month !== null) {
    const di = skipDateFillers(tokens, i + 1);
    const d = tokens[di];
    if (isNum(d, 1, 2)) {
      const yi = skipDateFillers(tokens, di + 1);
      const y = tokens[yi];
      if (isNum(y, 4, 4)) return { year: Number(y.text), month, day: Number(d.text), next: yi + 1, start: a.start };
    }
  }
  return null;
}

/** Reads "10:52", "10.52 Uhr", "10:52:07 am", "10h52", then an optional zone ("GMT", "CET", "+0100", "UTC+1"). */
function matchTimeAt(tokens: Token[], from: number): { time: TimeOfDay; offset: number | null } | null {
  let i = from;
  for (let skipped = 0; skipped < MAX_FILLER_BEFORE_TIME; skipped++) {
    const t = tokens[i];
    if (t === undefined) return null;
    if (t.kind === 'num') break;
    if ((t.kind === 'punct' && TIME_PUNCT.has(t.text)) || (t.kind === 'word' && TIME_FILLERS.has(t.text.toLowerCase()))) i++;
    else return null;
  }
  const h = tokens[i];
  const sep = tokens[i + 1];
  const m = tokens[i + 2];
  if (!isNum(h, 1, 2) || sep === undefined || !(sep.text === ':' || sep.text === '.' || sep.text.toLowerCase() === 'h') || !isNum(m, 2, 2)) return null;
  if (sep.start !== h.end || m.start !== sep.end) return null;
  let hour = Number(h.text);
  const minute = Number(m.text);
  let second = 0;
  let j = i + 3;
  const sep2 = tokens[j];
  const s = tokens[j + 1];
  if (sep2?.text === ':' && isNum(s, 2, 2) && sep2.start === m.end) {
    second = Number(s.text);
    j += 2;
  }
  // am / pm, also written "a.m." / "p.m." (tokens a . m .).
  const meridiem = tokens[j]?.text.toLowerCase();
  if (meridiem === 'am' || meridiem === 'pm' || meridiem === 'a' || meridiem === 'p') {
    const isPm = meridiem.startsWith('p');
    if (meridiem.length === 2 || (tokens[j + 1]?.text === '.' && tokens[j + 2]?.text.toLowerCase() === 'm')) {
      if (hour > 12) return null;
      if (isPm && hour < 12) hour += 12;
      if (!isPm && hour === 12) hour = 0;
      j += meridiem.length === 2 ? 1 : 3;
      if (tokens[j]?.text === '.') j++;
    }
  }
  const uhr = tokens[j]?.text.toLowerCase();
  if (uhr === 'uhr' || uhr === 'h') j++;
  // Zone: an abbreviation, optionally followed by a numeric offset ("GMT+1"), or a bare numeric offset.
  let offset: number | null = null;
  const zoneWord = tokens[j];
  if (zoneWord?.kind === 'word' && TIME_ZONES.has(zoneWord.text.toLowerCase())) {
    offset = TIME_ZONES.get(zoneWord.text.toLowerCase()) ?? null;
    j++;
  } else if (zoneWord?.kind === 'punct' && zoneWord.text === '(') {
    const inner = tokens[j + 1];
    if (inner?.kind === 'word' && TIME_ZONES.has(inner.text.toLowerCase())) offset = TIME_ZONES.get(inner.text.toLowerCase()) ?? null;
  }
  const sign = tokens[j];
  const digits = tokens[j + 1];
  if (sign !== undefined && (sign.text === '+' || sign.text === '-') && isNum(digits, 1, 4) && digits.start === sign.end) {
    let minutes: number;
    if (digits.text.length <= 2) {
      minutes = Number(digits.text) * 60;
      const colon = tokens[j + 2];
      const mm = tokens[j + 3];
      if (colon?.text === ':' && isNum(mm, 2, 2) && colon.start === digits.end) minutes += Number(mm.text);
    } else {
      minutes = Number(digits.text.slice(0, -2)) * 60 + Number(digits.text.slice(-2));
    }
    if (minutes <= 14 * 60) offset = (offset ?? 0) + (sign.text === '-' ? -minutes : minutes);
  }
  return { time: { hour, minute, second }, offset };
}

/** The first date (with its time when one follows) in a line of human text, or null. */
export function findDateInText(text: string, options: TextDateOptions): ParsedDate | null {
  const found = findDatesInText(text, options, 1);
  return found[0] ?? null;
}

/**
 * Whether the scanned text holds a run of exactly four digits: every form {@link matchDateAt} reads has its
 * year so, and most lines asked (times, counts, prose) have none, so they are not tokenised. Callers that
 * split a line first and ask {@link findDatesInText} about its parts pass the whole length as `scanChars`.
 */
export function hasYearDigits(text: string, scanChars = MAX_SCAN_CHARS): boolean {
  const end = Math.min(text.length, scanChars);
  let run = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) run++;
    else if (run === YEAR_DIGITS) return true;
    else run = 0;
  }
  return run === YEAR_DIGITS;
}

const YEAR_DIGITS = 4;

/** Up to `limit` dates in order of appearance, each with the character offset where it starts. */
export function findDatesInText(text: string, options: TextDateOptions, limit: number): (ParsedDate & { at: number })[] {
  if (!hasYearDigits(text)) return [];
  const tokens = tokenize(text);
  const out: (ParsedDate & { at: number })[] = [];
  for (let i = 0; i < tokens.length && out.length < limit; i++) {
    const match = matchDateAt(tokens, i, options.monthFirst);
    if (match === null) continue;
    const clock = matchTimeAt(tokens, match.next);
    const date =
      buildDate(match.year, match.month, match.day, clock?.time ?? null, clock?.offset ?? null) ??
      buildDate(match.year, match.month, match.day, null, null);
    if (date !== null && isNotFuture(date, options.now)) {
      out.push({ ...date, at: match.start });
      i = match.next - 1;
    }
  }
  return out;
}

// Date segments in URL paths: /2024/03/05/, /2024-03-05-, /20240305/.
const URL_DATE_PATTERNS: readonly RegExp[] = [
  /\/(\d{4})\/(\d{1,2})\/(\d{1,2})(?:[/_-]|$)/,
  /[/_-](\d{4})-(\d{2})-(\d{2})(?:[/_.-]|$)/,
  /\/(\d{4})(\d{2})(\d{2})(?:[/_.-]|$)/,
];

/** The publication day printed in a URL path, as the last resort for `published`. */
export function dateFromUrl(url: string, now: Date): ParsedDate | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  for (const pattern of URL_DATE_PATTERNS) {
    const m = pattern.exec(path);
    if (!m) continue;
    const date = buildDate(Number(m[1]), Number(m[2]), Number(m[3]), null, null);
    if (date !== null && isNotFuture(date, now)) return date;
  }
  return null;
}

/** Whether the words just before a date say it is an update ("Updated", "Aktualisiert am"). */
export function announcesModified(textBeforeDate: string): boolean {
  const words = textBeforeDate.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean);
  const tail = words.slice(-4);
  for (let n = 1; n <= 3; n++) {
    for (let i = 0; i + n <= tail.length; i++) {
      if (MODIFIED_MARKERS.has(tail.slice(i, i + n).join(' '))) return true;
    }
  }
  return false;
}
