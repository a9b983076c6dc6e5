// The CLI renders only through the public API, so it prints exactly what a library caller gets.
import { toHtml, toJson, toMarkdown, toText } from '../index.js';
import type { Article } from '../index.js';

/** What `--format` can ask for. */
export type RenderFormat = 'json' | 'md' | 'text' | 'html';

/** Compact JSON text of the article: one line, safe to embed in a JSON Lines record. */
export function renderJsonLine(article: Article): string {
  return toJson(article);
}

/** The article in a human format. */
export function renderDocument(article: Article, format: Exclude<RenderFormat, 'json'>): string {
  switch (format) {
    case 'md':
      return toMarkdown(article);
    case 'text':
      return toText(article);
    case 'html':
      return toHtml(article);
  }
}
