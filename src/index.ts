/**
 * newsprint: main-article extraction from news pages, as HTML or plain text.
 *
 * @packageDocumentation
 */
export { extract, segment } from './pipeline.js';
export { NewsprintError } from './errors.js';
export type { NewsprintErrorCode } from './errors.js';
export { DEFAULT_OPTIONS } from './options.js';
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
  RelatedLink,
  Segmentation,
  Trace,
} from './types.js';
