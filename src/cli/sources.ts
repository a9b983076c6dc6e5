import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { InputFormat } from '../index.js';
import { InputError } from './failure.js';
import { fetchPage, isHttpUrl } from './fetch-page.js';
import type { FetchSettings } from './fetch-page.js';

/** Fields copied onto each output line so a consumer can join results back to inputs. */
export type Echo = Readonly<Record<string, string | number | null>>;

/** A page ready for the library: the bytes or text plus the hints the CLI knows about it. */
export interface PreparedInput {
  input: string | Uint8Array;
  url: string | null;
  format: InputFormat;
  encoding: string | null;
}

/** One input of a run. `prepare` does the I/O, lazily, so only a window of inputs is in memory. */
export interface Unit {
  echo: Echo;
  /** How the input is named in headers and messages. */
  label: string;
  prepare: () => Promise<PreparedInput>;
}

/** Page files a directory walk picks up; `.gz` ones are decompressed. */
const PAGE_FILE_PATTERN = /\.(?:html?|txt)(?:\.gz)?$/i;
const WARC_FILE_PATTERN = /\.warc(?:\.gz)?$/i;

export function isWarcPath(path: string): boolean {
  return WARC_FILE_PATTERN.test(path);
}

/** The path the file's name implies: `.txt` is a text rendering, `.htm(l)` markup. */
function formatFromName(path: string): InputFormat {
  const name = path.toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.txt')) return 'text';
  if (name.endsWith('.html') || name.endsWith('.htm')) return 'html';
  return 'auto';
}

/** Every page file under a directory, depth first, names sorted so runs are reproducible. */
export async function* walkPages(directory: string): AsyncGenerator<string> {
  const entries = await readdir(directory, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) yield* walkPages(path);
    else if (entry.isFile() && PAGE_FILE_PATTERN.test(entry.name)) yield path;
  }
}

function describeReadError(error: unknown, path: string): InputError {
  if (error instanceof InputError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ERR_BUFFER_TOO_LARGE') return new InputError('INPUT_TOO_LARGE', `${path} decompresses past --max-bytes.`);
  const message = error instanceof Error ? error.message : String(error);
  return new InputError('READ_FAILED', message);
}

/** A page file's bytes, gunzipped when named `.gz`, refused past `maxBytes` (before or after decompression). */
export async function readPageFile(path: string, maxBytes: number): Promise<Uint8Array> {
  try {
    const info = await stat(path);
    if (info.size > maxBytes) throw new InputError('INPUT_TOO_LARGE', `${path} is ${info.size} bytes, more than --max-bytes ${maxBytes}.`);
    const raw = await readFile(path);
    return /\.gz$/i.test(path) ? gunzipSync(raw, { maxOutputLength: maxBytes }) : raw;
  } catch (error) {
    throw describeReadError(error, path);
  }
}

/** All of stdin as bytes, refused past `maxBytes`. */
export async function readStdin(stdin: AsyncIterable<Buffer>, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stdin) {
    total += chunk.byteLength;
    if (total > maxBytes) throw new InputError('INPUT_TOO_LARGE', `stdin is more than --max-bytes ${maxBytes} bytes.`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}

export interface SourceSettings extends FetchSettings {
  /** Forced path (`--text`/`--html`), or `auto` to go by file name, Content-Type, then sniffing. */
  inputFormat: InputFormat;
  encoding: string | null;
  url: string | null;
  stdin: AsyncIterable<Buffer>;
}

function chooseFormat(forced: InputFormat, hinted: InputFormat): InputFormat {
  return forced === 'auto' ? hinted : forced;
}

/** The unit for one command-line argument that is a URL, `-` or a file (not a directory). */
export function unitForArgument(argument: string, settings: SourceSettings): Unit {
  if (isHttpUrl(argument)) {
    return {
      echo: { url: argument },
      label: argument,
      prepare: async () => {
        const page = await fetchPage(argument, settings);
        return {
          input: page.bytes,
          url: settings.url ?? page.finalUrl,
          format: chooseFormat(settings.inputFormat, page.format),
          encoding: settings.encoding ?? page.encoding,
        };
      },
    };
  }
  if (argument === '-') {
    return {
      echo: { path: '-' },
      label: 'stdin',
      prepare: async () => ({
        input: await readStdin(settings.stdin, settings.maxBytes),
        url: settings.url,
        format: settings.inputFormat,
        encoding: settings.encoding,
      }),
    };
  }
  return {
    echo: { path: argument },
    label: argument,
    prepare: async () => ({
      input: await readPageFile(argument, settings.maxBytes),
      url: settings.url,
      format: chooseFormat(settings.inputFormat, formatFromName(argument)),
      encoding: settings.encoding,
    }),
  };
}

/** Whether an argument names a directory (URLs and `-` never do). */
export async function isDirectory(argument: string): Promise<boolean> {
  if (argument === '-' || isHttpUrl(argument)) return false;
  try {
    return (await stat(argument)).isDirectory();
  } catch {
    return false;
  }
}
