/**
 * Author names from credit text: "By JANE DOE and John Roe, Political Correspondent",
 * "Von Max Mustermann, dpa", "Par Jean Dupont et Marie Curie", "Reporting by A; Editing by B".
 * Produces clean person names: no prefixes, job titles, dates, e-mails, URLs, handles or desks.
 */
import {
  AUTHOR_CONNECTORS,
  BYLINE_PREFIXES,
  GENERIC_CREDITS,
  HONORIFICS,
  JOB_TITLE_WORDS,
  MID_LINE_CREDIT_OPENINGS,
  MONTHS,
  NEWS_AGENCIES,
  NON_AUTHOR_CREDIT_ROLES,
  OUTLET_WORDS,
} from '../../rules/meta-names.js';
import { ENTRY_META_COMMENT_SEGMENT } from '../../rules/text-patterns.js';
import { isPlaceholder } from './meta-tags.js';
import { collapseSpaces, isAsciiSpace, spaceSeparatedWords } from '../chars.js';
import { findDatesInText, hasYearDigits } from './date.js';

/** Dates are only located here, not judged: any date counts. */
const FAR_FUTURE = new Date(Date.UTC(2200, 0, 1));

/** How much to trust the text as a credit, which decides how strict the name checks are. */
export type CreditTrust =
  /** JSON-LD and `<meta>`: declared as the author; only junk is removed. */
  | 'declared'
  /** An element marked as a byline (class, `rel=author`, `itemprop=author`): names must look like names. */
  | 'element'
  /** A block of page text: the credit must open with "By"/"Von"/… and each name have two capitalised words. */
  | 'text';

/** Longer credits are prose, not bylines. */
const MAX_CREDIT_CHARS = 300;
/** A name has at most this many words ("Maria de la Cruz Fernández García" has 6). */
const MAX_NAME_WORDS = 6;
const MAX_NAME_CHARS = 70;

/** Lowercase words that may sit inside a name ("Ursula von der Leyen", "Maria da Silva"). */
const NAME_PARTICLES = new Set([
  'van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'das', 'dos', 'do', 'du', 'la', 'le', 'y', 'bin', 'ibn', 'al', 'el',
  'ter', 'ten', 'zu', 'zum', 'af', 'av', 'st', 'e', 'i', 'mac', "d'", 'dit', 'ben', 'bint', 'abu', 'op',
]);

/** Words after which the rest of a credit is place or outlet ("Jane Doe in London", "… for The Times"). */
const TRAILING_CONTEXT_WORDS = new Set(['in', 'for', 'at', 'aus', 'from', 'with', 'à', 'reporting', 'contributed', 'is', 'was', 'who']);

/** A credit label glued to the name ("AuthorJane Doe") is recognised only for labels this long, not "Di" + "Maio". */
const MIN_GLUED_PREFIX_CHARS = 4;

/** Degrees written after a name ("Brenda Roe, MA"), split off as a piece of their own. Lowercased, without dots. */
const ACADEMIC_DEGREES = new Set(['ma', 'md', 'phd', 'msc', 'bsc', 'ba', 'bs', 'ms', 'mph', 'rn', 'mba', 'jd', 'dds', 'do', 'llm', 'mfa', 'dr', 'prof']);

/** Credit openings sorted longest first so "reporting by" wins over "by". */
const PREFIXES_LONGEST_FIRST = [...BYLINE_PREFIXES].sort((a, b) => b.length - a.length);

/** The same openings grouped by their first character, longest first within each: a text is compared only with those it could open with. */
const PREFIXES_BY_FIRST_CHAR: ReadonlyMap<string, readonly string[]> = (() => {
  const table = new Map<string, string[]>();
  for (const prefix of PREFIXES_LONGEST_FIRST) {
    if (prefix.length === 0) throw new Error('byline: an empty credit opening would match every text');
    const list = table.get(prefix.charAt(0));
    if (list === undefined) table.set(prefix.charAt(0), [prefix]);
    else list.push(prefix);
  }
  return table;
})();

/** Characters trimmed around a name (a trailing dot is kept: "John Q."). */
const EDGE_CHARS = new Set([...' \u00a0"“”„«»‹›\'‘’()[]{}<>:;,|/\\•·*–—-?¿']);

/** Trims edge punctuation without a regex, so the cost stays linear whatever the input. */
function trimEdges(text: string, alsoLeadingDot = true): string {
  let start = 0;
  let end = text.length;
  while (start < end && (EDGE_CHARS.has(text.charAt(start)) || (alsoLeadingDot && text.charAt(start) === '.'))) start++;
  while (end > start && EDGE_CHARS.has(text.charAt(end - 1))) end--;
  return text.slice(start, end);
}

/** ASCII has no marks to strip and no letters or digits but `[a-z0-9]` once lowercased. */
const ASCII_ONLY = /^[\x00-\x7f]*$/;

const foldKey = (name: string): string =>
  ASCII_ONLY.test(name)
    ? name.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()
    : name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Case- and diacritic-insensitive identity of a name, for de-duplication. */
export function nameKey(name: string): string {
  return foldKey(name);
}

export function isAgency(name: string): boolean {
  return NEWS_AGENCIES.has(foldKey(name)) || NEWS_AGENCIES.has(name.toLowerCase());
}

/** Whether a word of the name is an outlet's ("Local News", "Harbor Times"): a desk or a paper, not a person. */
function holdsOutletWord(name: string): boolean {
  return name.split(' ').some((w) => OUTLET_WORDS.has(w.toLowerCase()));
}

