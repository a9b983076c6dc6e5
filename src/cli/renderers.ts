import * as publicApi from '../index.js';
import type { Article } from '../index.js';

/** The article renderers the CLI needs from the public API. */
export type RenderFormat = 'json' | 'md' | 'text' | 'html';

type Renderer = (article: Article) => unknown;

/** Public export names of the renderers, per `--format`. */
const RENDERER_EXPORTS: Readonly<Record<RenderFormat, string>> = {
  json: 'toJson',
  md: 'toMarkdown',
  text: 'toText',
  html: 'toHtml',
};

// Looked up by name so the CLI builds against any version of the façade; a renderer the
// façade lacks fails that input with a clear message instead of breaking the build.
const exportsByName: Readonly<Record<string, unknown>> = publicApi;

function findRenderer(format: RenderFormat): Renderer | null {
  const candidate = exportsByName[RENDERER_EXPORTS[format]];
  return typeof candidate === 'function' ? (candidate as Renderer) : null;
}

/** Compact JSON text of the article: one line, safe to embed in a JSON Lines record. */
export function renderJsonLine(article: Article): string {
  const renderer = findRenderer('json');
  const value = renderer === null ? article : renderer(article);
  // A renderer may hand back JSON text (possibly indented) or a plain object; normalise to one line.
  return typeof value === 'string' ? JSON.stringify(JSON.parse(value)) : JSON.stringify(value);
}

/** The article in a human format (`md`, `text`, `html`). */
export function renderDocument(article: Article, format: Exclude<RenderFormat, 'json'>): string {
  const renderer = findRenderer(format);
  if (renderer === null) {
    if (format === 'text') return article.text;
    throw new Error(`This build of newsprint has no ${RENDERER_EXPORTS[format]} renderer.`);
  }
  const value = renderer(article);
  return typeof value === 'string' ? value : String(value);
}
