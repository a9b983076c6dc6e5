/**
 * HTML → blocks, straight from htmlparser2's tokenizer events (see html-stream.ts): no DOM is built. One pass collects
 * the blocks (runs of text between block-level tags), the container tree they sit in, and the
 * raw page facts (meta tags, JSON-LD, title, time elements, byline elements) for the metadata stage.
 */
import type { ResolvedOptions } from '../options.js';
import { emptyMeta, makeBlock, type Block, type BlockKind, type BlockLinkRef, type Container, type Segmented } from './block.js';
import { NO_HINT, classesHoldId, hintAfterClasses, readClasses, readHint, readHintIdAmongClasses, type ClassVerdict, type ElementHint, type TokenCache } from './hints.js';
import { TAG_HINTS } from '../rules/selectors.js';
import { KICKER_CLASS_WORDS } from '../rules/meta-names.js';
import { streamHtml, type AttributeFilter } from './html-stream.js';
import { collapseSpaces, flatCopy, isSpaceCode } from './chars.js';

/** Elements whose text is never page text. */
const SKIP_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'select', 'option',
  'button', 'textarea', 'input', 'canvas', 'audio', 'video', 'map', 'datalist', 'frameset', 'frame', 'xmp', 'title',
]);

/** Elements that end the current run of text and start a new one (CSS display: block and friends). */
const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'html', 'body', 'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'nav', 'aside', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'hgroup', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'table', 'thead', 'tbody', 'tfoot',
  'tr', 'td', 'th', 'caption', 'figure', 'figcaption', 'form', 'fieldset', 'legend', 'address', 'hr', 'details',
  'summary', 'center', 'menu', 'dialog', 'picture', 'center', 'listing', 'plaintext',
]);

/** Table parts that do not make a table a layout table. */
const TABLE_PARTS: ReadonlySet<string> = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'colgroup', 'col']);

/** Every attribute this file reads: the tree builder skips the others (keep in step with the reads below). */
const READ_ATTRIBUTES: AttributeFilter = {
  names: new Set([
    'class', 'id', 'role', 'itemprop', 'style', 'hidden', 'aria-hidden', 'lang', 'xml:lang', 'property', 'name',
    'http-equiv', 'content', 'rel', 'href', 'type', 'alt', 'datetime', 'srcset', 'data-srcset', 'data-src',
    'data-lazy-src', 'data-original', 'data-url', 'src',
  ]),
  create: () =>
    ({
      class: undefined, id: undefined, role: undefined, itemprop: undefined, style: undefined, hidden: undefined,
      'aria-hidden': undefined, lang: undefined, 'xml:lang': undefined, property: undefined, name: undefined,
      'http-equiv': undefined, content: undefined, rel: undefined, href: undefined, type: undefined, alt: undefined,
      datetime: undefined, srcset: undefined, 'data-srcset': undefined, 'data-src': undefined, 'data-lazy-src': undefined,
      'data-original': undefined, 'data-url': undefined, src: undefined,
    }) as unknown as Record<string, string>,
};

const HEADING_LEVEL: Readonly<Record<string, number>> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };

/**
 * What each tag is to the segmenter, read with one lookup per element instead of one per table: bits
 * {@link SKIP_ROLE}, {@link BLOCK_ROLE}, {@link TABLE_PART_ROLE}, and the heading level from {@link HEADING_SHIFT} up.
 */
const SKIP_ROLE = 1;
const BLOCK_ROLE = 2;
const TABLE_PART_ROLE = 4;
const HEADING_SHIFT = 3;
const TAG_ROLES = new Map<string, number>();
for (const [tags, role] of [[SKIP_TAGS, SKIP_ROLE], [BLOCK_TAGS, BLOCK_ROLE], [TABLE_PARTS, TABLE_PART_ROLE]] as const) {
  for (const tag of tags) TAG_ROLES.set(tag, (TAG_ROLES.get(tag) ?? 0) | role);
}
for (const [tag, level] of Object.entries(HEADING_LEVEL)) TAG_ROLES.set(tag, (TAG_ROLES.get(tag) ?? 0) | (level << HEADING_SHIFT));

