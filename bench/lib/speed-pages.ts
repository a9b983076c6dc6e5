/**
 * Loads the development datasets into memory for the speed benchmark: every page decoded to a
 * string up front, so that reading and gunzipping never count towards an extractor's time.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/** The repository root, found from this file so the bench runs from any working directory. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Environment variable that points the benchmarks at another copy of the datasets. */
export const DATASETS_ENV = 'NEWSPRINT_DATASETS';

/** Where the datasets live when the environment does not say: beside the repository. */
export const DEFAULT_DATASETS_DIR = join(REPO_ROOT, '..', 'shared', 'datasets');

/** The fallback for pages whose bytes are not UTF-8 and that declare nothing: what browsers assume for legacy Western pages. */
const LEGACY_FALLBACK_ENCODING = 'windows-1252';

/** How far into the bytes a `<meta charset>` is looked for; the HTML standard's prescan reads 1024 bytes, real pages put it later. */
const CHARSET_PRESCAN_BYTES = 4096;

export interface BenchPage {
  dataset: string;
  id: string;
  /** The page's address from the truth file, or a stand-in under example.org so URL resolution has a base. */
  url: string;
  html: string;
  /** Size of the page as stored, decompressed: the figure MB/s is computed from. */
  bytes: number;
}

export interface BenchText {
  dataset: string;
  id: string;
  text: string;
  bytes: number;
}

/** The datasets directory, or `null` when it is absent (the bench then skips instead of failing). */
export function datasetsDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const fromEnv = env[DATASETS_ENV];
  const dir = fromEnv !== undefined && fromEnv.length > 0 ? resolve(fromEnv) : DEFAULT_DATASETS_DIR;
  return existsSync(dir) ? dir : null;
}

/** Dataset names: the subdirectories holding an `html/` folder, sorted for a stable page order. */
export function listDatasets(root: string): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, 'html')))
    .map((entry) => entry.name)
    .sort();
}

/** The charset a page declares in its first bytes (`<meta charset>` or `http-equiv` content type), lower-cased. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, CHARSET_PRESCAN_BYTES)).toString('latin1');
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head);
  return match?.[1]?.toLowerCase() ?? null;
}

/** Whether the runtime knows an encoding label (Node builds without full ICU lack the Asian ones). */
function supportsEncoding(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

/**
 * Code points of bytes 0x80–0x9F in windows-1252 (the WHATWG table); the five bytes it leaves
 * undefined map to themselves. Node 20's `TextDecoder` decodes windows-1252 as ISO-8859-1, which
 * turns curly quotes, dashes and the euro sign into invisible C1 controls.
 */
const WINDOWS_1252_HIGH_CONTROLS: readonly number[] = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** Decodes with a WHATWG label, correcting the windows-1252 range the runtime may get wrong. */
function decodeAs(label: string, bytes: Uint8Array): string {
  const decoder = new TextDecoder(label);
  const text = decoder.decode(bytes);
  if (decoder.encoding !== 'windows-1252') return text;
  return text.replace(/[\u0080-\u009f]/g, (ch) => String.fromCharCode(WINDOWS_1252_HIGH_CONTROLS[ch.charCodeAt(0) - 0x80] ?? ch.charCodeAt(0)));
}

/**
 * Bytes to text as the datasets' README prescribes: a UTF-16 BOM wins; valid UTF-8 is UTF-8 whatever
 * the page declares; otherwise the declared charset; otherwise windows-1252.
 */
export function decodePage(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: fall through to the page's own declaration.
  }
  const declared = declaredCharset(bytes);
  // A page declaring UTF-8 whose bytes are not UTF-8 was mislabelled: the legacy fallback reads it best.
  const usable = declared !== null && !/^utf-?8$/.test(declared) && supportsEncoding(declared);
  return decodeAs(usable ? declared : LEGACY_FALLBACK_ENCODING, bytes);
}

interface TruthLine {
  id: string;
  url: string | null;
}

function readUrls(datasetDir: string): Map<string, string> {
  const urls = new Map<string, string>();
  const truthPath = join(datasetDir, 'truth.jsonl');
  if (!existsSync(truthPath)) return urls;
  for (const line of readFileSync(truthPath, 'utf8').split('\n')) {
    if (line.trim().length === 0) continue;
    const truth = JSON.parse(line) as TruthLine;
    if (typeof truth.url === 'string' && truth.url.length > 0) urls.set(truth.id, truth.url);
  }
  return urls;
}

/** Page ids of one dataset, from its `html/` folder. */
function pageIds(datasetDir: string): string[] {
  return readdirSync(join(datasetDir, 'html'))
    .filter((name) => name.endsWith('.html.gz'))
    .map((name) => name.slice(0, -'.html.gz'.length))
    .sort();
}

export interface PageSelection {
  /** Dataset names to read; empty means all. */
  datasets: readonly string[];
  /** At most this many pages, spread evenly over the whole ordered list; `null` for all. */
  limit: number | null;
}

/** Indices `0..total-1` thinned to `limit`, evenly spaced so every dataset is represented. */
export function spreadIndices(total: number, limit: number | null): number[] {
  const count = limit === null ? total : Math.min(total, Math.max(0, limit));
  const indices: number[] = [];
  for (let i = 0; i < count; i++) indices.push(Math.floor((i * total) / count));
  return indices;
}

function selectedDatasets(root: string, wanted: readonly string[]): string[] {
  const available = listDatasets(root);
  if (wanted.length === 0) return available;
  const unknown = wanted.filter((name) => !available.includes(name));
  if (unknown.length > 0) {
    throw new Error(`Unknown dataset(s): ${unknown.join(', ')}. Available: ${available.join(', ')}.`);
  }
  return available.filter((name) => wanted.includes(name));
}

/** Reads and decodes the selected HTML pages. */
export function loadPages(root: string, selection: PageSelection): BenchPage[] {
  const refs: { dataset: string; id: string; dir: string }[] = [];
  for (const dataset of selectedDatasets(root, selection.datasets)) {
    const dir = join(root, dataset);
    for (const id of pageIds(dir)) refs.push({ dataset, id, dir });
  }
  const urlsByDataset = new Map<string, Map<string, string>>();
  const pages: BenchPage[] = [];
  for (const index of spreadIndices(refs.length, selection.limit)) {
    const ref = refs[index];
    if (ref === undefined) continue;
    let urls = urlsByDataset.get(ref.dataset);
    if (urls === undefined) {
      urls = readUrls(ref.dir);
      urlsByDataset.set(ref.dataset, urls);
    }
    const bytes = gunzipSync(readFileSync(join(ref.dir, 'html', `${ref.id}.html.gz`)));
    pages.push({
      dataset: ref.dataset,
      id: ref.id,
      url: urls.get(ref.id) ?? `https://example.org/${ref.dataset}/${encodeURIComponent(ref.id)}`,
      html: decodePage(bytes),
      bytes: bytes.byteLength,
    });
  }
  return pages;
}

/** The plain-text renderings of the same pages, leaving out empty ones (pages that show nothing without scripts). */
export function loadTexts(root: string, pages: readonly Pick<BenchPage, 'dataset' | 'id'>[]): BenchText[] {
  const texts: BenchText[] = [];
  for (const page of pages) {
    const path = join(root, page.dataset, 'text', `${page.id}.txt`);
    if (!existsSync(path)) continue;
    const text = readFileSync(path, 'utf8');
    if (text.trim().length === 0) continue;
    texts.push({ dataset: page.dataset, id: page.id, text, bytes: Buffer.byteLength(text, 'utf8') });
  }
  return texts;
}
