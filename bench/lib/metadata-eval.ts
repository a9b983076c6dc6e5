/**
 * Metadata scoring exactly as the datasets README defines it: title exact after whitespace
 * normalisation; authors as a case-insensitive set; published the same day (±1 for time zones);
 * lang by its primary subtag. A field is scored only on pages whose truth gives it.
 */

/** The truth fields the metadata evaluation reads (a subset of a truth.jsonl line). */
export interface MetadataTruth {
  title: string | null;
  authors: readonly string[];
  published: string | null;
  lang: string | null;
}

/** The predicted fields (a subset of `Article`). */
export interface MetadataPrediction {
  title: string | null;
  authors: readonly string[];
  published: string | null;
  lang: string | null;
}

export type MetadataField = 'title' | 'authors' | 'published' | 'lang';
export const METADATA_FIELDS: readonly MetadataField[] = ['title', 'authors', 'published', 'lang'];

/** Per field: `true` matched, `false` missed or wrong, `null` when the truth has no value (not scored). */
export type MetadataScore = Record<MetadataField, boolean | null>;

/** The README's tolerance for published dates: time zones can shift the day by one. */
const PUBLISHED_DAY_TOLERANCE = 1;
const DAY_MS = 86_400_000;

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The calendar day a date string names, as days since the epoch; null when unreadable. */
export function dayNumber(value: string): number | null {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (m) return Math.floor(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS);
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? null : Math.floor(parsed / DAY_MS);
}

/** `pt-BR` → `pt`; lowercased; null when empty. */
export function primarySubtag(value: string | null): string | null {
  if (value === null) return null;
  const primary = value.trim().split(/[-_]/)[0]?.toLowerCase() ?? '';
  return primary.length > 0 ? primary : null;
}

function authorSet(names: readonly string[]): Set<string> {
  return new Set(names.map((n) => squash(n).toLowerCase()).filter((n) => n.length > 0));
}

/** Scores one page. */
export function scoreMetadata(truth: MetadataTruth, predicted: MetadataPrediction): MetadataScore {
  const truthTitle = truth.title === null ? '' : squash(truth.title);
  const title = truthTitle.length === 0 ? null : predicted.title !== null && squash(predicted.title) === truthTitle;

  const wanted = authorSet(truth.authors);
  let authors: boolean | null = null;
  if (wanted.size > 0) {
    const got = authorSet(predicted.authors);
    authors = got.size === wanted.size && [...wanted].every((a) => got.has(a));
  }

  const truthDay = truth.published === null ? null : dayNumber(truth.published);
  let published: boolean | null = null;
  if (truthDay !== null) {
    const day = predicted.published === null ? null : dayNumber(predicted.published);
    published = day !== null && Math.abs(day - truthDay) <= PUBLISHED_DAY_TOLERANCE;
  }

  const truthLang = primarySubtag(truth.lang);
  const lang = truthLang === null ? null : primarySubtag(predicted.lang) === truthLang;

  return { title, authors, published, lang };
}

/** Pages scored and matched per field. */
export type MetadataTally = Record<MetadataField, { scored: number; matched: number }>;

export function emptyTally(): MetadataTally {
  return {
    title: { scored: 0, matched: 0 },
    authors: { scored: 0, matched: 0 },
    published: { scored: 0, matched: 0 },
    lang: { scored: 0, matched: 0 },
  };
}

/** Adds one page's score to a tally (mutates and returns the tally, for use in a fold). */
export function addToTally(tally: MetadataTally, score: MetadataScore): MetadataTally {
  for (const field of METADATA_FIELDS) {
    const s = score[field];
    if (s === null) continue;
    tally[field].scored++;
    if (s) tally[field].matched++;
  }
  return tally;
}

/** Match rate per field (matched / scored), `null` where no page was scored. */
export function tallyRates(tally: MetadataTally): Record<MetadataField, number | null> {
  const rate = (f: MetadataField): number | null => (tally[f].scored === 0 ? null : tally[f].matched / tally[f].scored);
  return { title: rate('title'), authors: rate('authors'), published: rate('published'), lang: rate('lang') };
}
