/**
 * Plain text → blocks. Pages arrive as text in a few shapes: a browser's select-all copy or
 * `innerText` (one line per paragraph, blank lines not always between them), `w3m`/`lynx` dumps
 * (hard-wrapped at a fixed column, `*` bullets, `[n]` link markers and a reference list), and
 * scraper columns (no blank lines at all). This stage cuts the text into the same {@link Block}
 * records the HTML segmenter produces, and says through `hint`/`hintToken` which blocks are page
 * chrome, so the shared classify/select/structure/metadata stages treat both paths alike.
 *
 * Pure: no state outside the call. Text is kept as given, except that line endings, no-break
 * spaces, trailing whitespace and lynx link markers are normalised and hard-wrapped lines are joined.
 */
import { flatCopy, isLetterAt, isSpaceCode, isUnspaced, UNSPACED_CHARS_PER_WORD, widthAt } from './chars.js';
import { ShortKeyMemo } from './short-key-memo.js';
import type { BlockLinkRef, Container, HintLabel, Segmented } from './block.js';
import { emptyMeta } from './block.js';
import type { Block } from './block.js';
import type { ResolvedOptions } from '../options.js';
import {
  AD_PHRASES,
  AFFILIATE_GATE,
  AUTHOR_BIO_VERBS,
  AUTHOR_ARCHIVE_LINE,
  ENTRY_META_CATEGORY_SEGMENT,
  ENTRY_META_COMMENT_SEGMENT,
  AUTHOR_BOX_HEADING_OPENINGS,
  BULLET_LINE,
  BYLINE_JOINERS,
  BYLINE_LABEL,
  THEME_BYLINE,
  BYLINE_MAX_WORDS,
  BYLINE_PREFIX,
  BYLINE_ROLE_WORDS,
  CLOCK_TIME_LINE,
  CALENDAR_WORDS,
  hasCaptionCreditTail,
  CAPTION_MAX_WORDS,
  CAPTION_PREFIX,
  COMMENT_LABELS,
  COMMENT_REPLY_LINKS,
  COMMENT_FORM_NOTICE_GATE,
  COMMENT_FORM_NOTICE_MAX_WORDS,
  COMMENT_POLICY,
  COMMENT_POLICY_MAX_WORDS,
  COMMENT_COUNT_HEADING,
  COMMENT_COUNT_HEADING_MAX_WORDS,
  COMMENT_COUNT_HEADING_TITLE,
  HEADLINE_QUOTES,
  QUOTE_MARKS,
  COMMENT_ACTION_WORDS,
  COMMENT_ACTION_CORE_WORDS,
  COMMENT_ACTION_LINE_MAX_WORDS,
  ENTRY_FOOTER_LINE,
  COOKIE_MAX_WORDS,
  COOKIE_GATE,
  COOKIE_WORD,
  CONSENT_CONTROL,
  CONSENT_CONTROL_MAX_WORDS,
  CONSENT_WORDS,
  CREDIT_AGENCIES,
  CREDIT_PAREN_PREFIXES,
  DATE_FILLER_WORDS,
  DATE_LINE_MAX_WORDS,
  INLINE_RELATED_PREFIX,
  LEGAL_GATE,
  LEGAL_WORDS,
  LINK_REFERENCE_LABELS,
  LYNX_LINK_MARKER,
  LYNX_REFERENCE_LINE,
  MENU_SEPARATORS,
  BREADCRUMB_HOME,
  POST_NAVIGATION,
  POST_NAVIGATION_MAX_WORDS,
  POST_NAVIGATION_HOME_STEP,
  POST_NAVIGATION_TITLE_MAX_WORDS,
  LIKE_WIDGET_LINE,
  LIKE_WIDGET_MAX_WORDS,
  SHARE_BUTTON_LINE,
  SOCIAL_EMBED_LINE,
  MEDIA_CAPTION_LABEL,
  SERVER_NOTICE_OPENING,
  SERVER_NOTICE_ENDING,
  PHOTO_LIBRARY_CREDIT,
  PHOTO_LIBRARY_CREDIT_MAX_WORDS,
  TAGS_LABELS,
  MIN_READ_TAIL,
  MIN_READ_TAIL_MAX_CHARS,
  NAVIGATION_PHRASES,
  NEWSLETTER_GATE,
  NON_HEADING_END_MARKS,
  NUMBERED_LINE,
  NUMERIC_DATE,
  PROMPT_MAX_WORDS,
  READ_MORE_TAIL,
  READ_MORE_TAIL_MAX_CHARS,
  READING_TIME_PATTERN,
  RELATED_LABEL_PREFIXES,
  RELATED_LABEL_SUFFIXES,
  RELATED_SUFFIX_LABEL_MAX_WORDS,
  MASTHEAD_SUFFIXES,
  RELATED_LABELS,
  RELATIVE_DATE_WORDS,
  SECTION_LABEL_MAX_WORDS,
  SHARE_MAX_WORDS,
  SHARE_STRONG_WORDS,
  SHARE_WORDS,
  SHELL_COMMAND,
  SHOP_BUTTON,
  SHELL_PROMPT,
  SUBSCRIPTION_PATTERN,
  TAGS_PREFIX,
  TITLE_CASE_MINOR_WORDS,
  TOPICS_BAR_PREFIX,
  TRUNCATION_TAIL,
  TRUNCATION_TAIL_MAX_CHARS,
  WEATHER_GATE,
  LINE_RULE_GATES,
  endsSentence,
  endsWithContinuation,
  endsWithMark,
  labelKey,
  labelKeyMaxWords,
  letterWords,
  LONG_LINE_KEY,
  keyMayOpenWith,
  keyOpenings,
  phraseKey,
  testGated,
  testGatedKnowing,
  lineStart,
  testLineStart,
  execLineStart,
  lineEnd,
  testLineEnd,
} from '../rules/text-patterns.js';
import { NEWS_AGENCIES } from '../rules/meta-names.js';

/** Why: an embed's frame line is a label and a name with a handle; a longer line is prose. */
const SOCIAL_EMBED_MAX_WORDS = 16;

/** Rules anchored at the line's start, with the characters a line must open with for each: most lines are ruled out by a table read. */
const BYLINE_LABEL_AT = lineStart(BYLINE_LABEL);
const BYLINE_PREFIX_AT = lineStart(BYLINE_PREFIX);
const THEME_BYLINE_AT = lineStart(THEME_BYLINE);
const CAPTION_PREFIX_AT = lineStart(CAPTION_PREFIX);
const TAGS_PREFIX_AT = lineStart(TAGS_PREFIX);
const SUBSCRIPTION_AT = lineStart(SUBSCRIPTION_PATTERN);
const READING_TIME_AT = lineStart(READING_TIME_PATTERN);
const TOPICS_BAR_AT = lineStart(TOPICS_BAR_PREFIX);
const INLINE_RELATED_AT = lineStart(INLINE_RELATED_PREFIX);
const SHOP_BUTTON_AT = lineStart(SHOP_BUTTON);
const SOCIAL_EMBED_AT = lineStart(SOCIAL_EMBED_LINE);
const MEDIA_CAPTION_AT = lineStart(MEDIA_CAPTION_LABEL);
const SERVER_NOTICE_AT = lineStart(SERVER_NOTICE_OPENING);
const ENTRY_FOOTER_AT = lineStart(ENTRY_FOOTER_LINE);
const COMMENT_COUNT_HEADING_AT = lineStart(COMMENT_COUNT_HEADING);
const AUTHOR_ARCHIVE_LINE_AT = lineStart(AUTHOR_ARCHIVE_LINE);
/** Rules anchored at the line's end: a long line is searched only near its end. */
const READ_MORE_TAIL_AT = lineEnd(READ_MORE_TAIL, READ_MORE_TAIL_MAX_CHARS);
const MIN_READ_TAIL_AT = lineEnd(MIN_READ_TAIL, MIN_READ_TAIL_MAX_CHARS);
const TRUNCATION_TAIL_AT = lineEnd(TRUNCATION_TAIL, TRUNCATION_TAIL_MAX_CHARS);

// ---------------------------------------------------------------------------------------------
// Thresholds (named, each with its reason)
// ---------------------------------------------------------------------------------------------

/** Why: dumps wrap at 72–80 columns; a page whose lines run longer than this is not hard-wrapped. */
const MAX_WRAP_COLUMN = 100;
/** Why: below this a "wrap column" would only be a list of short lines. */
const MIN_WRAP_COLUMN = 40;
/** Why: a few over-long lines (a URL, a table row) do not disprove wrapping; more than this share does. */
const WRAP_OVERLONG_SHARE = 0.05;
/** Why: wrapped lines end within about a word of the column: this share of it. */
const WRAP_BAND_SHARE = 0.15;
/** Why: the band is at least this many columns, for narrow wraps. */
const WRAP_BAND_MIN = 8;
/** Why: a wrapped page shows at least this many lines ending near the column... */
const WRAP_MIN_NEAR_LINES = 3;
/** Why: ...and most of its long lines end there (prose copied unwrapped spreads widely). */
const WRAP_NEAR_SHARE = 0.4;
/** Why: a line shorter than this share of the column ended by choice, not by wrapping. */
const WRAP_MIN_FILL = 0.5;
/** Why: a stanza (lines without a blank line between) is judged on its own wrap column only when it is this long. */
const LOCAL_WRAP_MIN_LINES = 6;
/** Why: at least this share of a wrapped stanza's lines continue a sentence in a small letter. */
const LOCAL_WRAP_MIN_LOWER_SHARE = 0.3;

/** Why: body prose has at least this many words in a block; menus, labels and headings fewer. */
const BODY_MIN_WORDS = 12;
/** Why: a heading is short; a longer unpunctuated line is a run-on paragraph or a teaser. */
const HEADING_MAX_WORDS = 14;
/** Why: same bound in characters, for languages with long words. */
const HEADING_MAX_CHARS = 120;
/** Why: in title case at least this share of the significant words is capitalised (allowing a stray lowercase word). */
const TITLE_CASE_SHARE = 0.75;
/** Why: the title sits this many blocks before the first body paragraph at most (byline, date, share bar, dek between). */
const TITLE_LOOKBACK = 8;
/** Why: a headline over its byline is found further up, past a live blog's key-events list or a table of contents. */
const CREDITED_TITLE_LOOKBACK = 20;
/** Why: a headline has a few words; one or two are a section label ("World", "Climate crisis"). */
const TITLE_MIN_WORDS = 3;
/** Why: the first body paragraph (that anchors the title) is real prose, longer than a dek line. */
const FIRST_BODY_MIN_WORDS = 20;

/** Why: a "Comments" label only opens the comment section after the article has begun; above it, it is a count. */
const COMMENTS_MIN_BODY_BEFORE = 2;
/** Why: nor before this many words of prose: a site blurb and a lead line above "4 Comments" are no article yet. */
const COMMENTS_MIN_BODY_WORDS_BEFORE = 80;
/** Why: a "Don't miss" box above the article holds a few links; a share bar right under them is the article's. */
const SHARE_ENDS_SHORT_LIST_MAX_BLOCKS = 6;
/** Why: a recurring thread (bylines or reply links) is no count line; one long paragraph above it may be the whole story. */
const COMMENT_THREAD_MIN_BODY_BEFORE = 1;
/** Why: three bylines, each a few lines after the last, make a thread of comments; two may be the article's and a quote's. */
const COMMENT_HEADER_RUN_MIN = 3;
/** Why: a comment under its byline runs a few short paragraphs at most before the next byline. */
const COMMENT_HEADER_MAX_GAP = 4;
/** Why: between two "Reply" links lie a comment's header, its paragraphs and perhaps a nested reply's header. */
const REPLY_RUN_MAX_GAP = 10;
/** Why: two prose paragraphs in a row end a teaser section: teasers alternate titles and short excerpts. */
const RELATED_END_MIN_WORDS = 15;
/** Why: one paragraph this long ends a teaser section on its own: no excerpt is that long. */
const RELATED_END_LONG_WORDS = 70;
/** Why: when a teaser section ends at prose, the headline/byline just above it belong to that prose. */
const RELATED_END_RELEASE = 3;

/** Why: innerText menus are runs of at least this many short lines. */
const MENU_RUN_MIN = 4;
/** Why: a menu entry has this many words at most. */
const MENU_ITEM_MAX_WORDS = 3;
/** Why: a breadcrumb or menu row has at least this many separated parts... */
const MENU_ROW_MIN_PARTS = 3;
/** Why: ...each this short. */
const MENU_ROW_PART_MAX_WORDS = 4;
/** Why: a line holding this many lynx links and few other words is a link row. */
const LINK_ROW_MIN_LINKS = 3;
/** Why: words per link in a link row at most ("[1]World [2]Business news"). */
const LINK_ROW_MAX_WORDS_PER_LINK = 3;
/** Why: lynx does not mark where a link ends; its text is taken as this many words at most... */
const LINK_TEXT_MAX_WORDS = 8;
/** Why: ...unless the whole rest of the block is this short (a teaser title, a menu entry). */
const LINK_WHOLE_BLOCK_MAX_WORDS = 15;
/** Why: a cut block ends at a space if one lies within this share of the limit. */
const CUT_WORD_BOUNDARY_SHARE = 0.1;

// ---------------------------------------------------------------------------------------------
// Drafts: blocks before hints, headings and containers are settled
// ---------------------------------------------------------------------------------------------

type DraftKind = 'paragraph' | 'list-item' | 'row' | 'code';

interface Draft {
  kind: DraftKind;
  text: string;
  /** The first source line as given, for the lynx reference list. */
  firstLine: string;
  /** Table cells, for rows ({@link NO_CELLS} for other drafts). */
  cells: readonly string[];
  lines: number;
  blankLinesBefore: number;
  /** Column of the first line (the marker for list items). */
  indent: number;
  ordered: boolean;
  /** A list item that opened with a typed marker (a bullet, a number), not one inferred from packed lines. */
  marked: boolean;
  links: readonly BlockLinkRef[];
  linkMarkers: number;
  hint: HintLabel | null;
  hintToken: string | null;
  /** The hint the line rules gave, before a section overrode it. */
  ownHint: HintLabel | null;
  ownHintToken: string | null;
  headingLevel: number;
  /** Container of the related/comments section the draft sits in; -1 for none. */
  section: number;
  /** Word count and label key of `text`, computed once for the text they were read from (`shapeOf`). */
  shapeOf: string | null;
  words: number;
  /** Characters some line rules need ({@link HAS_DIGIT} …), noted in the same scan as the word count. */
  chars: number;
  key: string;
  /**
   * The comment-thread tests on `text` (reply link or action bar, comment header), read once for the text they were
   * read from (`threadMarksOf`): the thread search asks about each line again for every line up to a dozen above it.
   */
  threadMarksOf: string | null;
  threadMarks: number;
}

/** The draft's word count and label key: every pass asks for them, so they are read once per text. */
function shape(draft: Draft): Draft {
  if (draft.shapeOf !== draft.text) {
    draft.shapeOf = draft.text;
    draft.words = wordCount(draft.text);
    draft.chars = scannedChars;
    // More words with a letter than any label has: the key is the long-line key, known without building it
    // (a surrogate sends the key down another path, so such lines are keyed in full).
    const long = scannedLetterWords > labelKeyMaxWords() && (scannedChars & HAS_SURROGATE) === 0;
    draft.key = long ? LONG_LINE_KEY : labelKey(draft.text);
  }
  return draft;
}

function draftWords(draft: Draft): number {
  return shape(draft).words;
}

/**
 * CRLF/CR → LF, BOM dropped, no-break spaces → space, trailing whitespace and form feeds removed: the page's lines,
 * as strings alone (a line's indent is {@link leadingSpaces}, its width its length). An object per line lived through
 * the drafting, so a long page's were promoted out of the young generation, where the peak heap still counts them.
 */
function normaliseLines(text: string): string[] {
  // Each replacement only where its characters occur: a search for one character is far cheaper than a regex pass.
  let unified = text.replace(/^\uFEFF/u, '');
  if (unified.includes('\r')) unified = unified.replace(/\r\n?/gu, '\n');
  if (unified.includes('\u00a0') || unified.includes('\u2007') || unified.includes('\u202f')) unified = unified.replace(/[\u00A0\u2007\u202F]/gu, ' ');
  const formFeeds = unified.includes('\f');
  const lines = unified.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    lines[i] = (formFeeds ? line.replace(/\f/gu, '') : line).trimEnd();
  }
  return lines;
}

/** The whitespace `trimStart()` would remove, counted without the copy. */
function leadingSpaces(text: string): number {
  let n = 0;
  while (n < text.length && isSpaceCode(text.charCodeAt(n))) n++;
  return n;
}

