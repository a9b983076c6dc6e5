/**
 * The article as GitHub-flavoured Markdown. Article text is escaped so that it always reads back
 * as the same text: nothing in a paragraph can turn into emphasis, a link, a list or a heading.
 */
import type { Article, ArticleBlock, InlineLink } from '../types.js';
import { clampHeadingLevel, percentEncodeDelimiters, rectangularRows, safeUrl, splitLinks } from './inline.js';

/** Options for {@link toMarkdown}. */
export interface MarkdownOptions {
  /**
   * Start with the title as a level-1 heading.
   * @default true
   */
  title?: boolean;
  /**
   * Add an italic line under the title with the authors and the publication date ("By A, B · 2024-05-01").
   * @default false
   */
  metadata?: boolean;
}

/** ASCII punctuation that has inline meaning somewhere in GFM (emphasis, code, links, HTML, tables, strikethrough, escapes). */
const INLINE_SPECIAL = /[\\`*_[\]<>|~]/g;

/** `&` only matters when it starts something a Markdown reader would decode as a character reference. */
const CHARACTER_REFERENCE_START = /&(?=#?[a-z0-9]+;)/gi;

/** Line starts that would open a block: headings, quotes, list markers, thematic breaks, setext underlines, tables, HTML. */
const BLOCK_START_MARKER = /^([#>+\-=]|\d{1,9}(?=[.)]))/;

/** Language tags passed to a code fence: anything else could break out of the info string. */
const SAFE_LANGUAGE = /^[A-Za-z0-9_+#.-]{1,40}$/;

/** Escapes one line of text so it renders literally, wherever it sits in the line. */
function escapeInline(text: string): string {
  return text.replace(INLINE_SPECIAL, '\\$&').replace(CHARACTER_REFERENCE_START, '\\&');
}

/** Escapes a whole run of text that will start a block (each line may start one). */
function escapeLines(text: string): string {
  return text
    .split('\n')
    .map((line) => escapeLineStart(escapeInline(line.trim())))
    .filter((line) => line !== '')
    .join('\n');
}

function escapeLineStart(line: string): string {
  const match = BLOCK_START_MARKER.exec(line);
  if (match === null) return line;
  const marker = match[1] ?? '';
  // A number before "." or ")" is a list marker: escape the punctuation after it, not the digits.
  if (/^\d/.test(marker)) return `${marker}\\${line.slice(marker.length)}`;
  return `\\${line}`;
}

/** A safe URL as a Markdown link destination: parentheses encoded too, so an unbalanced one cannot end the link early. */
function linkDestination(url: string): string {
  return percentEncodeDelimiters(url, /[()]/g);
}

function paragraphText(text: string, links: readonly InlineLink[]): string {
  const joined = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
  const inline = splitLinks(joined, links)
    .map((segment) => {
      const escaped = escapeInline(segment.text);
      return segment.url === null ? escaped : `[${escaped}](${linkDestination(segment.url)})`;
    })
    .join('');
  // Line starts are escaped after the links are in place: a line that opens with a link starts with "[", which is safe.
  return inline.split('\n').map(escapeLineStart).join('\n');
}

/** Heading text on one line; "#" escaped too, as a trailing " #" would be read as the closing sequence. */
function headingText(text: string): string {
  return escapeInline(text.replace(/\s+/g, ' ').trim()).replace(/#/g, '\\#');
}

function codeFence(text: string): string {
  const longestRun = (text.match(/`+/g) ?? []).reduce((max, run) => Math.max(max, run.length), 0);
  return '`'.repeat(Math.max(3, longestRun + 1));
}

/** One table cell: no line breaks (a GFM row is one line), pipes escaped. */
function tableCell(text: string): string {
  return escapeInline(text.replace(/\s+/g, ' ').trim());
}

