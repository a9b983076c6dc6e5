/**
 * Vocabulary of the metadata stage, as data: which `<meta>` keys carry which field (in order of trust),
 * which words mark a byline, a job title, a news agency or a placeholder, and month names per language.
 * Every group is checked non-empty at load, so a typo cannot silently turn a rule off.
 */

function nonEmpty<T>(name: string, list: readonly T[]): readonly T[] {
  if (list.length === 0) throw new Error(`empty metadata vocabulary group: ${name}`);
  return Object.freeze([...list]);
}

function wordSet(name: string, list: string): ReadonlySet<string> {
  return new Set(nonEmpty(name, list.split('|').map((w) => w.trim().toLowerCase()).filter(Boolean)));
}

/**
 * `<meta>` keys per field, most trusted first. Keys are lowercased; `dc:`/`dcterms:` prefixes are
 * normalised to `dc.`/`dcterms.` before lookup. Microdata `itemprop` keys are listed separately
 * so their provenance can say so.
 */
export const META_KEYS = Object.freeze({
  // Dublin Core first: pages that bother to declare it use it for the exact headline.
  title: nonEmpty('title', ['dc.title', 'dcterms.title', 'og:title', 'twitter:title', 'parsely-title', 'sailthru.title', 'title']),
  // `twitter:creator` is a handle more often than a name: handled separately as the last resort.
  // Dublin Core first: a page that declares it does so on purpose; `author` is often a CMS default.
  authors: nonEmpty('authors', ['dc.creator', 'dcterms.creator', 'author', 'article:author', 'parsely-author', 'sailthru.author', 'byl', 'citation_author', 'cxenseparse:author']),
  published: nonEmpty('published', [
    'article:published_time', 'og:published_time', 'article:published', 'parsely-pub-date', 'sailthru.date', 'dc.date.issued',
    'dcterms.issued', 'pubdate', 'publish-date', 'publish_date', 'publishdate', 'publication_date', 'citation_publication_date',
    'citation_date', 'originalpublicationdate', 'article.published', 'release_date', 'displaydate', 'og:article:published_time',
  ]),
  // Keys that name a date without saying which: CMSs fill them with the page's creation, last edit or serving time,
  // so a date printed beside the article outranks them.
  publishedGeneric: nonEmpty('generic published', ['dc.date.created', 'dcterms.created', 'dc.date', 'dcterms.date', 'date']),
  modified: nonEmpty('modified', [
    'article:modified_time', 'og:updated_time', 'article:updated_time', 'dc.date.modified', 'dcterms.modified', 'last-modified',
    'lastmod', 'article.updated', 'og:article:modified_time',
  ]),
  siteName: nonEmpty('siteName', ['og:site_name', 'application-name', 'apple-mobile-web-app-title', 'dc.publisher', 'dcterms.publisher']),
  description: nonEmpty('description', ['og:description', 'twitter:description', 'description', 'dc.description', 'dcterms.description', 'sailthru.description']),
  url: nonEmpty('url', ['og:url', 'twitter:url']),
  image: nonEmpty('image', ['og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:image:src', 'sailthru.image.full', 'thumbnail']),
  section: nonEmpty('section', ['article:section', 'parsely-section', 'section', 'category', 'dc.subject']),
  tags: nonEmpty('tags', ['article:tag', 'parsely-tags', 'news_keywords', 'sailthru.tags', 'keywords']),
  lang: nonEmpty('lang', ['content-language', 'og:locale', 'dc.language', 'dcterms.language', 'language']),
});

/** Microdata `itemprop` keys that the segmenter stores with the metas. */
export const MICRODATA_KEYS = Object.freeze({
  title: nonEmpty('microdata title', ['headline']),
  published: nonEmpty('microdata published', ['datepublished', 'datecreated']),
  modified: nonEmpty('microdata modified', ['datemodified']),
  section: nonEmpty('microdata section', ['articlesection']),
});

/** JSON-LD `@type`s that describe the article itself, most specific first. */
export const JSON_LD_ARTICLE_TYPES = wordSet(
  'article types',
  `NewsArticle | Article | BlogPosting | ReportageNewsArticle | AnalysisNewsArticle | OpinionNewsArticle | ReviewNewsArticle |
   BackgroundNewsArticle | AskPublicNewsArticle | LiveBlogPosting | SocialMediaPosting | DiscussionForumPosting | TechArticle |
   ScholarlyArticle | Report | SatiricalArticle | AdvertiserContentArticle | Review | Recipe | HowTo | VideoObject | Blog`,
);