/** Whether a space lies between the first and last non-space characters (`text.trim().includes(' ')`). */
function hasInnerSpace(text: string): boolean {
  const start = leadingSpaces(text);
  let end = text.length;
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  const space = text.indexOf(' ', start);
  return space >= 0 && space < end;
}


/*
 * Characters that some line rules cannot match without: a line lacking them skips those rules' regexes.
 * Each rule's pattern holds the character in every branch (a digit in a clock time or reading time, a
 * colon after a caption, tag or topics label, a degree sign in a weather line, a separator in a menu row).
 */
const HAS_DIGIT = 1;
const HAS_COLON = 2;
const HAS_PIPE = 4;
const HAS_DEGREE = 8;
const HAS_MENU_SEPARATOR = 16;
/** A surrogate: a character beyond the BMP. */
const HAS_SURROGATE = 32;
/** A copyright sign (a caption credit's mark); bit 9, past the ASCII class bits. */
const HAS_COPYRIGHT = 256;

/** The flags of each ASCII character, and of the non-ASCII menu separators. */
const CHAR_FLAGS = new Uint8Array(0x80);
for (let c = 0x30; c <= 0x39; c++) CHAR_FLAGS[c] = HAS_DIGIT;
CHAR_FLAGS[0x3a] = HAS_COLON;
const MENU_SEPARATOR_CODES: ReadonlySet<number> = new Set([...MENU_SEPARATORS].flatMap((sep) => [...sep]).map((c) => c.charCodeAt(0)));
for (const c of MENU_SEPARATOR_CODES) if (c < 0x80) CHAR_FLAGS[c] = (CHAR_FLAGS[c] ?? 0) | HAS_MENU_SEPARATOR;
CHAR_FLAGS[0x7c] = (CHAR_FLAGS[0x7c] ?? 0) | HAS_PIPE;

function nonAsciiFlags(c: number): number {
  if (c === 0xb0) return HAS_DEGREE;
  if (c === 0xa9) return HAS_COPYRIGHT;
  if (c >= 0xd800 && c <= 0xdfff) return HAS_SURROGATE;
  return MENU_SEPARATOR_CODES.has(c) ? HAS_MENU_SEPARATOR : 0;
}

/** Bits of {@link ASCII_CLASS} beside the rule flags: an ASCII space (as `\s` reads it), an ASCII letter. */
const ASCII_SPACE = 64;
const ASCII_LETTER = 128;
/** Each ASCII character's {@link CHAR_FLAGS} with {@link ASCII_SPACE} and {@link ASCII_LETTER}. */
const ASCII_CLASS = new Uint8Array(0x80);
for (let c = 0; c < 0x80; c++) {
  const lower = c | 0x20;
  ASCII_CLASS[c] = CHAR_FLAGS[c]! | (c === 0x20 || (c >= 0x09 && c <= 0x0d) ? ASCII_SPACE : 0) | (lower >= 0x61 && lower <= 0x7a ? ASCII_LETTER : 0);
}

/** The {@link HAS_DIGIT} … flags of the text {@link wordCount} read last (a second result without an object per line). */
let scannedChars = 0;
/** Space-separated words holding an ASCII letter in the text {@link wordCount} read last: each is a word of its label key. */
let scannedLetterWords = 0;

/**
 * Words in one scan without copies: runs of non-space characters (what `text.trim().split(/\s+/u)`
 * counts), plus one per two characters of an unspaced script, whose lines are otherwise one "word".
 * Notes the text's rule characters in {@link scannedChars} on the way.
 */
function wordCount(text: string): number {
  let words = 0;
  let unspaced = 0;
  let inWord = false;
  let flags = 0;
  let letterWords = 0;
  let letter = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      // One table read gives an ASCII character's rule flags, whether it is a space, and whether a letter.
      const k = ASCII_CLASS[c]!;
      flags |= k;
      if ((k & ASCII_SPACE) === 0) {
        if (!inWord) words++;
        inWord = true;
        if ((k & ASCII_LETTER) !== 0) letter = true;
      } else {
        inWord = false;
        if (letter) {
          letterWords++;
          letter = false;
        }
      }
      continue;
    }
    const space = isSpaceCode(c);
    if (!space && !inWord) words++;
    else if (space && letter) {
      letterWords++;
      letter = false;
    }
    inWord = !space;
    flags |= nonAsciiFlags(c);
    if (c >= 0x0e00 && isUnspaced(c)) unspaced++;
  }
  if (letter) letterWords++;
  scannedChars = flags & ~(ASCII_SPACE | ASCII_LETTER);
  scannedLetterWords = letterWords;
  return words + Math.floor(unspaced / UNSPACED_CHARS_PER_WORD);
}

/** Whether the last character is one of `chars` (an end-anchored regex would be tried from every position). */
function lastCharIn(text: string, chars: string): boolean {
  return text.length > 0 && chars.includes(text.charAt(text.length - 1));
}

function firstWordLength(text: string): number {
  const match = /^\S+/u.exec(text.trimStart());
  return match === null ? 0 : match[0].length;
}

/**
 * The column a hard-wrapped page was wrapped at, or null when lines were not wrapped.
 * Lines without a space (rules), lines with URLs (never wrapped) and table rows say nothing about wrapping.
 */
export function detectWrapColumn(lines: readonly string[]): number | null {
  const widths = lines.filter((l) => hasInnerSpace(l) && !l.includes('\t') && !l.includes('://')).map((l) => l.length);
  if (widths.length < WRAP_MIN_NEAR_LINES) return null;
  const overlong = widths.filter((w) => w > MAX_WRAP_COLUMN).length;
  if (overlong > widths.length * WRAP_OVERLONG_SHARE) return null;
  // A loop, not Math.max(...): spreading half a million widths overflows the call stack.
  let column = 0;
  for (const w of widths) if (w <= MAX_WRAP_COLUMN && w > column) column = w;
  if (column < MIN_WRAP_COLUMN) return null;
  const band = Math.max(WRAP_BAND_MIN, Math.round(column * WRAP_BAND_SHARE));
  const near = widths.filter((w) => w <= column && w >= column - band).length;
  const wide = widths.filter((w) => w <= column && w >= column * WRAP_MIN_FILL).length;
  if (near < WRAP_MIN_NEAR_LINES || near < wide * WRAP_NEAR_SHARE) return null;
  return column;
}

/** Whether `next` continues the line before it: that line was full, and next's first word would not have fit on it. */
function continuesWrappedLine(previousWidth: number, next: string, column: number | null): boolean {
  if (column === null) return false;
  if (previousWidth < column * WRAP_MIN_FILL) return false;
  return previousWidth + 1 + firstWordLength(next) > column;
}

/** Where the open draft's lines stand: what the next line is held to, to continue it. Only the open draft needs it. */
interface OpenDraft {
  draft: Draft;
  /** Column where the text starts (after any list marker), and where continuation lines must start. */
  textColumn: number;
  /** Column of a paragraph's continuation lines when they start elsewhere than its first line; -1 until one does. */
  hangColumn: number;
  /** The last source line as given, for code continuation. */
  lastLine: string;
  /** Full width of the last source line, for the wrap test. */
  lastLineWidth: number;
  /** The last line's text as joined into the draft: its end decides how the next wrapped line joins. */
  lastPiece: string;
}

/**
 * Whether a line indented `indent` starts where the open draft's continuation lines start: at its text column, or,
 * for a paragraph, at one other column shared by all of them: deeper (a hanging indent, as source-formatted pages
 * print) or shallower (a first-line indent, as press releases and typed letters set their paragraphs).
 */
function continuesAtColumn(open: OpenDraft, indent: number): boolean {
  if (indent === open.textColumn && open.hangColumn === -1) return true;
  if (open.draft.kind !== 'paragraph') return false;
  return open.hangColumn === -1 ? open.draft.lines === 1 : indent === open.hangColumn;
}

/**
 * `text` with a wrapped line joined on. A wrapper may break after the hyphen of a compound ("well-\nknown"): rejoin
 * without a space. The hyphen is looked for in the line before (`previous`), not in the joined text, which a regex
 * would scan whole on every join: a paragraph of n wrapped lines took time in n².
 */
function joinWrapped(text: string, previous: string, continuation: string): string {
  if (/\p{L}-$/u.test(previous) && /^\p{L}/u.test(continuation)) return text + continuation;
  return `${text} ${continuation}`;
}

function tableCells(raw: string): string[] | null {
  if (!raw.includes('\t')) return null;
  const cells = raw.split('\t').map((c) => c.trim());
  let first = 0;
  let last = cells.length - 1;
  while (first <= last && cells[first] === '') first++;
  while (last >= first && cells[last] === '') last--;
  const kept = cells.slice(first, last + 1);
  return kept.filter((c) => c.length > 0).length >= 2 ? kept : null;
}

/** The characters {@link BULLET_LINE} and {@link NUMBERED_LINE} accept after the indent: bullets and digits. */
const ITEM_MARKER_CHARS = new Set([...'•-*+·–▪◦‣0123456789'].map((c) => c.charCodeAt(0)));

/** Whether the line's first non-space character could open a list item: the item regexes are tried only then. */
function mayOpenItem(raw: string, indent: number): boolean {
  return ITEM_MARKER_CHARS.has(raw.charCodeAt(indent));
}

/** A numbered item, unless the number is a German-style day ("3. März 2024"). */
function ordinalItem(raw: string): RegExpExecArray | null {
  const match = NUMBERED_LINE.exec(raw);
  if (match === null) return null;
  const firstWord = letterWords(match[3] ?? '')[0];
  if ((firstWord !== undefined && CALENDAR_WORDS.has(firstWord) && /^\S*\p{L}/u.test(match[3] ?? ''))) return null;
  return match;
}

/** The cells of every draft but a row, and the links of every line without any: one frozen empty list each, not one per line. */
const NO_CELLS: readonly string[] = Object.freeze([]);
const NO_LINKS: readonly BlockLinkRef[] = Object.freeze([]);

function newDraft(kind: DraftKind, text: string, raw: string, indent: number, blankLinesBefore: number): Draft {
  return {
    kind,
    text,
    firstLine: raw,
    cells: NO_CELLS,
    lines: 1,
    blankLinesBefore,
    indent,
    ordered: false,
    marked: false,
    links: NO_LINKS,
    linkMarkers: 0,
    hint: null,
    hintToken: null,
    ownHint: null,
    ownHintToken: null,
    headingLevel: 0,
    section: -1,
    shapeOf: null,
    words: 0,
    chars: 0,
    key: '',
    threadMarksOf: null,
    threadMarks: 0,
  };
}

/** A command line as a code sample shows it: continued with a backslash, behind a "$ " prompt, or piped/flagged and not a sentence. */
function isCodeLine(raw: string, indent: number): boolean {
  // Both command shapes open with "$" or a lowercase letter; most lines are ruled out by their first character.
  const first = raw.charCodeAt(indent);
  if (first !== 0x24 && (first < 0x61 || first > 0x7a)) return false;
  const text = raw.trim();
  if (SHELL_PROMPT.test(text)) return true;
  if (endsSentence(text)) return false;
  return SHELL_COMMAND.test(text) || (endsWithContinuation(text) && /^[a-z]/u.test(text));
}

/** Why: one packed line after a colon may be a quoted remark; two or more are the items of a list innerText printed without markers. */
const UNMARKED_LIST_MIN_ITEMS = 2;

/** innerText drops list markers: packed lines right after a paragraph ending with a colon are that paragraph's list. */
function markUnmarkedLists(drafts: readonly Draft[]): void {
  for (let i = 0; i < drafts.length; i++) {
    const lead = drafts[i] as Draft;
    if (lead.kind !== 'paragraph' || !lead.text.endsWith(':') || draftWords(lead) < BODY_MIN_WORDS) continue;
    let end = i + 1;
    while (end < drafts.length && drafts[end]?.kind === 'paragraph' && (end === i + 1 || drafts[end]?.blankLinesBefore === 0)) end++;
    if (end - (i + 1) < UNMARKED_LIST_MIN_ITEMS) continue;
    for (const item of drafts.slice(i + 1, end)) item.kind = 'list-item';
    i = end - 1;
  }
}

/** Lines → drafts: blank lines split; inside a run of lines, each line is its own draft unless it continues a wrapped one. */
/**
 * The wrap column of each line: the page's, when the whole page was hard-wrapped (a dump); else a
 * stanza's own, when a run of lines without blank lines between was (an innerText page showing a
 * `<pre>` press release or a plain-text e-mail in its middle); else none.
 */
function wrapColumns(lines: readonly string[]): (number | null)[] {
  const page = detectWrapColumn(lines);
  const columns = new Array<number | null>(lines.length).fill(page);
  if (page !== null) return columns;
  let start = 0;
  while (start < lines.length) {
    while (start < lines.length && lines[start]!.length === 0) start++;
    let end = start;
    while (end < lines.length && lines[end]!.length > 0) end++;
    if (end - start >= LOCAL_WRAP_MIN_LINES) {
      const stanza = lines.slice(start, end);
      // A stanza set deep in source-formatted whitespace is wrapped at its own width past its common indent.
      let common = Infinity;
      for (const line of stanza) common = Math.min(common, leadingSpaces(line));
      const shifted = common > 0 ? stanza.map((line) => line.slice(common)) : stanza;
      const found = detectWrapColumn(shifted);
      const column = found === null ? null : found + common;
      if (column !== null && continuesInLowercase(stanza)) columns.fill(column, start, end);
    }
    start = end;
  }
  return columns;
}

/** Wrapped prose often runs on mid-sentence into a small letter; a list of headlines never does. */
function continuesInLowercase(stanza: readonly string[]): boolean {
  let lower = 0;
  for (let i = 1; i < stanza.length; i++) if (/^\s*\p{Ll}/u.test(stanza[i]!)) lower++;
  return lower >= (stanza.length - 1) * LOCAL_WRAP_MIN_LOWER_SHARE;
}

/** Why: a wrapper breaks before a spaced dash as before any word ("The Future of HDTV\n- 2007 Edition"); these open no item then. */
const WRAPPED_DASHES: ReadonlySet<number> = new Set([0x2d, 0x2013]);

/**
 * Whether a line opening with a dash continues the wrapped paragraph above rather than opening a list: the page is
 * wrapped, the paragraph's last line was full and does not end a sentence or announce a list, and the next line opens
 * no item (a list has two).
 */
