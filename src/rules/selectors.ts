/**
 * Vocabulary of class / id / role / tag hints, grouped by the label they announce.
 * Data, not code: `hints.ts` compiles it once. Each group has a one-line reason.
 */
import type { HintLabel } from '../extract/block.js';

/** How a hint word must appear in a class or id token. */
export interface HintGroup {
  label: HintLabel;
  /** Why this group exists. */
  why: string;
  /** Matched anywhere inside a lowercased token: long, distinctive words only. */
  substrings: readonly string[];
  /** Matched against whole parts of a token split at `-`, `_`, `:` and camelCase humps: short words. */
  parts: readonly string[];
}

export const HINT_GROUPS: readonly HintGroup[] = [
  {
    label: 'comments',
    why: 'reader comments are never article text (complaint 5 in the field notes)',
    substrings: ['comment', 'disqus', 'discussion', 'replies', 'respond', 'talkback', 'leave-reply', 'reader-reactions'],
    parts: ['reply', 'reactions'],
  },
  {
    label: 'related',
    why: 'teaser lists and recommendation widgets: returned as related links, never body',
    substrings: [
      'related', 'recommend', 'recirc', 'morestories', 'more-stories', 'more-from', 'morefrom', 'readmore', 'read-more',
      'readnext', 'read-next', 'mostread', 'most-read', 'mostpopular', 'most-popular', 'popular', 'trending', 'teaser',
      'outbrain', 'taboola', 'yarpp', 'alsoread', 'also-read', 'whats-next', 'up-next', 'upnext', 'latest-news',
      'recent-posts', 'recentposts', 'sidebar', 'headlines', 'top-stories', 'topstories', 'moreon', 'more-on',
      'next-post', 'prev-post', 'post-navigation', 'nav-links', 'further-reading', 'see-also',
    ],
    parts: ['aside', 'sidebar', 'widget', 'widgets', 'promoted', 'latest', 'recent', 'more', 'teasers', 'cards', 'carousel', 'rail'],
  },
  {
    label: 'share',
    why: 'share bars and follow prompts',
    substrings: ['share', 'sharing', 'social', 'addthis', 'sociable', 'shariff', 'follow-us', 'followus'],
    parts: ['sharedaddy', 'facebook', 'twitter', 'whatsapp', 'pinterest', 'linkedin', 'print', 'email', 'mailto'],
  },
  {
    label: 'newsletter',
    why: 'newsletter and subscription prompts',
    // Parts, not substrings, for subscribe: `subscriber-premium` marks paywalled article bodies.
    substrings: ['newsletter', 'signup', 'sign-up', 'optin', 'opt-in', 'mailchimp'],
    parts: ['regwall', 'subscribe', 'subscription', 'registration'],
  },
  {
    label: 'cookie',
    why: 'consent banners',
    substrings: ['cookie', 'gdpr', 'consent', 'privacy-banner', 'onetrust'],
    parts: ['cmp'],
  },
  {
    label: 'ad',
    why: 'advertising slots',
    substrings: ['advert', 'sponsor', 'adslot', 'ad-slot', 'adsense', 'googlead', 'doubleclick', 'dfp-', 'gpt-ad', 'adunit', 'ad-unit', 'adcontainer', 'ad-container', 'adwrap', 'ad-wrap', 'billboard', 'skyscraper', 'leaderboard', 'native-ad'],
    parts: ['ad', 'ads', 'adv', 'advertising', 'banner', 'partner', 'promo', 'affiliate'],
  },
  {
    label: 'promo',
    why: 'paywall teasers, calls to action, popups',
    substrings: ['paywall', 'popup', 'modal', 'overlay', 'call-to-action', 'marketing', 'app-download', 'donate'],
    parts: ['cta', 'upsell', 'offer'],
  },
  {
    label: 'navigation',
    why: 'menus, breadcrumbs, pagination, site headers',
    substrings: ['breadcrumb', 'navbar', 'navigation', 'menu', 'masthead', 'pagination', 'pager', 'skip-link', 'skiplink', 'topbar', 'toolbar', 'site-header', 'siteheader', 'jump-to', 'tabbar', 'dropdown', 'search-form', 'searchform', 'login'],
    parts: ['nav', 'subnav', 'header', 'tabs', 'search', 'logo', 'hamburger', 'utility'],
  },
  {
    label: 'legal',
    why: 'footers, copyright, imprint and disclaimers',
    substrings: ['footer', 'copyright', 'disclaimer', 'impressum', 'imprint', 'legal', 'colophon', 'terms'],
    parts: ['foot', 'bottom'],
  },
  {
    label: 'byline',
    why: 'author lines and boxes: read as metadata, never body',
    substrings: ['byline', 'author', 'writer', 'contributor', 'journalist', 'reporter'],
    parts: ['by'],
  },
  {
    label: 'dateline',
    why: 'date and time stamps around the article',
    substrings: ['timestamp', 'dateline', 'pubdate', 'publish-date', 'published', 'posted-on', 'updated'],
    parts: ['date', 'time'],
  },
  {
    label: 'metadata',
    why: 'tag lists, categories and entry meta rows',
    substrings: ['entry-meta', 'post-meta', 'article-meta', 'tagcloud', 'tag-list', 'taglist', 'keywords', 'categories', 'topics', 'storytags', 'article-tags', 'post-tags', 'entry-tags', 'entry-footer', 'post-footer'],
    parts: ['meta', 'tags', 'tag', 'category', 'cats', 'label', 'labels'],
  },
  {
    label: 'caption',
    why: 'image captions and photo credits',
    substrings: ['caption', 'credit', 'photographer', 'copyright-image', 'image-source'],
    parts: ['figcaption'],
  },
];