/** An agency or an outlet: what an unlabelled credit line names when it names no person. */
export function isOrganisationName(name: string): boolean {
  return isAgency(name) || holdsOutletWord(name);
}

function hasLatinLetters(text: string): boolean {
  return /\p{Script=Latin}/u.test(text);
}

/** "JANE O'NEIL-SMITH" → "Jane O'Neil-Smith"; other casing is left as written. */
function fixShouting(name: string): string {
  const letters = name.replace(/[^\p{L}]/gu, '');
  if (letters.length < 4 || letters !== letters.toUpperCase() || letters === letters.toLowerCase()) return name;
  return name.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_m, before: string, letter: string) => before + letter.toUpperCase());
}

/** Removes a credit opening ("By", "Von:", "Written by", "Author:"), returning whether one was there. */
export function stripCreditPrefix(text: string): { rest: string; hadPrefix: boolean } {
  const lower = text.toLowerCase();
  for (const prefix of PREFIXES_BY_FIRST_CHAR.get(lower.charAt(0)) ?? []) {
    if (!lower.startsWith(prefix)) continue;
    const next = text.charAt(prefix.length);
    // "AuthorAndreas Kalt": a label glued to the name by markup that had no space between them.
    const glued = prefix.length >= MIN_GLUED_PREFIX_CHARS && /^\p{Lu}/u.test(text) && /^\p{Lu}\p{Ll}/u.test(text.slice(prefix.length));
    // "ByJane Doe", "ByJ.R. Stone": a browser's innerText of "<span>By</span><a>Jane Doe</a>"; a capital B and a
    // small y before a capital, which no English word has.
    const gluedBy = prefix === 'by' && text.startsWith('By') && /^\p{Lu}/u.test(text.slice(2));
    if (!glued && !gluedBy && next !== '' && next !== ' ' && next !== ':' && next !== '\u00a0' && next !== '.') continue;
    const rest = text.slice(prefix.length).replace(/^[\s:.\u00a0]+/, '');
    return { rest, hadPrefix: true };
  }
  return { rest: text, hadPrefix: false };
}

/** Words that introduce a date ("Published on", "am", "le", "Updated"), and weekdays, dropped once the date is cut. */
const DATE_INTRO_WORDS = new Set([
  'on', 'am', 'le', 'el', 'il', 'op', 'den', 'at', 'um', 'às', 'alle', 'ore', 'published', 'updated', 'posted', 'veröffentlicht', 'aktualisiert', 'publié',
  'publicado', 'pubblicato', 'actualizado', 'last', 'zuletzt', 'mis', 'à', 'jour', 'stand',
  'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'mo', 'di', 'mi', 'do', 'fr', 'sa', 'so', 'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonntag',
  'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes',
  'sábado', 'domingo',
]);

/**
 * Where digits start something other than the name: a digit run that opens a word ("Jane Doe 5 May"),
 * or one glued to a name but followed by more text ("Jane Doe4 Comments"). A handle ending in digits
 * ("freeman1984", "Bo2man") is left whole.
 */
function firstForeignDigit(text: string): number {
  for (let i = 0; i < text.length; i++) {
    if (!/\d/.test(text.charAt(i))) continue;
    let end = i;
    while (end < text.length && /\d/.test(text.charAt(end))) end++;
    const before = i === 0 ? '' : text.charAt(i - 1);
    const after = text.charAt(end);
    if (before === '' || !/\p{L}/u.test(before) || (after !== '' && !/\p{L}/u.test(after))) return i;
    i = end;
  }
  return -1;
}

function isCalendarWord(word: string): boolean {
  const w = word.toLowerCase().replace(/[.,:]$/, '');
  return MONTHS.has(w) || (DATE_INTRO_WORDS.has(w) && w.length > 3);
}

/** Cuts a credit where a date or a time stamp begins. */
function cutAtDate(text: string): string {
  // Every date has a digit: without one there is nothing to cut.
  if (!/\d/.test(text)) return text;
  const digitAt = firstForeignDigit(text);
  // A date that opens with a month name ("March 5, 2024") starts before its first digit.
  const date = findDatesInText(text, { now: FAR_FUTURE, monthFirst: false }, 1)[0];
  const cut = date !== undefined && (digitAt === -1 || date.at < digitAt) ? date.at : digitAt;
  if (cut === -1) return text;
  const words = trimEdges(text.slice(0, cut)).split(' ');
  while (words.length > 0 && DATE_INTRO_WORDS.has(trimEdges(words[words.length - 1] ?? '').toLowerCase().replace(/\.$/, ''))) words.pop();
  return words.join(' ');
}

/** A piece of a credit and the separator that came before it (`null` for the first piece). */
interface CreditPiece {
  text: string;
  after: ',' | '/' | ';' | 'and' | null;
}

function splitNames(text: string): CreditPiece[] {
  const pieces: CreditPiece[] = [];
  let current: string[] = [];
  let after: CreditPiece['after'] = null;
  const flush = (next: CreditPiece['after']): void => {
    if (current.length > 0) pieces.push({ text: current.join(' '), after });
    current = [];
    after = next;
  };
  for (const rawWord of text.split(/\s+/)) {
    if (rawWord.length === 0) continue;
    // Commas and slashes separate names ("A, B", "Jane Doe/AP"); they can be glued to a word.
    const parts = rawWord.split(/([,/;])/);
    for (const part of parts) {
      if (part === ',' || part === '/' || part === ';') {
        flush(part);
        continue;
      }
      if (part.length === 0) continue;
      if (AUTHOR_CONNECTORS.has(part.toLowerCase())) {
        flush('and');
        continue;
      }
      current.push(part);
    }
  }
  flush(null);
  return pieces;
}