function tableToMarkdown(rows: readonly (readonly string[])[], header: boolean): string | null {
  const grid = rectangularRows(rows);
  const width = grid[0]?.length ?? 0;
  if (width === 0) return null;
  // GFM has no table without a header row: a table without one gets an empty header.
  const head = header ? (grid[0] ?? []) : Array.from({ length: width }, () => '');
  const body = header ? grid.slice(1) : grid;
  const line = (cells: readonly string[]): string => `| ${cells.map(tableCell).join(' | ')} |`;
  return [line(head), `|${' --- |'.repeat(width)}`, ...body.map(line)].join('\n');
}

function blockToMarkdown(block: ArticleBlock): string | null {
  switch (block.type) {
    case 'heading': {
      const text = headingText(block.text);
      return text === '' ? null : `${'#'.repeat(clampHeadingLevel(block.level))} ${text}`;
    }
    case 'paragraph':
      return paragraphText(block.text, block.links);
    case 'quote': {
      const text = escapeLines(block.text);
      return text === '' ? null : text.split('\n').map((line) => `> ${line}`).join('\n');
    }
    case 'list': {
      const items = block.items.map((item) => escapeLines(item)).filter((item) => item !== '');
      if (items.length === 0) return null;
      return items
        .map((item, i) => {
          const marker = block.ordered ? `${i + 1}. ` : '- ';
          // Continuation lines are indented to the item's content so they stay inside the item.
          return marker + item.split('\n').join(`\n${' '.repeat(marker.length)}`);
        })
        .join('\n');
    }
    case 'code': {
      let end = block.text.length;
      // A loop, not /\n+$/: that regex backtracks quadratically on text with many inner newlines.
      while (end > 0 && block.text.charCodeAt(end - 1) === 10) end--;
      const text = block.text.slice(0, end);
      if (text.trim() === '') return null;
      const fence = codeFence(text);
      const language = block.language !== null && SAFE_LANGUAGE.test(block.language) ? block.language : '';
      return `${fence}${language}\n${text}\n${fence}`;
    }
    case 'table':
      return tableToMarkdown(block.rows, block.header);
    case 'figure': {
      const parts: string[] = [];
      const src = safeUrl(block.src);
      if (src !== null) parts.push(`![${escapeInline((block.alt ?? '').replace(/\s+/g, ' ').trim())}](${linkDestination(src)})`);
      const caption = block.caption === null ? '' : escapeInline(block.caption.replace(/\s+/g, ' ').trim());
      if (caption !== '') parts.push(`*${caption}*`);
      return parts.length === 0 ? null : parts.join('\n');
    }
  }
}

/** The date part of an ISO 8601 timestamp, for the byline line. */
function dayOf(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}/.exec(iso)?.[0] ?? iso;
}

function metadataLine(article: Article): string | null {
  const pieces: string[] = [];
  const authors = article.authors.map((name) => name.trim()).filter((name) => name !== '');
  if (authors.length > 0) pieces.push(`By ${authors.join(', ')}`);
  if (article.published !== null && article.published.trim() !== '') pieces.push(dayOf(article.published.trim()));
  return pieces.length === 0 ? null : `*${escapeInline(pieces.join(' · '))}*`;
}

/**
 * The article as GitHub-flavoured Markdown: the title as `# title` (unless `title: false`),
 * optionally a "By … · date" line, then the blocks separated by blank lines. Text is escaped so
 * that it never turns into markup; links and images keep only http(s), mailto and relative URLs.
 */
export function toMarkdown(article: Article, options: MarkdownOptions = {}): string {
  const parts: string[] = [];
  const title = headingText(article.title ?? '');
  if ((options.title ?? true) && title !== '') parts.push(`# ${title}`);
  if (options.metadata ?? false) {
    const line = metadataLine(article);
    if (line !== null) parts.push(line);
  }
  for (const block of article.blocks) {
    const rendered = blockToMarkdown(block);
    if (rendered !== null && rendered !== '') parts.push(rendered);
  }
  return parts.length === 0 ? '' : `${parts.join('\n\n')}\n`;
}
