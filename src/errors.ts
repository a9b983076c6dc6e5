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

/** The only error newsprint throws. `code` says what went wrong; `message` says what to do. */
export class NewsprintError extends Error {
  override readonly name = 'NewsprintError';
  readonly code: NewsprintErrorCode;

  constructor(code: NewsprintErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