function dashInWrappedLine(open: OpenDraft | null, raw: string, indent: number, column: number | null, next: string | undefined): boolean {
  if (open === null || open.draft.kind !== 'paragraph' || !WRAPPED_DASHES.has(raw.charCodeAt(indent))) return false;
  if (!continuesAtColumn(open, indent) || !continuesWrappedLine(open.lastLineWidth, raw, column)) return false;
  if (/[.!?:;]["”’)]?$/u.test(open.lastPiece)) return false;
  return next === undefined || !(mayOpenItem(next, leadingSpaces(next)) && BULLET_LINE.test(next));
}

function draftBlocks(lines: readonly string[], columns: readonly (number | null)[]): Draft[] {
  const drafts: Draft[] = [];
  let open: OpenDraft | null = null;
  let blanks = 0;
  const opened = (draft: Draft, textColumn: number, raw: string): OpenDraft => {
    drafts.push(draft);
    blanks = 0;
    return { draft, textColumn, hangColumn: -1, lastLine: raw, lastLineWidth: raw.length, lastPiece: draft.text };
  };
  for (let at = 0; at < lines.length; at++) {
    const raw = lines[at]!;
    const column = columns[at] ?? null;
    // Lines arrive without trailing whitespace: a blank one is empty.
    if (raw.length === 0) {
      blanks++;
      open = null;
      continue;
    }
    if (open?.draft.kind === 'code' && endsWithContinuation(open.lastLine)) {
      open.draft.text = `${open.draft.text}\n${raw}`;
      open.draft.lines++;
      open.lastLine = raw;
      continue;
    }
    const indent = leadingSpaces(raw);
    if (isCodeLine(raw, indent)) {
      open = opened(newDraft('code', raw.trimStart(), raw, indent, blanks), indent, raw);
      continue;
    }
    const cells = tableCells(raw);
    if (cells !== null) {
      const row = newDraft('row', cells.join(' '), raw, indent, blanks);
      row.cells = cells;
      drafts.push(row);
      blanks = 0;
      open = null;
      continue;
    }
    const marker = mayOpenItem(raw, indent) && !dashInWrappedLine(open, raw, indent, column, lines[at + 1]);
    const bullet = marker ? BULLET_LINE.exec(raw) : null;
    const numbered = bullet === null && marker ? ordinalItem(raw) : null;
    const item = bullet ?? numbered;
    if (item !== null) {
      const text = item[3] ?? '';
      const draft = newDraft('list-item', text, raw, indent, blanks);
      draft.ordered = numbered !== null;
      draft.marked = true;
      open = opened(draft, raw.length - text.length, raw);
      continue;
    }
    if (open !== null && continuesAtColumn(open, indent) && continuesWrappedLine(open.lastLineWidth, raw, column)) {
      if (indent !== open.textColumn) open.hangColumn = indent;
      const piece = raw.trim();
      open.draft.text = joinWrapped(open.draft.text, open.lastPiece, piece);
      open.draft.lines++;
      open.lastLineWidth = raw.length;
      open.lastPiece = piece;
      continue;
    }
    open = opened(newDraft('paragraph', raw.trim(), raw, indent, blanks), indent, raw);
  }
  return drafts;
}

// ---------------------------------------------------------------------------------------------
// lynx link references
// ---------------------------------------------------------------------------------------------

/** The `References` list a lynx dump ends with: marker number → URL. Empty when the dump has none. */
function readLinkReferences(drafts: readonly Draft[]): { urls: Map<string, string>; start: number } {
  const urls = new Map<string, string>();
  for (let i = drafts.length - 1; i >= 0; i--) {
    const draft = drafts[i];
    if (draft === undefined) continue;
    if (draft.kind === 'paragraph' && LINK_REFERENCE_LABELS.has(shape(draft).key)) {
      for (const later of drafts.slice(i + 1)) {
        const match = LYNX_REFERENCE_LINE.exec(later.firstLine);
        if (match?.[1] !== undefined && match[2] !== undefined) urls.set(match[1], match[2]);
      }
      if (urls.size > 0) return { urls, start: i };
    }
  }
  return { urls, start: -1 };
}

/** Drops `[n]` markers from a draft's text and records the links they open. */
function resolveLinkMarkers(draft: Draft, urls: ReadonlyMap<string, string>): void {
  const pieces = draft.text.split(LYNX_LINK_MARKER);
  if (pieces.length === 1) return;
  // split with a capture group alternates text and marker numbers: [text, n, text, n, text]
  let text = pieces[0] ?? '';
  const links: BlockLinkRef[] = [];
  for (let i = 1; i < pieces.length; i += 2) {
    const number = pieces[i] ?? '';
    const following = pieces[i + 1] ?? '';
    const href = urls.get(number);
    if (href !== undefined) {
      const words = following.trim().split(/\s+/u).filter((w) => w.length > 0);
      const isRest = i + 2 >= pieces.length && words.length <= LINK_WHOLE_BLOCK_MAX_WORDS;
      const linkText = isRest ? following.trim() : words.slice(0, LINK_TEXT_MAX_WORDS).join(' ');
      if (linkText.length > 0) links.push({ href, text: linkText });
    }
    text += following;
  }
  draft.text = flatCopy(text.trim());
  draft.cells = draft.cells.map((c) => c.replace(LYNX_LINK_MARKER, ''));
  draft.links = links;
  draft.linkMarkers = (pieces.length - 1) / 2;
}

// ---------------------------------------------------------------------------------------------
// Line rules: one line → a chrome hint
// ---------------------------------------------------------------------------------------------

function startsUpper(word: string | undefined): boolean {
  return word !== undefined && /^["'“‘(]?\p{Lu}/u.test(word);
}

/**
 * Why: news sites print the author under the headline as a name, a comma and a social handle ("Jane Doe, @janedoe");
 * "Breaking News @outlet" has no comma, and "Follow Jane Doe @janedoe" is a prompt.
 */
const HANDLE_BYLINE = /^(?!(?:Follow|Folge|Folgen|Folgt|Suivez|Sigue|Siga|Segui)\s)\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){1,3}, @\w{1,30}$/u;

/** Marks that end a credit's name inside a line: the theme's date, category or comment link follows (not a dash: "By Design – A New Exhibition"). */
const CREDIT_SEPARATORS: ReadonlySet<string> = new Set(['|', '·', '•']);

/**
 * A blog theme's date-and-author phrase ({@link THEME_BYLINE}): never ending like a sentence. "Posted in News by jdoe"
 * names its category before the handle; a German, French, Spanish or Italian verb without a date needs a capitalised
 * name after it ("Erstellt von Fabian", not "Erstellt von der Stadt Wien").
 */
function isThemeByline(text: string): boolean {
  if (lastCharIn(text, '.!?')) return false;
  const match = execLineStart(THEME_BYLINE_AT, text);
  if (match === null) return false;
  // The verbs and prepositions hold no digit: one in the match is the date's.
  const dated = /\d/u.test(match[0]);
  return dated || /^posted\s/iu.test(text) || startsUpper(text.slice(match[0].length - 1));
}

function bylineRule(text: string, words: number): string | null {
  if (words > BYLINE_MAX_WORDS) return null;
  if (testLineStart(BYLINE_LABEL_AT, text)) return 'text:byline-label';
  // "By the end of the year, prices rose." is a sentence: bylines do not end like one unless very short.
  if (lastCharIn(text, '.!?') && words > 5) return null;
  if (isThemeByline(text)) return 'text:byline-label';
  const prefixed = execLineStart(BYLINE_PREFIX_AT, text);
  if (prefixed?.[1] !== undefined) {
    const rest = prefixed[1].split(/\s+/u);
    // "By Jane Doe", "By J. Doe", and a one-word name before a separator: "By Daniel | Published: 23. Juli", "von Gartenfee · 22. Oktober".
    if (rest.length === 1 || startsUpper(rest[1]) || /^\p{Lu}\.$/u.test(rest[1] ?? '') || CREDIT_SEPARATORS.has(rest[1] ?? '')) return 'text:byline-prefix';
  }
  // "Jane Doe, @janedoe": a name and the author's social handle, nothing else (the pattern, tried on every short line,
  // only where its ", @" shows).
  if (text.includes(', @') && HANDLE_BYLINE.test(text)) return 'text:byline-handle';
  const comma = text.indexOf(',');
  if (comma > 0) {
    const name = text.slice(0, comma).trim().split(/\s+/u);
    const nameLooksLikeOne = name.length >= 2 && name.length <= 4 && name.every((w) => startsUpper(w) || BYLINE_JOINERS.has(w));
    // The role's words are read only after a name: most lines with a comma are prose.
    const role = nameLooksLikeOne ? letterWords(text.slice(comma + 1)) : [];
    if (nameLooksLikeOne && role.length > 0 && role.length <= 6 && role.some((w) => BYLINE_ROLE_WORDS.has(w))) {
      return 'text:byline-role';
    }
  }
  return null;
}

/**
 * One line as the rules read it: its text, word count and rule characters, with its letter words
 * (and the first of them) read on first use: most lines are ruled out by their length or their
 * first word before a rule needs all of them.
 */
class LineView {
  private tokenList: string[] | null = null;
  private first: string | null | undefined = undefined;

  constructor(
    readonly text: string,
    readonly words: number,
    readonly chars: number,
    /** The label key when the caller has it (a draft's), else null: the line's phrase key is read on first use. */
    private keyValue: string | null,
  ) {}

  tokens(): string[] {
    return (this.tokenList ??= letterWords(this.text));
  }

  /** `tokens()[0]` (null for none), read without tokenising the line when it opens in ASCII. */
  firstToken(): string | null {
    if (this.first === undefined) this.first = this.tokenList !== null ? (this.tokenList[0] ?? null) : firstLetterWord(this);
    return this.first;
  }

  key(): string {
    return (this.keyValue ??= phraseKey(this.text));
  }

  has(flag: number): boolean {
    return (this.chars & flag) !== 0;
  }
}

/**
 * The first ASCII letter run, lowercased, when it ends before any non-ASCII character: what
 * {@link letterWords} gives first, since lowercasing leaves the ASCII before it in place. Otherwise
 * the first letter run of the lowercased line, which is what its Unicode path gives first.
 */
function firstLetterWord(line: LineView): string | null {
  const text = line.text;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return firstLetterRun(text.toLowerCase());
    const lower = c | 0x20;
    if (lower >= 0x61 && lower <= 0x7a) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      return text.slice(start, i).toLowerCase();
    }
  }
  return start >= 0 ? text.slice(start).toLowerCase() : null;
}

/** The first match of `/\p{L}+/gu` in an already lowercased text, or null: the first of {@link letterWords} without the others. */
function firstLetterRun(lower: string): string | null {
  let start = -1;
  for (let i = 0; i < lower.length; ) {
    const c = lower.charCodeAt(i);
    const width = widthAt(lower, i, c);
    const letter = c < 0x80 ? ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) : isLetterAt(lower, i, c, width);
    if (letter) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      return lower.slice(start, i);
    }
    i += width;
  }
  return start >= 0 ? lower.slice(start) : null;
}

function isDateLine(line: LineView): boolean {
  if (line.words > DATE_LINE_MAX_WORDS || !line.has(HAS_DIGIT)) return false;
  // Every word must be a date word: the first one decides most lines.
  const first = line.firstToken();
  if (first !== null && !CALENDAR_WORDS.has(first) && !RELATIVE_DATE_WORDS.has(first) && !DATE_FILLER_WORDS.has(first)) return false;
  let calendar = false;
  let relative = false;
  for (const token of line.tokens()) {
    if (CALENDAR_WORDS.has(token)) calendar = true;
    else if (RELATIVE_DATE_WORDS.has(token)) relative = true;
    else if (!DATE_FILLER_WORDS.has(token)) return false;
  }
  return calendar || relative || NUMERIC_DATE.test(line.text);
}

/** The characters a credit can end with: a closing parenthesis or an agency's last letter. */
const CREDIT_LAST_CHARS = new Set([')', ...CREDIT_AGENCIES.map((agency) => agency.charAt(agency.length - 1))]);

/**
 * The agencies by their last letter, so a line is compared only with names it could end with.
 * Single names count only after a slash ("Jane Doe/AP"): "… told Reuters." is prose. Stock-photo
 * names and names of several words are never prose, so a space before them will do.
 */
const AGENCIES_BY_LAST_CHAR = new Map<string, { agency: string; unmistakable: boolean }[]>();
for (const agency of CREDIT_AGENCIES) {
  const last = agency.charAt(agency.length - 1);
  const unmistakable = agency.includes(' ') || agency.endsWith('stock') || agency.endsWith('stockphoto');
  AGENCIES_BY_LAST_CHAR.set(last, [...(AGENCIES_BY_LAST_CHAR.get(last) ?? []), { agency, unmistakable }]);
}

/** The longest agency name, a final period and the character before the name. */
const CREDIT_TAIL_CHARS = Math.max(...CREDIT_AGENCIES.map((agency) => agency.length)) + 2;

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return false;
  return true;
}

function withoutFinalPeriod(text: string): string {
  return text.endsWith('.') ? text.slice(0, -1) : text;
}

/** ASCII characters a credit can end with, in either case: most lines are ruled out by this lookup. */
const CREDIT_LAST_ASCII = new Uint8Array(0x80);
for (const c of CREDIT_LAST_CHARS) {
  const code = c.charCodeAt(0);
  if (code < 0x80) {
    CREDIT_LAST_ASCII[code] = 1;
    CREDIT_LAST_ASCII[c.toUpperCase().charCodeAt(0)] = 1;
  }
}

function asciiLower(code: number): number {
  return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
}

/** A caption's closing credit: "(Reuters)", "(Photo by X/Getty Images)", "/AP", "Getty Images". */
function endsWithCredit(text: string): boolean {
  // An ASCII last character (before a final period) that no credit ends with rules the line out.
  const end = text.endsWith('.') ? text.length - 2 : text.length - 1;
  const last = end >= 0 ? text.charCodeAt(end) : -1;
  if (last >= 0 && last < 0x80 && CREDIT_LAST_ASCII[last] !== 1) return false;
  // An agency credit lies in the last characters: when they are ASCII, they are compared case-blind in place.
  const tailStart = Math.max(0, text.length - CREDIT_TAIL_CHARS);
  if (last !== 0x29 && isAsciiFrom(text, tailStart)) return endsWithAgency(text, end + 1);
  const tail = text.length > CREDIT_TAIL_CHARS ? text.slice(-CREDIT_TAIL_CHARS) : text;
  const partial = tail !== text && isAscii(tail);
  let lower = withoutFinalPeriod((partial ? tail : text).toLowerCase());
  if (lower.endsWith(')')) {
    if (partial) lower = withoutFinalPeriod(text.toLowerCase());
    const inner = lower.slice(lower.lastIndexOf('(') + 1, -1).trim();
    return CREDIT_AGENCIES.includes(inner) || CREDIT_PAREN_PREFIXES.some((p) => inner.startsWith(p));
  }
  for (const { agency, unmistakable } of AGENCIES_BY_LAST_CHAR.get(lower.charAt(lower.length - 1)) ?? []) {
    if (!lower.endsWith(agency)) continue;
    const before = lower.charAt(lower.length - agency.length - 1);
    if (before === '/' || (unmistakable && (before === ' ' || before === ''))) return true;
  }
  return false;
}