/** Removes e-mails, URLs and @handles, which sit next to names in bylines. */
function dropContactWords(name: string): string {
  return name
    .split(/\s+/)
    .map((w) => (w.includes('/') && !URL_START.test(w) ? w.split('/').filter((part) => !isContactWord(part)).join('/') : w))
    .filter((w) => w.length > 0 && !isContactWord(w))
    .join(' ');
}

const URL_START = /https?:|^\W*www\./i;

function isContactWord(word: string): boolean {
  return word.includes('@') || URL_START.test(word) || /\.(?:com|org|net|de|fr|uk)\b/i.test(word);
}

function dropTrailingContext(name: string): string {
  const words = name.split(/\s+/);
  const cut = words.findIndex((w, i) => i > 0 && TRAILING_CONTEXT_WORDS.has(w.toLowerCase()));
  return cut === -1 ? name : words.slice(0, cut).join(' ');
}

function dropHonorifics(name: string): string {
  const words = name.split(/\s+/);
  while (words.length > 1 && HONORIFICS.has((words[0] ?? '').toLowerCase().replace(/\.$/, ''))) words.shift();
  return words.join(' ');
}

function looksCapitalised(name: string): boolean {
  const words = name.split(/\s+/);
  return words.every((w, i) => {
    const first = w.charAt(0);
    if (first === first.toUpperCase() && first !== first.toLowerCase()) return true;
    // Particles are fine inside a name, not as its first word.
    return i > 0 && NAME_PARTICLES.has(w.toLowerCase());
  });
}

/** An agency credit this short is an acronym. */
const MAX_ACRONYM_CHARS = 4;

/** "NBC's Jane Doe", "NBC News' Jane Doe": the outlet's possessive before a name. */
const POSSESSIVE_WORD = /^\S+(?:['’]s|s['’])$/iu;
/** The outlet's name before its possessive has at most this many words ("CBS News'"). */
const MAX_POSSESSIVE_OUTLET_WORDS = 2;

function dropLeadingPossessive(name: string): string {
  const words = name.split(' ');
  for (let k = 0; k < MAX_POSSESSIVE_OUTLET_WORDS; k++) {
    if (words.length - k - 1 >= 2 && POSSESSIVE_WORD.test(words[k] ?? '')) return words.slice(k + 1).join(' ');
  }
  return name;
}

/** A job title's word ("Editor", "correspondent,"), case and a trailing stop or comma aside. */
function isJobTitleWord(word: string): boolean {
  return JOB_TITLE_WORDS.has(word.toLowerCase().replace(/[.,]$/, ''));
}

/** Agency names run to at most this many words ("Press Trust of India"). */
const MAX_AGENCY_WORDS = 4;

/**
 * "JOSEPH WHITE AP Sports Writer", "TOM CANAVAN ASSOCIATED PRESS": a name run on into an agency or a job title
 * without a comma. Cut where that begins, when two words of name come before it; a short agency acronym
 * counts only in capitals ("AP", not "Ap").
 */
function cutAtAgencyOrJob(name: string): string {
  const words = name.split(' ');
  for (let k = 2; k < words.length; k++) {
    const word = words[k] ?? '';
    if (isJobTitleWord(word)) return words.slice(0, k).join(' ');
    for (let n = Math.min(MAX_AGENCY_WORDS, words.length - k); n >= 1; n--) {
      const run = words.slice(k, k + n).join(' ');
      if (!isAgency(run)) continue;
      if (run.length <= MAX_ACRONYM_CHARS && run !== run.toUpperCase()) continue;
      return words.slice(0, k).join(' ');
    }
  }
  return name;
}

/** One name cleaned, or null when what is left is not a person (or an agency). */
export function cleanAuthorName(raw: string, trust: CreditTrust): string | null {
  // A declared credit is a name as given ("Organization for Transformative Works", which cut leaves one word),
  // but a person may come with the outlet ("Jane Doe For The Sunday Ledger").
  if (trust === 'declared') {
    const cut = cleanName(raw, trust, true);
    return cut !== null && cut.split(' ').length >= 2 ? cut : cleanName(raw, trust, false);
  }
  return cleanName(raw, trust, true);
}

