/**
 * A plain-text page's title. Text has no `<title>` and no `<h1>`, only lines, and above the body they are mostly
 * furniture: the menu, the breadcrumb, the kicker, the byline, the date, share buttons. Every headline-shaped line in
 * the few blocks above the body's first paragraph is a candidate, described by a few signals, and the weights of
 * `src/rules/text-title-weights.ts` (fitted by `bench/fit-text-title.ts`) score them. What tells the headline most
 * plainly is its words: the body is about what the headline names, and a menu entry, a site name or a button shares
 * few words with it.
 */
import type { Block } from '../block.js';
import { ALL_STOPWORDS } from '../../rules/stopwords.js';
import { MODIFIED_MARKERS, MONTHS } from '../../rules/meta-names.js';
import { TEXT_TITLE_MODEL } from '../../rules/text-title-weights.js';
import { cachedCodeTest, isLetterAt, spaceSeparatedWords, widthAt } from '../chars.js';

/** What the score reads of a candidate line: each 0 or 1, a share from 0 to 1, or a distance in fives of lines (0 to 3). */
export const TEXT_TITLE_FEATURES = [
  /** Share of the line's content words among the body's first words: the lead restates the headline. */
  'leadOverlap',
  /** How many of the line's content words the body's first paragraphs use (up to five). */
  'wordsInBody',
  /** How often the body uses them: the headline names the subject, which the body names again and again. */
  'frequencyInBody',
  /** A byline or a date line right below: the stack under a headline. */
  'creditBelow',
  /** One a line or two further down: under a standfirst, or under the line below the headline. */
  'creditNear',
  /** The segmenter marked the line as the title: its level-1 heading nearest above the body's first block (else the first below). */
  'segmenterTitle',
  /** Lines between the line and the body that a rule recognised as menus, teasers or labels (in fives, capped). */
  'hintedDistance',
  /** The first candidate above the body. */
  'nearest',
  /** The second candidate above the body. */
  'secondNearest',
  /** Below the body's first paragraph, among lines the selection left out (distances then count down from it). */
  'belowBodyStart',
  /** Starts with a lowercase letter: a fragment or a label. */
  'lowercaseStart',
  /** Set in capitals: a kicker or a section label, more often than the headline. */
  'allCaps',
  /** Printed again elsewhere: a breadcrumb's last step, "Headline | Site", the headline twice. */
  'echoed',
  /** A line rule gave the line a hint (a run of menu lines or headlines, a label above). */
  'hinted',
  /** That hint is a run of short lines: the menu or the teasers. */
  'inShortLineRun',
  /** Opens with a label of a word or two and a colon ("Players: 1-2", "Berlin: …"): a fact line, or a kicker run into a headline. */
  'labelled',
  /** Holds digits: a fact line, a score, a date; some headlines. */
  'hasDigits',
  /** Ends with a period: a sentence, a standfirst. */
  'endsWithPeriod',
  /** A single word: a section name, a label, sometimes the headline of a product or a place. */
  'oneWord',
  /** Longer than a dozen words: a standfirst more often than a headline. */
  'long',
  /** The selection kept the line as body text. */
  'keptAsBody',
  /** Two to four capitalised words ("Fleur Leyden", "From The Times"): a name, an outlet, a section, or a short headline. */
  'nameLike',
  /** Three or more short items between commas or dashes ("amiga, dogs, floppy, Hunde"): tags, a topics line, a menu. */
  'keywordList',
  /** A nearby line holds this one and more ("Local News So lief …" over "So lief …"): a kicker run into the headline. */
  'insideLongerLine',
  /** This line holds a nearby line of three words or more and more: the kicker run into it. */
  'holdsShorterLine',
] as const;
export type TextTitleFeature = (typeof TEXT_TITLE_FEATURES)[number];

/** Each feature's position in a candidate's feature list. */
const AT = Object.fromEntries(TEXT_TITLE_FEATURES.map((name, k) => [name, k])) as Readonly<Record<TextTitleFeature, number>>;

/** A weight per feature, and the score a candidate must beat to be chosen (else the page's other title sources decide). */
export interface TextTitleModel {
  weights: Readonly<Record<TextTitleFeature, number>>;
  abstain: number;
}

