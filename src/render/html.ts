/**
 * The article as HTML, safe by construction: the output is built from a fixed set of tags, every
 * text and attribute value is escaped, and only http(s), mailto and relative URLs are emitted.
 * Nothing from the source page's markup passes through; only the article's text fields do.
 */
import type { Article, ArticleBlock, InlineLink } from '../types.js';
import { clampHeadingLevel, rectangularRows, safeUrl, splitLinks } from './inline.js';

/** Options for {@link toHtml}. */
export interface HtmlRenderOptions {
  /**
   * Start with the title as `<h1>`.
   * @default true
   */
  title?: boolean;
  /**
   * Wrap the article in a complete page: `<!doctype html>`, `<meta charset="utf-8">` and `<title>`.
   * @default false
   */
  document?: boolean;
}

/** The only elements this renderer writes (plus html, head, meta, title and body in document mode). */
export const HTML_RENDER_TAGS: readonly string[] = [
  'article', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code',
  'table', 'thead', 'tbody', 'tr', 'th', 'td', 'figure', 'img', 'figcaption', 'a',
];

/** Only letters, digits and hyphens: a language tag or a code language cannot break out of its attribute. */
const SAFE_LANG = /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/;
const SAFE_CODE_LANGUAGE = /^[A-Za-z0-9_+#.-]{1,40}$/;

const TEXT_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for element content and for double-quoted attribute values alike. Characters that
 * are not allowed in HTML at all (NUL and other C0 controls but tab and line feed, lone surrogates)
 * are dropped rather than passed to a parser that would guess.
 */
function escapeHtml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/[&<>"']/g, (ch) => TEXT_ESCAPES[ch] ?? ch);
}

function attribute(name: string, value: string): string {
  return ` ${name}="${escapeHtml(value)}"`;
}

function inlineHtml(text: string, links: readonly InlineLink[]): string {
  return splitLinks(text, links)
    .map((segment) => (segment.url === null ? escapeHtml(segment.text) : `<a${attribute('href', segment.url)}>${escapeHtml(segment.text)}</a>`))
    .join('');
}

function tableHtml(rows: readonly (readonly string[])[], header: boolean): string | null {
  const grid = rectangularRows(rows);
  if (grid.length === 0 || (grid[0]?.length ?? 0) === 0) return null;
  const row = (cells: readonly string[], tag: 'th' | 'td'): string => `<tr>${cells.map((cell) => `<${tag}>${escapeHtml(cell)}</${tag}>`).join('')}</tr>`;
  const head = header ? `<thead>${row(grid[0] ?? [], 'th')}</thead>` : '';
  const bodyRows = header ? grid.slice(1) : grid;
  const body = bodyRows.length > 0 ? `<tbody>${bodyRows.map((cells) => row(cells, 'td')).join('')}</tbody>` : '';
  return `<table>${head}${body}</table>`;
}

function blockToHtml(block: ArticleBlock): string | null {
  switch (block.type) {
    case 'heading': {
      const level = clampHeadingLevel(block.level);
      return `<h${level}>${escapeHtml(block.text)}</h${level}>`;
    }
    case 'paragraph':
      return `<p>${inlineHtml(block.text, block.links)}</p>`;
    case 'quote':
      return `<blockquote><p>${escapeHtml(block.text)}</p></blockquote>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag}>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</${tag}>`;
    }
    case 'code': {
      const language = block.language !== null && SAFE_CODE_LANGUAGE.test(block.language) ? attribute('class', `language-${block.language}`) : '';
      return `<pre><code${language}>${escapeHtml(block.text)}</code></pre>`;
    }
    case 'table':
      return tableHtml(block.rows, block.header);
    case 'figure': {
      const src = safeUrl(block.src);
      const image = src === null ? '' : `<img${attribute('src', src)}${block.alt === null ? '' : attribute('alt', block.alt)}>`;
      const caption = block.caption === null || block.caption.trim() === '' ? '' : `<figcaption>${escapeHtml(block.caption)}</figcaption>`;
      return image === '' && caption === '' ? null : `<figure>${image}${caption}</figure>`;
    }
  }
}

/**
 * The article as an HTML fragment (`<article>…</article>`), or a whole page with `document: true`.
 * Safe to insert into a page as is: only the tags newsprint emits (article, headings, p, lists, blockquote, pre/code, tables, figure/img/figcaption, a), attributes limited to
 * `href`, `src`, `alt`, `lang` and a `language-*` class on code, every value escaped, and URLs other
 * than http(s), mailto and relative ones dropped (the element stays, without the attribute).
 */
export function toHtml(article: Article, options: HtmlRenderOptions = {}): string {
  const lang = article.lang !== null && SAFE_LANG.test(article.lang) ? article.lang : null;
  const parts: string[] = [];
  const title = article.title?.trim() ?? '';
  if ((options.title ?? true) && title !== '') parts.push(`<h1>${escapeHtml(title)}</h1>`);
  for (const block of article.blocks) {
    const rendered = blockToHtml(block);
    if (rendered !== null) parts.push(rendered);
  }
  const fragment = `<article${lang === null ? '' : attribute('lang', lang)}>\n${parts.map((part) => `${part}\n`).join('')}</article>`;
  if (!(options.document ?? false)) return `${fragment}\n`;
  return [
    '<!doctype html>',
    `<html${lang === null ? '' : attribute('lang', lang)}>`,
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    '</head>',
    '<body>',
    fragment,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