function cleanName(raw: string, trust: CreditTrust, cutContext: boolean): string | null {
  let name = raw.replace(/\s+/g, ' ').trim();
  name = dropContactWords(name);
  // Text may run on after the name ("… in Paris", "… for The Times").
  if (cutContext) name = dropTrailingContext(name);
  name = dropLeadingPossessive(trimEdges(name));
  name = trimEdges(name);
  name = dropHonorifics(name);
  name = trimEdges(cutAtAgencyOrJob(name));
  // "By Jane Turner.": a sentence's period after a surname. An initial's ("J."), an abbreviation's ("Jr.", "Ltd.") and a
  // lone word's ("red." for an editorial desk) stay.
  const lastWord = name.slice(name.lastIndexOf(' ') + 1);
  if (name.includes(' ') && SURNAME_WITH_PERIOD.test(lastWord) && !PERIOD_ABBREVIATIONS.has(lastWord.slice(0, -1).toLowerCase())) name = name.slice(0, -1);
  if (name.length < 2 || name.length > MAX_NAME_CHARS) return null;
  if (isPlaceholder(name)) return null;
  const words0 = name.split(/\s+/);
  // Digits mean a date or a count, except in a lone handle-like credit from markup ("freeman1984").
  if (/\d/.test(name) && (trust === 'text' || words0.length > 1 || !/\p{L}{2}/u.test(name))) return null;
  const key = foldKey(name);
  if (key.length === 0 || GENERIC_CREDITS.has(key) || GENERIC_CREDITS.has(name.toLowerCase())) return null;
  // Agency acronyms stay as printed ("WENN"); longer names lose their shouting ("REUTERS").
  if (isAgency(name)) return name.length <= MAX_ACRONYM_CHARS ? name : fixShouting(name);
  const words = name.split(/\s+/);
  if (words.length > MAX_NAME_WORDS) return null;
  // "AP Business", "AFP Sport": an agency's desk, not a person.
  if (words.length > 1 && isAgency(words[0] ?? '') && (words[0] ?? '') === (words[0] ?? '').toUpperCase()) return null;
  if (words.some(isJobTitleWord)) return null;
  if (words.length === 1 && ACADEMIC_DEGREES.has(name.toLowerCase().replace(/\./g, ''))) return null;
  // Two capitals from page markup are initials or a licence tag ("CC"), not a credit.
  if (trust !== 'declared' && /^\p{Lu}{1,2}$/u.test(name)) return null;
  name = fixShouting(name);
  // "Thursday Jan", "Mai Juni": calendar words, not a name.
  if (words.every((w) => isCalendarWord(w))) return null;
  if (trust === 'text' && hasLatinLetters(name) && (!looksCapitalised(name) || words.length < 2)) return null;
  // Marked byline elements may hold a lowercase user name ("gizzmo"), but not a lowercase phrase.
  if (trust === 'element' && hasLatinLetters(name) && words.length > 1 && !looksCapitalised(name)) return null;
  return name;
}

/** "Photo by …", "Edited by …": a credit, but not the author's. */
const NON_AUTHOR_ROLE_WORDS = new Set([
  'photo', 'photos', 'photograph', 'photography', 'image', 'images', 'foto', 'fotos', 'bild', 'bilder', 'illustration', 'graphic',
  'graphics', 'video', 'edited', 'editing', 'translated', 'translation', 'produced', 'design', 'designed', 'cover', 'map', 'chart',
]);

/** Mid-line openings only count in short lines: in prose "by" and "author" are ordinary words. */
const MAX_MID_LINE_CREDIT_WORDS = 15;
const MID_LINE_OPENINGS_LONGEST_FIRST = [...MID_LINE_CREDIT_OPENINGS].sort((a, b) => b.length - a.length);

/**
 * A credit opening inside a short line, as text renderings glue them: "Posted on 28 July 2019AuthorJane Doe",
 * "Post author By Jane Doe". Returns the text after the earliest opening.
 */
function findMidLineCredit(segment: string): { rest: string; hadPrefix: boolean } | null {
  if (segment.split(' ').length > MAX_MID_LINE_CREDIT_WORDS) return null;
  const lower = segment.toLowerCase();
  let best: { at: number; length: number } | null = null;
  for (const opening of MID_LINE_OPENINGS_LONGEST_FIRST) {
    let at = lower.indexOf(opening);
    while (at !== -1) {
      const before = at === 0 ? '' : segment.charAt(at - 1);
      const after = segment.slice(at + opening.length);
      const startsWord = before === '' || !/\p{L}/u.test(before) || (/\p{Ll}/u.test(before) && /^\p{Lu}/u.test(segment.charAt(at)));
      const endsWord = after === '' || /^[\s:.\u00a0]/u.test(after) || /^\p{Lu}\p{Ll}/u.test(after);
      const previousWord = lower.slice(0, at).trimEnd().split(/[^\p{L}]+/u).pop() ?? '';
      if (startsWord && endsWord && !NON_AUTHOR_ROLE_WORDS.has(previousWord)) {
        if (best === null || at < best.at) best = { at, length: opening.length };
        break;
      }
      at = lower.indexOf(opening, at + 1);
    }
  }
  if (best === null) return null;
  return { rest: segment.slice(best.at + best.length).replace(/^[\s:.\u00a0]+/u, ''), hadPrefix: true };
}

/**
 * "(Montclair, correspondante)", "(London)": where or as what the person writes, in brackets after the name (the
 * closing one may be trimmed off with the line's edge); {@link dropBracketedContext} keeps brackets inside a name
 * ("Bruno (Henrique Zecchin) Rodrigues"). No leading `\s*`: it made the scan quadratic on runs of spaces, and
 * splitNames drops the spaces left behind.
 */
const BRACKETED = /\([^()]*(?:\)|$)/g;
/** What may follow bracketed context: the end, a separator or a connector before the next name. */
const AFTER_CONTEXT = /^\s*(?:$|[,;|/]|(?:and|und|et|y|e)\s)/u;

function dropBracketedContext(text: string): string {
  return text.replace(BRACKETED, (bracket: string, at: number) => (AFTER_CONTEXT.test(text.slice(at + bracket.length)) ? '' : bracket));
}

/** Whether the credit piece ends in a job title ("Consumer Affairs Editor"), which cleaning would cut off. */
function endsInJobTitle(piece: string): boolean {
  const words = piece.trim().split(/\s+/);
  return isJobTitleWord(words[words.length - 1] ?? '');
}

/** "CarverTransport": a word of four small letters or more glued to a capitalised one, where markup set two spans side by side. */
const GLUED_WORDS = /(\p{Lu}\p{Ll}{4,})(\p{Lu}\p{Ll}[^,;|]*)/gu;

/** "Helen CarverTransport correspondent" → "Helen Carver, Transport correspondent": split only where a job title follows. */
function unglueJobTitle(text: string): string {
  return text.replace(GLUED_WORDS, (whole: string, name: string, rest: string) => (endsInJobTitle(rest) ? `${name}, ${rest}` : whole));
}