/** Why: a headline sits this many blocks above the body at most (byline, date, share bar, dek, key events between). */
const TITLE_WINDOW_BLOCKS = 30;
/** Why: a headline is one line of up to this many words; a longer line is a standfirst or prose. */
const TITLE_MAX_WORDS = 30;
/** Why: a selection that opens on a kept notice or teaser has the headline this many blocks below its first paragraph at most. */
const TITLE_LOOKAHEAD_BLOCKS = 12;
/** Why: thirty words of headline run to this many characters at most; a longer line is prose, read no further. */
const TITLE_MAX_CHARS = 400;
/** Why: a paragraph this long is prose, the body's start; shorter kept lines above it may be the headline and its dek. */
const ANCHOR_MIN_WORDS = 20;
/** Why: the body's first words name its subject; later ones drift to quotes and background. */
const BODY_SAMPLE_WORDS = 150;
/** Why: the lead paragraph restates the headline's subject in its first sentence or two. */
const LEAD_SAMPLE_WORDS = 60;
/** Why: five of a line's words in the body say it is about the body's subject; more say no more. */
const WORDS_IN_BODY_CAP = 5;
/** Why: a subject named five times in the body's first words is named; more says no more. */
const FREQUENCY_CAP = 5;
/** Why: words this short are inflections and particles in most languages, not subjects. */
const CONTENT_WORD_MIN_CHARS = 4;
/** Why: inflections change endings ("Regen", "Regens"); a shared start of this many letters is the same word. */
const STEM_CHARS = 5;
/** Why: a standfirst or a kicker between a headline and its byline puts the byline this many blocks below at most. */
const CREDIT_NEAR_BLOCKS = 3;
/** Why: a headline swallowed by a run of menu lines sits at its end, next to the body; this many menu lines further up, a line is the menu's. */
const DEEP_IN_MENU_LINES = 5;
/** Why: distance stops counting here: a headline far above the body is as likely as one a little less far. */
const DISTANCE_CAP_BLOCKS = 15;
/** Distances are read in steps of this many blocks, so that their weights compare with the others'. */
const DISTANCE_UNIT_BLOCKS = 5;
/** Why: a headline of more words than this is a standfirst more often. */
const LONG_TITLE_WORDS = 12;
/** Why: a breadcrumb or a "Headline | Site" line adds a path or a site name of this many characters at most. */
const ECHO_MAX_EXTRA_CHARS = 120;
/** Why: a line this short inside a longer one is a phrase the two share, not a headline run into a kicker. */
const CONTAINED_MIN_WORDS = 3;
/** Why: a date line carries a label or a weekday or two besides the date ("Posted on", "Di,"); a headline more. */
const DATE_LINE_MAX_OTHER_WORDS = 2;

/** Hints a headline may carry in text: short lines in a row read as a menu or a run of headlines. */
export const SHORT_LINE_RUN_TOKENS: ReadonlySet<string> = new Set(['text:menu-run', 'text:headline-run']);
/** Hints of lines that sit between a headline and its body without moving it away: they do not count as distance. */
const FURNITURE_HINTS: ReadonlySet<string> = new Set(['byline', 'dateline', 'caption', 'ad', 'share', 'metadata', 'promo']);
/**
 * Menus, breadcrumbs, post navigation, handles, gallery counters and labelled buttons ("« Older | Main",
 * "← Previous post", "Forum>iPhone>…", "Home / News / …", "9 of 9", "Print article: Print"): a label of a word or
 * two with one word after its colon.
 * A longer line may end so ("Six dead in hotel attack: officials", "Solopreneur Social Media: LinkedIn").
 */