function isAsciiFrom(text: string, start: number): boolean {
  for (let i = start; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return false;
  return true;
}

/** The agency test of {@link endsWithCredit} on `text.slice(0, end)` read case-blind, for an ASCII end of line. */
function endsWithAgency(text: string, end: number): boolean {
  if (end <= 0) return false;
  for (const { agency, unmistakable } of AGENCIES_BY_LAST_CHAR.get(String.fromCharCode(asciiLower(text.charCodeAt(end - 1)))) ?? []) {
    const from = end - agency.length;
    if (from < 0) continue;
    let same = true;
    for (let k = 0; k < agency.length && same; k++) same = asciiLower(text.charCodeAt(from + k)) === agency.charCodeAt(k);
    if (!same) continue;
    const before = from > 0 ? text.charCodeAt(from - 1) : -1;
    if (before === 0x2f || (unmistakable && (before === 0x20 || before === -1))) return true;
  }
  return false;
}

/**
 * Why: markup printed as text ("<div style=…><img width=1 height=1 …>") is what a script or a noscript block left in
 * the rendering (an ad or tracking slot), not the article; an element with an attribute opens the line.
 */
const AD_SLOT_MARKUP = /^<(?:div|img|script|iframe|span|noscript|ins|a|p|link|style)[ \t]+[a-z-]+=/iu;

/** A one-line paragraph of markup printed as text, between lines that are none: an ad or tracking slot's residue. */
function markRawMarkup(drafts: readonly Draft[]): void {
  const opensTag = (draft: Draft | undefined): boolean => draft !== undefined && draft.text.charCodeAt(0) === 0x3c;
  for (let i = 0; i < drafts.length; i++) {
    const draft = drafts[i]!;
    if (draft.kind !== 'paragraph' || draft.lines !== 1 || draft.ownHint !== null || !opensTag(draft)) continue;
    // A code sample's lines come together; a slot's residue stands alone.
    if (opensTag(drafts[i - 1]) || opensTag(drafts[i + 1])) continue;
    if (!AD_SLOT_MARKUP.test(draft.text) || !draft.text.includes('>')) continue;
    setOwnHint(draft, 'ad', 'text:raw-markup');
  }
}

/** Why: a consent dialog's cookie paragraphs come a few lines apart (headings, switches and table cells between). */
const CONSENT_MAX_GAP = 6;
/** Why: one paragraph about cookies may be an article's; a dialog has several. */
const CONSENT_MIN_PARAGRAPHS = 3;

/** A paragraph of a consent dialog: it names cookies and what consent is about (the site, privacy, a switch, a browser). */
function isConsentProse(draft: Draft): boolean {
  return draft.kind !== 'code' && draft.text.length > 0 && COOKIE_WORD.test(draft.text) && CONSENT_WORDS.test(draft.text);
}

/** A dialog's button or switch: a few words naming an action on consent or settings. */
function isConsentControl(draft: Draft): boolean {
  return draftWords(draft) <= CONSENT_CONTROL_MAX_WORDS && CONSENT_CONTROL.test(draft.text);
}

/** A dialog's title, button or switch: a few words about cookies, consent or settings. */
function isConsentLabel(draft: Draft): boolean {
  if (draftWords(draft) > CONSENT_CONTROL_MAX_WORDS) return false;
  return CONSENT_CONTROL.test(draft.text) || CONSENT_WORDS.test(draft.text) || COOKIE_WORD.test(draft.text);
}

/** Whether a line from `start` to `end` is one of the dialog's buttons or switches. */
function holdsConsentControl(drafts: readonly Draft[], start: number, end: number): boolean {
  for (let k = start; k <= end; k++) if (isConsentControl(drafts[k]!)) return true;
  return false;
}

/**
 * A consent manager's dialog printed in the page's text ("Privacy overview", "Notwendige Cookies …", a table of cookie
 * names and durations): three or more consent paragraphs, each at most a few lines from the last, with a button or a
 * switch among them, are a cookie box, the short lines between them too, however long its prose; it would otherwise
 * outweigh a short article. A story about cookies has no button; a privacy policy has none either.
 */
function markConsentDialogs(drafts: readonly Draft[]): void {
  let previousEnd = -1;
  let i = 0;
  while (i < drafts.length) {
    if (!isConsentProse(drafts[i]!)) {
      i++;
      continue;
    }
    const hits = [i];
    let j = i + 1;
    while (j < drafts.length && j - hits[hits.length - 1]! <= CONSENT_MAX_GAP) {
      if (isConsentProse(drafts[j]!)) hits.push(j);
      j++;
    }
    const last = hits[hits.length - 1]!;
    if (hits.length >= CONSENT_MIN_PARAGRAPHS) {
      // The dialog's title above its first paragraph ("Privacy overview") and its buttons below the last ("Save settings"),
      // a few lines each way, never back into the dialog marked before.
      let start = i;
      while (start > Math.max(previousEnd + 1, i - CONSENT_MAX_GAP) && isConsentLabel(drafts[start - 1]!)) start--;
      let end = last;
      while (end + 1 < Math.min(drafts.length, last + 1 + CONSENT_MAX_GAP) && isConsentLabel(drafts[end + 1]!)) end++;
      if (!holdsConsentControl(drafts, start, end)) {
        i = last + 1;
        continue;
      }
      previousEnd = end;
      for (let k = start; k <= end; k++) if (drafts[k]!.ownHint === null) setOwnHint(drafts[k]!, 'cookie', 'text:consent-dialog');
    }
    i = last + 1;
  }
}

/** Why: a share button's text and its note ("Klicken, um dies einem Freund per E-Mail zu senden (Wird in neuem Fenster geöffnet)"). */
const SHARE_BUTTON_MAX_WORDS = 16;
/** Why: a bare tags label is a word or two. */
const TAGS_LABEL_MAX_WORDS = 2;
/** Why: a tag line lists keywords; one this long that ends a sentence has the article glued to its label. */
const TAGS_LINE_MAX_PROSE_WORDS = 25;
/** Why: ...unless it is a list of keywords, a comma every few words ("Categories: News, SMH, What the Hell???"). */
const TAGS_LIST_MAX_WORDS_PER_ITEM = 4;

const COPYRIGHT_SIGN = 0xa9;
/** Why: a picture's credit is a name, the sign and an agency: a few words. */
const CREDIT_LINE_MAX_WORDS = 7;
/** Why: "Jane Doe © Agency": capitalised words on both sides of the sign, a photographer's name first. */
const PHOTOGRAPHER_COPYRIGHT = /^\p{Lu}[\p{L}.'-]*(?: \p{Lu}[\p{L}.'-]*){1,3} © \p{Lu}/u;
/** Why: "Example Media © All Rights Reserved" is the page's notice, no picture's credit. */
const RIGHTS_RESERVED = /rights reserved|copyright|rechte vorbehalten|droits réservés|derechos reservados|direitos reservados|diritti riservati/iu;
/** Why: a page's copyright notice names its year ("© 2024 Example Media"); a picture's credit names a person and an agency. */
const COPYRIGHT_YEAR = /\b(?:19|20)\d{2}\b/u;

/** Whether the line is a comma-separated list of short items: tags, however it ends. */
function isKeywordList(text: string, words: number): boolean {
  let commas = 0;
  for (let i = text.indexOf(','); i >= 0; i = text.indexOf(',', i + 1)) commas++;
  return commas > 0 && words <= (commas + 1) * TAGS_LIST_MAX_WORDS_PER_ITEM;
}

function isMenuRow(line: LineView): boolean {
  // A line holding no separator character is no menu row, and is not split; nor is one where too few separators stand
  // as words to part it (a paragraph with a "/" in a date or an address).
  if (!line.has(HAS_MENU_SEPARATOR) || !holdsSeparatorWords(line.text, MENU_ROW_MIN_PARTS - 1)) return false;
  const text = line.text;
  const parts: string[][] = [[]];
  for (const token of text.split(/\s+/u)) {
    if (MENU_SEPARATORS.has(token)) parts.push([]);
    else parts[parts.length - 1]?.push(token);
  }
  if (parts.length < MENU_ROW_MIN_PARTS) return false;
  if (isPostNavigationRow(parts)) return true;
  return parts.every((p) => p.length > 0 && p.length <= MENU_ROW_PART_MAX_WORDS && !endsSentence(p.join(' ')));
}

/** The longest menu separator, in code units. */
const MENU_SEPARATOR_MAX_LENGTH = Math.max(...[...MENU_SEPARATORS].map((sep) => sep.length));

/**
 * Whether at least `min` of the line's words (its runs of non-space characters, as `split(/\s+/u)` gives them) are menu
 * separators: read in place, a word copied only when it is short and opens with a separator's character.
 */
function holdsSeparatorWords(text: string, min: number): boolean {
  let found = 0;
  for (let i = 0; i < text.length; ) {
    if (isSpaceCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < text.length && !isSpaceCode(text.charCodeAt(end))) end++;
    if (end - i <= MENU_SEPARATOR_MAX_LENGTH && MENU_SEPARATOR_CODES.has(text.charCodeAt(i)) && MENU_SEPARATORS.has(text.slice(i, end)) && ++found >= min) return true;
    i = end;
  }
  return false;
}

/** "« Older title | Blog Home | Newer title »": the arrows may stand apart, as separators do. */
function isPostNavigationRow(parts: readonly string[][]): boolean {
  const links = parts.filter((p) => p.length > 0 && !(p.length === 1 && POST_ARROWS.has(p[0]!)));
  return links.length === 3 && POST_NAVIGATION_HOME_STEP.test(links[1]!.join(' ')) && links.every((p) => p.length <= POST_NAVIGATION_TITLE_MAX_WORDS);
}

/** Why: arrows that point to the older and newer post. */
const POST_ARROWS: ReadonlySet<string> = new Set(['«', '»', '←', '→', '<', '>', '‹', '›']);

function isShareLine(line: LineView): boolean {
  if (line.words > SHARE_MAX_WORDS) return false;
  const first = line.firstToken();
  if (first === null || !SHARE_WORDS.has(first)) return false;
  const tokens = line.tokens();
  return tokens.every((t) => SHARE_WORDS.has(t)) && tokens.some((t) => SHARE_STRONG_WORDS.has(t));
}

function isLegalLinks(line: LineView): boolean {
  if (line.words > 12) return false;
  const first = line.firstToken();
  if (first === null || !LEGAL_WORDS.has(first)) return false;
  const tokens = line.tokens();
  return tokens.length >= 2 && tokens.every((t) => LEGAL_WORDS.has(t));
}

/** The first characters of the bare tags labels' keys: a line whose key opens with another is ruled out without keying it. */
const TAGS_LABEL_OPENINGS = keyOpenings(TAGS_LABELS);

/** Why: the longest agency name a story is credited to alone ("Press Trust of India", "Australian Associated Press"). */
const AGENCY_CREDIT_MAX_WORDS = 4;

/** A line that is a news agency's name and nothing else ("THE CANADIAN PRESS", "Reuters."): the story's credit, no heading. */
function isAgencyCredit(text: string): boolean {
  let name = text;
  const bracketed = name.charAt(0) === '(' || name.charAt(0) === '[';
  if (AGENCY_CREDIT_OPENERS.includes(name.charAt(0))) name = name.slice(1);
  if (AGENCY_CREDIT_CLOSERS.includes(name.charAt(name.length - 1))) name = name.slice(0, -1);
  name = name.trim();
  // A short agency name is a word too ("Wenn", "Sid", "Ani"): alone on a line it credits only in capitals or brackets.
  if (name.length <= AGENCY_SHORT_NAME_CHARS && !bracketed && name !== name.toUpperCase()) return false;
  return NEWS_AGENCIES.has(name.toLowerCase());
}

/** Why: agency names this short ("AP", "dpa", "Sid", "Wenn") are also words or first names. */
const AGENCY_SHORT_NAME_CHARS = 4;

/** Why: a credit line may bracket the agency ("(AP)") or set a dash before it ("— Reuters") or a stop after it. */
const AGENCY_CREDIT_OPENERS = '([–—-';
const AGENCY_CREDIT_CLOSERS = ')].:';

/** The chrome hint of one line, or null. Order matters: a byline with a date is a byline, a share bar with "Print" is a share bar. */
export function lineHint(text: string): { label: HintLabel; token: string } | null {
  const words = wordCount(text);
  return hintOf(new LineView(text, words, scannedChars, null));
}

/** Rules that need a character skip lines without it (see {@link HAS_DIGIT}): the answer is the same, without the regex. */
function hintOf(line: LineView): { label: HintLabel; token: string } | null {
  const { text, words } = line;
  const byline = bylineRule(text, words);
  if (byline !== null) return { label: 'byline', token: byline };
  if (words <= AGENCY_CREDIT_MAX_WORDS && isAgencyCredit(text)) return { label: 'byline', token: 'text:agency-credit' };
  if (isDateLine(line)) return { label: 'dateline', token: 'text:date-line' };
  if (line.has(HAS_DIGIT) && CLOCK_TIME_LINE.test(text)) return { label: 'dateline', token: 'text:clock-time' };
  const colon = line.has(HAS_COLON);
  if (colon && line.has(HAS_DIGIT) && testLineStart(SERVER_NOTICE_AT, text) && SERVER_NOTICE_ENDING.test(text)) {
    return { label: 'metadata', token: 'text:server-notice' };
  }
  if (words <= CAPTION_MAX_WORDS && colon && testLineStart(CAPTION_PREFIX_AT, text)) return { label: 'caption', token: 'text:caption-label' };
  // "© Bild: WERK" under a picture credits it; it is no page's copyright notice.
  if (words <= CAPTION_MAX_WORDS && colon && text.charCodeAt(0) === COPYRIGHT_SIGN && CAPTION_PREFIX.test(text.slice(1).trimStart())) {
    return { label: 'caption', token: 'text:caption-credit' };
  }
  if (words <= CAPTION_MAX_WORDS && (colon || line.has(HAS_COPYRIGHT)) && hasCaptionCreditTail(text)) return { label: 'caption', token: 'text:caption-credit' };
  // "© Jane Doe / Agency", "©unsplash/Jane Doe": a photographer and an agency, no year; a page's notice gives its year.
  if (words <= CAPTION_MAX_WORDS && text.charCodeAt(0) === COPYRIGHT_SIGN && text.includes('/') && !COPYRIGHT_YEAR.test(text)) {
    return { label: 'caption', token: 'text:caption-credit' };
  }
  // "Jane Doe © Agency": a photographer, the sign, the agency, no year.
  if (words <= CREDIT_LINE_MAX_WORDS && line.has(HAS_COPYRIGHT) && PHOTOGRAPHER_COPYRIGHT.test(text) && !COPYRIGHT_YEAR.test(text) && !RIGHTS_RESERVED.test(text)) {
    return { label: 'caption', token: 'text:caption-credit' };
  }
  if (words <= CAPTION_MAX_WORDS && endsWithCredit(text)) return { label: 'caption', token: 'text:photo-credit' };
  if (words <= PHOTO_LIBRARY_CREDIT_MAX_WORDS && PHOTO_LIBRARY_CREDIT.test(text)) return { label: 'caption', token: 'text:photo-credit' };
  if (testLineStart(MEDIA_CAPTION_AT, text)) return { label: 'caption', token: 'text:caption-label' };
  if (colon && testLineStart(TAGS_PREFIX_AT, text) && !(words > TAGS_LINE_MAX_PROSE_WORDS && endsSentence(text) && !isKeywordList(text, words))) {
    return { label: 'metadata', token: 'text:tags' };
  }
  // The gates below, tested once together: a line none of them opens (nearly every line) is tested only at its start.
  const gateOpen = words <= Math.max(COOKIE_MAX_WORDS, PROMPT_MAX_WORDS) && LINE_RULE_GATES.test(text);
  if (words <= PROMPT_MAX_WORDS && testGatedKnowing(LEGAL_GATE, text, gateOpen)) return { label: 'legal', token: 'text:copyright' };
  if (isLegalLinks(line)) return { label: 'legal', token: 'text:legal-links' };
  if (words <= COOKIE_MAX_WORDS && testGatedKnowing(COOKIE_GATE, text, gateOpen)) return { label: 'cookie', token: 'text:cookie-notice' };
  if (words <= PROMPT_MAX_WORDS && testLineStart(SUBSCRIPTION_AT, text)) return { label: 'promo', token: 'text:subscription-prompt' };
  if (words <= PROMPT_MAX_WORDS && testGatedKnowing(NEWSLETTER_GATE, text, gateOpen)) return { label: 'newsletter', token: 'text:newsletter-prompt' };
  const key = line.key();
  if (AD_PHRASES.has(key)) return { label: 'ad', token: 'text:ad-label' };
  if (isShareLine(line)) return { label: 'share', token: 'text:share-bar' };
  if (words <= SHARE_BUTTON_MAX_WORDS && text.endsWith(')') && SHARE_BUTTON_LINE.test(text)) return { label: 'share', token: 'text:share-bar' };
  if (words <= SOCIAL_EMBED_MAX_WORDS && testLineStart(SOCIAL_EMBED_AT, text)) return { label: 'caption', token: 'text:social-embed' };
  if (words <= TAGS_LABEL_MAX_WORDS && keyMayOpenWith(text, TAGS_LABEL_OPENINGS) && TAGS_LABELS.has(phraseKey(text))) return { label: 'metadata', token: 'text:tags' };
  if (words <= LIKE_WIDGET_MAX_WORDS && LIKE_WIDGET_LINE.test(text)) return { label: 'share', token: 'text:like-widget' };
  if (words <= POST_NAVIGATION_MAX_WORDS && POST_NAVIGATION.test(text)) return { label: 'navigation', token: 'text:post-navigation' };
  if (line.has(HAS_DIGIT) && testLineStart(READING_TIME_AT, text)) return { label: 'metadata', token: 'text:reading-time' };
  if (line.has(HAS_DEGREE) && testGated(WEATHER_GATE, text)) return { label: 'navigation', token: 'text:weather' };
  if (words <= PROMPT_MAX_WORDS && testGatedKnowing(AFFILIATE_GATE, text, gateOpen)) return { label: 'promo', token: 'text:affiliate-disclosure' };
  if (words <= PROMPT_MAX_WORDS && colon && testLineStart(TOPICS_BAR_AT, text)) return { label: 'navigation', token: 'text:topics-bar' };
  if (NAVIGATION_PHRASES.has(key)) return { label: 'navigation', token: 'text:ui-label' };
  if (isMenuRow(line)) return { label: 'navigation', token: 'text:menu-row' };
  if (line.has(HAS_PIPE) && isEntryMetaLine(text)) return { label: 'metadata', token: 'text:entry-meta' };
  const inline = (colon || line.has(HAS_PIPE)) ? execLineStart(INLINE_RELATED_AT, text) : null;
  if (inline?.[1] !== undefined && wordCount(inline[1]) <= HEADING_MAX_WORDS * 2) return { label: 'related', token: 'text:related-inline' };
  return null;
}

/** A post's footer line: pipe-separated segments, one naming its categories and one its comments. */
function isEntryMetaLine(text: string): boolean {
  const segments = text.split('|').map((segment) => segment.trim());
  return segments.some((segment) => ENTRY_META_CATEGORY_SEGMENT.test(segment)) && segments.some((segment) => ENTRY_META_COMMENT_SEGMENT.test(segment));
}

// ---------------------------------------------------------------------------------------------
// Shapes used by several passes
// ---------------------------------------------------------------------------------------------

function hasTeaserTail(text: string): boolean {
  return testLineEnd(READ_MORE_TAIL_AT, text) || testLineEnd(MIN_READ_TAIL_AT, text) || testLineEnd(TRUNCATION_TAIL_AT, text);
}

function isBodyLike(draft: Draft, minWords = BODY_MIN_WORDS): boolean {
  return draft.kind === 'paragraph' && draft.ownHint === null && draftWords(draft) >= minWords && endsSentence(draft.text);
}

