import type { Article } from '../index.js';
// These four are meant to come from the public façade ('../index.js'); imported from their modules
// until the façade exports them, by the same names, so the switch is a one-line change.
import { toHtml } from '../render/html.js';
import { toJson } from '../render/json.js';
import { toMarkdown } from '../render/markdown.js';
import { toText } from '../render/text.js';

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