export const NOT_A_HEADLINE = /[|«»@←→‹›<>]| \/ |\b\d+ of \d+$|^\S+(?: \S+)?: \S+$/u;
/** "Fleur Leyden", "From The Times", "Staff and agencies": two to four words, each capitalised or a joiner. */
const NAME_LIKE = /^(?:From |Von |Par |Por )?\p{Lu}[\p{L}'’.-]*(?: (?:\p{Lu}[\p{L}'’.-]*|and|&|of|the|und|et|y|de|von|van|der)){1,3}$/u;
/** A full date in digits ("2024-05-12", "12.05.2024", "2024年5月12日"): no headline prints one, whatever labels surround it. */
const FULL_DATE = /\b\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b/u;
/** Why: beside a full date, a date line's labels may run to a few words ("Publication date:", "Source: our reporter"). */
const FULL_DATE_LINE_MAX_OTHER_WORDS = 6;
/** A label of one or two words and a colon at a line's start. */
const LABEL_LEAD = /^[\p{L}\p{N}'’.-]+(?: [\p{L}\p{N}'’.-]+)?:\s/u;
/** A line ending in a comma, a semicolon or a colon runs on: a label or a clause, not a headline. */
const CLAUSE_END: ReadonlySet<number> = new Set([0x2c, 0x3b, 0x3a]);
/** A year, a day and month in digits, or a clock time: what makes a line with digits a date line. */
const DATE_SHAPE = /\b(?:1[89]|20)\d{2}\b|\b\d{1,2}[./-]\d{1,2}[./-]|\b\d{1,2}:\d{2}\b/u;
/** Marks that separate a headline printed again from a breadcrumb path, a label or a site name on one line. */
const ECHO_MARKS = '»>›/|:–—-';
/** What may stand before a headline printed again on one line: the end of a breadcrumb path or a label. */
const ECHO_BEFORE = new RegExp(`[${ECHO_MARKS}]$`, 'u');
/** What may follow it: a site name after a separator. */
const ECHO_AFTER = /^[|–—-]/u;

/** The headline the text segmenter marked: the level-1 heading nearest above the body, else the first one. */
export function segmenterTitle(blocks: readonly Block[], body: ReadonlySet<number>): Block | null {
  let first = blocks.length;
  for (const i of body) if (i >= 0 && i < first) first = i;
  const isTitle = (b: Block): boolean => b.kind === 'heading' && b.level === 1;
  for (let i = Math.min(first, blocks.length - 1); i >= 0; i--) if (isTitle(blocks[i]!)) return blocks[i]!;
  for (let i = first + 1; i < blocks.length; i++) if (isTitle(blocks[i]!)) return blocks[i]!;
  return null;
}

const isMarkCode = cachedCodeTest(/^\p{M}$/u);
const ASCII_ONLY = /^[\x00-\x7f]*$/;
/** Combining accents and the dot above (U+0300–U+036F); the marks of other scripts, Devanagari's vowel signs, stay. */
const COMBINING_ACCENTS = /[\u0300-\u036f]/g;
const FINAL_SIGMA = /ς/g;

/**
 * Calls `visit(start, end)` for each word of {@link CONTENT_WORD_MIN_CHARS} letters or more (a run of letters, with
 * the combining marks inside it: Hindi's vowel signs are marks), until `visit` returns false. Lengths are counted in
 * UTF-16 units, a surrogate pair never split.
 */
function scanWords(text: string, visit: (start: number, end: number) => boolean): void {
  let start = -1;
  for (let i = 0; i <= text.length; ) {
    const code = i < text.length ? text.charCodeAt(i) : 0x20;
    const width = code < 0x80 ? 1 : widthAt(text, i, code);
    const inWord = code < 0x80 ? (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a : isLetterAt(text, i, code, width) || (start >= 0 && width === 1 && isMarkCode(code));
    if (inWord) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (i - start >= CONTENT_WORD_MIN_CHARS && !visit(start, i)) return;
      start = -1;
    }
    i += width;
  }
}

/**
 * A word's stem: its first {@link STEM_CHARS} units, lowercased ("Regen" and "Regens" are one word). A headline in
 * capitals must meet the body's mixed case, so beyond ASCII the stem also loses its accents and the dot lowercasing
 * puts on "İ" (Greek and Turkish capitals drop or add them: "ΑΠΕΡΓΙΑ" and "απεργία", "İZMİR" and "İzmir"), and a
 * Greek final sigma, which lowercasing gives a cut-off stem, is read as the sigma it stands for inside a word.
 */