/**
 * "Real Time Brussels HOME PAGE »", "All stories ›": a link label ends in an arrow set apart (a French quote that closes
 * with " »" opened with «). Such a line may be a teaser in a list, but it is no title or heading.
 */
function endsWithArrow(text: string): boolean {
  return / [»›→]$/u.test(text) && !/[«‹]/u.test(text);
}

/** Short, one line, capitalised, not ending like a sentence or a lead-in: could be a heading. */
function isHeadingShaped(draft: Draft): boolean {
  if (draft.kind !== 'paragraph' || draft.lines !== 1 || draft.ownHint !== null) return false;
  const text = draft.text;
  const words = draftWords(draft);
  if (words === 0 || words > HEADING_MAX_WORDS || text.length > HEADING_MAX_CHARS) return false;
  if (endsWithMark(text, NON_HEADING_END_MARKS)) return false;
  // An ASCII capital opens a heading and is a letter; another ASCII character but a digit or an opening quote cannot open one.
  const first = text.charCodeAt(0);
  if (first >= 0x41 && first <= 0x5a) return true;
  if (first < 0x80 && (first < 0x30 || first > 0x39) && first !== 0x22 && first !== 0x27 && first !== 0x28) return false;
  if (!/\p{L}/u.test(text)) return false;
  // Caseless scripts (CJK, Arabic, Hebrew, Thai) have no capitals: any of their letters may open a heading. Spanish
  // opens a question or an exclamation with its inverted mark ("¿Qué pasó?"); German and French quote with „ ‚ « ‹.
  return /^["'“‘„‚«‹(「『¿¡]?[\p{Lu}\p{Lo}\p{N}]/u.test(text);
}

function isTitleCase(text: string): boolean {
  const words = text.split(/\s+/u).filter((w) => /\p{L}/u.test(w));
  const first = words[0];
  if (first === undefined || !startsUpper(first)) return false;
  const significant = words.slice(1).filter((w) => !TITLE_CASE_MINOR_WORDS.has(w.toLowerCase()));
  if (significant.length === 0) return true;
  return significant.filter((w) => startsUpper(w)).length / significant.length >= TITLE_CASE_SHARE;
}

function isAllCaps(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  return letters.length >= 3 && !/\p{Ll}/u.test(text);
}

/** Why: a suffix word alone ("News", "Nachrichten") is a section name or breadcrumb above the article; a label qualifies it ("Top Stories"). */
const RELATED_SUFFIX_LABEL_MIN_WORDS = 2;
/** Why: a suffix-matched label counts only when this many headline-shaped lines follow it (a "Good News" heading is followed by prose). */
const SUFFIX_LABEL_MIN_TITLES = 2;
/** Why: innerText teaser lists without a label are runs of at least this many headlines... */
const HEADLINE_RUN_MIN = 4;
/** Why: ...each with at least this many words (menus have fewer). */
const HEADLINE_MIN_WORDS = 3;

/** Why: box-drawing characters frame program output and tables printed as text, never a headline. */
const BOX_DRAWING = /[\u2500-\u257f]/u;

function isHeadlineLine(draft: Draft | undefined): boolean {
  return draft !== undefined && isHeadingShaped(draft) && draftWords(draft) >= HEADLINE_MIN_WORDS && !endsSentence(draft.text) && !BOX_DRAWING.test(draft.text);
}

/** The prefix labels by their first word, in table order, so a key is compared only with those it could start with. */
const PREFIXES_BY_FIRST_WORD = new Map<string, string[]>();
for (const prefix of RELATED_LABEL_PREFIXES) {
  const first = prefix.split(' ')[0] ?? prefix;
  PREFIXES_BY_FIRST_WORD.set(first, [...(PREFIXES_BY_FIRST_WORD.get(first) ?? []), prefix]);
}
const SUFFIX_SET: ReadonlySet<string> = new Set(RELATED_LABEL_SUFFIXES);
const SUFFIX_MAX_WORDS = Math.max(...RELATED_LABEL_SUFFIXES.map((suffix) => suffix.split(' ').length));

/** The first prefix label (in table order) the key starts with, followed by more words. */
function labelPrefix(key: string): string | null {
  const space = key.indexOf(' ');
  if (space < 0) return null;
  for (const prefix of PREFIXES_BY_FIRST_WORD.get(key.slice(0, space)) ?? []) {
    if (key.startsWith(prefix) && key.charAt(prefix.length) === ' ') return prefix;
  }
  return null;
}

/** Whether the key's last word, or its last few, are a suffix label. */
function endsWithLabelSuffix(key: string): boolean {
  let start = key.length;
  for (let n = 0; n < SUFFIX_MAX_WORDS && start > 0; n++) {
    start = key.lastIndexOf(' ', start - 1);
    if (SUFFIX_SET.has(key.slice(start + 1))) return true;
    if (start < 0) break;
  }
  return false;
}

/** Words of a phrase key (single spaces between them), counted without splitting. */
function keyWords(key: string): number {
  if (key.length === 0) return 0;
  let words = 1;
  for (let i = key.indexOf(' '); i >= 0; i = key.indexOf(' ', i + 1)) words++;
  return words;
}

/** The related-section label `drafts[i]` is, or null; what follows it decides for suffix labels. */
function relatedLabelKey(drafts: readonly Draft[], i: number): string | null {
  const draft = drafts[i] as Draft;
  if (draft.kind !== 'paragraph' || draft.lines !== 1) return null;
  const key = shape(draft).key;
  // The long-line key matches no label: most lines end here.
  if (key === LONG_LINE_KEY) return null;
  const words = keyWords(key);
  if (words === 0 || words > SECTION_LABEL_MAX_WORDS) return null;
  if (RELATED_LABELS.has(key)) return key;
  const prefix = labelPrefix(key);
  if (prefix !== null) return prefix;
  // An outlet's name on the page's first line is its masthead: "Minecraft News" over the headline labels no teasers.
  if (i === 0 && MASTHEAD_SUFFIXES.has(key.slice(key.lastIndexOf(' ') + 1))) return null;
  if (words >= RELATED_SUFFIX_LABEL_MIN_WORDS && words <= RELATED_SUFFIX_LABEL_MAX_WORDS && endsWithLabelSuffix(key)) {
    const titles = drafts.slice(i + 1, i + 1 + SUFFIX_LABEL_MIN_TITLES);
    if (titles.length === SUFFIX_LABEL_MIN_TITLES && titles.every(isHeadlineLine)) return key;
  }
  return null;
}

/** A headline directly above prose heads that prose: it is the article's title or a section heading, not a teaser. */
function followedByBody(drafts: readonly Draft[], i: number): boolean {
  const next = drafts[i + 1];
  return next !== undefined && isBodyLike(next);
}

/** Why: a sentence that leads into a list has a subject and a verb; a label over teasers ("Mehr zum Thema:") is a few words and gets its own hint. */
const LIST_LEAD_IN_MIN_WORDS = 6;

/** Why: a line that opens with "More …" over a list ("More world stories from NBC News:") labels teasers, however long; "Other …" may lead into points. */
const MORE_LABEL_OPENING = /^(?:more|mehr|weitere|plus|más|mais)\s/iu;

/** A line of prose, not a label, that ends in a colon: what follows is its list. */
function isListLeadIn(draft: Draft): boolean {
  return isProseLeadIn(draft, LIST_LEAD_IN_MIN_WORDS) && !MORE_LABEL_OPENING.test(draft.text);
}

/** innerText link lists: four or more headlines in a row, no blank line between, nothing else; or three dated ones. */
function markHeadlineRuns(drafts: readonly Draft[]): void {
  const packedHeadline = (end: number, start: number): boolean =>
    drafts[end]!.hint === null && isHeadlineLine(drafts[end]) && (end === start || drafts[end]!.blankLinesBefore === 0) && !followedByBody(drafts, end);
  const quoted = quotedPassageLines(drafts);
  // A sentence ending in a colon introduces a list of points ("In the interview, the president also said:"), not teasers.
  const introducedList = (start: number): boolean => start > 0 && isListLeadIn(drafts[start - 1]!);
  markRuns(drafts, packedHeadline, HEADLINE_RUN_MIN, quoted, introducedList);
  markRuns(drafts, (end) => isDatedHeadline(drafts[end]!), DATED_HEADLINE_RUN_MIN, quoted);
  markRuns(drafts, (end) => drafts[end]!.hint === null && isSpacedHeadline(drafts[end]!) && !followedByBody(drafts, end), SPACED_HEADLINE_RUN_MIN, quoted, introducedList);
}

/** Why: teaser cards set apart by blank lines (an image each) print one headline per card; six in a row, none over prose, are a list. */
const SPACED_HEADLINE_RUN_MIN = 6;
/** Why: a teaser headline runs to about twenty words; a longer line is a sentence. */
const SPACED_HEADLINE_MAX_WORDS = 20;

/** A one-line headline that may end in a question mark: no full stop, comma or colon at its end, a capital or digit first (a quote first is a caption). */
function isSpacedHeadline(draft: Draft): boolean {
  if (draft.kind !== 'paragraph' || draft.lines !== 1 || draft.ownHint !== null) return false;
  const words = draftWords(draft);
  if (words < HEADLINE_MIN_WORDS || words > SPACED_HEADLINE_MAX_WORDS || endsWithMark(draft.text, NON_HEADING_END_MARKS)) return false;
  // A digit first is a numbered headline ("20 Essential Books") only in title case; else an ingredient ("2 cups celery").
  return /^\p{Lu}/u.test(draft.text) || (/^\p{N}/u.test(draft.text) && isTitleCase(draft.text));
}

/**
 * Why: a fact sheet prints "Termin: 29.02.2020, 19 Uhr", "Eintritt: 44,90 €": a label of a few words, a colon, and a value
 * with a figure in it; "Author: Title" book lists and "Kicker: Headline" teasers print words.
 */
const FIELD_LINE = /^\p{L}[\p{L}\p{M}&/ -]{0,40}:[ \t]+\S.*\d/u;
/** Why: the label of a field is a word to three; a headline's kicker before its colon is one too, so a run needs many fields. */
const FIELD_LABEL_MAX_WORDS = 3;
/** Why: when half a run's lines are fields, it is the article's fact sheet (a date, a place, a price), not teasers. */
const FACT_SHEET_FIELD_SHARE = 0.5;

function isFieldLine(text: string): boolean {
  if (!FIELD_LINE.test(text)) return false;
  const label = text.slice(0, text.indexOf(':'));
  return label.split(' ').length <= FIELD_LABEL_MAX_WORDS;
}

/**
 * Why: a verse, a chant or a song's lines quoted in an article look like a list of headlines: short, capitalised, no full
 * stop. Its first line opens the quote, its last closes it, and the lines between, set under one another, do neither;
 * a teaser list of quoted headlines quotes each one.
 */
function quotedPassageLines(drafts: readonly Draft[]): Set<number> {
  const lines = new Set<number>();
  // An apostrophe between letters ("don't", "l’homme") is no quote mark.
  const marks = (text: string): number => {
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charAt(i);
      if (QUOTE_MARKS.includes(c) && !((c === "'" || c === '’') && /\p{L}/u.test(text.charAt(i - 1)) && /\p{L}/u.test(text.charAt(i + 1)))) n++;
    }
    return n;
  };
  // The passage's only marks are its opening and closing ones: a headline that quotes someone marks the quote's both ends.
  const opensAlone = (text: string): boolean => QUOTE_MARKS.includes(text.charAt(0)) && marks(text) === 1;
  const closesAlone = (text: string): boolean => QUOTE_MARKS.includes(text.charAt(text.length - 1)) && marks(text) === 1;
  const oneLine = (d: Draft): boolean => d.kind === 'paragraph' && d.lines === 1;
  for (let i = 0; i < drafts.length; i++) {
    const first = drafts[i]!;
    if (!oneLine(first) || !opensAlone(first.text)) continue;
    let j = i + 1;
    while (j < drafts.length && oneLine(drafts[j]!) && drafts[j]!.blankLinesBefore === 0 && marks(drafts[j]!.text) === 0) j++;
    const last = drafts[j];
    if (last === undefined || !oneLine(last) || last.blankLinesBefore !== 0 || !closesAlone(last.text)) continue;
    for (let k = i; k <= j; k++) lines.add(k);
    i = j;
  }
  return lines;
}

/**
 * Every run of at least `min` drafts that `continues` (asked of each draft with the run's start) is a teaser list, unless
 * it is a fact sheet or `introduced` says the line above leads into it. A line of a quoted passage ends a run.
 */
function markRuns(
  drafts: readonly Draft[],
  continues: (end: number, start: number) => boolean,
  min: number,
  quoted: ReadonlySet<number>,
  introduced: (start: number) => boolean = () => false,
): void {
  let start = 0;
  while (start < drafts.length) {
    let end = start;
    while (end < drafts.length && !quoted.has(end) && continues(end, start)) end++;
    let fields = 0;
    if (end - start >= min) for (let j = start; j < end; j++) if (isFieldLine(drafts[j]!.text)) fields++;
    if (end - start >= min && fields < (end - start) * FACT_SHEET_FIELD_SHARE && !introduced(start)) {
      for (const draft of drafts.slice(start, end)) {
        setOwnHint(draft, 'related', 'text:headline-run');
      }
    }
    start = Math.max(end, start + 1);
  }
}

/** Why: teaser lists print each headline with its day before or after it ("2 days ago Title", "Title 31.10.2023"). */
const DATED_HEADLINE =
  /^(?:\d{1,2} (?:minutes?|hours?|days?|weeks?|months?) ago|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{1,2}\.? (?:jan|feb|mär|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec)[a-zä]*\.? \d{4}|\d{1,2}[./]\d{1,2}[./]\d{2,4})[ \t]+\S|\S[ \t]+\d{1,2}\.\d{1,2}\.\d{2,4}$/iu;
/**
 * Why: a blog's story list prints each headline after its tag and hour ("election 2012 2:35 PM Title"); a live blog's
 * entries also open with the hour but end in a full stop.
 */
const TIMED_HEADLINE = /^(?:[^\s:]+ ){0,5}\d{1,2}:\d{2} ?(?:am|pm) \S/iu;
/** Why: three dated headlines in a row are a list; an article's dateline comes once. */
const DATED_HEADLINE_RUN_MIN = 3;
/** Why: a dated headline is a headline and a date, longer than a dateline, shorter than a paragraph. */
const DATED_HEADLINE_MIN_WORDS = 4;
const DATED_HEADLINE_MAX_WORDS = 30;

function isDatedHeadline(draft: Draft): boolean {
  if (draft.kind !== 'paragraph' || draft.lines !== 1 || draft.hint !== null || (shape(draft).chars & HAS_DIGIT) === 0) return false;
  const words = draftWords(draft);
  if (words < DATED_HEADLINE_MIN_WORDS || words > DATED_HEADLINE_MAX_WORDS) return false;
  return DATED_HEADLINE.test(draft.text) || (TIMED_HEADLINE.test(draft.text) && !endsWithMark(draft.text, NON_HEADING_END_MARKS));
}

