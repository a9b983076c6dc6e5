import type { ExtractOptions, InputFormat, ReadabilityDom } from './types.js';
import { NewsprintError } from './errors.js';

/** Options with every default filled in. */
export interface ResolvedOptions {
  url: string | null;
  format: InputFormat;
  encoding: string | null;
  maxInputBytes: number;
  maxElements: number;
  maxDepth: number;
  maxBlockChars: number;
  explain: boolean;
  readabilityFallback: boolean;
  readabilityDom: ReadabilityDom;
  now: Date;
}

/** The one place defaults live. Documented on {@link ExtractOptions}. */
export const DEFAULT_OPTIONS = Object.freeze({
  url: null,
  format: 'auto',
  encoding: null,
  maxInputBytes: 50_000_000,
  maxElements: 1_000_000,
  maxDepth: 400,
  maxBlockChars: 200_000,
  explain: false,
  readabilityFallback: true,
  readabilityDom: 'linkedom',
  now: null,
} as const satisfies Required<ExtractOptions>);

const FORMATS: readonly InputFormat[] = ['auto', 'html', 'text'];
/** The DOMs the Readability vote can run on; the command line checks its flag against the same list. */
export const READABILITY_DOMS: readonly ReadabilityDom[] = ['linkedom', 'builtin'];

function positiveInteger(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new NewsprintError('INVALID_OPTION', `Option ${name} must be a positive number; got ${String(value)}.`);
  }
  return Math.floor(value);
}

/** Fills in defaults and checks types, so later stages never see a malformed option. */
export function resolveOptions(options: ExtractOptions | undefined): ResolvedOptions {
  const o: ExtractOptions = options ?? {};
  if (typeof o !== 'object') {
    throw new NewsprintError('INVALID_OPTION', `Options must be an object; got ${typeof o}.`);
  }
  const format = o.format ?? DEFAULT_OPTIONS.format;
  if (!FORMATS.includes(format)) {
    throw new NewsprintError('INVALID_OPTION', `Option format must be one of ${FORMATS.join(', ')}; got ${String(format)}.`);
  }
  const readabilityDom = o.readabilityDom ?? DEFAULT_OPTIONS.readabilityDom;
  if (!READABILITY_DOMS.includes(readabilityDom)) {
    throw new NewsprintError('INVALID_OPTION', `Option readabilityDom must be one of ${READABILITY_DOMS.join(', ')}; got ${String(readabilityDom)}.`);
  }
  for (const name of ['explain', 'readabilityFallback'] as const) {
    const v = o[name];
    if (v !== undefined && typeof v !== 'boolean') {
      throw new NewsprintError('INVALID_OPTION', `Option ${name} must be true or false; got ${String(v)}.`);
    }
  }
  for (const name of ['url', 'encoding'] as const) {
    const v = o[name];
    if (v !== undefined && v !== null && typeof v !== 'string') {
      throw new NewsprintError('INVALID_OPTION', `Option ${name} must be a string or null; got ${typeof v}.`);
    }
  }
  let now = new Date();
  if (o.now !== undefined && o.now !== null) {
    now = o.now instanceof Date ? o.now : new Date(o.now);
    if (Number.isNaN(now.getTime())) {
      throw new NewsprintError('INVALID_OPTION', `Option now must be a Date or an ISO 8601 string; got ${String(o.now)}.`);
    }
  }
  return {
    url: typeof o.url === 'string' && o.url.length > 0 ? o.url : null,
    format,
    encoding: typeof o.encoding === 'string' && o.encoding.length > 0 ? o.encoding : null,
    maxInputBytes: positiveInteger('maxInputBytes', o.maxInputBytes, DEFAULT_OPTIONS.maxInputBytes),
    maxElements: positiveInteger('maxElements', o.maxElements, DEFAULT_OPTIONS.maxElements),
    maxDepth: positiveInteger('maxDepth', o.maxDepth, DEFAULT_OPTIONS.maxDepth),
    maxBlockChars: positiveInteger('maxBlockChars', o.maxBlockChars, DEFAULT_OPTIONS.maxBlockChars),
    explain: o.explain ?? DEFAULT_OPTIONS.explain,
    readabilityFallback: o.readabilityFallback ?? DEFAULT_OPTIONS.readabilityFallback,
    readabilityDom,
    now,
  };
}