function stemAt(text: string, start: number, end: number): string {
  let cut = Math.min(end, start + STEM_CHARS);
  // Never half a surrogate pair.
  if (cut < end && cut > start && widthAt(text, cut - 1, text.charCodeAt(cut - 1)) === 2) cut++;
  const stem = text.slice(start, cut).toLowerCase();
  return ASCII_ONLY.test(stem) ? stem : stem.normalize('NFD').replace(COMBINING_ACCENTS, '').replace(FINAL_SIGMA, 'σ');
}

/** The stems of a line's content words: its words of four letters or more that are no stopword. */
function contentStems(text: string): string[] {
  const stems: string[] = [];
  scanWords(text, (start, end) => {
    if (!ALL_STOPWORDS.has(text.slice(start, end).toLowerCase())) stems.push(stemAt(text, start, end));
    return true;
  });
  return stems;
}

/**
 * How often each wanted stem occurs among the body's first {@link BODY_SAMPLE_WORDS} words of four letters or more, from
 * block `from` on (paragraphs only), and which occur among its first {@link LEAD_SAMPLE_WORDS}. Stopwords count
 * towards the sample but are never wanted (a candidate's stems come from its content words), so a body word is
 * looked up by its stem alone, without a lowercased copy of the word.
 */
function bodyStems(blocks: readonly Block[], bodyIndexes: ReadonlySet<number>, from: number, wanted: ReadonlySet<string>): { sample: Map<string, number>; lead: Set<string> } {
  const sample = new Map<string, number>();
  const lead = new Set<string>();
  let count = 0;
  for (let i = from; i < blocks.length && count < BODY_SAMPLE_WORDS; i++) {
    const b = blocks[i]!;
    if (!bodyIndexes.has(i) || b.kind === 'heading') continue;
    scanWords(b.text, (start, end) => {
      const stem = stemAt(b.text, start, end);
      if (wanted.has(stem)) {
        sample.set(stem, (sample.get(stem) ?? 0) + 1);
        if (count < LEAD_SAMPLE_WORDS) lead.add(stem);
      }
      return ++count < BODY_SAMPLE_WORDS;
    });
  }
  return { sample, lead };
}

/** A line's hint leaves it a candidate when it came from the line's neighbours, not from the line itself. */
function allowedHint(b: Block): boolean {
  if (b.hint === null) return true;
  const token = b.hintToken ?? '';
  // A run of short lines (menu or teaser headlines) takes the headline in; so does a label above it ("Related").
  return SHORT_LINE_RUN_TOKENS.has(token) || token.startsWith('text:related-under');
}

/** "31.10.2023", "Di, 10:19 Uhr", "Published March 5, 2024": a date with at most a couple of words beside it. */
function isDateLine(text: string): boolean {
  if (!/\d/u.test(text)) return false;
  const limit = FULL_DATE.test(text) ? FULL_DATE_LINE_MAX_OTHER_WORDS : DATE_LINE_MAX_OTHER_WORDS;
  let others = 0;
  let month = false;
  for (const m of text.toLowerCase().matchAll(/\p{L}+/gu)) {
    if (MONTHS.has(m[0])) month = true;
    else if (!MODIFIED_MARKERS.has(m[0]) && ++others > limit) return false;
  }
  return month || DATE_SHAPE.test(text);
}

/** Why: a tag is a word or three; a longer item between commas is a clause of a headline. */
const KEYWORD_MAX_WORDS = 3;
/** A comma (not a thousands separator: "1,500 jobs"), or a dash set apart: "Einleitung - Baumgutachten - Fortbildung" lists a site's sections. */
const KEYWORD_SEPARATOR = /,(?!\d)| [-–] /u;
/** Why: three items make a list; "Lions and tigers, bears" is a headline's pair. */
const KEYWORD_LIST_MIN_ITEMS = 3;

function isKeywordList(text: string): boolean {
  const items = text.split(KEYWORD_SEPARATOR);
  if (items.length < KEYWORD_LIST_MIN_ITEMS) return false;
  return items.every((item) => {
    const words = spaceSeparatedWords(item.trim(), KEYWORD_MAX_WORDS + 1);
    return words >= 1 && words <= KEYWORD_MAX_WORDS;
  });
}