/** Attributes that hold a lazy-loaded image's real address, in order of trust. */
const IMAGE_SOURCE_ATTRIBUTES = ['data-src', 'data-lazy-src', 'data-original', 'data-url', 'src'] as const;

/** `display:none` / `visibility:hidden` in an inline style: the element is not shown. */
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

interface Frame {
  tag: string;
  container: number;
  skip: boolean;
  capture: number;
  /** This element opened the link that is being collected. */
  link: boolean;
}

interface TableState {
  id: number;
  layout: boolean;
  rows: number;
  blocks: number[];
}

interface Capture {
  kind: 'byline-rel' | 'byline-itemprop' | 'byline-class' | 'h1' | 'kicker' | 'time' | 'title' | 'json-ld' | 'figcaption';
  /** On an h1: the text of the kicker element inside it. */
  kicker?: string;
  parts: string[];
  datetime: string | null;
  blockIndex: number;
}

function imageSource(attribs: Record<string, string>): string | null {
  for (const name of IMAGE_SOURCE_ATTRIBUTES) {
    const v = attribs[name];
    if (v !== undefined && v.trim().length > 0 && !v.startsWith('data:')) return v.trim();
  }
  const srcset = attribs['srcset'] ?? attribs['data-srcset'];
  if (srcset !== undefined) {
    const first = srcset.trim().split(/\s+/)[0];
    if (first !== undefined && first.length > 0 && !first.startsWith('data:')) return first;
  }
  return null;
}

/** An element inside an h1 whose class names a kicker (rules/meta-names.ts). */
const KICKER_CLASS = new RegExp(KICKER_CLASS_WORDS.join('|'), 'i');

/** Marks a line break inside a captured byline; the page's own newlines are layout, not breaks. */
const BYLINE_BREAK = '\u2029';

/** `collapseSpaces(text).length`, counted without building the string: a link's text arrives in many small runs. */
function collapsedLength(text: string): number {
  let start = 0;
  let end = text.length;
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  let length = 0;
  for (let i = start; i < end; i++) {
    length++;
    if (isSpaceCode(text.charCodeAt(i))) while (isSpaceCode(text.charCodeAt(i + 1))) i++;
  }
  return length;
}

function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isSpaceCode(text.charCodeAt(i))) return false;
  return true;
}

/**
 * The last item, or `undefined` for an empty array. Not `items[items.length - 1]`: on an empty array
 * that reads the property "-1", a slow lookup through the prototype chain, once per block element.
 */
function last<T>(items: readonly T[]): T | undefined {
  return items.length > 0 ? items[items.length - 1] : undefined;
}

/** Cuts over-long text at a word boundary close to the limit. */
function capText(text: string, max: number): { text: string; cut: boolean } {
  if (text.length <= max) return { text, cut: false };
  const space = text.lastIndexOf(' ', max);
  return { text: text.slice(0, space > max * 0.9 ? space : max), cut: true };
}

/** A cheap pre-check before reading an inline element's class as a byline hint. */
const BYLINE_WORDS = /author|byline|writer|contributor|journalist|reporter|\bby\b/i;

/** How far after `<title>` its end tag must come before we call the title unclosed. */
const TITLE_MAX_CHARS = 2_000;

/**
 * A `<title>` never closed swallows the whole page as title text (RCDATA), in browsers too; crawled
 * pages cut mid-title do this. Close it at the first tag after it, so the page's text is read.
 */
export function closeRunawayTitle(html: string): string {
  const head = html.slice(0, 100_000);
  const open = head.search(/<title/i);
  if (open < 0) return html;
  const openEnd = head.indexOf('>', open);
  if (openEnd < 0) return html;
  const closeAt = head.slice(openEnd).search(/<\/title/i);
  const close = closeAt < 0 ? -1 : openEnd + closeAt;
  if (close >= 0 && close - openEnd <= TITLE_MAX_CHARS) return html;
  const nextTag = head.indexOf('<', openEnd + 1);
  if (nextTag < 0 || (close >= 0 && nextTag >= close)) return html;
  return `${html.slice(0, nextTag)}</title>${html.slice(nextTag)}`;
}