/** Page-level types: used when no article node exists (some CMSs put author and dates on the WebPage). */
export const JSON_LD_PAGE_TYPES = wordSet('page types', `WebPage | ItemPage | AboutPage | ProfilePage | CollectionPage | MedicalWebPage`);

/** Phrases that open a byline, lowercased, longest first when one is a prefix of another. Multilingual. */
export const BYLINE_PREFIXES = nonEmpty('byline prefixes', [
  'written and reported by', 'reported and written by', 'additional reporting by', 'reporting by', 'written by', 'words by',
  'story by', 'text by', 'posted by', 'post author by', 'post author', 'published by', 'article by', 'by', 'from',
  'veröffentlicht von', 'gepostet von', 'erstellt von', 'eingestellt von', 'gepubliceerd door',
  'ein beitrag von', 'blog beitrag von', 'beitrag von', 'ein artikel von', 'artikel von', 'geschrieben von', 'verfasst von', 'text von', 'von', 'autor', 'autorin', 'autoren', 'text',
  'écrit par', 'rédigé par', 'publié par', 'par', 'auteur', 'auteurs',
  'escrito por', 'publicado por', 'redactado por', 'por', 'autora', 'autores',
  'scritto da', 'pubblicato da', 'di', 'a cura di',
  'geschreven door', 'door', 'auteur',
  'av', 'af', 'napisał', 'autorstwa', 'author', 'authors', 'posted',
]);

/**
 * Credit openings that are safe to look for inside a short line ("Posted on 5 May · Author Jane Doe"),
 * not only at its start. Short or everyday words ("von", "di", "par", "door") are left out: mid-sentence they are prose.
 */
export const MID_LINE_CREDIT_OPENINGS = nonEmpty('mid-line credit openings', [
  'written by', 'posted by', 'post author by', 'post author', 'author', 'authors', 'by', 'geschrieben von', 'veröffentlicht von', 'beitrag von', 'artikel von',
  'verfasst von', 'gepostet von', 'erstellt von', 'autor', 'autorin', 'écrit par', 'publié par', 'rédigé par', 'escrito por',
  'publicado por', 'scritto da', 'pubblicato da', 'geschreven door', 'gepubliceerd door',
]);

/**
 * Roles in a credit line like "Reporting by A; Editing by B": only the first group names the authors.
 * Lowercased; a segment opening with one of these is dropped.
 */
export const NON_AUTHOR_CREDIT_ROLES = nonEmpty('non-author credits', [
  'editing by', 'edited by', 'writing by', 'additional writing by', 'editor:', 'photos by', 'photo by', 'photographs by', 'photography by', 'graphics by', 'illustration by',
  'illustrations by', 'video by', 'design by', 'translated by', 'translation by', 'fact-checking by', 'fact checked by',
  'reviewed by', 'medically reviewed by', 'produced by', 'compiled by', 'fotos:', 'foto:', 'bild:', 'redaktion:', 'grafik:',
  'illustration:', 'photo:', 'crédit photo', 'mise à jour', 'aktualisiert', 'updated', 'interview:', 'tags:', 'tags ', 'schlagwörter',
  'schlagworte', 'kategorie', 'kategorien', 'category:', 'categories:', 'filed under', 'posted in', 'veröffentlicht in', 'étiquettes',
  'etiquetas', 'comments', 'kommentare', 'share', 'teilen', 'follow', 'folgen', 'suivre', 'seguir', 'contact', 'email', 'e-mail',
  'more from', 'more by', 'see all', 'view all', 'show all', 'alle artikel', 'mehr von', 'mehr zum autor', 'all posts', 'alle beiträge', 'about the author', 'über den autor', 'bio',
  // Account menus whose class names mention the user ("author", "byline") in site headers.
  'sign in', 'sign up', 'sign out', 'log in', 'log out', 'login', 'logout', 'register', 'subscribe', 'my account', 'anmelden',
  'abmelden', 'registrieren', 'abonnieren', 'se connecter', "s'abonner", 'iniciar sesión', 'suscríbete', 'accedi', 'abbonati',
]);