/** Whether a block (its text trimmed) can be a headline at all: one line, headline-sized, not a label, a menu path or a date. */
function headlineShaped(b: Block, text: string): boolean {
  if (b.lines > 1 || (b.kind !== 'heading' && b.kind !== 'paragraph') || !allowedHint(b) || text.length > TITLE_MAX_CHARS) return false;
  if (text.length === 0 || spaceSeparatedWords(text, TITLE_MAX_WORDS + 1) > TITLE_MAX_WORDS || CLAUSE_END.has(text.charCodeAt(text.length - 1)) || NOT_A_HEADLINE.test(text)) return false;
  return !isDateLine(text);
}

/** A line that may print a headline again beside a path or a site name holds one of {@link ECHO_MARKS}. */
const ECHO_SEPARATOR = new RegExp(`[${ECHO_MARKS}]`, 'u');

/**
 * The candidates' texts the page prints again, in one scan of its lines: the headline twice, a breadcrumb's last
 * step ("Home » News » Headline"), "Headline | Site".
 */
function echoedTexts(blocks: readonly Block[], pending: readonly Pending[]): Set<string> {
  const texts = new Set(pending.map((p) => p.text));
  let shortest = Infinity;
  let longest = 0;
  for (const t of texts) {
    shortest = Math.min(shortest, t.length);
    longest = Math.max(longest, t.length);
  }
  const seen = new Set<string>();
  const echoed = new Set<string>();
  for (const b of blocks) {
    const raw = b.text;
    if (raw.length < shortest || raw.length > longest + ECHO_MAX_EXTRA_CHARS) continue;
    const other = raw.trim();
    if (texts.has(other)) {
      if (seen.has(other)) echoed.add(other);
      else seen.add(other);
      continue;
    }
    if (other.length <= shortest || !ECHO_SEPARATOR.test(other)) continue;
    for (const text of texts) {
      if (other.length <= text.length || other.length > text.length + ECHO_MAX_EXTRA_CHARS) continue;
      const i = other.indexOf(text);
      if (i < 0) continue;
      const before = other.slice(0, i).trimEnd();
      const after = other.slice(i + text.length).trimStart();
      if ((before.length === 0 || ECHO_BEFORE.test(before)) && (after.length === 0 || ECHO_AFTER.test(after))) echoed.add(text);
    }
  }
  return echoed;
}

/** Why: a line of three capitals or fewer ("USA", "EU") is an abbreviation, not a line set in capitals. */
const ALL_CAPS_MIN_LETTERS = 4;

/** Set in capitals: no lowercase letter, and a few capitals. */
function isAllCaps(text: string): boolean {
  if (/\p{Ll}/u.test(text)) return false;
  let capitals = 0;
  for (const _ of text.matchAll(/\p{Lu}/gu)) if (++capitals >= ALL_CAPS_MIN_LETTERS) return true;
  return false;
}

/** A byline or a date line: the stack under a headline. */
export function isCredit(b: Block | undefined): boolean {
  return b !== undefined && (b.hint === 'byline' || b.hint === 'dateline');
}

/** Whether `text` occurs in `other` as whole words ("Menu entry 2" is not in "Menu entry 21"). */
function holdsPhrase(other: string, text: string): boolean {
  for (let at = other.indexOf(text); at >= 0; at = other.indexOf(text, at + 1)) {
    const before = at === 0 ? '' : other[at - 1]!;
    const after = other[at + text.length] ?? '';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
  }
  return false;
}

/** The lines around the body's start, trimmed, with their word counts: what a candidate is compared with. */
interface WindowLine {
  index: number;
  text: string;
  words: number;
}

/** Whether another line of the window holds `text` and more. */
function insideLongerLine(window: readonly WindowLine[], at: number, text: string, words: number): boolean {
  if (words < CONTAINED_MIN_WORDS) return false;
  for (const other of window) if (other.index !== at && other.text.length > text.length && holdsPhrase(other.text, text)) return true;
  return false;
}

