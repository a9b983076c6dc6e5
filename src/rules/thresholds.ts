/**
 * Named numbers of the classifier and the selector, calibrated as a set on `readability` and
 * `trafilatura-eval` only (the other datasets measure whether they generalise).
 */

/** A block with at least this many words (or CJK characters / 2) reads as prose, not a label or a link. */
export const GOOD_MIN_WORDS = 12;

/** Prose blocks carry few links; above this share of linked characters a block is navigation or teasers. */
export const GOOD_MAX_LINK_DENSITY = 0.33;

/** Above this link density a short block is a menu item or a teaser title. */
export const BAD_LINK_DENSITY = 0.5;

/** Long blocks that are mostly links (tag clouds, link lists written as one paragraph) are still boilerplate. */
export const BAD_LINK_DENSITY_LONG = 0.7;

/** Teaser excerpts end in an ellipsis and stay short; real paragraphs that end in one are longer. */
export const TEASER_MAX_CHARS = 260;

/** A content hint (`article-body`, `entry-content`) multiplies a container's score: templates name their body. */
export const POSITIVE_HINT_BONUS = 1.25;

/** `<article>` / `<main>` are weaker evidence than a class name, but still evidence. */
export const ARTICLE_TAG_BONUS = 1.1;

/** A container that sits inside boilerplate (a sidebar, comments) is a poor article candidate. */
export const NEGATIVE_HINT_FACTOR = 0.35;

/** Inside a comment thread a container is a poorer candidate still: a long thread outweighs a short article. */
export const COMMENTS_HINT_FACTOR = 0.1;

/** Below this many body words the main path is unsure and asks Readability for a second opinion. */
export const UNSURE_MIN_WORDS = 60;

/** The second-best region scoring at least this share of the best one means the choice was close. */
export const UNSURE_RUNNER_UP_RATIO = 0.7;

/** A kept region of fewer words than this is no article (listing pages, error pages). */
export const NO_ARTICLE_MAX_WORDS = 25;

/**
 * A region without a single prose paragraph is a listing when its blocks are headline-sized:
 * teaser cards average 10-25 words, while articles set in list items or cells run longer.
 */
export const LISTING_MAX_MEAN_WORDS = 30;
/**
 * Why: a listing's blocks are headlines (which seldom end like a sentence) and excerpts, some of which do; when this
 * share of the kept blocks or more end like one (a full stop, question or exclamation mark; not an ellipsis), they are
 * a post in short sentences, not a listing.
 */
export const LISTING_MAX_SENTENCE_SHARE = 0.75;

/** Readability on linkedom grows quadratically on huge pages (200,000 elements took 19 s): past this, no vote. */
export const READABILITY_MAX_ELEMENTS = 20_000;

/** Readability's text must be this much longer than the main path's before its vote replaces ours. */
export const READABILITY_GAIN_RATIO = 1.5;

/**
 * A boilerplate-hinted container holding at least this share of the page's prose weight is the
 * article's own wrapper under a misleading class name ("teaser", "header", "widget"), and keeps it.
 */
export const HINT_OVERRULE_PROSE_SHARE = 0.6;

/** Hints that are never overruled by prose share: comment threads can outweigh a short article. */
export const HINTS_NEVER_OVERRULED: ReadonlySet<string> = new Set(['comments']);