/** Whether the word is a bare number (ASCII digits only, as the key's words are). */
function isDigits(word: string): boolean {
  if (word.length === 0) return false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** The first word of every comment label. */
const COMMENT_LABEL_FIRST_WORDS: ReadonlySet<string> = new Set([...COMMENT_LABELS].map((label) => label.split(' ')[0] ?? label));

/** The first word of a phrase key that is not a bare number, or null when all are. */
function firstNonNumberWord(key: string): string | null {
  for (let start = 0; start < key.length; ) {
    let end = key.indexOf(' ', start);
    if (end < 0) end = key.length;
    const word = key.slice(start, end);
    if (!isDigits(word)) return word;
    start = end + 1;
  }
  return null;
}

function isCommentLabel(draft: Draft): boolean {
  if (draft.kind !== 'paragraph' || draft.lines !== 1) return false;
  const key = shape(draft).key;
  if (key === LONG_LINE_KEY) return false;
  // Without a digit in the line there is none in its key, no count to drop, and the key is looked up as it is.
  if ((draft.chars & HAS_DIGIT) === 0 || !/\d/u.test(key)) return COMMENT_LABELS.has(key);
  // The key without its counts starts with its first word other than a number: a word no label starts with rules it out.
  const first = firstNonNumberWord(key);
  if (first !== null && !COMMENT_LABEL_FIRST_WORDS.has(first)) return false;
  return COMMENT_LABELS.has(
    key
      .split(' ')
      .filter((w) => !isDigits(w))
      .join(' '),
  );
}

// ---------------------------------------------------------------------------------------------
// Passes over drafts
// ---------------------------------------------------------------------------------------------

function setHint(draft: Draft, label: HintLabel, token: string): void {
  draft.hint = label;
  draft.hintToken = token;
}

/** A hint the line earns by itself (not by the section it sits in): kept as its own, so a section can hand it back. */
function setOwnHint(draft: Draft, label: HintLabel, token: string): void {
  draft.ownHint = label;
  draft.ownHintToken = token;
  setHint(draft, label, token);
}

/** Why: the headline follows its breadcrumb at once, or past a date or kicker line. */
const BREADCRUMB_TITLE_MAX_GAP = 2;

/**
 * A breadcrumb whose last step is the headline printed under it ("Home / Keeper emails" over "Keeper emails"):
 * navigation, and the point where the article starts (the run selector begins afresh after it).
 */
function markBreadcrumbs(drafts: readonly Draft[]): void {
  for (let i = 0; i < drafts.length; i++) {
    const draft = drafts[i]!;
    if (draft.kind !== 'paragraph' || draft.lines !== 1 || draft.text.length > BREADCRUMB_MAX_CHARS) continue;
    const trail = BREADCRUMB_HOME.exec(draft.text);
    if (trail === null) continue;
    const lastStep = lastBreadcrumbStep(trail[1]!).toLowerCase();
    for (let j = i + 1; j < drafts.length && j <= i + BREADCRUMB_TITLE_MAX_GAP; j++) {
      if (drafts[j]!.text.trim().toLowerCase() !== lastStep) continue;
      setOwnHint(draft, 'navigation', 'text:breadcrumb');
      break;
    }
  }
}

/** Why: a breadcrumb is one short line; its last step is a headline at most. */
const BREADCRUMB_MAX_CHARS = 240;

function lastBreadcrumbStep(trail: string): string {
  let last = trail;
  for (const sep of MENU_SEPARATORS) {
    const at = last.lastIndexOf(` ${sep} `);
    if (at >= 0) last = last.slice(at + sep.length + 2);
  }
  return last.trim();
}

/** Hints of short lines, kept across pages: "Share", "Home", "Comments" and their kin recur on every site. */
const sharedLineHints = new ShortKeyMemo<{ label: HintLabel; token: string } | null>();

function applyLineRules(drafts: readonly Draft[]): void {
  for (const draft of drafts) {
    if (draft.kind === 'row' || draft.kind === 'code') continue;
    const words = draftWords(draft);
    const shared = ShortKeyMemo.holds(draft.text);
    let hint = shared ? sharedLineHints.get(draft.text) : undefined;
    if (hint === undefined) {
      // A key, not a closure per line: draftWords has just read the draft's shape.
      hint = hintOf(new LineView(draft.text, words, draft.chars, draft.key));
      if (shared) sharedLineHints.set(draft.text, hint);
    }
    if (hint === null && draft.linkMarkers >= LINK_ROW_MIN_LINKS && words <= draft.linkMarkers * LINK_ROW_MAX_WORDS_PER_LINK) {
      hint = { label: 'navigation', token: 'text:link-row' };
    }
    if (hint !== null) {
      setOwnHint(draft, hint.label, hint.token);
    }
  }
}

/** Why: a sign-up box's title is a short name ("Get the Morning Bell"); a longer line is a section heading. */
const BOX_TITLE_MAX_WORDS = 6;

/** A short headline-shaped line right above a newsletter or subscription prompt is that box's title. */
function markBoxTitles(drafts: readonly Draft[]): void {
  for (let i = 0; i + 1 < drafts.length; i++) {
    const draft = drafts[i] as Draft;
    const box = drafts[i + 1]?.ownHint;
    if ((box !== 'newsletter' && box !== 'promo') || !isHeadingShaped(draft) || draftWords(draft) > BOX_TITLE_MAX_WORDS) continue;
    setOwnHint(draft, box, `text:${box}-title`);
  }
}

/** Why: a bio is a sentence or two; a long paragraph opening with the author's name is body. */
const AUTHOR_BIO_MAX_WORDS = 50;

/** A short paragraph that opens with a byline's name and a bio verb ("Jane Doe covers …") is the author's bio, not body. */
function markAuthorBios(drafts: readonly Draft[]): void {
  const names = drafts
    .filter((d) => d.ownHintToken === 'text:byline-prefix')
    .map((d) => (BYLINE_PREFIX.exec(d.text)?.[1] ?? '').split(/\s+/u).slice(0, 2).join(' '))
    .filter((name) => name.split(' ').length === 2 && name.split(' ').every((w) => startsUpper(w)));
  if (names.length === 0) return;
  for (const draft of drafts) {
    if (draft.kind !== 'paragraph' || draft.ownHint !== null || draftWords(draft) > AUTHOR_BIO_MAX_WORDS) continue;
    if (!opensWithBioName(draft.text, names)) continue;
    setOwnHint(draft, 'metadata', 'text:author-bio');
  }
}

/**
 * Whether the text opens with one of the names, a space and a bio verb. A loop of its own, the name and the space
 * compared in place: no closure and no "name " string per paragraph.
 */
function opensWithBioName(text: string, names: readonly string[]): boolean {
  for (const name of names) {
    if (text.startsWith(name) && text.charCodeAt(name.length) === 0x20 && AUTHOR_BIO_VERBS.includes(text.slice(name.length + 1).split(/\s+/u)[0] ?? '')) return true;
  }
  return false;
}

/** Why: an author box's bio is a sentence or three; a longer paragraph above the archive link is the post. */
const AUTHOR_BOX_BIO_MAX_WORDS = 80;

/**
 * An author box under a post: the line linking the author's archive ("View all posts by Jane Doe →"), the bio right
 * above it, and above that the heading that names the same author ("About Jane Doe", or "About Jane Doe: bio" in one
 * line). The bio counts only under such a heading: without one, the line above may be the post's last paragraph.
 */
function markAuthorBoxes(drafts: readonly Draft[]): void {
  for (let i = 1; i < drafts.length; i++) {
    const archive = drafts[i]!;
    if (archive.kind !== 'paragraph' || archive.lines !== 1) continue;
    const name = execLineStart(AUTHOR_ARCHIVE_LINE_AT, archive.text)?.[1]?.trim();
    if (name === undefined || !startsUpper(name)) continue;
    markAuthorBox(drafts, i, name);
  }
}

/**
 * The box of the archive line at `i`, naming `name`. Apart from the scan, so the closure over the name is made only
 * where an archive line is (in the loop, its scope was allocated for every draft).
 */
function markAuthorBox(drafts: readonly Draft[], i: number, name: string): void {
  const lowerName = name.toLowerCase();
  const namesAuthor = (d: Draft | undefined): boolean => {
    if (d === undefined || d.kind === 'list-item') return false;
    const lower = d.text.toLowerCase();
    // The heading ends with the name, or a colon and the bio follow it ("About Jane Doe: …"); a comma opens prose.
    return AUTHOR_BOX_HEADING_OPENINGS.some((opening) => {
      const head = `${opening} ${lowerName}`;
      return lower.startsWith(head) && (lower.length === head.length || /^\s*[:–—-]/u.test(lower.slice(head.length)));
    });
  };
  const box: Draft[] = [drafts[i]!];
  const above = drafts[i - 1]!;
  if (draftWords(above) <= AUTHOR_BOX_BIO_MAX_WORDS) {
    if (namesAuthor(above)) box.push(above);
    else if (above.kind === 'paragraph' && namesAuthor(drafts[i - 2])) box.push(above, drafts[i - 2]!);
  }
  for (const d of box) setOwnHint(d, 'metadata', 'text:author-box');
}

/** "Nadia Petrov and Owen Lindqvist", "Ana Ruiz, Tom Berg & Li Wei": two to four names of two or three capitalised words, joined. */
const BARE_NAMES_LINE = /^\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+){1,2}(?:(?:, | and | & | und | et | y | e )\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+){1,2}){1,3}$/u;

/**
 * A line of names joined by "and" right under the headline and right over the date line is the byline, though it
 * has no "By": live blogs and magazines print it so. Alone, such a line could be a heading about those people.
 */
function markBareNameBylines(drafts: readonly Draft[]): void {
  for (let i = 1; i + 1 < drafts.length; i++) {
    const draft = drafts[i] as Draft;
    if (draft.kind !== 'paragraph' || draft.lines !== 1 || draft.ownHint !== null) continue;
    // The neighbours first: few lines sit over a date line, and the names pattern is the dearer test.
    if (drafts[i + 1]!.ownHint !== 'dateline' || !isHeadingShaped(drafts[i - 1]!) || !BARE_NAMES_LINE.test(draft.text)) continue;
    setOwnHint(draft, 'byline', 'text:byline-names');
  }
}

/** Why: a shop box holds a label and a one-paragraph pitch above its button: this many blocks at most. */
const SHOP_BOX_MAX_BLOCKS = 2;
/** Why: a product pitch is a line or two; longer text above a button is body. */
const SHOP_PITCH_MAX_WORDS = 25;

/** A "Buy now" button and the short label and pitch right above it are a shop promo. */
function markShopBoxes(drafts: readonly Draft[]): void {
  for (let i = 0; i < drafts.length; i++) {
    const button = drafts[i] as Draft;
    if (button.kind !== 'paragraph' || !testLineStart(SHOP_BUTTON_AT, button.text)) continue;
    setOwnHint(button, 'promo', 'text:shop-button');
    for (let j = i - 1; j >= 0 && j >= i - SHOP_BOX_MAX_BLOCKS; j--) {
      const pitch = drafts[j] as Draft;
      if (pitch.kind !== 'paragraph' || pitch.ownHint !== null || draftWords(pitch) > SHOP_PITCH_MAX_WORDS) break;
      // Above the pitch only a label ("From the Herald shop") belongs to the box; a sentence there is body.
      if (j < i - 1 && endsSentence(pitch.text)) break;
      setOwnHint(pitch, 'promo', 'text:shop-pitch');
    }
  }
}

/** Runs of short lines ("World", "Business", "Tech", "Sport") are menus. */
function markMenuRuns(drafts: readonly Draft[]): void {
  const isEntry = (d: Draft): boolean => {
    if (d.hint !== null && d.hint !== 'navigation') return false;
    if (d.kind === 'list-item') return d.links.length > 0 && draftWords(d) <= MENU_ITEM_MAX_WORDS;
    return d.kind === 'paragraph' && draftWords(d) <= MENU_ITEM_MAX_WORDS && !lastCharIn(d.text, '.,;:!?…。！？，、；：') && /\p{L}/u.test(d.text);
  };
  let start = 0;
  while (start < drafts.length) {
    let end = start;
    while (end < drafts.length && isEntry(drafts[end] as Draft)) end++;
    if (end - start >= MENU_RUN_MIN) {
      for (const draft of drafts.slice(start, end)) {
        if (draft.hint === null) {
          setOwnHint(draft, 'navigation', 'text:menu-run');
        }
      }
    }
    start = end + 1;
  }
}

interface SectionMark {
  kind: 'related' | 'comments' | 'metadata';
  start: number;
  token: string;
}

/** Does prose resume at `i`, ending a teaser section? */
function proseResumes(drafts: readonly Draft[], i: number): boolean {
  const here = drafts[i];
  if (here === undefined || here.kind !== 'paragraph' || here.ownHint !== null || hasTeaserTail(here.text)) return false;
  // So long a paragraph of sentences is prose even where the rendering cut its last one; a row of headlines has no sentence.
  if (draftWords(here) >= RELATED_END_LONG_WORDS && (endsSentence(here.text) || INNER_SENTENCE_END.test(here.text))) return true;
  const next = drafts[i + 1];
  const nextIsProse = next !== undefined && isBodyLike(next, RELATED_END_MIN_WORDS) && !hasTeaserTail(next.text);
  // A sentence leading into the next paragraph ("…to learn more about the new feature:") is prose too; no teaser ends so.
  if (nextIsProse && isProseLeadIn(here, RELATED_END_MIN_WORDS)) return true;
  if (!isBodyLike(here, RELATED_END_MIN_WORDS)) return false;
  if (nextIsProse) return true;
  // Teasers alternate titles and excerpts; paragraphs in a row are prose, though one trails off in "...".
  let prose = 0;
  for (let j = i + 1; j <= i + PROSE_RESUMES_WINDOW && j < drafts.length; j++) if (isBodyLike(drafts[j]!, RELATED_END_MIN_WORDS)) prose++;
  return prose >= PROSE_RESUMES_WINDOW_MIN;
}