/** A surname of three letters or more closed by a period: the period is the sentence's. */
const SURNAME_WITH_PERIOD = /^\p{L}{3,}\.$/u;
/** Words of three letters or more that end a credit with their own period. */
const PERIOD_ABBREVIATIONS: ReadonlySet<string> = new Set(['ltd', 'inc', 'corp', 'bros', 'red', 'gmbh', 'etc', 'esq', 'sen', 'jun', 'dept', 'rep', 'gov', 'col', 'gen', 'sgt', 'capt']);

function namesAfter(rest: string, trust: CreditTrust): string[] {
  const names: string[] = [];
  let previousWords = 0;
  for (const piece of splitNames(dropContactWords(cutAtDate(unglueJobTitle(dropBracketedContext(rest)))))) {
    const name = cleanAuthorName(piece.text, trust);
    const words = name === null ? 0 : name.split(' ').length;
    // "Jane Doe, London": one word after a comma that follows a full name is the place she files from;
    // "Jane Doe, BBC News": a part with an outlet's word there is where she works;
    // "Jane Doe, Consumer Affairs Editor": a part ending in a job title is her desk.
    const afterName = (piece.after === ',' || piece.after === '/') && previousWords >= 2 && name !== null && !isAgency(name);
    const place = afterName && ((words === 1 && piece.after === ',') || holdsOutletWord(name) || endsInJobTitle(piece.text));
    if (name === null || place) continue;
    names.push(name);
    previousWords = words;
  }
  return names;
}

/** Roles grouped by their first character: a text is compared only with the roles it could open with. */
function rolesByFirstChar(roles: readonly string[]): ReadonlyMap<string, readonly string[]> {
  const table = new Map<string, string[]>();
  for (const role of roles) {
    if (role.length === 0) throw new Error('byline: an empty non-author role would match every text');
    const first = role.charAt(0);
    const list = table.get(first);
    if (list === undefined) table.set(first, [role]);
    else list.push(role);
  }
  return table;
}

const NON_AUTHOR_ROLES_BY_FIRST_CHAR = rolesByFirstChar(NON_AUTHOR_CREDIT_ROLES);

/** Whether the lowercased text opens with a non-author role ("photos by", "editor:"). */
function opensWithNonAuthorRole(lower: string): boolean {
  const roles = NON_AUTHOR_ROLES_BY_FIRST_CHAR.get(lower.charAt(0));
  return roles !== undefined && roles.some((role) => lower.startsWith(role));
}

/** Non-author roles that end in "by" ("Edited by", "Photos by"): safe to find inside a line, before a name. */
const INLINE_ROLES_BY_FIRST_CHAR = rolesByFirstChar(NON_AUTHOR_CREDIT_ROLES.filter((role) => role.endsWith(' by')));

/** Puts a line break before each inline non-author role that follows other text, so it becomes its own group. */
function splitBeforeRoles(text: string): string {
  const lower = text.toLowerCase();
  let out = '';
  let from = 0;
  for (let i = 1; i < text.length; i++) {
    if (text.charAt(i - 1) !== ' ') continue;
    const role = INLINE_ROLES_BY_FIRST_CHAR.get(lower.charAt(i))?.find((r) => lower.startsWith(r, i) && text.charAt(i + r.length) === ' ');
    if (role === undefined) continue;
    out += text.slice(from, i) + '\n';
    from = i;
  }
  return out + text.slice(from);
}

/**
 * Between credit groups: "By A | 5 March", "A • Staff writer", "A » More by this author" ("?" where a page's "»" lost its
 * encoding). As a pattern, `/ ?(?:[;|•·»]| [–—?-] ) ?/`; {@link splitCreditGroups} matches it by hand.
 */
const isGroupMark = (c: number): boolean => c === 0x3b || c === 0x7c || c === 0x2022 || c === 0xb7 || c === 0xbb;
const isGroupDash = (c: number): boolean => c === 0x2013 || c === 0x2014 || c === 0x3f || c === 0x2d;
const SPACE = 0x20;

/** Splits a credit line into clean names. Non-author roles ("Editing by", "Photos:") are skipped. */
export function parseCredit(text: string, trust: CreditTrust): { names: string[]; hadPrefix: boolean } {
  if (trust === 'element' && text.includes('\n')) return parseElementLines(text);
  // "Publiziert am 13. Januar 2014 von jdoe": the theme's phrase is read past its date (cut at the date, the line
  // would leave the verb), and what follows it like any credit ("… by Jane Doe, John Roe").
  if (trust !== 'declared') {
    const rest = publishedByRest(text);
    const names = rest === null ? [] : namesAfter(rest, 'element');
    if (names.length > 0) return { names, hadPrefix: true };
  }
  const names: string[] = [];
  let hadPrefix = false;
  // Prose: page text without a credit opening, too long for a credit inside a line. Most blocks end here.
  if (trust === 'text' && !stripCreditPrefix(text.trimStart()).hadPrefix && text.split(/\s+/).length > MAX_MID_LINE_CREDIT_WORDS) {
    return { names, hadPrefix };
  }
  // Credit groups: lines, then "Reporting by A; Editing by B", "By A | 5 March 2024", "A • Staff writer";
  // "Written by A Edited by B" has no separator before the editor's credit, so one is put there.
  for (const rawSegment of creditSegments(text)) {
    const segment = trimEdges(rawSegment);
    if (segment.length === 0) continue;
    const lower = segment.toLowerCase();
    // "By jdoe | Leave a comment", "von Jane Doe · 3 Kommentare": the theme's link to the comments names nobody.
    if (opensWithNonAuthorRole(lower) || ENTRY_META_COMMENT_SEGMENT.test(lower)) continue;
    const stripped = stripCreditPrefix(segment);
    let found = namesAfter(stripped.rest, trust);
    hadPrefix ||= stripped.hadPrefix;
    // "Posted on 28 July 2019 · Author Jane Doe": the opening word led nowhere; look for a credit further on.
    if (found.length === 0 && trust !== 'declared') {
      const mid = findMidLineCredit(segment);
      if (mid !== null) {
        found = namesAfter(mid.rest, trust);
        hadPrefix ||= found.length > 0;
      }
    }
    names.push(...found);
  }
  return { names, hadPrefix };
}

