import type { Article } from './types.js';

/** Codes a {@link NewsprintError} can carry. Stable: callers switch on them. */
export type NewsprintErrorCode =
  /** The input is neither a string, bytes nor a DOM `Document`. */
  | 'INVALID_INPUT'
  /** An option has a value of the wrong type or range. */
  | 'INVALID_OPTION'
  /** The input is larger than `maxInputBytes`. */
  | 'INPUT_TOO_LARGE'
  /** The input is empty or only whitespace. */
  | 'EMPTY_INPUT'
  /** The input is a binary file (image, PDF, archive), not a page. */
  | 'BINARY_INPUT'
  /** The input is an XML feed (RSS, Atom), not a page. */
  | 'FEED_INPUT'
  /** The page is a frameset: its content lives in other documents. */
  | 'FRAMESET'
  /** The bytes could not be decoded with the requested encoding. */
  | 'UNSUPPORTED_ENCODING'
  /** The page was read, but no article was found in it. */
  | 'NO_ARTICLE';

/** The page's metadata, as an {@link Article} would carry it. */
export type PageMetadata = Pick<
  Article,
  'title' | 'authors' | 'author' | 'published' | 'modified' | 'siteName' | 'lang' | 'description' | 'url' | 'image' | 'section' | 'tags' | 'provenance'
>;

/** The only error newsprint throws. `code` says what went wrong; `message` says what to do. */
export class NewsprintError extends Error {
  override readonly name = 'NewsprintError';
  readonly code: NewsprintErrorCode;
  /**
   * With `NO_ARTICLE` only: the page was read, so its title, authors, dates and language are known
   * even though it holds no article body (a video page, a gallery, a listing).
   */
  readonly metadata?: PageMetadata;

  constructor(code: NewsprintErrorCode, message: string, metadata?: PageMetadata) {
    super(message);
    this.code = code;
    if (metadata !== undefined) this.metadata = metadata;
  }
}