/** Content hints: a container whose class or id says "this is the article body". */
export const CONTENT_HINT = {
  why: 'CMS and newspaper templates name the body container; these names are the strongest single clue',
  substrings: [
    'articlebody', 'article-body', 'article__body', 'article_body', 'articletext', 'article-text', 'article-content',
    'article__content', 'articlecontent', 'storybody', 'story-body', 'story-content', 'storytext', 'story-text',
    'entry-content', 'entrycontent', 'post-content', 'postcontent', 'post-body', 'postbody', 'post-entry', 'post-text',
    'content-body', 'body-text', 'bodytext', 'text-block', 'main-content', 'maincontent', 'field-body', 'field-name-body',
    'rich-text', 'richtext', 'article-main', 'single-content', 'blog-post', 'news-text', 'newstext', 'artikel',
    'td-post-content', 'page-content', 'the-content', 'wysiwyg', 'prose',
    // The text a paywall covers, not the wall (`paywalled-content`, `no-paywall`): Google's paywall markup names
    // it so, and a subscriber's saved page holds it whole. The wall's own box stays a promo (`paywall-gate`).
    'paywalled', 'no-paywall', 'non-paywall', 'nopaywall',
  ],
  parts: ['article', 'story', 'content', 'entry', 'main', 'body', 'text', 'post'],
} as const;

/** Tags that announce a label by themselves, outside the article container. */
export const TAG_HINTS: Readonly<Record<string, HintLabel>> = {
  nav: 'navigation',
  footer: 'legal',
  aside: 'related',
  menu: 'navigation',
  dialog: 'promo',
};

/** ARIA roles that announce a label. */
export const ROLE_HINTS: Readonly<Record<string, HintLabel>> = {
  navigation: 'navigation',
  banner: 'navigation',
  contentinfo: 'legal',
  complementary: 'related',
  search: 'navigation',
  menu: 'navigation',
  menubar: 'navigation',
  dialog: 'promo',
  alertdialog: 'promo',
  toolbar: 'navigation',
};

/**
 * Hint words too generic to say a whole box is boilerplate: a container named `label`, `widget` or
 * `meta` still lends its prose's score to the region around it (its own blocks are dropped as usual).
 */
