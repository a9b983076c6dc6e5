/**
 * newsprint: main-article extraction from news pages, as HTML or plain text.
 *
 * @packageDocumentation
 */
export { extract, segment } from './pipeline.js';
export { NewsprintError } from './errors.js';
export type { NewsprintErrorCode, PageMetadata } from './errors.js';
export { DEFAULT_OPTIONS } from './options.js';
export { toMarkdown } from './render/markdown.js';
export type { MarkdownOptions } from './render/markdown.js';
export { toHtml } from './render/html.js';
export type { HtmlRenderOptions } from './render/html.js';
export { toText, htmlToText } from './render/text.js';
export type { TextRenderOptions, HtmlToTextOptions } from './render/text.js';
export { toJson } from './render/json.js';
export type { JsonRenderOptions } from './render/json.js';
export type {
  Article,
  ArticleBlock,
  BlockLabel,
  ExtractOptions,
  Heading,
  InlineLink,
  InputFormat,
  LabelledBlock,
  MetadataSource,
  Provenance,
  ReadabilityDom,
  RelatedLink,
  Segmentation,
  Trace,
} from './types.js';
