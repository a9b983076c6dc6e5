/**
 * JSON-LD: tolerant parsing (HTML comments, CDATA wrappers, trailing commas, raw newlines in
 * strings), `@graph` flattening, `@id` references, and the fields of the node that describes the article.
 */
import { JSON_LD_ARTICLE_TYPES, JSON_LD_PAGE_TYPES } from '../../rules/meta-names.js';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** Deeper nesting than this is not metadata a page means to publish; it also bounds recursion. */
const MAX_WALK_DEPTH = 12;
/** Scripts beyond this size are data dumps (app state), not article metadata. */
const MAX_SCRIPT_CHARS = 1_000_000;

/** Raw newlines and tabs inside string literals are invalid JSON that browsers' authors often emit. */
function escapeControlCharsInStrings(text: string): string {
  let out = '';
  let inString = false;
  let escaped = false;
  for (const ch of text) {
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') inString = false;
      else if (ch === '\n') {
        out += '\\n';
        continue;
      } else if (ch === '\r') continue;
      else if (ch === '\t') {
        out += '\\t';
        continue;
      }
    } else if (ch === '"') inString = true;
    out += ch;
  }
  return out;
}

/** Removes commas before `}` or `]`, outside strings. */
function dropTrailingCommas(text: string): string {
  let out = '';
  let inString = false;
  let escaped = false;
  let pendingComma = '';
  for (const ch of text) {
    if (inString) {
      out += ch;
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') inString = false;
      continue;
    }
    if (pendingComma) {
      if (ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t') {
        pendingComma += ch;
        continue;
      }
      if (ch !== '}' && ch !== ']') out += pendingComma;
      pendingComma = '';
    }
    if (ch === ',') {
      pendingComma = ',';
      continue;
    }
    if (ch === '"') inString = true;
    out += ch;
  }
  return out + pendingComma;
}

function stripWrappers(raw: string): string {
  return raw
    .replace(/<!--/g, '')
    .replace(/-->/g, '')
    .replace(/\/\/ ?<!\[CDATA\[/g, '')
    .replace(/\/\/ ?\]\]>/g, '')
    .replace(/<!\[CDATA\[/g, '')
    .replace(/\]\]>/g, '')
    .trim()
    .replace(/;$/, '');
}

/** Parses one script's text; null when even the repaired text is not JSON. */
export function parseJsonLd(raw: string): Json | null {
  if (raw.length > MAX_SCRIPT_CHARS) return null;
  const text = stripWrappers(raw);
  if (text.length === 0) return null;
  const attempts = [text, () => dropTrailingCommas(escapeControlCharsInStrings(text))];
  for (const attempt of attempts) {
    const candidate = typeof attempt === 'string' ? attempt : attempt();
    try {
      return JSON.parse(candidate) as Json;
    } catch {
      // try the next repair
    }
  }
  return null;
}

const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