/** Credit groups: lines, then "Reporting by A; Editing by B", "By A | 5 March 2024", "A • Staff writer". */
function creditSegments(text: string): string[] {
  const segments: string[] = [];
  for (const line of splitBeforeRoles(text.slice(0, MAX_CREDIT_CHARS)).split('\n')) splitCreditGroups(collapseSpaces(line), segments);
  return segments;
}

/**
 * Appends the pieces of `line.split(/ ?(?:[;|•·»]| [–—?-] ) ?/)` to `out`, scanned by hand: a regex split was most of
 * the cost of reading a credit. The line is collapsed (single spaces, none at its ends), so a space before a mark or
 * dash is the only one there, and at most one follows it.
 */
function splitCreditGroups(line: string, out: string[]): void {
  let from = 0;
  for (let at = 0; at < line.length; at++) {
    const c = line.charCodeAt(at);
    let end = -1;
    if (isGroupMark(c)) end = at + 1;
    else if (c === SPACE && isGroupMark(line.charCodeAt(at + 1))) end = at + 2;
    else if (c === SPACE && isGroupDash(line.charCodeAt(at + 1)) && line.charCodeAt(at + 2) === SPACE) end = at + 3;
    if (end === -1) continue;
    if (line.charCodeAt(end) === SPACE) end++;
    out.push(line.slice(from, at));
    from = end;
    at = end - 1;
  }
  out.push(line.slice(from));
}

/**
 * Whether {@link parseCredit} could find a credit opening in the text (its `hadPrefix`): some segment
 * starts with one or holds one mid-line. Callers that take only prefixed credits skip the full parse
 * (names, dates, contact words) of the many head lines where it cannot.
 */
export function mayHaveCreditPrefix(text: string): boolean {
  if (!mayHoldOpening(text)) return false;
  for (const rawSegment of creditSegments(text)) {
    const segment = trimEdges(rawSegment);
    if (segment.length === 0) continue;
    const lower = segment.toLowerCase();
    if (opensWithNonAuthorRole(lower)) continue;
    if (stripCreditPrefix(segment).hadPrefix || findMidLineCredit(segment) !== null) return true;
  }
  return false;
}

/** Every credit opening either check looks for, by the code of its first character (all below 256): the pre-check's table. */
const OPENINGS_BY_FIRST_CHAR: readonly (readonly string[] | undefined)[] = (() => {
  const table: string[][] = [];
  for (const opening of new Set([...PREFIXES_LONGEST_FIRST, ...MID_LINE_OPENINGS_LONGEST_FIRST])) {
    // The in-place ASCII scan matches a space in an opening against a whole run of whitespace, never at its start.
    if (opening.startsWith(' ') || opening.includes('  ') || /[^\S ]/.test(opening)) throw new Error(`credit opening "${opening}" must have single spaces inside only`);
    const first = opening.charCodeAt(0);
    if (first >= 256) throw new Error(`credit opening "${opening}" starts beyond Latin-1: the pre-check's table misses it`);
    (table[first] ??= []).push(opening);
  }
  return table;
})();

const LETTER = /\p{L}/u;
const UPPERCASE = /\p{Lu}/u;

/** `\p{L}` for one code unit, without the regex for ASCII. */
function isLetterCode(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  return LETTER.test(text.charAt(i));
}

/** `\p{Lu}` for one code unit, without the regex for ASCII. */
function isUppercaseCode(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  return UPPERCASE.test(text.charAt(i));
}

/**
 * A cheap over-approximation of {@link mayHaveCreditPrefix}, one pass over the text: some opening stands as
 * a word there (or is glued to words in capitals: "2019AuthorJane"). Every segment the full check reads is a
 * stretch of the whitespace-collapsed text that starts and ends beside a non-letter, so where this finds no
 * opening, neither does it.
 */
function mayHoldOpening(text: string): boolean {
  const end = Math.min(text.length, MAX_CREDIT_CHARS);
  if (isAsciiUpTo(text, end)) return asciiMayHoldOpening(text, end);
  const head = text.slice(0, MAX_CREDIT_CHARS).replace(/\s+/g, ' ');
  const lower = head.toLowerCase();
  // Lowercasing that changes the length ("İ") would misalign the two: the full check decides.
  if (lower.length !== head.length) return true;
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    const openings = code < 256 ? OPENINGS_BY_FIRST_CHAR[code] : undefined;
    if (openings === undefined) continue;
    if (i > 0 && isLetterCode(head, i - 1) && !isUppercaseCode(head, i)) continue;
    for (const opening of openings) {
      if (!lower.startsWith(opening, i)) continue;
      // Both checks want the opening to end a word, or a capital to follow it ("AuthorJane").
      const end = i + opening.length;
      if (end >= head.length || !isLetterCode(head, end) || isUppercaseCode(head, end)) return true;
    }
  }
  return false;
}

function isAsciiUpTo(text: string, end: number): boolean {
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) >= 0x80) return false;
  return true;
}

