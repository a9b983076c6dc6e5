/**
 * Finding and reading the development datasets: `<dir>/<dataset>/truth.jsonl`,
 * `html/<id>.html.gz` and `text/<id>.txt`. Pages are read one at a time, on demand, so a run
 * never holds more than one page's HTML.
 */
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/** Env var that points the evaluation at another datasets folder. */
export const DATASETS_ENV = 'NEWSPRINT_DATASETS';

/** The datasets whose annotations (Apache-2.0) allow fitting and tuning; the others only measure (see the datasets' README). */
export const FIT_DATASETS = ['readability', 'trafilatura-eval'] as const;

/** The default place, next to the repository: `<repo>/../shared/datasets`. */
export const DEFAULT_DATASETS_RELATIVE = join('..', 'shared', 'datasets');

/** The repository root, two levels above this file (bench/lib/). */
export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

/** One line of a dataset's truth.jsonl (fields the evaluation reads). */
export interface TruthRecord {
  id: string;
  url: string | null;
  lang: string | null;
  title: string | null;
  author: string | null;
  authors: string[];
  published: string | null;
  /** Full article text, or `null` where the dataset has none (the page is left out of body scores). */
  body: string | null;
  /** Snippets that must appear in the body. */
  with: string[];
  /** Snippets that must not. */
  without: string[];
  /** `false` for pages that are not articles, where the dataset says so. */
  readerable: boolean | null;
}

/** Picks the datasets folder: the `--data` flag, else the env var, else the default next to the repo. */
export function resolveDatasetsDir(flag: string | null, env: NodeJS.ProcessEnv, repoRoot: string = REPO_ROOT): string {
  if (flag !== null && flag.length > 0) return resolve(flag);
  const fromEnv = env[DATASETS_ENV];
  if (fromEnv !== undefined && fromEnv.length > 0) return resolve(fromEnv);
  return resolve(repoRoot, DEFAULT_DATASETS_RELATIVE);
}

/** The dataset names in a folder (subfolders with a truth.jsonl), sorted; `[]` when the folder is absent. */
export function listDatasets(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'truth.jsonl')))
    .map((entry) => entry.name)
    .sort();
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** A UTF-16 byte-order mark as it reads when UTF-16 bytes were taken for Latin-1 ("ÿþ" little-endian, "þÿ" big-endian). */
const MISREAD_UTF16_BOMS = { '\u00ff\u00fe': 'utf-16le', '\u00fe\u00ff': 'utf-16be' } as const;

/**
 * Repairs a truth text that was stored as UTF-16 read as Latin-1 (a few `dragnet` files: "ÿþT\0h\0e\0"),
 * which would otherwise score every extractor 0 on those pages. Other text is returned unchanged.
 */
export function repairMisreadUtf16(text: string): string {
  const encoding = MISREAD_UTF16_BOMS[text.slice(0, 2) as keyof typeof MISREAD_UTF16_BOMS];
  if (encoding === undefined) return text;
  const bytes = new Uint8Array(text.length - 2);
  for (let i = 2; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0xff) return text;
    bytes[i - 2] = code;
  }
  const decoded = encoding === 'utf-16le' ? new TextDecoder('utf-16le').decode(bytes) : decodeUtf16be(bytes);
  return decoded.replace(/\r\n?/g, '\n');
}

function decodeUtf16be(bytes: Uint8Array): string {
  const swapped = new Uint8Array(bytes.length - (bytes.length % 2));
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    swapped[i] = bytes[i + 1]!;
    swapped[i + 1] = bytes[i]!;
  }
  return new TextDecoder('utf-16le').decode(swapped);
}

