import { NewsprintError } from '../index.js';

/**
 * Why one input failed, as written on an error line. Library failures keep the `NewsprintError`
 * code; failures before the library runs (reading, fetching, a malformed JSONL record) get one of these.
 */
export type InputFailureCode =
  /** A file or stdin could not be read. */
  | 'READ_FAILED'
  /** The network request failed (DNS, refused connection, reset). */
  | 'FETCH_FAILED'
  /** The server answered with a status other than 2xx. */
  | 'HTTP_STATUS'
  /** The request did not complete within `--timeout`. */
  | 'TIMEOUT'
  /** More redirects than the limit. */
  | 'TOO_MANY_REDIRECTS'
  /** A JSONL line is not a JSON object with `html`, `text` or `path`. */
  | 'BAD_RECORD'
  /** The input, a download or a JSONL line is larger than `--max-bytes`. */
  | 'INPUT_TOO_LARGE'
  /** Anything else the library did not anticipate; a bug worth reporting. */
  | 'INTERNAL';

export interface Failure {
  code: string;
  message: string;
}

/** An input could not be turned into a page. Stays inside the CLI: the library throws only NewsprintError. */
export class InputError extends Error {
  override readonly name = 'InputError';
  readonly code: InputFailureCode;

  constructor(code: InputFailureCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** Turns anything caught while handling one input into the `{code, message}` written for it. */
export function toFailure(error: unknown): Failure {
  if (error instanceof NewsprintError || error instanceof InputError) {
    return { code: error.code, message: error.message };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message };
}