/**
 * {@link mayHoldOpening} of ASCII text read in place, without the collapsed and lowercased copies: a space in an
 * opening matches a run of whitespace, as it matches the one space the run collapses to, and letters match
 * case-insensitively.
 */
function asciiMayHoldOpening(text: string, end: number): boolean {
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    const openings = OPENINGS_BY_FIRST_CHAR[c >= 0x41 && c <= 0x5a ? c | 0x20 : c];
    if (openings === undefined) continue;
    if (i > 0 && isLetterCode(text, i - 1) && !isUppercaseCode(text, i)) continue;
    for (const opening of openings) {
      const after = asciiOpeningEnd(text, i, end, opening);
      if (after === -1) continue;
      if (after >= end || !isLetterCode(text, after) || isUppercaseCode(text, after)) return true;
    }
  }
  return false;
}

/** Where `opening` (lowercase, single spaces) ends when it stands at `at` in the ASCII text, or -1. */
function asciiOpeningEnd(text: string, at: number, end: number, opening: string): number {
  let j = at;
  for (let k = 0; k < opening.length; k++) {
    if (j >= end) return -1;
    const c = text.charCodeAt(j);
    const o = opening.charCodeAt(k);
    if (o === 0x20) {
      if (!isAsciiSpace(c)) return -1;
      while (j < end && isAsciiSpace(text.charCodeAt(j))) j++;
      continue;
    }
    if ((c >= 0x41 && c <= 0x5a ? c | 0x20 : c) !== o) return -1;
    j++;
  }
  return j;
}

/**
 * A marked element's lines ("By JANE DOE" / "THE DAILY LEDGER", an account menu's "Sign in" / "My Account"):
 * the first line that names someone is the credit; a later line adds names only when it opens with a credit
 * label of its own ("By …", "and …"), else it is the desk, the outlet or the menu.
 */
function parseElementLines(text: string): { names: string[]; hadPrefix: boolean } {
  const names: string[] = [];
  let hadPrefix = false;
  for (const line of text.split('\n')) {
    const parsed = parseCredit(line, 'element');
    if (parsed.names.length === 0) {
      if (names.length === 0 && opensWithNonAuthorRole(line.toLowerCase())) return { names, hadPrefix };
      continue;
    }
    if (names.length > 0 && !parsed.hadPrefix && !AUTHOR_CONNECTORS.has(line.split(' ')[0]?.toLowerCase() ?? '')) break;
    names.push(...parsed.names);
    hadPrefix ||= parsed.hadPrefix;
  }
  return { names, hadPrefix };
}

/** A date line that names someone is short: the date, maybe a time, and the name. */
const MAX_DATED_CREDIT_WORDS = 10;
/** Words a date segment may carry besides the date ("13:10 Uhr", "am", "Mo."). */
const MAX_DATE_SEGMENT_OTHER_WORDS = 2;

function isDateSegment(segment: string): boolean {
  const date = findDatesInText(segment, { now: FAR_FUTURE, monthFirst: false }, 1)[0];
  if (date === undefined) return false;
  const others = segment.split(/\s+/).filter((w) => /\p{L}/u.test(w) && !/\d/.test(w));
  return others.length <= MAX_DATE_SEGMENT_OTHER_WORDS;
}

/**
 * "11.12.2019 – Jane Doe", "04.02.2022 | 13:10 Uhr | Jane Doe": a short line of a date and a name credits
 * the name without a label. Weaker than a labelled credit, so callers try it last; outlet names and
 * date words ("Thursday Jan") are not taken.
 */
export function datedLineCredit(text: string): string[] {
  // Long lines are rejected after a few words (the split counts at least as many pieces as there are words); a date
  // segment has a year's four digits, which splitting into segments never cuts: most short lines have none.
  if (spaceSeparatedWords(text, MAX_DATED_CREDIT_WORDS + 1) > MAX_DATED_CREDIT_WORDS) return [];
  if (!hasYearDigits(text, text.length) || text.split(/\s+/).length > MAX_DATED_CREDIT_WORDS) return [];
  const segments = text.replace(/\s+/g, ' ').trim().split(/ ?(?:[;|•·]| [–—-] ) ?/).map((s) => trimEdges(s)).filter((s) => s.length > 0);
  if (segments.length < 2 || !segments.some(isDateSegment)) {
    // "22. Dezember 2019 von Jane Doe", "3 March 2024 by Jane Doe | 4 Comments": the date and the name joined in the first segment.
    const joined = segments[0] === undefined ? null : nameAfterDate(segments[0]);
    return joined === null ? [] : [joined];
  }
  const names: string[] = [];
  for (const segment of segments) {
    if (isDateSegment(segment) || /\d/.test(segment)) continue;
    const name = cleanAuthorName(segment, 'text');
    if (name === null || isOrganisationName(name)) continue;
    names.push(name);
  }
  return names;
}

/** Why: a comment counter's label may stand before its count ("Jane Doe Kommentare 4 Kommentare"): never part of a name. */
const COMMENT_LABEL_WORDS: ReadonlySet<string> = new Set(['comments', 'comment', 'kommentare', 'kommentar', 'commentaires', 'comentarios', 'comentários', 'commenti']);

/** The text without a comment link the theme printed after the name ("Jane Doe Ein Kommentar", "Jane Doe 3 Comments"). */
function withoutCommentLink(text: string): string {
  for (let k = text.indexOf(' '); k > 0; k = text.indexOf(' ', k + 1)) {
    if (!ENTRY_META_COMMENT_SEGMENT.test(text.slice(k + 1))) continue;
    let kept = text.slice(0, k);
    for (let last = kept.lastIndexOf(' '); last > 0 && COMMENT_LABEL_WORDS.has(kept.slice(last + 1).toLowerCase()); last = kept.lastIndexOf(' ')) {
      kept = kept.slice(0, last);
    }
    return kept;
  }
  return text;
}