/** Reads one truth line into a typed record; unknown or malformed fields become `null` / `[]`. */
export function parseTruthLine(line: string): TruthRecord {
  const raw: unknown = JSON.parse(line);
  if (typeof raw !== 'object' || raw === null || typeof (raw as { id?: unknown }).id !== 'string') {
    throw new Error(`truth line without an id: ${line.slice(0, 80)}`);
  }
  const record = raw as Record<string, unknown>;
  return {
    id: record['id'] as string,
    url: stringOrNull(record['url']),
    lang: stringOrNull(record['lang']),
    title: stringOrNull(record['title']),
    author: stringOrNull(record['author']),
    authors: stringList(record['authors']),
    published: stringOrNull(record['published']),
    body: typeof record['body'] === 'string' ? repairMisreadUtf16(record['body']) : null,
    with: stringList(record['with']),
    without: stringList(record['without']),
    readerable: typeof record['readerable'] === 'boolean' ? record['readerable'] : null,
  };
}

/** Streams a dataset's truth records in file order. */
export async function* readTruth(dir: string, dataset: string): AsyncGenerator<TruthRecord> {
  const lines = createInterface({ input: createReadStream(join(dir, dataset, 'truth.jsonl'), 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim().length > 0) yield parseTruthLine(line);
  }
}

/** The page's bytes as stored (gunzipped), without decoding: the extractor decodes. */
export function readHtmlBytes(dir: string, dataset: string, id: string): Uint8Array {
  return gunzipSync(readFileSync(join(dir, dataset, 'html', `${id}.html.gz`)));
}

/** The page's browser rendering (`document.body.innerText`), or `null` when there is no such file. */
export function readTextRendering(dir: string, dataset: string, id: string): string | null {
  const path = join(dir, dataset, 'text', `${id}.txt`);
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}

/**
 * How far into the page to look for a charset declaration. Browsers prescan 1,024 bytes, but
 * some stored pages declare it after a long head of scripts and styles.
 */
const CHARSET_SCAN_BYTES = 65_536;

/** `<meta charset="x">` and `<meta http-equiv="Content-Type" content="text/html; charset=x">` alike. */
const META_CHARSET_PATTERN = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i;

/** The encoding HTML assumes for undeclared legacy pages (WHATWG's fallback for Latin-script locales). */
const FALLBACK_ENCODING = 'windows-1252';

/** The charset label a page declares in a `<meta>` tag, or `null`. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, CHARSET_SCAN_BYTES)).toString('latin1');
  const match = META_CHARSET_PATTERN.exec(head);
  return match?.[1] ?? null;
}

/**
 * What windows-1252 puts at bytes 0x80–0x9F (where it differs from ISO-8859-1); the five bytes it
 * leaves undefined keep their code point. Node 20's TextDecoder reads windows-1252 (and the labels
 * the Encoding Standard maps to it, iso-8859-1 among them) as ISO-8859-1 and yields C1 controls there.
 */
const WINDOWS_1252_HIGH: readonly number[] = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

const C1_CONTROLS = /[\u0080-\u009f]/g;

function decodeWith(decoder: TextDecoder, bytes: Uint8Array): string {
  const text = decoder.decode(bytes);
  if (decoder.encoding !== 'windows-1252') return text;
  return text.replace(C1_CONTROLS, (char) => String.fromCharCode(WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80] ?? char.charCodeAt(0)));
}

function tryDecode(bytes: Uint8Array, label: string, fatal: boolean): string | null {
  try {
    return decodeWith(new TextDecoder(label, { fatal }), bytes);
  } catch {
    // An unknown label (RangeError) or invalid bytes under `fatal`: let the caller try the next rule.
    return null;
  }
}

/**
 * Decodes page bytes the way the datasets README prescribes: valid UTF-8 as UTF-8 whatever the
 * page declares; otherwise the declared charset; otherwise (or if the label is unknown) windows-1252.
 * Used for peers, which take strings; newsprint gets the raw bytes.
 */
export function decodeHtml(bytes: Uint8Array): string {
  const utf8 = tryDecode(bytes, 'utf-8', true);
  if (utf8 !== null) return utf8;
  const declared = declaredCharset(bytes);
  const fromDeclaration = declared === null ? null : tryDecode(bytes, declared, false);
  return fromDeclaration ?? decodeWith(new TextDecoder(FALLBACK_ENCODING), bytes);
}