/** Why: a sentence ending inside a paragraph and the next beginning: "classrooms. Educators". */
const INNER_SENTENCE_END = /\p{Ll}[.!?]["”’)]?\s+["“‘(]?\p{Lu}/u;

/** Why: after a paragraph, two of the next three blocks being paragraphs too is prose, not title-and-excerpt teasers. */
const PROSE_RESUMES_WINDOW = 3;
const PROSE_RESUMES_WINDOW_MIN = 2;

/**
 * Section labels: every block after "Related Articles" (or its kin) is a teaser until prose
 * resumes, chrome (menus, legal) starts or another label comes; every block after a "Comments"
 * label is a comment. Returns the sections found, for containers.
 */
function markSections(drafts: readonly Draft[]): SectionMark[] {
  const sections: SectionMark[] = [];
  let current: SectionMark | null = null;
  let bodySeen = 0;
  let bodyWordsSeen = 0;
  // Teasers are no sign the article began: a headline cut short ("Ever Wondered What The Stars Looked Like Before
  // Th..."; a paragraph of prose may trail off so, a headline may not) or an excerpt over its "Continue reading »" line.
  const countBody = (i: number): void => {
    const draft = drafts[i]!;
    if (!isBodyLike(draft) || (hasTeaserTail(draft.text) && isTitleCase(draft.text))) return;
    const next = drafts[i + 1];
    if (next !== undefined && isReadMoreLine(next)) return;
    bodySeen++;
    bodyWordsSeen += draftWords(draft);
  };
  // Comments follow an article: two prose paragraphs and enough words of it first.
  // A short teaser list above all prose ("Don't miss:" and three links) ends where the article's own rows begin.
  const endsShortListAbove = (section: SectionMark, i: number): boolean =>
    section.kind === 'related' && bodySeen === 0 && i - section.start <= SHARE_ENDS_SHORT_LIST_MAX_BLOCKS;
  const articleBegun = (minBody = COMMENTS_MIN_BODY_BEFORE): boolean => bodySeen >= minBody && bodyWordsSeen >= COMMENTS_MIN_BODY_WORDS_BEFORE;
  for (let i = 0; i < drafts.length; i++) {
    const draft = drafts[i] as Draft;
    // A reader's "See also:" inside a thread, with reply links still to come, is a comment's line.
    const inThread: boolean = current !== null && current.kind === 'comments' && replyLinkWithin(drafts, i, REPLY_RUN_MAX_GAP);
    const relatedKey: string | null = inThread ? null : relatedLabelKey(drafts, i);
    if (relatedKey !== null) {
      current = { kind: 'related', start: i, token: `text:related-under:${relatedKey}` };
      sections.push(current);
      setHint(draft, 'related', 'text:related-label');
      draft.section = sections.length - 1;
      continue;
    }
    const opening: string | null = current === null || current.kind === 'related' ? commentsOpener(draft) : null;
    let opener: string | null = opening !== null && bodySeen >= COMMENT_THREAD_MIN_BODY_BEFORE ? opening : null;
    // A count heading naming a headline printed above ("2 Responses to Title") opens the comments however short the
    // post, and the post runs from that headline: a teaser list it fell into ends there.
    if (opener === null && opening === 'text:comment-heading') {
      const title = namedTitleAbove(drafts, i);
      if (title >= 0 && postWordsBetween(drafts, title, i) >= NAMED_TITLE_MIN_POST_WORDS) {
        opener = 'text:comment-heading';
        for (let j = title; j < i; j++) releaseFromSection(drafts[j]!);
      }
    }
    if (opener !== null) {
      current = { kind: 'comments', start: i, token: opener };
      sections.push(current);
      setHint(draft, 'comments', opener);
      draft.section = sections.length - 1;
      continue;
    }
    if (isCommentLabel(draft)) {
      if (articleBegun()) {
        current = { kind: 'comments', start: i, token: 'text:comments-section' };
        sections.push(current);
        setHint(draft, 'comments', 'text:comments-label');
        draft.section = sections.length - 1;
      } else {
        setHint(draft, 'comments', 'text:comment-count');
        // So is a comment count ("Comments", "4 comments") printed under the headline.
        if (current !== null && endsShortListAbove(current, i)) current = null;
      }
      continue;
    }
    if (current === null && articleBegun() && draft.kind === 'paragraph' && testLineStart(ENTRY_FOOTER_AT, draft.text)) {
      // The post's footer: author boxes, post links and comments follow, never more of the post.
      current = { kind: 'metadata', start: i, token: 'text:after-entry-footer' };
      sections.push(current);
    }
    if (current === null) {
      if (isBodyLike(draft)) countBody(i);
      else if (articleBegun(COMMENT_THREAD_MIN_BODY_BEFORE) && (opensCommentHeaders(drafts, i) || opensReplyRun(drafts, i) || opensStampRun(drafts, i))) {
        // A thread found by its headers starts at the first; one found by its reply links, above the first "Reply".
        const start = drafts[i]!.ownHint === 'byline' || isCommentStamp(drafts[i]!) ? i : firstCommentStart(drafts, i);
        current = { kind: 'comments', start, token: 'text:comment-headers' };
        sections.push(current);
        for (let j = start; j <= i; j++) {
          setHint(drafts[j]!, 'comments', 'text:comment-headers');
          drafts[j]!.section = sections.length - 1;
        }
      }
      continue;
    }
    if (current.kind === 'comments' || current.kind === 'metadata') {
      setHint(draft, current.kind, current.token);
      draft.section = sections.length - 1;
      continue;
    }
    // A share bar a few items under a label above all prose is the article's: the list is over.
    const shareEnds = draft.ownHint === 'share' && endsShortListAbove(current, i);
    // Menus end a teaser list; links to the neighbouring posts sit among such lists and end none.
    const menu = draft.ownHint === 'navigation' && draft.ownHintToken !== 'text:post-navigation';
    const chrome = menu || draft.ownHint === 'legal' || draft.ownHint === 'cookie' || shareEnds;
    if (chrome || proseResumes(drafts, i)) {
      if (!chrome) releaseLeadIn(drafts, i, current.start);
      current = null;
      countBody(i);
      continue;
    }
    // Inside a teaser list, a teaser's byline or date is not the article's: the section hint wins.
    if (draft.ownHint === null || draft.ownHint === 'byline' || draft.ownHint === 'dateline' || draft.ownHint === 'caption') {
      setHint(draft, 'related', current.token);
    }
    draft.section = sections.length - 1;
  }
  return sections;
}

/** Why: teaser cards each end in their own "Read more" line; two such lines a card apart make a teaser list without a label. */
const READ_MORE_CARDS_MIN = 2;
/** Why: a card is a headline, an excerpt and perhaps a date: its "Read more" lines lie at most this many blocks apart. */
const READ_MORE_CARD_MAX_BLOCKS = 5;
/** Why: a "Read more" line is the link alone; a longer line ending so is an excerpt with its tail. */
const READ_MORE_LINE_MAX_WORDS = 4;

function isReadMoreLine(draft: Draft): boolean {
  return draft.kind === 'paragraph' && draft.lines === 1 && draftWords(draft) <= READ_MORE_LINE_MAX_WORDS && testLineEnd(READ_MORE_TAIL_AT, draft.text);
}

/**
 * Unlabelled teaser cards: a headline and an excerpt over a "Read more" line, repeated. Each card, from
 * the line after the previous "Read more" (the first as long as the second), is a teaser, however long
 * its excerpt.
 */
function markReadMoreCards(drafts: readonly Draft[], sections: SectionMark[]): void {
  const marks: number[] = [];
  for (let i = 0; i < drafts.length; i++) if (drafts[i]!.section === -1 && isReadMoreLine(drafts[i]!)) marks.push(i);
  let first = 0;
  while (first < marks.length) {
    let last = first;
    while (last + 1 < marks.length && marks[last + 1]! - marks[last]! <= READ_MORE_CARD_MAX_BLOCKS) last++;
    if (last - first + 1 >= READ_MORE_CARDS_MIN) {
      const start = Math.max(0, marks[first]! - (marks[first + 1]! - marks[first]!) + 1);
      sections.push({ kind: 'related', start, token: 'text:read-more-cards' });
      for (let j = start; j <= marks[last]!; j++) {
        const draft = drafts[j]!;
        if (draft.section !== -1) continue;
        if (draft.ownHint === null || draft.ownHint === 'byline' || draft.ownHint === 'dateline') setHint(draft, 'related', 'text:read-more-cards');
        draft.section = sections.length - 1;
      }
    }
    first = last + 1;
  }
}

/**
 * An unlabelled comment thread after the article: bylines ("BY JANE AT 01/08/08 05:30 PM") recur every
 * few lines, each over a reader's short text. The article's own byline comes once.
 */
function opensCommentHeaders(drafts: readonly Draft[], i: number): boolean {
  return recurs(drafts, i, (d) => d.ownHint === 'byline', COMMENT_HEADER_MAX_GAP);
}

/** The token of a line that opens the comments however short the post: a form's e-mail notice, a count heading naming the post. */
function commentsOpener(draft: Draft): string | null {
  const words = draftWords(draft);
  if (words <= COMMENT_FORM_NOTICE_MAX_WORDS && testGated(COMMENT_FORM_NOTICE_GATE, draft.text)) return 'text:comment-form';
  if (words <= COMMENT_COUNT_HEADING_MAX_WORDS && draft.lines === 1 && testLineStart(COMMENT_COUNT_HEADING_AT, draft.text)) return 'text:comment-heading';
  if (words <= COMMENT_POLICY_MAX_WORDS && COMMENT_POLICY.test(draft.text)) return 'text:comment-policy';
  return null;
}

/** {@link Draft.threadMarks} bits: the text reads as a reply link or action bar, as a comment header; and they were tested. */
const REPLY_TEXT = 1;
const STAMP_TEXT = 2;
const REPLY_TESTED = 4;
const STAMP_TESTED = 8;

/** The draft's thread marks, reset when its text changed since they were read. */
function threadMarks(draft: Draft): number {
  if (draft.threadMarksOf !== draft.text) {
    draft.threadMarksOf = draft.text;
    draft.threadMarks = 0;
  }
  return draft.threadMarks;
}

/** The answer of `test` on the draft's text, read once and kept in the `mark` and `tested` bits of its thread marks. */
function threadMark(draft: Draft, mark: number, tested: number, test: (draft: Draft) => boolean): boolean {
  const marks = threadMarks(draft);
  if ((marks & tested) !== 0) return (marks & mark) !== 0;
  const yes = test(draft);
  draft.threadMarks = marks | tested | (yes ? mark : 0);
  return yes;
}

function isReplyLink(draft: Draft): boolean {
  return draft.kind === 'paragraph' && draft.lines === 1 && threadMark(draft, REPLY_TEXT, REPLY_TESTED, isReplyLinkText);
}

/** {@link isReplyLink} for a one-line paragraph: what its text says. */
function isReplyLinkText(draft: Draft): boolean {
  return COMMENT_REPLY_LINKS.has(shape(draft).key) || isCommentActionBar(draft);
}

/** Why: an action bar may print a count or an age beside its links ("Like · 12", "Reply · 2h"). */
const ACTION_BAR_COUNT = /^\d+[a-z]{0,3}$/u;

/** A comment's action bar: a short line of action links only, one of them a reply, report or permalink. */
function isCommentActionBar(draft: Draft): boolean {
  if (draftWords(draft) > COMMENT_ACTION_LINE_MAX_WORDS) return false;
  // Every word must be an action word or a count: the first one, read without lowercasing the line, rules out most.
  const first = firstAsciiKeyWord(draft.text);
  if (first !== null && !COMMENT_ACTION_CORE_WORDS.has(first) && !COMMENT_ACTION_WORDS.has(first) && !ACTION_BAR_COUNT.test(first)) return false;
  const words = draft.text.toLowerCase().match(/[\p{L}\p{N}]+/gu);
  if (words === null) return false;
  let core = false;
  for (const word of words) {
    if (COMMENT_ACTION_CORE_WORDS.has(word)) core = true;
    else if (!COMMENT_ACTION_WORDS.has(word) && !ACTION_BAR_COUNT.test(word)) return false;
  }
  return core;
}

/**
 * The first match of `/[\p{L}\p{N}]+/gu` in the lowercased text when it is ASCII and only ASCII comes before and
 * right after it (lowercasing leaves such a word where it is), else null: the caller then reads the line in full.
 */
function firstAsciiKeyWord(text: string): string | null {
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return null;
    const lower = c | 0x20;
    const keyChar = (lower >= 0x61 && lower <= 0x7a) || (c >= 0x30 && c <= 0x39);
    if (keyChar) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      return text.slice(start, i).toLowerCase();
    }
  }
  return start >= 0 ? text.slice(start).toLowerCase() : null;
}

/** Why: a comment's header is its writer, day and time on one short line ("Tim Worstall 11.06.12 at 11:06 am"). */
const COMMENT_STAMP_MAX_WORDS = 16;
/** Why: a clock time, as comment headers print it ("11:06", "9.15 pm"); "17.10" alone is a day. */
const CLOCK_TIME_IN_LINE = /\b\d{1,2}:\d{2}(?:[ap]m)?\b|\b\d{1,2}\.\d{2} ?(?:am|pm|a\.m\.|p\.m\.|uhr|h)(?!\p{L})/iu;
/** Why: a header ends at its time; "a.m." and "p.m." end in a period without ending a sentence. */
const MERIDIEM_END = /\b[ap]\.m\.$/i;

/**
 * A comment's header: the writer and a verb ("Ann says:"), or a date and a clock time beside a name, on a short line
 * that ends no sentence. A live blog's stamps hold the date and time alone, so a word that is neither must be there too.
 */
function isCommentStamp(draft: Draft): boolean {
  return draft.kind === 'paragraph' && draft.lines === 1 && threadMark(draft, STAMP_TEXT, STAMP_TESTED, isCommentStampText);
}

/** {@link isCommentStamp} for a one-line paragraph: what its text says. */
function isCommentStampText(draft: Draft): boolean {
  if (shape(draft).words <= COMMENT_SAYS_MAX_WORDS && mayEndCommentSays(draft.text) && COMMENT_SAYS_LINE.test(draft.text)) return true;
  if (draft.words <= COMMENT_STAMP_MAX_WORDS && REPLY_SUBJECT_LINE.test(draft.text)) return true;
  if ((draft.chars & HAS_DIGIT) === 0) return false;
  // A short header may give the day alone ("Jermaine 07 Nov 12", "Miles Taylor 12 days ago"); a longer one needs the time.
  const short = draft.words <= COMMENT_STAMP_DAY_ONLY_MAX_WORDS && opensWithName(draft.text);
  if (draft.words > COMMENT_STAMP_MAX_WORDS || (!short && !CLOCK_TIME_IN_LINE.test(draft.text))) return false;
  if (endsSentence(draft.text) && !MERIDIEM_END.test(draft.text)) return false;
  const words = draft.text.toLowerCase().match(/\p{L}+/gu) ?? [];
  let dated = NUMERIC_DATE_ONLY.test(draft.text) || COMMENT_AGE.test(draft.text);
  let named = false;
  for (const word of words) {
    if (CALENDAR_WORDS.has(word)) dated = true;
    else if (!DATE_FILLER_WORDS.has(word) && !RELATIVE_DATE_WORDS.has(word) && word.length > 1) named = true;
  }
  return dated && named;
}

/** Whether the line opens with a word that is no date word: a header gives the writer first ("18 Aug: Torquay" is a fixture). */
function opensWithName(text: string): boolean {
  const first = /^\p{L}+/u.exec(text)?.[0]?.toLowerCase();
  return first !== undefined && !CALENDAR_WORDS.has(first) && !RELATIVE_DATE_WORDS.has(first) && !DATE_FILLER_WORDS.has(first);
}

/** Why: a comment's age as its header prints it ("12 days ago", "vor 3 Tagen"). */
const COMMENT_AGE = /\b\d+ (?:minutes?|hours?|days?|weeks?|months?|years?) ago\b|\bvor \d+ (?:minuten|stunden|tagen|wochen|monaten|jahren)\b/i;

/** Why: a name and a day fit in this many words; a dated teaser headline is longer. */
const COMMENT_STAMP_DAY_ONLY_MAX_WORDS = 5;

/** Why: blog themes head a comment with its writer and a verb: "Jane Doe says:", "Ann said,", "Anhora sagt:", "Ylu said...". */
const COMMENT_SAYS_LINE = /^\S.*\s(?:says|said|sagt|schreibt|meint|dit|dice|diz|scrive)\s?(?:[:,]|\.\.\.|…)?$/u;
/** Why: forums and threaded comments title a reply by its parent's subject: "Re: Title", "Re: (Score:2)", "AW: Frage". */
const REPLY_SUBJECT_LINE = /^(?:re|aw)\s?:\s?\S/iu;
/** What a line {@link COMMENT_SAYS_LINE} matches ends with: a verb's last letter or a mark after it, else whitespace. */
const COMMENT_SAYS_LAST_CHARS = 'sdtez:,.…';

/** A cheap test of the last character before {@link COMMENT_SAYS_LINE} is tried on the whole line. */
function mayEndCommentSays(text: string): boolean {
  return lastCharIn(text, COMMENT_SAYS_LAST_CHARS) || (text.length > 0 && isSpaceCode(text.charCodeAt(text.length - 1)));
}
/** Why: the writer's name is a few words; a longer line ending so is a sentence leading into a quote. */
const COMMENT_SAYS_MAX_WORDS = 6;

/** Why: a day written in digits ("11.06.12", "2012-11-06"); {@link NUMERIC_DATE} takes a clock time for one too. */
const NUMERIC_DATE_ONLY = /\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b/u;

/** Comment headers, one per comment, a few blocks apart: a thread. */
function opensStampRun(drafts: readonly Draft[], i: number): boolean {
  return recurs(drafts, i, isCommentStamp, REPLY_RUN_MAX_GAP);
}

/** Whether a reply link follows the draft at `i` within `gap` blocks. */
function replyLinkWithin(drafts: readonly Draft[], i: number, gap: number): boolean {
  for (let j = i + 1; j < drafts.length && j <= i + gap; j++) if (isReplyLink(drafts[j]!)) return true;
  return false;
}

/** "Reply" under one comment, then under the next, a few lines apart: a thread. */
function opensReplyRun(drafts: readonly Draft[], i: number): boolean {
  return recurs(drafts, i, isReplyLink, REPLY_RUN_MAX_GAP);
}

/** Whether the draft at `i` is marked and the mark recurs until {@link COMMENT_HEADER_RUN_MIN} are seen, each within `maxGap` of the last. */
function recurs(drafts: readonly Draft[], i: number, marked: (draft: Draft) => boolean, maxGap: number): boolean {
  if (!marked(drafts[i]!)) return false;
  let seen = 1;
  let last = i;
  for (let j = i + 1; j < drafts.length && j - last <= maxGap; j++) {
    if (!marked(drafts[j]!)) continue;
    seen++;
    last = j;
    if (seen >= COMMENT_HEADER_RUN_MIN) return true;
  }
  return false;
}

/** The first comment above its "Reply" at `reply`: back over its paragraphs to the short header line (name, date) before them. */
function firstCommentStart(drafts: readonly Draft[], reply: number): number {
  for (let j = reply - 1; j >= 0 && j >= reply - REPLY_RUN_MAX_GAP; j--) {
    const d = drafts[j]!;
    if (d.hint !== null) return j + 1;
    if (!isBodyLike(d)) return j;
  }
  return reply;
}

/** Why: the headline sits at most this many blocks above its comment heading (a short post, its tags and links). */
const NAMED_TITLE_MAX_DISTANCE = 40;

/** The block above `heading` that is the headline its count heading names ("2 Responses to Title"), or -1. */
function namedTitleAbove(drafts: readonly Draft[], heading: number): number {
  const named = stripQuotes(COMMENT_COUNT_HEADING_TITLE.exec(drafts[heading]!.text)?.[1] ?? '').toLowerCase();
  if (named.length === 0) return -1;
  for (let j = heading - 1; j >= 0 && j >= heading - NAMED_TITLE_MAX_DISTANCE; j--) {
    const d = drafts[j]!;
    if (d.lines === 1 && d.text.length === named.length && d.text.toLowerCase() === named) return j;
  }
  return -1;
}

/** Why: a count link in the meta row under the headline ("1 Comment on Title") has no post between; a heading has one. */
const NAMED_TITLE_MIN_POST_WORDS = 25;