export const WEAK_HINT_TOKENS: ReadonlySet<string> = new Set([
  'label', 'labels', 'widget', 'widgets', 'meta', 'header', 'teaser', 'teasers', 'ad', 'ads', 'adv', 'more', 'latest',
  'recent', 'cards', 'carousel', 'rail', 'bottom', 'foot', 'utility', 'logo', 'tabs', 'time', 'date', 'by', 'partner',
  'promo', 'offer', 'print', 'email', 'mailto', 'banner', 'category', 'cats', 'tag', 'tags', 'cta', 'search', 'popup', 'modal', 'overlay',
]);

/**
 * Weak hint words that name a layout slot, not boilerplate: templates put the article's lead
 * (`article-header`, `teaser-text`), its sections (`tabs`) or its end (`bottom`) under them. Prose
 * inside such a container stays; its short lines still go.
 */
export const PROSE_KEEPING_HINT_TOKENS: ReadonlySet<string> = new Set([
  'header', 'teaser', 'teasers', 'label', 'labels', 'bottom', 'category', 'cats', 'tabs', 'by', 'more',
]);

/** Labels whose containers are dropped whole when they sit inside the chosen article region. */
export const DROP_WHOLE: ReadonlySet<HintLabel> = new Set<HintLabel>([
  'comments', 'related', 'share', 'newsletter', 'cookie', 'ad', 'promo', 'navigation', 'legal', 'byline', 'dateline', 'metadata', 'caption',
]);

/**
 * Token prefixes that name a slug, not a role: WordPress puts `category-news`, `tag-politics`,
 * `author-jane` on the article element itself, and those must not read as "category"/"tag"/"author" boxes.
 */
export const SLUG_TOKEN_PREFIXES: readonly string[] = [
  'category-', 'tag-', 'author-', 'format-', 'status-', 'postid-', 'type-', 'page-id-', 'parent-pageid-', 'term-',
];

/**
 * A CMS's own namespace at the head of its class names, where a hint word names the system's slot, not a box: the
 * word is dropped from a token that opens with the prefix, and the rest of the token decides.
 */
export interface ComponentNamespace {
  /** The token opens with this (lowercased). */
  prefix: string;
  /** The words that name the system's slot there. */
  slotWords: ReadonlySet<string>;
  /** Parts that keep the slot word after all: the component lists other posts or places a sidebar widget. */
  keepWith: ReadonlySet<string>;
  why: string;
}

/** Widget types that list other posts (`-posts`, `-loop-grid`, `-jet-listing-grid`) or place a WordPress sidebar widget (`-wp-widget-recent-posts`). */
const LISTING_WIDGET_WORDS: ReadonlySet<string> = new Set(['posts', 'listing', 'loop', 'archive', 'portfolio', 'wp']);
const WIDGET_WORDS: ReadonlySet<string> = new Set(['widget', 'widgets']);

export const COMPONENT_NAMESPACES: readonly ComponentNamespace[] = [
  {
    prefix: 'elementor-widget',
    slotWords: WIDGET_WORDS,
    keepWith: LISTING_WIDGET_WORDS,
    why: 'Elementor wraps every block it places in widget boxes, the article text included (`elementor-widget-text-editor`); `-share-buttons` is still a share bar',
  },
  {
    prefix: 'so-widget',
    slotWords: WIDGET_WORDS,
    keepWith: LISTING_WIDGET_WORDS,
    why: 'SiteOrigin Page Builder names its blocks the same way (`so-widget-sow-editor`)',
  },
  {
    prefix: 'cmp-',
    slotWords: new Set(['cmp']),
    keepWith: new Set(),
    why: 'Adobe Experience Manager core components are `cmp-text`, `cmp-container`, `cmp-teaser`: a namespace, not a consent platform',
  },
];

/** After such a prefix, these words name a box, not a slug: `author-box`, `author-bio`, `tag-list`. */
export const SLUG_ROLE_SUFFIXES: ReadonlySet<string> = new Set([
  'box', 'bio', 'info', 'card', 'description', 'profile', 'details', 'block', 'wrap', 'wrapper', 'area', 'section',
  'about', 'avatar', 'list', 'links', 'cloud',
]);
