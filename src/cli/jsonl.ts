import { InputError } from './failure.js';
import { readPageFile } from './sources.js';
import type { Echo, PreparedInput } from './sources.js';

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** A line of stdin, or the fact that it was too long to keep (its bytes were skipped, not buffered). */
export type Line = { number: number; text: string } | { number: number; text: null; bytes: number };

function joinLine(parts: Buffer[], size: number): string {
  let bytes = parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts, size);
  if (bytes.length > 0 && bytes[bytes.length - 1] === CARRIAGE_RETURN) bytes = bytes.subarray(0, bytes.length - 1);
  return bytes.toString('utf8');
}

/**
 * Splits a byte stream into lines (LF or CRLF). Memory stays under `maxLineBytes` per line: a longer
 * line is dropped as it streams by and reported with its size, so one huge record cannot exhaust memory.
 * A last line without a newline still counts; an empty stream has no lines.
 */
export async function* readLines(stream: AsyncIterable<Buffer | string>, maxLineBytes: number): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let size = 0;
  let oversized = false;
  let number = 0;
  const finish = (): Line => {
    number += 1;
    const line: Line = oversized ? { number, text: null, bytes: size } : { number, text: joinLine(parts, size) };
    parts = [];
    size = 0;
    oversized = false;
    return line;
  };
  const take = (piece: Buffer): void => {
    size += piece.length;
    if (oversized) return;
    if (size > maxLineBytes) {
      oversized = true;
      parts = [];
      return;
    }
    parts.push(piece);
  };
  for await (const incoming of stream) {
    const chunk = typeof incoming === 'string' ? Buffer.from(incoming) : incoming;
    let start = 0;
    for (let end = chunk.indexOf(NEWLINE, start); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
      take(chunk.subarray(start, end));
      yield finish();
      start = end + 1;
    }
    // Copy the tail: keeping a view would pin the whole chunk in memory until the line ends.
    if (start < chunk.length) take(Buffer.from(chunk.subarray(start)));
  }
  if (size > 0 || oversized) yield finish();
}

/** What a JSONL record asks for, before any file is read. */
export interface RecordRequest {
  echo: Echo;
  prepare: () => Promise<PreparedInput>;
}

function pick(record: Record<string, unknown>, key: string): string | null {
  const value = record[key];
  return typeof value === 'string' ? value : null;
}

/** The `id` and `url` of a record, echoed on its output line so results can be joined back. */
function echoOf(record: Record<string, unknown>, line: number): Echo {
  const echo: Record<string, string | number | null> = {};
  const id = record.id;
  if (typeof id === 'string' || typeof id === 'number') echo.id = id;
  const url = pick(record, 'url');
  if (url !== null) echo.url = url;
  const path = pick(record, 'path');
  if (path !== null) echo.path = path;
  echo.line = line;
  return echo;
}

function failing(echo: Echo, error: InputError): RecordRequest {
  return { echo, prepare: () => Promise.reject(error) };
}

/**
 * Reads one JSONL line as a request. Accepted shapes: `{"html": "..."}`, `{"text": "..."}` or
 * `{"path": "page.html"}`, each with optional `url` (base URL), `id` (echoed) and `encoding`
 * (for `path`). A line that fits none gives a request whose `prepare` fails with BAD_RECORD.
 */
export function parseRecord(line: Line, maxBytes: number): RecordRequest {
  const where = { line: line.number };
  if (line.text === null) {
    return failing(where, new InputError('INPUT_TOO_LARGE', `Line ${line.number} is ${line.bytes} bytes, more than --max-bytes ${maxBytes}.`));
  }
  if (line.text.trim() === '') return failing(where, new InputError('BAD_RECORD', `Line ${line.number} is empty.`));
  let parsed: unknown;
  try {
    parsed = JSON.parse(line.text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return failing(where, new InputError('BAD_RECORD', `Line ${line.number} is not valid JSON: ${reason}`));
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return failing(where, new InputError('BAD_RECORD', `Line ${line.number} is not a JSON object.`));
  }
  const record = parsed as Record<string, unknown>;
  const echo = echoOf(record, line.number);
  const url = pick(record, 'url');
  const encoding = pick(record, 'encoding');
  const html = pick(record, 'html');
  if (html !== null) return { echo, prepare: () => Promise.resolve({ input: html, url, format: 'html', encoding: null }) };
  const text = pick(record, 'text');
  if (text !== null) return { echo, prepare: () => Promise.resolve({ input: text, url, format: 'text', encoding: null }) };
  const path = pick(record, 'path');
  if (path !== null) {
    return {
      echo,
      prepare: async () => ({
        input: await readPageFile(path, maxBytes),
        url,
        format: /\.txt(?:\.gz)?$/i.test(path) ? 'text' : 'auto',
        encoding,
      }),
    };
  }
  return failing(echo, new InputError('BAD_RECORD', `Line ${line.number} has no "html", "text" or "path" string.`));
}
