/**
 * Plain-text renderings: an extracted article as text, and a whole HTML page as a browser's
 * innerText would read it.
 */
import type { Article, ArticleBlock } from '../types.js';
import { rectangularRows } from './inline.js';

export { htmlToText } from './inner-text.js';
export type { HtmlToTextOptions } from './inner-text.js';

/** Options for {@link toText}. */
/** Linear: a `/\n+$/` regex backtracks quadratically on text with many inner newlines. */
function trimTrailingNewlines(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 10) end--;
  return text.slice(0, end);
}

export interface TextRenderOptions {
  /**
   * Print the title first, followed by a blank line.
   * @default true
   */
  title?: boolean;
}

/** Unordered list items get a bullet so the list still reads as one in plain text. */
const BULLET = '• ';

function blockToText(block: ArticleBlock): string | null {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
    case 'quote':
      return block.text;
    case 'code':
      return block.text;
    case 'list':
      return block.items.map((item, i) => `${block.ordered ? `${i + 1}. ` : BULLET}${item}`).join('\n');
    case 'table':
      return rectangularRows(block.rows)
        .map((row) => row.map((cell) => cell.replace(/[\t\n]+/g, ' ')).join('\t'))
        .join('\n');
    case 'figure':
      // The image itself has no text; its caption is part of the article, its alt text is not.
      return block.caption;
  }
}

/**
 * The article as plain text: the title (unless `title: false`), then each block on its own,
 * separated by blank lines. Headings stand on their own line, list items start with "• " (or
 * "1. " when ordered), table cells are tab-separated with one row per line, figures give their caption.
 */
export function toText(article: Article, options: TextRenderOptions = {}): string {
  const parts: string[] = [];
  if ((options.title ?? true) && article.title !== null && article.title.trim() !== '') parts.push(article.title.trim());
  for (const block of article.blocks) {
    const text = blockToText(block);
    if (text === null || text.trim() === '') continue;
    // Code keeps its indentation and tables their empty edge cells; other text is trimmed.
    if (block.type === 'code') parts.push(trimTrailingNewlines(text));
    else if (block.type === 'table') parts.push(text);
    else parts.push(text.trim());
  }
  return parts.join('\n\n');
}