/** Whether `text` holds another line of the window of three words or more, and more. */
function holdsShorterLine(window: readonly WindowLine[], at: number, text: string): boolean {
  for (const other of window) {
    if (other.index !== at && other.words >= CONTAINED_MIN_WORDS && other.text.length < text.length && holdsPhrase(text, other.text)) return true;
  }
  return false;
}

export interface TextTitleCandidate {
  block: Block;
  /** In the order of {@link TEXT_TITLE_FEATURES}. */
  features: number[];
}

/** A candidate while its features are gathered: the body's and the page's scans come after every line is read. */
interface Pending {
  block: Block;
  text: string;
  stems: string[];
  features: number[];
}

/** The headline-shaped lines around the body's start (above it nearest first, then those below its first paragraph), each with its features. */
export function textTitleCandidates(blocks: readonly Block[], bodyIndexes: ReadonlySet<number>): TextTitleCandidate[] {
  if (bodyIndexes.size === 0) return [];
  let first = blocks.length;
  for (const i of bodyIndexes) if (i >= 0 && i < first) first = i;
  if (first === blocks.length) return [];
  // The body's first real paragraph anchors the search: a selection may start with the headline or a short line above it.
  let anchor = first;
  for (let i = first; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (bodyIndexes.has(i) && b.kind === 'paragraph' && spaceSeparatedWords(b.text, ANCHOR_MIN_WORDS) >= ANCHOR_MIN_WORDS) {
      anchor = i;
      break;
    }
  }
  const from = Math.max(0, first - TITLE_WINDOW_BLOCKS);
  const to = Math.min(blocks.length, anchor + 1 + TITLE_LOOKAHEAD_BLOCKS);
  const marked = segmenterTitle(blocks, bodyIndexes)?.index ?? -1;
  const window: WindowLine[] = [];
  for (let i = from; i < to; i++) {
    const text = blocks[i]!.text.trim();
    if (text.length > 0) window.push({ index: i, text, words: spaceSeparatedWords(text) });
  }

  // The lines, with what they show of themselves and of their place.
  const pending: Pending[] = [];
  // Lines a rule recognised as menus, teasers or labels between the line being read and the body; unrecognised lines
  // (a standfirst, a kicker, a caption) do not count: given the other signals they tell nothing either way.
  let hintedDistance = 0;
  let rank = 0;
  const passOver = (b: Block): void => {
    if (b.hint !== null && !FURNITURE_HINTS.has(b.hint)) hintedDistance++;
  };
  const consider = (i: number, below: boolean): void => {
    const b = blocks[i]!;
    // A menu entry with a menu's worth of entries between it and the body is the menu's.
    if (hintedDistance >= DEEP_IN_MENU_LINES && SHORT_LINE_RUN_TOKENS.has(b.hintToken ?? '')) {
      passOver(b);
      return;
    }
    const text = b.text.trim();
    const kept = bodyIndexes.has(i);
    const creditBelow = isCredit(blocks[i + 1]);
    // A sentence the selection kept is body: taken for the title, it would leave the body. A name right over a byline
    // or a date is the credit's part ("Fleur Leyden" over "By Ana Sandoiu"): 158 such lines in the fit data, 6 headlines.
    const candidate = headlineShaped(b, text) && !(kept && /[.…]$/u.test(text));
    const nameLike = candidate && NAME_LIKE.test(text);
    if (!candidate || (nameLike && creditBelow)) {
      passOver(b);
      return;
    }
    let creditNear = false;
    for (let j = i + 2; j <= i + CREDIT_NEAR_BLOCKS && j < blocks.length; j++) if (isCredit(blocks[j])) creditNear = true;
    const wordCount = spaceSeparatedWords(text);
    const f = new Array<number>(TEXT_TITLE_FEATURES.length).fill(0);
    f[AT.creditBelow] = +creditBelow;
    f[AT.creditNear] = +(creditNear && !creditBelow);
    f[AT.segmenterTitle] = +(i === marked);
    f[AT.hintedDistance] = Math.min(hintedDistance, DISTANCE_CAP_BLOCKS) / DISTANCE_UNIT_BLOCKS;
    f[AT.nearest] = +(!below && rank === 0);
    f[AT.secondNearest] = +(!below && rank === 1);
    f[AT.belowBodyStart] = +below;
    f[AT.lowercaseStart] = +/^\p{Ll}/u.test(text);
    f[AT.allCaps] = +isAllCaps(text);
    f[AT.hinted] = +(b.hint !== null);
    f[AT.inShortLineRun] = +SHORT_LINE_RUN_TOKENS.has(b.hintToken ?? '');
    f[AT.labelled] = +LABEL_LEAD.test(text);
    f[AT.hasDigits] = +/\d/u.test(text);
    f[AT.endsWithPeriod] = +text.endsWith('.');
    f[AT.oneWord] = +(wordCount === 1);
    f[AT.long] = +(wordCount > LONG_TITLE_WORDS);
    f[AT.keptAsBody] = +kept;
    f[AT.nameLike] = +nameLike;
    f[AT.keywordList] = +isKeywordList(text);
    f[AT.insideLongerLine] = +insideLongerLine(window, i, text, wordCount);
    f[AT.holdsShorterLine] = +holdsShorterLine(window, i, text);
    pending.push({ block: b, text, stems: contentStems(text), features: f });
    rank++;
    passOver(b);
  };
  for (let i = anchor - 1; i >= from; i--) consider(i, false);
  // Below the first paragraph, the lines the selection left out: a headline under a kept notice or teaser.
  hintedDistance = 0;
  for (let i = anchor + 1; i < to; i++) {
    if (bodyIndexes.has(i)) passOver(blocks[i]!);
    else consider(i, true);
  }
  if (pending.length === 0) return [];

  // What the body says of their words, read once for all of them.
  const wanted = new Set<string>();
  for (const p of pending) for (const stem of p.stems) wanted.add(stem);
  const { sample, lead } = bodyStems(blocks, bodyIndexes, anchor, wanted);
  // Which of them the page prints again, in one scan of its lines.
  const echoes = echoedTexts(blocks, pending);
  return pending.map((p) => {
    let inBody = 0;
    let inLead = 0;
    let frequency = 0;
    for (const stem of p.stems) {
      const seen = sample.get(stem) ?? 0;
      if (seen > 0) inBody++;
      frequency += Math.min(seen, FREQUENCY_CAP);
      if (lead.has(stem)) inLead++;
    }
    const n = p.stems.length;
    const f = p.features;
    f[AT.leadOverlap] = n === 0 ? 0 : inLead / n;
    f[AT.wordsInBody] = Math.min(inBody, WORDS_IN_BODY_CAP) / WORDS_IN_BODY_CAP;
    f[AT.frequencyInBody] = n === 0 ? 0 : frequency / (FREQUENCY_CAP * n);
    f[AT.echoed] = +echoes.has(p.text);
    return { block: p.block, features: f };
  });
}

/** A model's weights in the order of {@link TEXT_TITLE_FEATURES}. */
function weightList(model: TextTitleModel): number[] {
  return TEXT_TITLE_FEATURES.map((name) => model.weights[name]);
}

const SHIPPED_WEIGHTS = weightList(TEXT_TITLE_MODEL);

/** The score of a candidate: its features weighted by the model's (the shipped one unless another is given). */
export function textTitleScore(candidate: TextTitleCandidate, model?: TextTitleModel): number {
  const weights = model === undefined ? SHIPPED_WEIGHTS : weightList(model);
  let score = 0;
  for (let k = 0; k < weights.length; k++) score += weights[k]! * candidate.features[k]!;
  return score;
}

/** A text page's headline block, or null when no line scores above the model's abstention score. */
export function chooseTextTitle(blocks: readonly Block[], bodyIndexes: ReadonlySet<number>): Block | null {
  let best: Block | null = null;
  let bestScore = TEXT_TITLE_MODEL.abstain;
  for (const candidate of textTitleCandidates(blocks, bodyIndexes)) {
    const score = textTitleScore(candidate);
    if (score > bestScore) {
      bestScore = score;
      best = candidate.block;
    }
  }
  return best;
}
