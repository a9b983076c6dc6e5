import type { InputFormat } from '../index.js';
import { InputError } from './failure.js';

/** Redirects followed before giving up; browsers allow ~20, but news pages need one or two. */
export const MAX_REDIRECTS = 5;
/** What we ask for: pages first, plain text next, anything else last (so servers don't send JSON). */
const ACCEPT_HEADER = 'text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.5';
const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

export interface FetchSettings {
  timeoutMs: number;
  maxBytes: number;
  userAgent: string;
}

export interface FetchedPage {
  bytes: Uint8Array;
  /** The address after redirects: the page's base URL. */
  finalUrl: string;
  /** The `charset` of the Content-Type header, if any; `<meta charset>` is left to the library. */
  encoding: string | null;
  /** `text` for text/plain, `html` for (X)HTML, `auto` when the server says nothing useful. */
  format: InputFormat;
}

/** True for arguments the CLI should download rather than open as a file. */
export function isHttpUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

/** The `charset` parameter of a Content-Type value, unquoted and lower-cased. */
export function charsetOf(contentType: string | null): string | null {
  if (contentType === null) return null;
  const match = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType);
  return match?.[2]?.toLowerCase() ?? null;
}

function formatOf(contentType: string | null): InputFormat {
  const mime = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (mime === 'text/plain') return 'text';
  if (mime === 'text/html' || mime === 'application/xhtml+xml') return 'html';
  return 'auto';
}

async function readCapped(response: Response, maxBytes: number, url: string): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw new InputError('INPUT_TOO_LARGE', `${url} is ${declared} bytes, more than --max-bytes ${maxBytes}.`);
  }
  if (response.body === null) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new InputError('INPUT_TOO_LARGE', `${url} sent more than --max-bytes ${maxBytes} bytes.`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function describeFetchError(error: unknown, url: string, timeoutMs: number): InputError {
  if (error instanceof InputError) return error;
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new InputError('TIMEOUT', `${url} did not answer within ${timeoutMs / 1000} s (--timeout).`);
  }
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  const message = error instanceof Error ? error.message : String(error);
  return new InputError('FETCH_FAILED', `${url}: ${message}${cause}`);
}

/**
 * Downloads a page: redirects followed by hand (at most {@link MAX_REDIRECTS}, http and https only),
 * one timeout for the whole exchange, the body cut off past `maxBytes`. Returns bytes so the library
 * decodes them with the header's charset or the page's own `<meta>`.
 */
export async function fetchPage(url: string, settings: FetchSettings): Promise<FetchedPage> {
  const signal = AbortSignal.timeout(settings.timeoutMs);
  let current = url;
  try {
    for (let redirects = 0; ; redirects += 1) {
      const response = await fetch(current, {
        redirect: 'manual',
        signal,
        headers: { 'user-agent': settings.userAgent, accept: ACCEPT_HEADER },
      });
      if (REDIRECT_STATUSES.has(response.status)) {
        await response.body?.cancel();
        const location = response.headers.get('location');
        if (location === null) throw new InputError('HTTP_STATUS', `${current} redirected (${response.status}) without a Location.`);
        if (redirects >= MAX_REDIRECTS) {
          throw new InputError('TOO_MANY_REDIRECTS', `${url} redirected more than ${MAX_REDIRECTS} times.`);
        }
        const next = new URL(location, current);
        if (next.protocol !== 'http:' && next.protocol !== 'https:') {
          throw new InputError('FETCH_FAILED', `${current} redirected to a non-HTTP address: ${next.href}`);
        }
        current = next.href;
        continue;
      }
      if (response.status < 200 || response.status > 299) {
        await response.body?.cancel();
        throw new InputError('HTTP_STATUS', `${current} answered ${response.status} ${response.statusText}.`.trim());
      }
      const contentType = response.headers.get('content-type');
      const bytes = await readCapped(response, settings.maxBytes, current);
      return { bytes, finalUrl: current, encoding: charsetOf(contentType), format: formatOf(contentType) };
    }
  } catch (error) {
    throw describeFetchError(error, url, settings.timeoutMs);
  }
}
