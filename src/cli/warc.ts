import type { InputFormat } from '../index.js';
import { charsetOf } from './fetch-page.js';
import { InputError } from './failure.js';
import type { Unit } from './sources.js';

/** Media types of records worth extracting; others (images, scripts, JSON) are skipped. */
const HTML_MEDIA_TYPES: ReadonlySet<string> = new Set(['text/html', 'application/xhtml+xml']);

function mediaType(contentType: string | null | undefined): string {
  return contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
}

/**
 * One unit per HTML page in a WARC (or WARC.gz, detected by its bytes): `response` records with a
 * 2xx status and an HTML Content-Type, plus `resource` records stored as HTML. Requests, metadata,
 * revisits, redirects and error pages are skipped. Each unit's payload is read (de-chunked and
 * decompressed) before it is yielded, because a WARC stream can only be read in order.
 */
export async function* warcUnits(
  open: () => Promise<AsyncIterable<Uint8Array>>,
  label: string,
  maxBytes: number,
): AsyncGenerator<Unit> {
  let pages = 0;
  try {
    for await (const unit of readWarc(await open(), label, maxBytes)) {
      pages += 1;
      yield unit;
    }
  } catch (error) {
    // A missing, truncated or corrupt archive fails as one input; the pages before the damage stand.
    const reason = error instanceof Error ? error.message : String(error);
    const failure = new InputError('READ_FAILED', `${label}: WARC unreadable after ${pages} pages: ${reason}`);
    yield { echo: { warc: label }, label, prepare: () => Promise.reject(failure) };
  }
}

async function* readWarc(stream: AsyncIterable<Uint8Array>, label: string, maxBytes: number): AsyncGenerator<Unit> {
  // Loaded on demand: the WARC reader and its dependencies cost start-up time other modes should not pay.
  const { WARCParser } = await import('warcio');
  const parser = new WARCParser(stream);
  for await (const record of parser) {
    let contentType: string | null | undefined;
    if (record.warcType === 'response') {
      const status = record.httpHeaders?.statusCode;
      const statusCode = typeof status === 'number' ? status : Number(status);
      if (!(statusCode >= 200 && statusCode <= 299)) continue;
      contentType = record.httpHeaders?.headers.get('content-type');
    } else if (record.warcType === 'resource') {
      contentType = record.warcContentType;
    } else {
      continue;
    }
    if (!HTML_MEDIA_TYPES.has(mediaType(contentType))) continue;

    const url = record.warcTargetURI ?? null;
    const recordId = record.warcHeader('WARC-Record-ID') ?? null;
    const echo = { url, warcRecordId: recordId, warc: label };
    const unitLabel = url ?? `${label} record ${recordId ?? '?'}`;
    const declaredLength = Number(record.warcHeader('Content-Length'));
    if (Number.isFinite(declaredLength) && declaredLength > maxBytes) {
      const error = new InputError('INPUT_TOO_LARGE', `WARC record for ${unitLabel} is ${declaredLength} bytes, more than --max-bytes ${maxBytes}.`);
      yield { echo, label: unitLabel, prepare: () => Promise.reject(error) };
      continue;
    }
    const payload = await record.readFully(true);
    const format: InputFormat = 'html';
    const prepared = { input: payload, url, format, encoding: charsetOf(contentType ?? null) };
    yield { echo, label: unitLabel, prepare: () => Promise.resolve(prepared) };
  }
}