export function segmentHtml(html: string, options: ResolvedOptions): Segmented {
  const blocks: Block[] = [];
  const containers: Container[] = [];
  const meta = emptyMeta();
  // Per page: memo keys and hints are slices of this page's HTML, and would keep it alive.
  const classVerdicts = new Map<string, ClassVerdict>();
  const classHintMemo = new Map<string, Map<string, ElementHint>>();
  const tokenMemo: TokenCache = new Map();
  const stack: Frame[] = [];
  /** The open elements that are containers, innermost last: who owns text after a block closes. */
  const containerFrames: Frame[] = [];
  const captures: Capture[] = [];
  const openCaptures: number[] = [];
  const tables: TableState[] = [];
  const lists: { id: number; ordered: boolean }[] = [];

  let container = -1;
  let skipDepth = 0;
  let headDepth = 0;
  let preDepth = 0;
  let quoteDepth = 0;
  let liDepth = 0;
  let figcaptionDepth = 0;
  let captionDepth = 0;
  let articleDepth = 0;
  let positiveDepth = 0;
  let heading = 0;
  let elementCount = 0;
  let depthSum = 0;
  let truncated = false;
  let stopped = false;
  let frameset = false;

  let parts: string[] = [];
  /** Some part holds a non-space character: most runs between block tags are indentation alone, and emit nothing. */
  let partsHaveText = false;
  /**
   * Whitespace met while the run was empty and left out of it (most text between block tags is indentation): the run
   * then ends as one of whitespace alone would, its links dropped.
   */
  let blankSkipped = false;
  let linkChars = 0;
  let links: BlockLinkRef[] = [];
  let link: { href: string; parts: string[]; blockParts: string[] } | null = null;
  let figure: { id: number; image: { src: string; alt: string | null } | null; capture: number } | null = null;
  let blockTag = 'body';
  let blockContainer = -1;

  function kindNow(): BlockKind {
    if (heading > 0) return 'heading';
    if (preDepth > 0) return 'code';
    if (captionDepth > 0 || figcaptionDepth > 0) return 'caption';
    const table = last(tables);
    if (table !== undefined && (blockTag === 'td' || blockTag === 'th')) return 'table-cell';
    if (liDepth > 0) return 'list-item';
    if (quoteDepth > 0) return 'quote';
    return 'paragraph';
  }

  function emit(text: string): void {
    const kind = kindNow();
    const capped = capText(text, options.maxBlockChars);
    if (capped.cut) truncated = true;
    const list = last(lists);
    const table = last(tables);
    // Every field written out, in makeBlock's order: the spread of a partial record costs more than the rest of emit.
    const block: Block = {
      level: kind === 'heading' ? heading : kind === 'list-item' ? lists.length : 0,
      ordered: kind === 'list-item' && list !== undefined ? list.ordered : false,
      groupId: kind === 'list-item' && list !== undefined ? list.id : kind === 'table-cell' && table !== undefined ? table.id : -1,
      rowId: kind === 'table-cell' ? blockContainer : -1,
      headerCell: blockTag === 'th',
      parent: blockContainer,
      linkChars: Math.min(linkChars, capped.text.length),
      links,
      image: null,
      hint: null,
      hintToken: null,
      positive: positiveDepth,
      inArticle: articleDepth > 0,
      blankBefore: false,
      lines: 1,
      index: blocks.length,
      kind,
      tag: blockTag,
      // A flat copy: the collapsed text is mostly a slice of the joined run (or a join of pieces), and every later
      // stage scans block texts, faster on flat strings.
      text: flatCopy(capped.text),
    };
    if (kind === 'table-cell' && table !== undefined) table.blocks.push(block.index);
    blocks.push(block);
  }

  /** Ends the current run of text: emits it as one block, or several when `<br><br>` split it. */
  function flush(): void {
    if (link !== null && link.blockParts.length > 0) {
      const text = collapseSpaces(link.blockParts.join(''));
      if (text.length > 0) links.push({ href: link.href, text });
      link.blockParts = [];
    }
    if (parts.length === 0 && !blankSkipped) return;
    blankSkipped = false;
    if (!partsHaveText) {
      // What the full path below would do with whitespace alone (stored, or only noted): emit nothing, drop the links.
      if (parts.length > 0) parts = [];
      links = [];
      linkChars = 0;
      return;
    }
    const raw = parts.join('');
    parts = [];
    partsHaveText = false;
    const currentLinks = links;
    const currentLinkChars = linkChars;
    links = [];
    linkChars = 0;
    if (preDepth > 0) {
      const text = raw.trimEnd().replace(/^\n+/, '');
      if (text.length > 0) {
        links = currentLinks;
        linkChars = currentLinkChars;
        emit(text);
        links = [];
        linkChars = 0;
      }
      return;
    }
    const broken = raw.includes('\u2028');
    const pieces = broken ? raw.split(/\u2028\s*\u2028/) : [raw];
    for (const piece of pieces) {
      // The breaks left inside a piece are whitespace, which collapsing turns into spaces.
      const text = collapseSpaces(piece);
      if (text.length === 0) continue;
      // Links belong to the piece that holds their text; a page rarely splits a link across <br><br>.
      const mine = pieces.length === 1 ? currentLinks : currentLinks.filter((l) => l.text.length > 0 && text.includes(l.text));
      links = mine;
      linkChars = pieces.length === 1 ? currentLinkChars : mine.reduce((n, l) => n + l.text.length, 0);
      emit(text);
    }
    links = [];
    linkChars = 0;
  }

  function openCapture(kind: Capture['kind'], datetime: string | null = null): number {
    captures.push({ kind, parts: [], datetime, blockIndex: blocks.length });
    openCaptures.push(captures.length - 1);
    return captures.length - 1;
  }

  /**
   * A byline element's lines stay apart ("By JANE DOE<br>THE DAILY LEDGER", two <h4>s): each line is a credit
   * group of its own, not one name run into the next.
   */
  function breakBylines(): void {
    for (const id of openCaptures) {
      const c = captures[id];
      if (c !== undefined && (c.kind === 'byline-class' || c.kind === 'byline-rel' || c.kind === 'byline-itemprop')) c.parts.push(BYLINE_BREAK);
    }
  }

  function closeCapture(id: number): void {
    const at = openCaptures.lastIndexOf(id);
    if (at >= 0) openCaptures.splice(at, 1);
    const c = captures[id];
    if (c === undefined) return;
    const joined = c.parts.join('');
    const text =
      c.kind === 'json-ld'
        ? joined
        : c.kind.startsWith('byline') && joined.includes(BYLINE_BREAK)
          ? joined.split(BYLINE_BREAK).map(collapseSpaces).filter((line) => line.length > 0).join('\n')
          : collapseSpaces(joined);
    switch (c.kind) {
      case 'title':
        if (meta.titleTag === null && text.length > 0) meta.titleTag = text;
        break;
      case 'json-ld':
        if (text.trim().length > 0) meta.jsonLd.push(text);
        break;
      case 'h1':
        if (text.length > 0) {
          meta.h1.push(text);
          meta.h1Kickers.push(c.kicker ?? null);
        }
        break;
      case 'kicker': {
        let owner: Capture | undefined;
        for (let k = openCaptures.length - 1; k >= 0 && owner === undefined; k--) {
          const open = captures[openCaptures[k]!];
          if (open?.kind === 'h1') owner = open;
        }
        if (owner !== undefined && owner.kicker === undefined && text.length > 0) owner.kicker = text;
        break;
      }
      case 'time':
        meta.times.push({ datetime: c.datetime, text, blockIndex: c.blockIndex });
        break;
      case 'byline-rel':
      case 'byline-itemprop':
      case 'byline-class':
        if (text.length > 0 && text.length < 300) {
          meta.bylines.push({ text, blockIndex: c.blockIndex, source: c.kind === 'byline-rel' ? 'rel' : c.kind === 'byline-itemprop' ? 'itemprop' : 'class' });
        }
        break;
      case 'figcaption':
        break;
    }
  }

  function hintFor(tag: string, attribs: Record<string, string>): ElementHint {
    const className = attribs['class'] ?? '';
    const id = attribs['id']?.trim() ?? '';
    const role = attribs['role'] ?? null;
    const itemprop = attribs['itemprop'] ?? null;
    // Most elements carry none of these: their hint depends on the tag alone, and needs no key.
    if (id.length === 0 && role === null && itemprop === null) {
      if (className.length === 0) return TAG_HINTS[tag] === undefined ? NO_HINT : readHint(tag, '', '', null, null);
      // The common case, a class alone: a map per tag spares building and hashing a joined key.
      let byClass = classHintMemo.get(tag);
      if (byClass === undefined) classHintMemo.set(tag, (byClass = new Map()));
      let hint = byClass.get(className);
      if (hint === undefined) byClass.set(className, (hint = hintAfterClasses(tag, classesOf(className), '', null, null, tokenMemo)));
      return hint;
    }
    // An id is nearly always the page's only one: no memo by element, but its classes are read once per page.
    if (id.length > 0 && classesHoldId(className, id)) return readHintIdAmongClasses(tag, className, id, role, itemprop, tokenMemo);
    return hintAfterClasses(tag, classesOf(className), id, role, itemprop, tokenMemo);
  }

  /** The verdict of a class string, read once per page whatever the tags and ids it comes with. */
  function classesOf(className: string): ClassVerdict {
    let classes = classVerdicts.get(className);
    if (classes === undefined) classVerdicts.set(className, (classes = readClasses(className, tokenMemo)));
    return classes;
  }

  function onOpen(tag: string, attribs: Record<string, string>): void {
    // Noted before any limit stops the reading: a frameset page is refused however much markup precedes it.
    if (tag === 'frameset') frameset = true;
    if (stopped) return;
    elementCount++;
    if (elementCount > options.maxElements) {
      stopped = true;
      truncated = true;
      flush();
      return;
    }
    const frame: Frame = { tag, container: -1, skip: false, capture: -1, link: false };
    stack.push(frame);
    depthSum += stack.length;

    // Page facts live in <head> and in skipped elements too, so read them before skipping.
    switch (tag) {
      case 'html':
        meta.htmlLang ??= attribs['lang'] ?? attribs['xml:lang'] ?? null;
        break;
      case 'meta': {
        const key = attribs['property'] ?? attribs['name'] ?? attribs['itemprop'] ?? attribs['http-equiv'];
        const content = attribs['content'];
        if (key !== undefined && content !== undefined) meta.metas.push({ key: key.toLowerCase().trim(), content: content.trim() });
        break;
      }
      case 'link': {
        const rel = attribs['rel'];
        const href = attribs['href'];
        if (rel !== undefined && href !== undefined) meta.links.push({ rel: rel.toLowerCase().trim(), href: href.trim() });
        break;
      }
      case 'title':
        if (meta.titleTag === null && (headDepth > 0 || skipDepth === 0)) frame.capture = openCapture('title');
        break;
      case 'script':
        if ((attribs['type'] ?? '').toLowerCase().includes('ld+json')) frame.capture = openCapture('json-ld');
        break;
    }

    if (tag === 'head') headDepth++;
    if (skipDepth > 0) {
      frame.skip = true;
      skipDepth++;
      return;
    }
    const hidden =
      attribs['hidden'] !== undefined ||
      attribs['aria-hidden'] === 'true' ||
      (attribs['style'] !== undefined && HIDDEN_STYLE.test(attribs['style']));
    // A photo credit inside a caption (<em class="credit">) is attribution, not caption text.
    const role = TAG_ROLES.get(tag) ?? 0;
    const credit = (figcaptionDepth > 0 || captionDepth > 0) && attribs['class'] !== undefined && (role & BLOCK_ROLE) === 0 && hintFor(tag, attribs).label === 'caption';
    if ((role & SKIP_ROLE) !== 0 || credit || (hidden && tag !== 'html' && tag !== 'body')) {
      frame.skip = true;
      skipDepth = 1;
      return;
    }

    if (tag === 'br') {
      breakBylines();
      parts.push('\u2028');
      link?.parts.push(' ');
      return;
    }
    if (tag === 'img') {
      const src = imageSource(attribs);
      if (src !== null) {
        meta.images.push({ src, blockIndex: blocks.length });
        if (figure !== null && figure.image === null) figure.image = { src, alt: attribs['alt']?.trim() || null };
      }
      return;
    }

    const block = (role & BLOCK_ROLE) !== 0;
    if (block) {
      breakBylines();
      flush();
      if (stack.length <= options.maxDepth) {
        const hint = hintFor(tag, attribs);
        containers.push({
          parent: container,
          tag,
          depth: stack.length,
          hint: hint.label,
          hintToken: hint.token,
          hintWeak: hint.weak,
          positive: hint.positive,
        });
        frame.container = containers.length - 1;
        container = frame.container;
        containerFrames.push(frame);
        if (hint.positive) positiveDepth++;
        if (hint.label === 'byline' && frame.capture < 0) frame.capture = openCapture('byline-class');
      } else {
        truncated = true;
      }
      blockTag = tag;
      blockContainer = container;
    }

    const level = role >> HEADING_SHIFT;
    if (level > 0) {
      heading = level;
      if (level === 1 && frame.capture < 0) frame.capture = openCapture('h1');
    } else if (frame.capture < 0 && heading === 1 && attribs['class'] !== undefined && KICKER_CLASS.test(attribs['class'])) {
      frame.capture = openCapture('kicker');
    }
    switch (tag) {
      case 'pre':
      case 'listing':
      case 'plaintext':
        preDepth++;
        break;
      case 'blockquote':
        quoteDepth++;
        break;
      case 'li':
        liDepth++;
        break;
      case 'ul':
      case 'ol':
      case 'menu':
        lists.push({ id: frame.container, ordered: tag === 'ol' });
        break;
      case 'table':
        tables.push({ id: frame.container, layout: false, rows: 0, blocks: [] });
        break;
      case 'tr': {
        const t = last(tables);
        if (t !== undefined) t.rows++;
        break;
      }
      case 'caption':
        captionDepth++;
        break;
      case 'figcaption':
        figcaptionDepth++;
        break;
      case 'figure':
        if (figure === null) figure = { id: frame.container, image: null, capture: -1 };
        break;
      case 'article':
      case 'main':
        articleDepth++;
        break;
      case 'a': {
        const href = attribs['href'];
        if (href !== undefined && link === null) {
          link = { href, parts: [], blockParts: [] };
          frame.link = true;
        }
        break;
      }
      case 'time':
        if (frame.capture < 0) frame.capture = openCapture('time', attribs['datetime'] ?? null);
        break;
    }
    if (frame.capture < 0 && !block) {
      const rel = attribs['rel'];
      const itemprop = attribs['itemprop'];
      if (rel !== undefined && /\bauthor\b/i.test(rel)) frame.capture = openCapture('byline-rel');
      else if (itemprop !== undefined && /\bauthor\b/i.test(itemprop)) frame.capture = openCapture('byline-itemprop');
      else if (attribs['class'] !== undefined && BYLINE_WORDS.test(attribs['class']) && hintFor(tag, attribs).label === 'byline') frame.capture = openCapture('byline-class');
    } else if (frame.capture < 0) {
      const itemprop = attribs['itemprop'];
      if (itemprop !== undefined && /\bauthor\b/i.test(itemprop)) frame.capture = openCapture('byline-itemprop');
    }
    if (itemPropIsArticleBody(attribs)) articleDepth++;
    // A table inside a table cell, or block content inside cells, makes the outer table a layout table.
    if ((role & TABLE_PART_ROLE) === 0 && block) {
      const t = last(tables);
      if (t !== undefined) t.layout = true;
    }
    if (tag === 'table' && tables.length > 1) {
      const outer = tables[tables.length - 2];
      if (outer !== undefined) outer.layout = true;
    }
  }

  function itemPropIsArticleBody(attribs: Record<string, string>): boolean {
    const v = attribs['itemprop'];
    return v !== undefined && /articlebody/i.test(v);
  }

  function onText(text: string): void {
    if (stopped) return;
    for (const id of openCaptures) {
      const c = captures[id];
      if (c !== undefined && (skipDepth === 0 || c.kind === 'title' || c.kind === 'json-ld')) c.parts.push(text);
    }
    if (skipDepth > 0) return;
    if (partsHaveText) parts.push(text);
    else if (!isBlank(text)) {
      parts.push(text);
      partsHaveText = true;
    } else if (parts.length > 0 || preDepth > 0 || text.includes('\u2028')) parts.push(text);
    // Indentation ahead of a run's first part: collapsing would drop it, so it is only noted, not stored. (A line
    // separator is kept: flush cuts the run at two of them, as at two <br>s, and the pieces decide the run's links.)
    else blankSkipped = true;
    if (link !== null) {
      link.parts.push(text);
      link.blockParts.push(text);
      linkChars += collapsedLength(text);
    }
  }

  function onClose(tag: string): void {
    if (stopped) return;
    const frame = stack.pop();
    if (frame === undefined) return;
    if (frame.capture >= 0) closeCapture(frame.capture);
    if (tag === 'head' && headDepth > 0) headDepth--;
    if (frame.skip) {
      skipDepth--;
      return;
    }
    const role = TAG_ROLES.get(tag) ?? 0;
    if ((role & BLOCK_ROLE) !== 0) {
      breakBylines();
      flush();
    }
    if (role >> HEADING_SHIFT > 0) heading = 0;
    switch (tag) {
      case 'pre':
      case 'listing':
      case 'plaintext':
        preDepth--;
        break;
      case 'blockquote':
        quoteDepth--;
        break;
      case 'li':
        liDepth--;
        break;
      case 'ul':
      case 'ol':
      case 'menu':
        lists.pop();
        break;
      case 'table': {
        const t = tables.pop();
        // One-row or block-filled tables are layout: their cells read as paragraphs.
        if (t !== undefined && (t.layout || t.rows < 2)) {
          for (const i of t.blocks) {
            const b = blocks[i];
            if (b !== undefined) {
              b.kind = 'paragraph';
              b.groupId = -1;
              b.rowId = -1;
            }
          }
        }
        break;
      }
      case 'caption':
        captionDepth--;
        break;
      case 'figcaption':
        figcaptionDepth--;
        break;
      case 'figure':
        if (figure !== null && figure.id === frame.container) {
          if (figure.image !== null) {
            // A figure per <figure> is rare: makeBlock's spread costs nothing here, and its field order is emit's.
            blocks.push(
              makeBlock({ index: blocks.length, kind: 'figure', tag: 'figure', text: '', image: figure.image, parent: frame.container, groupId: figure.id, positive: positiveDepth, inArticle: articleDepth > 0 }),
            );
          }
          figure = null;
        }
        break;
      case 'article':
      case 'main':
        articleDepth--;
        break;
    }
    if (frame.link && link !== null) {
      // A link that spanned blocks (a card: <a><h3/><p/></a>) gave each earlier block its own part.
      const text = collapseSpaces((link.parts.length === link.blockParts.length ? link.parts : link.blockParts).join(''));
      if (text.length > 0 || link.parts.length === link.blockParts.length) links.push({ href: link.href, text });
      link = null;
    }
    if (frame.container >= 0) {
      const c = containers[frame.container];
      if (c !== undefined && c.positive) positiveDepth--;
      container = c?.parent ?? -1;
      containerFrames.pop();
      // Text after a closing block element belongs to the enclosing block element.
      const enclosing = last(containerFrames);
      blockTag = enclosing?.tag ?? 'body';
      blockContainer = enclosing?.container ?? -1;
    }
  }

  streamHtml(closeRunawayTitle(html), { onopentag: onOpen, ontext: onText, onclosetag: onClose }, READ_ATTRIBUTES);
  flush();
  for (const id of [...openCaptures]) closeCapture(id);

  return { format: 'html', blocks, containers, meta, truncated, elements: elementCount, depthSum, frameset };
}