function typesOf(node: JsonObject): string[] {
  const t = node['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^https?:\/\/schema\.org\//i, '').toLowerCase());
}

/** Every object node, in document order, with `@graph` and nested values walked. */
function collectNodes(root: Json, into: JsonObject[], depth = 0): void {
  if (depth > MAX_WALK_DEPTH) return;
  if (Array.isArray(root)) {
    for (const item of root) collectNodes(item, into, depth + 1);
    return;
  }
  if (!isObject(root)) return;
  into.push(root);
  for (const [key, value] of Object.entries(root)) {
    if (key === '@context') continue;
    if (typeof value === 'object' && value !== null) collectNodes(value, into, depth + 1);
  }
}

/** An author credit from JSON-LD, with whether it names a person or an organisation. */
export interface JsonLdAuthor {
  name: string;
  kind: 'person' | 'organization';
}

/** The fields newsprint reads from the article's JSON-LD node. */
export interface JsonLdFacts {
  headline: string | null;
  authors: JsonLdAuthor[];
  datePublished: string | null;
  dateModified: string | null;
  description: string | null;
  image: string | null;
  section: string | null;
  keywords: string[];
  publisher: string | null;
  siteName: string | null;
  inLanguage: string | null;
  url: string | null;
}

export function emptyJsonLdFacts(): JsonLdFacts {
  return {
    headline: null, authors: [], datePublished: null, dateModified: null, description: null, image: null,
    section: null, keywords: [], publisher: null, siteName: null, inLanguage: null, url: null,
  };
}

const ENTITY: Record<string, string> = {
  amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' ', szlig: 'ß', ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’',
  ldquo: '“', rdquo: '”', bdquo: '„', laquo: '«', raquo: '»', hellip: '…', copy: '©', reg: '®', euro: '€',
  aelig: 'æ', AElig: 'Æ', oslash: 'ø', Oslash: 'Ø',
};

/** Accented Latin letters by their entity's suffix ("&oacute;" is "o" with U+0301), as CMSs escape names. */
const ENTITY_ACCENTS: Record<string, string> = { acute: '\u0301', grave: '\u0300', circ: '\u0302', uml: '\u0308', tilde: '\u0303', cedil: '\u0327', ring: '\u030a' };

function namedEntity(name: string): string | undefined {
  const direct = ENTITY[name] ?? ENTITY[name.toLowerCase()];
  if (direct !== undefined) return direct;
  const accent = ENTITY_ACCENTS[name.slice(1)];
  return accent !== undefined && /^[a-z]$/i.test(name.charAt(0)) ? (name.charAt(0) + accent).normalize('NFC') : undefined;
}

/** JSON-LD is raw script text, so entities in it were never decoded by the HTML parser. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X')) return String.fromCodePoint(Number.parseInt(body.slice(2), 16) || 0xfffd);
    if (body.startsWith('#')) return String.fromCodePoint(Number(body.slice(1)) || 0xfffd);
    return namedEntity(body) ?? whole;
  });
}

function text(value: Json | undefined): string | null {
  if (typeof value === 'string') {
    const t = decodeEntities(value).replace(/\s+/g, ' ').trim();
    return t.length > 0 ? t : null;
  }
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    for (const item of value) {
      const t = text(item);
      if (t !== null) return t;
    }
  }
  if (isObject(value)) return text(value['@value']) ?? text(value['name']);
  return null;
}

function resolve(value: Json | undefined, byId: ReadonlyMap<string, JsonObject>): Json | undefined {
  if (isObject(value) && typeof value['@id'] === 'string' && Object.keys(value).length === 1) return byId.get(value['@id']) ?? value;
  return value;
}

function personName(node: JsonObject): string | null {
  const name = text(node['name']);
  if (name !== null) return name;
  const given = text(node['givenName']);
  const family = text(node['familyName']);
  const joined = [given, family].filter((x): x is string => x !== null).join(' ');
  return joined.length > 0 ? joined : null;
}

function authorsOf(value: Json | undefined, byId: ReadonlyMap<string, JsonObject>, depth = 0): JsonLdAuthor[] {
  if (value === undefined || value === null || depth > 3) return [];
  if (Array.isArray(value)) return value.flatMap((v) => authorsOf(v, byId, depth + 1));
  if (typeof value === 'string') {
    const name = text(value);
    return name === null ? [] : [{ name, kind: 'person' }];
  }
  const node = resolve(value, byId);
  if (!isObject(node)) return [];
  const name = personName(node);
  if (name === null) return [];
  const types = typesOf(node);
  const isOrganization = types.some((t) => t.includes('organization') || t === 'corporation' || t === 'newsmediaorganization');
  return [{ name, kind: isOrganization ? 'organization' : 'person' }];
}

function imageOf(value: Json | undefined, byId: ReadonlyMap<string, JsonObject>): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return text(value);
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = imageOf(item, byId);
      if (found !== null) return found;
    }
    return null;
  }
  const node = resolve(value, byId);
  if (!isObject(node)) return null;
  return text(node['url']) ?? text(node['contentUrl']);
}

function keywordsOf(value: Json | undefined): string[] {
  if (typeof value === 'string') return value.split(',').map((k) => decodeEntities(k).trim()).filter(Boolean);
  if (Array.isArray(value)) return value.flatMap((v) => keywordsOf(v));
  return [];
}

function urlOf(value: Json | undefined, byId: ReadonlyMap<string, JsonObject>): string | null {
  if (typeof value === 'string') return text(value);
  const node = resolve(value, byId);
  if (isObject(node)) return text(node['@id']) ?? text(node['url']);
  return null;
}

/** Reads every script, picks the node that describes the article (an article type, else a page type). */
export function readJsonLd(scripts: readonly string[]): JsonLdFacts {
  const nodes: JsonObject[] = [];
  for (const raw of scripts) {
    const parsed = parseJsonLd(raw);
    if (parsed !== null) collectNodes(parsed, nodes);
  }
  const facts = emptyJsonLdFacts();
  if (nodes.length === 0) return facts;
  const byId = new Map<string, JsonObject>();
  for (const node of nodes) {
    const id = node['@id'];
    if (typeof id === 'string' && Object.keys(node).length > 1 && !byId.has(id)) byId.set(id, node);
  }
  const article =
    nodes.find((n) => typesOf(n).some((t) => JSON_LD_ARTICLE_TYPES.has(t)) && (n['headline'] !== undefined || n['author'] !== undefined || n['datePublished'] !== undefined)) ??
    nodes.find((n) => typesOf(n).some((t) => JSON_LD_PAGE_TYPES.has(t)));
  // Only a WebSite node names the site for sure; an Organization may be the author.
  const site = nodes.find((n) => typesOf(n).some((t) => t === 'website'));
  if (site !== undefined) facts.siteName = text(site['name']);
  if (article === undefined) return facts;
  facts.headline = text(article['headline']) ?? text(article['name']);
  facts.authors = authorsOf(article['author'], byId);
  if (facts.authors.length === 0) facts.authors = authorsOf(article['creator'], byId);
  facts.datePublished = text(article['datePublished']) ?? text(article['dateCreated']) ?? text(article['uploadDate']);
  facts.dateModified = text(article['dateModified']);
  facts.description = text(article['description']);
  facts.image = imageOf(article['image'], byId) ?? imageOf(article['thumbnailUrl'], byId);
  facts.section = text(article['articleSection']);
  facts.keywords = keywordsOf(article['keywords']);
  const publisher = resolve(article['publisher'], byId);
  facts.publisher = isObject(publisher) ? text(publisher['name']) : text(publisher);
  const partOf = resolve(article['isPartOf'], byId);
  if (facts.siteName === null && isObject(partOf) && typesOf(partOf).includes('website')) facts.siteName = text(partOf['name']);
  facts.inLanguage = text(article['inLanguage']);
  facts.url = text(article['url']) ?? urlOf(article['mainEntityOfPage'], byId);
  return facts;
}