/**
 * Why: blog themes join the post's date and its author with a word or a sign: "22. Dezember 2019 von Jane Doe", "17/11/2019
 * ~ Jane Doe". Not "vom": "12.03.2021 vom Landgericht Berlin" names a court.
 */
const DATE_NAME_JOINERS: readonly string[] = [' von ', ' by ', ' par ', ' por ', ' ~ '];

/**
 * "22. Dezember 2019 von Jane Doe", "17/11/2019 ~ Jane Doe": the name after a date and a joiner, on a line of no other
 * segment, or none. Read on headings too (a text page sets such a line apart), which the looser {@link datedLineCredit} is not.
 */
export function joinedDateCredit(text: string): string[] {
  if (spaceSeparatedWords(text, MAX_DATED_CREDIT_WORDS + 1) > MAX_DATED_CREDIT_WORDS || !hasYearDigits(text, text.length)) return [];
  const flat = trimEdges(text.replace(/\s+/g, ' '));
  const name = nameAfterDate(flat);
  return name === null ? [] : [name];
}

/** The name in "<date> von <name>", cleaned as a credit's, or null: the first joiner decides, and a date must come before it. */
function nameAfterDate(segment: string): string | null {
  const lower = segment.toLowerCase();
  let at = -1;
  let joiner = '';
  for (const j of DATE_NAME_JOINERS) {
    const k = lower.indexOf(j);
    if (k > 0 && (at < 0 || k < at)) {
      at = k;
      joiner = j;
    }
  }
  if (at < 0 || !isDateSegment(segment.slice(0, at))) return null;
  const name = cleanAuthorName(withoutCommentLink(segment.slice(at + joiner.length)), 'text');
  return name === null || isOrganisationName(name) ? null : name;
}

/**
 * Why: blog themes print the post's date and author as one phrase ("Veröffentlicht am 13. März 2019 von Jane Doe",
 * "Posted on 2015-04-05 by jdoe"); the name after the date is the author's, a site handle included. The date is
 * read up to the first "von"/"by", so a name holding one ("Karl von Habsburg") stays whole; "am"/"on" is required,
 * since "Published in 2019 by Penguin Books" names a publisher.
 */
const PUBLISHED_BY = /^(?:veröffentlicht|publiziert|gepostet|geschrieben|erstellt|eingetragen|posted|published|written) (?:am|on) (.{4,60}?) (?:von|vom|by) (\S.{0,40})$/iu;

/**
 * The author named in a theme's "published on <date> by <name>" phrase, or null: the phrase's first segment (a comment
 * link or categories may follow after a bar), a date between opening and name, the name cleaned as a marked element's.
 */
export function publishedByCredit(text: string): string | null {
  const rest = publishedByRest(text);
  return rest === null ? null : cleanAuthorName(rest, 'element');
}

/**
 * {@link PUBLISHED_BY}'s opening on the raw line: what the cut at a bar and the collapsed spaces leave of a line that
 * does not open so cannot match, and most head lines do not (their cutting and collapsing was a fixed cost per page).
 */
const PUBLISHED_BY_OPENING = /^\s*(?:veröffentlicht|publiziert|gepostet|geschrieben|erstellt|eingetragen|posted|published|written)\s+(?:am|on)\s/iu;

/** What follows the theme's "published on <date> by" in the line's first segment, or null. */
function publishedByRest(text: string): string | null {
  if (!PUBLISHED_BY_OPENING.test(text)) return null;
  const segment = text.split(/[|·•]/u)[0]!.replace(/\s+/g, ' ').trim();
  const match = PUBLISHED_BY.exec(segment);
  return match === null || !/\d/.test(match[1]!) ? null : match[2]!;
}

/** "The Press-Enterprise", "The Agile Blogosphere": a person's name never opens with an article; an outlet's often does. */
const ARTICLE_OPENED = /^(?:the|die|der)\s/i;

/**
 * De-duplicates (case- and diacritic-insensitive), then keeps agencies only when nobody else is
 * credited, and drops the site's own name when a person is credited.
 */
export function finaliseAuthors(names: readonly string[], siteName: string | null): string[] {
  const seen = new Set<string>();
  const unique: string[] = [];
  for (const name of names) {
    const key = foldKey(name);
    if (key.length === 0 || seen.has(key)) continue;
    seen.add(key);
    unique.push(name);
  }
  // The site's own name is dropped when a person is credited beside it; alone, it may be a personal blog's author.
  const siteKey = siteName === null ? null : foldKey(siteName);
  const people = unique.filter((n) => !isAgency(n) && foldKey(n) !== siteKey && !ARTICLE_OPENED.test(n));
  return people.length > 0 ? people : unique;
}

/** "Reporting by …" credits sit at the end of wire stories, in parentheses inside the last paragraph. */
export function findWireCredit(text: string): string | null {
  const lower = text.toLowerCase();
  const at = lower.indexOf('reporting by');
  if (at === -1) return null;
  const start = lower.lastIndexOf('(', at) >= at - 30 && lower.lastIndexOf('(', at) !== -1 ? lower.lastIndexOf('(', at) + 1 : at;
  const close = text.indexOf(')', at);
  return text.slice(start, close === -1 ? Math.min(text.length, at + MAX_CREDIT_CHARS) : close);
}