/**
 * Words that make a credit segment a job title or a desk, not a person ("Political Correspondent", "Staff Writer").
 * Lowercased single words; a segment containing any of them is not a name.
 */
export const JOB_TITLE_WORDS = wordSet(
  'job titles',
  `correspondent | correspondents | editor | editors | writer | writers | reporter | reporters | staff | contributor | contributors |
   columnist | journalist | journalists | producer | analyst | photographer | photojournalist | anchor | host | critic | desk | bureau |
   chief | senior | deputy | managing | associate | assistant | contributing | freelance | freelancer | intern | team | newsroom |
   redakteur | redakteurin | redaktion | korrespondent | korrespondentin | autor | autorin | mitarbeiter | volontär | chefredakteur |
   journaliste | rédacteur | rédactrice | rédaction | envoyé | envoyée | spécial | spéciale | correspondant | correspondante |
   redactor | redactora | redacción | corresponsal | periodista | enviado | enviada | redazione | corrispondente | giornalista |
   inviato | inviata | redactie | correspondent | verslaggever | redaktør | redaktionen | reportér | redaktor | redakce |
   fotograf | fotografin | gründer | gründerin | geschäftsführer | geschäftsführerin | inhaber | inhaberin | experte | expertin |
   ceo | founder | president | director | manager | officer | spokesperson | expert | specialist`,
);

/** Desk and generic credits that name nobody. Lowercased, whole credit. */
export const GENERIC_CREDITS = wordSet(
  'generic credits',
  `staff | staff writer | staff reporter | editorial staff | editorial team | the editors | editors | newsroom | news desk | web desk |
   redaktion | die redaktion | online-redaktion | red. | rédaction | la rédaction | redacción | la redacción | redazione | redactie |
   guest | guest author | guest post | contributor | team | admin team | our reporter | correspondent | agencies | wire services | wires |
   datum | date | fecha | data | published | posted | veröffentlicht | quelle | source | fuente | fonte | source:`,
);

/**
 * Words of outlet names ("BBC News", "Herald Sun", "USA Today"): after a comma that follows a person's name,
 * a part with one of them is where the reporter works, not a second author. Lowercased.
 */
export const OUTLET_WORDS = wordSet(
  'outlet words',
  `news | online | times | post | herald | today | daily | press | journal | tribune | magazine | radio | tv | television |
   wire | gazette | chronicle | telegraph | guardian | mail | express | sun | star | globe | observer | independent | review |
   weekly | bulletin | courier | examiner | dispatch | inquirer | register | standard | mirror | reporter | network |
   zeitung | nachrichten | rundschau | kurier | presse | anzeiger | tagblatt | blatt | journal | quotidien |
   diario | periódico | noticias | giornale | corriere | gazzetta | krant | dagblad | avis | tidning | dziennik`,
);

/** News agencies: kept as the author only when they are the sole credit. Lowercased. */
export const NEWS_AGENCIES = wordSet(
  'news agencies',
  `reuters | thomson reuters | ap | the associated press | associated press | afp | agence france-presse | agence france presse |
   dpa | deutsche presse-agentur | apa | sda | kna | epd | kyodo | xinhua | ansa | efe | europa press | aap | pa | pa media |
   press association | pa sport | bloomberg | upi | tass | ria novosti | anadolu | belga | anp | ntb | tt | ritzau | stt | pti | ians | ani |
   cnn wire | bbc monitoring | sid | afp/dpa | dpa/afp | ap/dpa | dts | reuters/ap | cp | the canadian press | canadian press |
   wenn | jiji | jiji press | kyodo news | ap/reuters | reuters/afp | afp/reuters | united press international | agencia efe |
   press trust of india | indo-asian news service | asian news international | australian associated press | nzpa | sapa`,
);

/** Values that stand for "no value" in templates and CMS defaults. Lowercased, whole value. */
export const PLACEHOLDERS = wordSet(
  'placeholders',
  `admin | administrator | unknown | anonymous | anonym | null | undefined | none | n/a | na | - | -- | author | authors | user |
   guest | webmaster | editor | root | default | test | no author | no name | unbekannt | inconnu | desconocido | untitled | no title | home | homepage | index | page | article | post |
   sans titre | ohne titel | sin título | senza titolo | redacteur | wordpress | blogger | by | von | par`,
);