/** Words of unhinted paragraphs strictly between two blocks. */
function postWordsBetween(drafts: readonly Draft[], from: number, to: number): number {
  let words = 0;
  for (let j = from + 1; j < to; j++) if (drafts[j]!.kind === 'paragraph' && drafts[j]!.ownHint === null) words += draftWords(drafts[j]!);
  return words;
}

/** The text without the quotes and spaces around it. */
function stripQuotes(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && (HEADLINE_QUOTES.includes(text[start]!) || isSpaceCode(text.charCodeAt(start)))) start++;
  while (end > start && (HEADLINE_QUOTES.includes(text[end - 1]!) || isSpaceCode(text.charCodeAt(end - 1)))) end--;
  return text.slice(start, end);
}

/** A block a teaser section took that turned out to be the article's: back to its own hint. */
function releaseFromSection(draft: Draft): void {
  if (draft.section < 0) return;
  draft.hint = draft.ownHint;
  draft.hintToken = draft.ownHintToken;
  draft.section = -1;
}

/** Why: a share or comment counter prints a number alone on its line; a longer figure is a price or a score. */
const COUNTER_MAX_DIGITS = 6;

/** A line that is a number alone: a counter beside the byline ("704" shares, "0" comments). */
function isCounterLine(draft: Draft): boolean {
  const text = draft.text;
  if (draft.kind !== 'paragraph' || text.length === 0 || text.length > COUNTER_MAX_DIGITS) return false;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** When prose resumes at `end`, the headline, byline and date right above it belong to it, not to the teasers. */
function releaseLeadIn(drafts: readonly Draft[], end: number, sectionStart: number): void {
  let passed = 0;
  for (let j = end - 1; j > sectionStart && passed < RELATED_END_RELEASE; j--) {
    const draft = drafts[j] as Draft;
    // A share or comment counter ("704") and a reading time ("8 min read") sit between a byline and the prose, and
    // take no place in the reach.
    if (isCounterLine(draft) || draft.ownHintToken === 'text:reading-time') {
      releaseFromSection(draft);
      continue;
    }
    passed++;
    const leadIn = draft.ownHint === 'byline' || draft.ownHint === 'dateline' || draft.ownHint === 'caption' || draft.ownHint === 'share';
    const headline = !leadIn && isHeadingShaped(draft);
    if (!leadIn && !headline) break;
    // A headline packed against the teaser above it, with a gap before the prose, is that list's last teaser.
    const packedWithTeasers = headline && draft.blankLinesBefore === 0 && j - 1 > sectionStart && (drafts[end]?.blankLinesBefore ?? 0) > 0;
    if (packedWithTeasers) break;
    releaseFromSection(draft);
    if (headline) break; // one headline: the lines above it are teasers again
  }
}

/** The usual number of blank lines before a body paragraph: headings set apart by more stand out. */
function usualParagraphGap(drafts: readonly Draft[]): number {
  const counts = new Map<number, number>();
  for (const d of drafts) {
    if (isBodyLike(d)) counts.set(d.blankLinesBefore, (counts.get(d.blankLinesBefore) ?? 0) + 1);
  }
  let best = 1;
  let bestCount = 0;
  for (const [gap, count] of counts) {
    if (count > bestCount) {
      best = gap;
      bestCount = count;
    }
  }
  return best;
}

/** Why: a menu printed on one line has at least this many entries; shorter all-capitalised lines may be headlines. */
const MENU_LINE_MIN_WORDS = 5;

/** "News Politics Football Celebs TV": every word capitalised and none of the small words a headline needs. */
function isMenuLine(text: string): boolean {
  const words = text.split(/\s+/u);
  return words.length >= MENU_LINE_MIN_WORDS && words.every((w) => /^[\p{Lu}\p{N}][\p{L}\p{N}&'’-]*$/u.test(w) && !TITLE_CASE_MINOR_WORDS.has(w.toLowerCase()));
}

/** Prose that leads into a list or code sample ends with a colon, not a period: it still follows a heading. */
function isProseLeadIn(draft: Draft, minWords = BODY_MIN_WORDS): boolean {
  return draft.kind === 'paragraph' && draft.ownHint === null && draftWords(draft) >= minWords && draft.text.endsWith(':');
}

/** The block above `i`, stepping over inline ad labels ("Anzeige") and one-line teasers ("Lire aussi | …") that sit between prose and a heading. */
function nearestAbove(drafts: readonly Draft[], i: number): number {
  let j = i - 1;
  while (j >= 0 && (drafts[j]?.ownHint === 'ad' || drafts[j]?.ownHint === 'dateline' || drafts[j]?.ownHintToken === 'text:related-inline')) j--;
  return j;
}

/**
 * Headings: a short capitalised line without final punctuation, followed by body text, and
 * set apart by title case, capitals, extra blank lines, or by sitting between paragraphs.
 * "He declined to comment." ends with a period and stays a paragraph.
 */
function markHeadings(drafts: readonly Draft[]): void {
  const gap = usualParagraphGap(drafts);
  // A link label ending in an arrow ("Blog Name HOME PAGE »") is shaped like a headline but is no title or heading.
  const titleShaped = (d: Draft): boolean => isHeadingShaped(d) && !endsWithArrow(d.text);
  const unsectioned = (d: Draft | undefined): d is Draft => d !== undefined && d.hint === null && d.section === -1;

  // The title: the first headline-shaped line in the few blocks above the first body paragraph.
  const firstBody = drafts.findIndex((d) => unsectioned(d) && isBodyLike(d, FIRST_BODY_MIN_WORDS));
  if (firstBody > 0) {
    let from = Math.max(0, firstBody - TITLE_LOOKBACK);
    for (let j = firstBody - 1; j >= from; j--) {
      const hint = drafts[j]?.hint;
      if (hint === 'navigation' || hint === 'cookie') {
        from = j + 1;
        break;
      }
    }
    const candidates: number[] = [];
    for (let j = from; j < firstBody; j++) if (unsectioned(drafts[j]) && titleShaped(drafts[j]!)) candidates.push(j);
    const window = candidates.map((j) => drafts[j]!);
    // The line right above the byline is the headline, whatever site name and tagline print above it.
    const creditedAt = (j: number): boolean => draftWords(drafts[j]!) >= TITLE_MIN_WORDS && drafts[j + 1]?.ownHint === 'byline';
    let credited = candidates.find(creditedAt);
    for (let j = from - 1; credited === undefined && j >= 0 && j >= firstBody - CREDITED_TITLE_LOOKBACK; j--) {
      if (unsectioned(drafts[j]) && titleShaped(drafts[j]!) && creditedAt(j)) credited = j;
    }
    const title = (credited === undefined ? undefined : drafts[credited]) ?? window.find((d) => draftWords(d) >= TITLE_MIN_WORDS && !isMenuLine(d.text)) ?? window.find((d) => draftWords(d) >= TITLE_MIN_WORDS) ?? window[0];
    if (title !== undefined) title.headingLevel = 1;
  }

  const isHeading = (i: number, draft: Draft): boolean => {
    if (!unsectioned(draft) || draft.headingLevel !== 0 || !titleShaped(draft)) return false;
    // An embedded post's frame may stand between a heading and its text, as a picture does.
    let after = i + 1;
    while (drafts[after]?.ownHintToken === 'text:social-embed') after++;
    const next = drafts[after];
    if (next === undefined || !unsectioned(next) || !(isBodyLike(next) || isProseLeadIn(next))) return false;
    const previous = drafts[nearestAbove(drafts, i)];
    const sandwiched = previous !== undefined && unsectioned(previous) && isBodyLike(previous);
    const setApart = draft.blankLinesBefore > gap;
    // A live blog's entry: its time stamp, its heading, its text.
    const stamped = drafts[i - 1]?.ownHint === 'dateline';
    // A browser's innerText sets every <p> off by a blank line but a figure's caption by none: a line right under a
    // caption line is the next element's heading, not a paragraph.
    const underCaption = draft.blankLinesBefore === 0 && drafts[i - 1]?.ownHint === 'caption';
    return isTitleCase(draft.text) || isAllCaps(draft.text) || setApart || sandwiched || stamped || underCaption;
  };
  for (let i = 0; i < drafts.length; i++) {
    const draft = drafts[i]!;
    if (isLoneNumberedLine(drafts, i)) {
      // Read as the line it is, number and all ("4. Why prices rise"); a list item again unless it is a heading.
      const { text, kind } = draft;
      draft.kind = 'paragraph';
      draft.text = numberedLineText(draft);
      if (isHeading(i, draft)) {
        draft.ordered = false;
        draft.headingLevel = 2;
      } else {
        draft.kind = kind;
        draft.text = text;
      }
      continue;
    }
    if (isHeading(i, draft)) draft.headingLevel = 2;
  }
}

/**
 * A numbered line with no list item beside it and a paragraph after it: a listicle's section heading ("4. Why prices
 * rise"), which a browser's innerText prints with its number as typed (it prints no <ol> markers), not a list of one.
 */
function isLoneNumberedLine(drafts: readonly Draft[], i: number): boolean {
  const draft = drafts[i]!;
  if (draft.kind !== 'list-item' || !draft.ordered || draft.lines !== 1) return false;
  const previous = drafts[i - 1];
  const next = drafts[i + 1];
  return previous?.kind !== 'list-item' && next?.kind === 'paragraph';
}

/** A numbered item's text with its number and the space after it as the line gives them. */
function numberedLineText(draft: Draft): string {
  const match = NUMBERED_LINE.exec(draft.firstLine);
  if (match === null) return draft.text;
  // The marker is what NUMBERED_LINE reads between the indent and the item's text.
  const marker = match[0].slice(match[1]!.length, match[0].length - match[3]!.length);
  return `${marker}${draft.text}`;
}

// ---------------------------------------------------------------------------------------------
// Drafts → blocks and containers
// ---------------------------------------------------------------------------------------------

function cut(text: string, max: number): { text: string; cut: boolean } {
  if (text.length <= max) return { text, cut: false };
  const space = text.lastIndexOf(' ', max);
  const end = space >= max * (1 - CUT_WORD_BOUNDARY_SHARE) ? space : max;
  return { text: text.slice(0, end), cut: true };
}

function isNumericCell(cell: string): boolean {
  return /\d/u.test(cell) && !/\p{L}{3}/u.test(cell);
}

/** The page's drafts. The lines they are cut from die here: a long page's lines would otherwise stay alive through every pass. */
function draftsOf(text: string): Draft[] {
  const lines = normaliseLines(text);
  return draftBlocks(lines, wrapColumns(lines));
}

/** Plain text → the blocks every later stage reads. */
export function segmentText(text: string, options: ResolvedOptions): Segmented {
  const drafts = draftsOf(text);
  // Every pass reads the drafts' texts character by character: flat copies read several times faster than the slices
  // of the page (and the joins of wrapped lines) they were cut from, and the blocks keep them as they are.
  for (const draft of drafts) draft.text = flatCopy(draft.text);

  const references = readLinkReferences(drafts);
  if (references.urls.size > 0) {
    for (const draft of drafts.slice(0, references.start)) resolveLinkMarkers(draft, references.urls);
    for (const draft of drafts.slice(references.start)) {
      setOwnHint(draft, 'navigation', 'text:link-references');
    }
  }

  markUnmarkedLists(drafts);
  applyLineRules(drafts);
  markBreadcrumbs(drafts);
  markRawMarkup(drafts);
  markConsentDialogs(drafts);
  markBareNameBylines(drafts);
  markAuthorBios(drafts);
  markAuthorBoxes(drafts);
  markShopBoxes(drafts);
  markBoxTitles(drafts);
  markMenuRuns(drafts);
  const sections = markSections(drafts);
  markReadMoreCards(drafts, sections);
  markHeadlineRuns(drafts);
  markHeadings(drafts);

  // Like an HTML page's <body>, one root holds every block, so the selector's region scoring sees a tree.
  const containers: Container[] = [{ parent: -1, tag: 'body', depth: 0, hint: null, hintToken: null, positive: false }];
  const ROOT = 0;
  for (const section of sections) {
    containers.push({ parent: ROOT, tag: 'section', depth: 1, hint: section.kind, hintToken: section.token, positive: false });
  }
  const sectionContainer = (draft: Draft): number => (draft.section === -1 ? ROOT : draft.section + 1);

  const blocks: Block[] = [];
  const meta = emptyMeta();
  let truncated = false;
  let list: { container: number; ordered: boolean; indents: number[] } | null = null;
  let table: { container: number; rows: number } | null = null;

  /** One block, built as a literal in makeBlock's field order: spreading partials per block was a tenth of the stage. */
  const push = (
    draft: Draft,
    first: boolean,
    kind: Block['kind'],
    tag: string,
    text: string,
    level: number,
    ordered: boolean,
    groupId: number,
    rowId: number,
    headerCell: boolean,
    parent: number,
    ownLinks: boolean,
  ): boolean => {
    if (blocks.length >= options.maxElements) {
      truncated = true;
      return false;
    }
    const limited = cut(text, options.maxBlockChars);
    if (limited.cut) truncated = true;
    let linkChars = 0;
    if (ownLinks) for (const l of draft.links) linkChars += l.text.length;
    blocks.push({
      level,
      ordered,
      groupId,
      rowId,
      headerCell,
      parent,
      linkChars,
      links: ownLinks ? draft.links : NO_LINKS,
      image: null,
      hint: draft.hint,
      hintToken: draft.hintToken,
      positive: 0,
      inArticle: false,
      blankBefore: draft.blankLinesBefore > 0 || first,
      lines: draft.lines,
      kind,
      tag,
      // Draft texts are flat copies already; only a cut one is a slice again.
      text: limited.cut ? flatCopy(limited.text) : limited.text,
      index: blocks.length,
    });
    return true;
  };

  for (let i = 0; i < drafts.length; i++) {
    const draft = drafts[i] as Draft;
    const holder = sectionContainer(draft);
    const holderDepth = containers[holder]?.depth ?? 0;
    const first = i === 0;

    if (draft.kind !== 'list-item') list = null;
    if (draft.kind !== 'row' || draft.blankLinesBefore > 0) table = null;

    if (draft.kind === 'row') {
      if (table === null) {
        containers.push({ parent: holder, tag: 'table', depth: holderDepth + 1, hint: null, hintToken: null, positive: false });
        table = { container: containers.length - 1, rows: 0 };
      }
      const tableDepth = containers[table.container]?.depth ?? 0;
      containers.push({ parent: table.container, tag: 'tr', depth: tableDepth + 1, hint: null, hintToken: null, positive: false });
      const rowId = containers.length - 1;
      const header = table.rows === 0 && draft.cells.every((c) => !isNumericCell(c)) && tableHasNumbers(drafts, i);
      table.rows++;
      for (const cell of draft.cells) {
        if (!push(draft, first, 'table-cell', header ? 'th' : 'td', cell, 0, false, table.container, rowId, header, rowId, false)) break;
      }
      continue;
    }

    if (draft.kind === 'list-item') {
      if (list === null || list.ordered !== draft.ordered) {
        containers.push({ parent: holder, tag: draft.ordered ? 'ol' : 'ul', depth: holderDepth + 1, hint: null, hintToken: null, positive: false, typedList: draft.marked });
        list = { container: containers.length - 1, ordered: draft.ordered, indents: [draft.indent] };
      }
      while (list.indents.length > 1 && draft.indent < (list.indents[list.indents.length - 1] ?? 0)) list.indents.pop();
      if (draft.indent > (list.indents[list.indents.length - 1] ?? 0)) list.indents.push(draft.indent);
      push(draft, first, 'list-item', 'li', draft.text, list.indents.length, draft.ordered, list.container, -1, false, list.container, true);
      continue;
    }

    if (draft.kind === 'code') {
      if (!push(draft, first, 'code', 'pre', draft.text, 0, false, -1, -1, false, holder, true)) break;
      continue;
    }

    const kind = draft.headingLevel > 0 ? 'heading' : 'paragraph';
    if (!push(draft, first, kind, 'line', draft.text, draft.headingLevel, false, -1, -1, false, holder, true)) break;
    const block = blocks[blocks.length - 1] as Block;
    if (draft.headingLevel === 1) meta.h1.push(block.text);
    if (draft.hint === 'dateline' && draft.section === -1) meta.times.push({ datetime: null, text: block.text, blockIndex: block.index });
  }

  return { format: 'text', blocks, containers, meta, truncated };
}

function tableHasNumbers(drafts: readonly Draft[], firstRow: number): boolean {
  for (let j = firstRow + 1; j < drafts.length; j++) {
    const row = drafts[j];
    if (row === undefined || row.kind !== 'row' || row.blankLinesBefore > 0) break;
    if (row.cells.some(isNumericCell)) return true;
  }
  return false;
}
