/**
 * What a related link looks like, as data: the URL shapes of articles versus section, tag and
 * account pages, the ad-network redirects, and which container hints a teaser box may hold.
 * Read by `extract/related.ts` (HTML path); the body selection never reads these.
 */
import type { HintLabel } from '../extract/block.js';

/** A slug of this many words (`obama-urges-uk-to-stay`) names one article; section paths have one or two. */
export const ARTICLE_SLUG_MIN_WORDS = 3;

/** A run of this many digits in the path is an article id (`business-22042657`, `/story/1227272078989`). */
export const ARTICLE_ID_MIN_DIGITS = 4;

/** Four digits in this range are a year: an archive path (`/2012/05/`) names no single article by it alone. */
export const YEAR_MIN = 1990;
export const YEAR_MAX = 2039;

/** Query keys CMSs put an article id in (`?p=123`, `?id=4711`, `?story_fbid=`). */
export const ARTICLE_ID_QUERY_KEYS: ReadonlySet<string> = new Set(['p', 'id', 'aid', 'story', 'article', 'articleid', 'story_id', 'newsid', 'nid']);

/**
 * Path segments of pages that are no article: tag, topic, section and author fronts, feeds, search,
 * accounts, shop carts and job boards, in the languages the rules cover. A link whose path holds one is no teaser.
 */
export const NON_ARTICLE_PATH_SEGMENTS: ReadonlySet<string> = new Set([
  'tag', 'tags', 'topic', 'topics', 'category', 'categories', 'section', 'sections', 'author', 'authors', 'writer', 'writers',
  'people', 'profile', 'profiles', 'user', 'users', 'member', 'members', 'search', 'feed', 'feeds', 'rss', 'login', 'logout',
  'signin', 'register', 'account', 'myaccount', 'subscribe', 'newsletter', 'newsletters', 'cart', 'wishlist', 'checkout',
  'share', 'sharer', 'print', 'comments', 'forum', 'forums', 'thread', 'threads', 'archive', 'archives', 'archiv', 'license', 'licenses', 'donate', 'jobs', 'job', 'careers',
  'thema', 'themen', 'schlagwort', 'stichwort', 'autor', 'autoren', 'suche', 'warenkorb', 'kleinanzeigen', 'stellenmarkt', 'stellenangebote',
  'sujet', 'sujets', 'theme', 'auteur', 'auteurs', 'journaliste', 'recherche', 'emploi', 'emplois',
  'tema', 'temas', 'etiqueta', 'autores', 'busca', 'buscar', 'topicos', 'argomenti', 'autore', 'cerca', 'empleo', 'empleos', 'vagas',
]);

/** Ad-network and click-tracking hosts: their links are paid placements, never the site's teasers. */
export const AD_REDIRECT_HOSTS: readonly string[] = [
  'doubleclick.net', 'googleadservices.com', 'googlesyndication.com', 'outbrain.com', 'taboola.com', 'adform.net',
  'criteo.com', 'revcontent.com', 'zergnet.com', 'plista.com', 'ligatus.com', 'moreover.com',
];

/** Path segments of click-tracking redirects (`/clk`, `/click/here.pl`, `/clicktracking/`). */
export const CLICK_TRACKER_SEGMENTS: ReadonlySet<string> = new Set(['clk', 'click', 'clicktracking', 'adclick', 'redirect', 'redir']);

/**
 * Hints a teaser card carries inside a related box: its own header, time stamp, byline, image
 * caption, meta row. Between a block and a `related` container they do not end the box.
 */
export const TEASER_CARD_HINTS: ReadonlySet<HintLabel> = new Set<HintLabel>(['dateline', 'byline', 'caption', 'metadata']);

/** A teaser title has this many words at least; shorter anchors ("More", "Video", "The results") are buttons or sub-pages. */
export const TEASER_TITLE_MIN_WORDS = 3;

/** A headline link is at most this long; longer linked text is prose or a blurb. */
export const TEASER_TITLE_MAX_WORDS = 30;

/** A block whose linked share of text is at least this is a headline link, not prose with a link in it. */
export const HEADLINE_MIN_LINK_SHARE = 0.6;

/** This many headline links one after another, outside the body and outside menus, are a teaser list. */
export const TEASER_RUN_MIN_LINKS = 3;

/** Inside a teaser list, this many linkless blocks in a row (blurbs, dates, labels) still belong to it. */
export const TEASER_RUN_MAX_GAP = 3;

/** A link text that is only a clock time or a date is a permalink stamp; its title is the text beside it. */
export const STAMP_TEXT = /^(?:\d{1,2}[:.h]\d{2}|\d{1,2}[./-]\d{1,2}(?:[./-]\d{2,4})?|\d+\s*(?:min|mins|minutes?|hours?|hrs?|h|days?|d)\s+ago)$/i;

/**
 * Previous/next-post links carry an arrow: they are pagination, not recommendations. A guillemet
 * counts only when set apart by a space ("« Older", "Newer »"): «quoted» headlines end in one too.
 */
export const PREV_NEXT_ARROW = /^\s*(?:[←‹]|«\s|<\s|&lt;)|(?:[→›]|\s»|\s>|&gt;)\s*$/;

/**
 * A price ("39€", "EUR 19.900,--", "$24.99", "4,20 €"), tested on the last one or two words of a line:
 * a card whose line ends in one sells a product, it is no article. Anchored at both ends (linear).
 */
export const PRICE = /^(?:(?:[€$£] ?|(?:EUR|USD|CHF|GBP) )\d[\d.,]{0,15}(?:,-{1,2})?|\d[\d.,]{0,15}(?:,-{1,2})? ?(?:€|EUR|USD|CHF|GBP|£))$/;

/** A block linking this many different pages with short anchors is a tag row or a menu, not a teaser list. */
export const LINK_ROW_MIN_URLS = 3;

/** …where a short anchor has at most this many words (tags, section names). */
export const LINK_ROW_ANCHOR_MAX_WORDS = 4;

/** Class words of ad-network recommendation widgets (read where a container is named as a related box). */
export const SPONSORED_TOKENS: ReadonlySet<string> = new Set(['outbrain', 'taboola']);

/** Labels over paid recommendation boxes, in the languages the rules cover. */
export const SPONSORED_LABEL =
  /^(?:sponsored(?: (?:content|links|stories))?|promoted(?: (?:content|links|stories))?|paid (?:content|post|partner)|partner content|presented by\b.*|powered by\b.*|(?:more )?(?:stories )?from (?:around|across) the web|around the web|anzeige|gesponsert|sponsorisé|contenu sponsorisé|patrocinado|contenido patrocinado|conteúdo patrocinado|sponsorizzato)\b/i;

/** Query values that name an ad network as the link's source (`utm_source=taboola`): paid placements. */
export const AD_NETWORK_QUERY = /(?:^|[^a-z])(?:taboola|outbrain|plista|zergnet|ligatus|revcontent|sponsored)/i;

/** A "Read more" button is titled by the card's headline above it, within this many blocks. */
export const READ_MORE_TITLE_MAX_BLOCKS_BACK = 3;

/** A run of links under a "Related" label ends after this many blocks if nothing else ends it. */
export const LABELLED_RUN_MAX_BLOCKS = 40;

/** A list item nested this deep sits in a menu tree or a site map: teaser lists are flat. */
export const MENU_TREE_MIN_DEPTH = 3;

/** A reference-list entry opens with a back-link caret (`^ "Title". Publisher.`): it cites a source. */
export const REFERENCE_MARK = /^\s*[\^↑]/;