/** Honorifics dropped from the front of a name ("Dr. Jane Doe" → "Jane Doe"). Lowercased, without the dot. */
// Academic titles only: "Frau Sabienes" or "Mr Blog" are how some authors sign, and removing them leaves half a name.
export const HONORIFICS = wordSet('honorifics', `dr | prof | professor | dott | dott.ssa | ing`);

/** Connectors that separate co-authors, per language (whole words, lowercased). */
export const AUTHOR_CONNECTORS = wordSet('author connectors', `and | & | und | et | y | e | en | och | og | i | a | ve | és | ja | și`);

/**
 * Month names and common abbreviations → month number, for en, de, fr, es, pt, it, nl (and a few others).
 * Lowercased, without a trailing dot.
 */
export const MONTHS: ReadonlyMap<string, number> = (() => {
  const table: [number, string][] = [
    [1, 'january jan januar jänner janvier janv enero ene janeiro gennaio genn gen januari styczeń stycznia januar'],
    [2, 'february feb febr februar février févr fevrier fev febrero fevereiro fev febbraio febr februari luty lutego'],
    [3, 'march mar märz maerz mrz mars marzo março marco maart marca marzec'],
    [4, 'april apr avril avr abril abr aprile aprel kwiecień kwietnia'],
    [5, 'may mai mayo maio maggio mag mei maj maja'],
    [6, 'june jun juni juin junio jun junho giugno giu czerwiec czerwca'],
    [7, 'july jul juli juillet juil julio julho luglio lug lipiec lipca'],
    [8, 'august aug august août aout agosto ago augustus sierpień sierpnia'],
    [9, 'september sep sept septembre septiembre setiembre setembro settembre set wrzesień września'],
    [10, 'october oct okt oktober octobre octubre outubro out ottobre ott październik października'],
    [11, 'november nov novembre noviembre novembro listopad listopada'],
    [12, 'december dec dez dezember décembre decembre déc diciembre dic dezembro dicembre grudzień grudnia'],
  ];
  const map = new Map<string, number>();
  for (const [month, names] of table) for (const name of names.split(' ')) map.set(name, month);
  if (map.size < 12) throw new Error('month table incomplete');
  return map;
})();

/** Words that say a date line gives the last update rather than first publication. Lowercased. */
export const MODIFIED_MARKERS = wordSet(
  'modified markers',
  `updated | update | last updated | modified | last modified | revised | aktualisiert | zuletzt aktualisiert | geändert | stand |
   mis à jour | mise à jour | modifié | actualizado | actualización | atualizado | atualização | aggiornato | aggiornamento |
   bijgewerkt | gewijzigd | uppdaterad | opdateret | zaktualizowano`,
);

/** Time-zone abbreviations seen in date lines → offset in minutes. */
export const TIME_ZONES: ReadonlyMap<string, number> = new Map([
  ['utc', 0], ['gmt', 0], ['z', 0], ['wet', 0], ['bst', 60], ['cet', 60], ['mez', 60], ['cest', 120], ['mesz', 120],
  ['eet', 120], ['eest', 180], ['msk', 180], ['est', -300], ['edt', -240], ['cst', -360], ['cdt', -300], ['mst', -420],
  ['mdt', -360], ['pst', -480], ['pdt', -420], ['ist', 330], ['jst', 540], ['kst', 540], ['aest', 600], ['aedt', 660],
]);

/** Title separators between headline and site name, as they appear with spaces around them. */
// Not " : ": French typography puts a space before the colon inside headlines.
export const TITLE_SEPARATORS = nonEmpty('title separators', [' | ', ' - ', ' – ', ' — ', ' :: ', ' · ', ' • ', ' » ', ' « ', ' / ', ' ~ ']);

/**
 * Class names of a kicker inside the `<h1>`: a topic line or label printed above the headline ("Exclusive",
 * "Nach Corona-Lockerungen"), not part of it. Matched as substrings of the lowercased class attribute.
 */
export const KICKER_CLASS_WORDS = nonEmpty('kicker classes', [
  'kicker', 'eyebrow', 'overline', 'overtitle', 'supertitle', 'roofline', 'topline', 'dachzeile', 'spitzmarke', 'titleheader',
  'topic-label', 'subtitle', 'label', 'rubric', 'flag',
]);
