/**
 * Short boilerplate phrases, by label, in English, German, French, Spanish, Portuguese and Italian.
 * Matched against whole short blocks (see `classify.ts`), never inside long prose.
 * Every pattern is anchored and linear: no nested quantifiers.
 */
import type { BlockLabel } from '../types.js';

export interface PhraseGroup {
  label: BlockLabel;
  why: string;
  /** Tested against the block text; blocks longer than `maxChars` are never tested. */
  pattern: RegExp;
  maxChars: number;
}

export const PHRASE_GROUPS: readonly PhraseGroup[] = [
  {
    label: 'metadata',
    why: "PHP's notices a misconfigured server prints into the page: a label, the message, a PHP file and a line number",
    pattern: /^(?:Deprecated|Strict Standards|Warning|Notice|Fatal error|Parse error|Catchable fatal error): [^\n]{1,400}\.(?:php\d?|phtml|inc) on line \d+$/i,
    maxChars: 500,
  },
  {
    label: 'related',
    why: 'labels that head teaser lists; the list after them is related links',
    pattern:
      /^(?:related(?: articles| stories| posts| news| content| coverage| links| reading)?|recent (?:news|posts|articles|stories)|read (?:next|more|also)|more (?:from|on|in|stories|news|articles|like this)\b.*|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|most (?:popular|read|viewed|shared|emailed)|trending(?: now)?|recommended(?: for you| stories| articles)?|top stories|latest (?:news|stories|articles|posts)|see also|further reading|also read|don'?t miss|editor'?s picks|mehr zum thema|weitere artikel|das könnte sie auch interessieren|das (?:thema )?könnte dich auch interessieren|à découvrir|a découvrir|auch interessant|meistgelesen|lesen sie auch|verwandte artikel|ähnliche (?:beiträge|artikel)|(?:verwandte|neueste|beliebte|weitere|aktuelle) beiträge|similar (?:posts|articles)|articles récents|derniers articles|entradas recientes|artículos recientes|articoli recenti|à lire aussi|a lire aussi|lire aussi|sur le même sujet|articles similaires|les plus lus|noticias relacionadas|te puede interesar|lo más leído|más noticias|leia também|leia mais|notícias relacionadas|mais lidas|leggi anche|articoli correlati|potrebbe interessarti|i più letti|weitere (?:aktuelle )?(?:beiträge|artikel|themen|tipps|tourentipps|nachrichten|meldungen|informationen|infos)\b.*|top[- ]themen\b.*|schon gelesen|lesen sie auch\b.*|mehr themen|empfehlungen aus (?:der|dem)\b.*|entdecke weitere\b.*|(?:neueste|meistgelesene|meistdiskutierte|beliebteste) (?:artikel|beiträge)|latest articles|explore further|lust auf mehr|das könnte (?:sie|dich) auch interessieren|verwandte themen(?:bereiche)?|czytaj (?:także|też|również)|zobacz (?:także|też)|przeczytaj (?:także|też)|polecamy|najnowsze|podobne artykuły|související(?: články)?|čtěte také|přečtěte si také|mohlo by vás zajímat|nejčtenější|súvisiace(?: články)?|čítajte aj|najčítanejšie)[:?!]?$/i,
    maxChars: 80,
  },
  {
    label: 'share',
    why: 'share bars and follow prompts',
    pattern:
      /^(?:share(?: this)?(?: article| story| post| page)?(?: on| via)?\b.*|tweet|pin it|email|print|follow us\b.*|teilen\b.*|partager\b.*|compartir\b.*|compartilhe?\b.*|condividi\b.*|(?:facebook|twitter|x|whatsapp|linkedin|pinterest|reddit|e-?mail|telegram|print)(?:\s*[|,/·•]\s*(?:facebook|twitter|x|whatsapp|linkedin|pinterest|reddit|e-?mail|telegram|print|copy link))*):?$/i,
    maxChars: 120,
  },
  {
    label: 'newsletter',
    why: 'newsletter and subscription prompts',
    pattern:
      /(?:sign up (?:for|to) (?:our|the)\b|subscribe (?:to|now|today)\b|get (?:our|the) (?:free )?newsletter|newsletter abonnieren|jetzt abonnieren|abonnez-vous|inscrivez-vous|suscríbete|assine (?:já|a newsletter)|iscriviti alla newsletter|already a subscriber|create a free account|to continue reading)/i,
    maxChars: 300,
  },
  {
    label: 'newsletter',
    why: 'follow, app-download, membership and donation prompts closing an article',
    pattern:
      /(?:never miss (?:the latest|a story|an update)|download (?:the|our) [\w ]{0,30}apps?\b|follow the \w+ on (?:twitter|facebook|instagram|telegram|linkedin)[^@]{0,40}@|keep up with me on|if you enjoyed (?:reading )?this|first-time subscribers|submit your letter|want to be informed|support (?:our|independent) journalism|become a (?:member|subscriber|patron)\b)/i,
    maxChars: 300,
  },
  {
    label: 'newsletter',
    why: 'the same prompts in German, Spanish, Portuguese and Polish',
    pattern:
      /(?:newsletter anmelden|unterstützen sie (?:diese form|unsere arbeit|uns)\b|^unterstütze [^.!?]{1,30}[!.]?$|gefällt (?:dir|ihnen) (?:unser|unsere)\b|jede (?:kleine )?spende|werde (?:jetzt )?mitglied|s[ií]guenos en|nos siga n[oa]\b|canal de (?:telegram|whatsapp|youtube)|hazte miembro|zapraszamy (?:też )?do subskrypcji)/i,
    maxChars: 300,
  },
  {
    label: 'cookie',
    why: 'consent banners',
    pattern: /(?:we use cookies|this (?:site|website) uses cookies|cookie (?:policy|settings|preferences)|accept (?:all )?cookies|verwendet cookies|utilise des cookies|utiliza cookies|usa cookies|utilizziamo (?:i )?cookie|respektieren (?:deine|ihre) privatsphäre|^was sind cookies\??$)/i,
    maxChars: 600,
  },
  {
    label: 'ad',
    why: 'advertising labels',
    // Labels are often framed by dashes: "- Anzeige -".
    pattern: /^[-–—\s]*(?:advertisement|advertising|sponsored(?: content)?|anzeige|werbung|publicité|publicidad|publicidade|pubblicità|reklama|ad|story continues below(?: advertisement)?|continue reading below|article continues (?:below|after (?:this )?advertisement))[-–—\s]*:?$/i,
    maxChars: 60,
  },
  {
    label: 'comments',
    // "Response" alone is also an API doc's or an interview's heading: the singular needs a count ("1 Response").
    why: 'the heading that opens a comment section',
    pattern: /^(?:\d+\s+response|(?:\d+\s+)?(?:comments?|responses|replies|leave a (?:reply|comment)|post a comment|kommentar verfassen|schreibe einen kommentar|(?:eine )?antwort hinterlassen|join the (?:discussion|conversation)|kommentare?|commentaires?|comentarios?|comentários?|commenti))(?: ?\(\d+\))?:?$/i,
    maxChars: 60,
  },
  {
    label: 'legal',
    why: 'copyright lines and footer notices, with the agency footer "Our Standards: … Trust Principles."',
    pattern: /^(?:©|\(c\)|copyright\b|our standards:|purchase licensing rights|all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|todos os direitos reservados|tutti i diritti riservati)|\b(?:licensed under|lizenziert unter|unter einer|sous licence|bajo una licencia) (?:a |the )?creative commons\b/i,
    maxChars: 300,
  },
  {
    label: 'legal',
    why: 'disclaimers and publication notes under the article: opinion, affiliate and liability notices',
    pattern:
      /(?:this (?:post|article|page) (?:contains|may contain) (?:references to products|affiliate links)|contains affiliate[- ]links|advertising disclosure|we may (?:receive|earn) (?:compensation|a (?:small )?commission)|we recommend the best products|this entry was posted in|views expressed (?:here |in this \w+ )?are)/i,
    maxChars: 300,
  },
  {
    label: 'legal',
    why: 'the same notices in German and Polish',
    pattern:
      /(?:gibt (?:die|nur die) meinung de[rs] (?:autors|autorin|verfassers?)|nicht (?:notwendigerweise )?die (?:meinung )?der redaktion|enthält (?:affiliate[- ]links|werbung|werbelinks)|alle angaben ohne gewähr|dieser (?:eintrag|beitrag|text|artikel) wurde [^.]{0,40}(?:veröffentlicht|erstellt)|der beitrag wurde am\b|sofern nicht anders (?:ausgewiesen|angegeben|gekennzeichnet)|materiał chroniony prawem)/i,
    maxChars: 300,
  },
  {
    label: 'byline',
    // The selector ends the body at such a heading when little text follows it (see `select.ts`).
    why: 'headings of an author box or a press contact closing the article',
    pattern:
      /^(?:über (?:den|die) autor(?:in)?(?: ?\/ ?(?:den|die) autor(?:in)?)?|über mich|zum autor|zur autorin|zur person|(?:der |die )?autor(?:in)?|(?:the )?author|about the (?:author|writer)|à propos de l.auteur|l.auteur|sobre el autor|sobre o autor|l.autore|(?:presse)?kontakt|ansprechpartner(?:in)?(?: [^:]{1,40})?|media contact|press contact) ?:?$/i,
    maxChars: 60,
  },
  {
    label: 'navigation',
    why: 'skip links, back-to-top and pagination',
    pattern: /^(?:skip to (?:main )?(?:content|navigation)|back to top|zum inhalt springen|aller au contenu|ir al contenido|menu|home|next|previous|prev|older posts|newer posts|page \d+ of \d+|load more|show more|zurück|weiter|suivant|précédent|siguiente|anterior|lade weitere inhalte|mehr laden|weitere laden|bild anzeigen|rezept drucken|quellen (?:ausblenden|anzeigen)|externer inhalt|(?:dieses skript |den artikel )?als pdf herunterladen):?$/i,
    maxChars: 60,
  },
  {
    label: 'promo',
    why: 'read-more and call-to-action stubs',
    pattern: /^(?:read more|continue reading|read the full (?:story|article)|weiterlesen|mehr lesen|lire la suite|leer más|seguir leyendo|leia mais|continua a leggere|leggi di più|learn more|mehr erfahren|en savoir plus|saber más|saiba mais|scopri di più)\s*(?:[»›→>.…]+)?$/i,
    maxChars: 60,
  },
  {
    label: 'caption',
    why: 'photo credits and sources standing alone ("Foto: Jane Doe", "(Foto: dpa)", "Quelle: Agentur", "Crédits photos : Agence")',
    pattern: /^\(?(?:photo|photos|foto|fotos|bild|titelbild|beitragsbild|titelfoto|image|crédits? photos?|crédit|zdjęcie|fotografía|quelle|source|fuente|fonte|źródło|kuva|credits?)\s*:/i,
    maxChars: 120,
  },
  {
    label: 'metadata',
    // An update stamp does not end like a sentence: "Last updated 14.02.2019", not "Published figures show … ."
    why: 'reading times, tag lines and update stamps beside the article',
    pattern: /^(?:\d+\s*min(?:ute)?s?\.? read|lesezeit:?\s*\d+\s*min(?:uten)?\.?|(?:tagged|tags|schlagwörter|schlagworte|stichwörter|mots-clés|etiquetas|tag)\s*:.*|(?:last (?:modified|updated)|letzte änderung|zuletzt (?:aktualisiert|geändert)|publiziert|veröffentlicht|aktualisiert|mis à jour|publié le|actualizado|publicado|pubblicato)\b(?:[^!?]*[^.!?])?)$/i,
    maxChars: 80,
  },
  {
    label: 'promo',
    why: 'rating and feedback prompts under the article',
    pattern: /^\(?(?:was this (?:article|page|post) (?:helpful|useful)|rate this (?:article|post|product)|war (?:der|dieser) (?:artikel|beitrag) (?:nützlich|hilfreich)|möchten sie (?:den|diesen) (?:artikel|beitrag) teilen|bewerten sie (?:diesen|den|dieses) (?:artikel|beitrag|produkt)|artikel bewerten|noch keine bewertungen|cet article vous a-t-il été utile|¿te ha resultado útil)\b.*$/i,
    maxChars: 120,
  },
];
