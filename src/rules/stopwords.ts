/**
 * Function words per language: the classifier's stopword density (body prose is dense in them,
 * menus and teasers are not) and text-based language detection. Lists are short on purpose:
 * the most frequent function words carry nearly all of the signal.
 */
function words(list: string): ReadonlySet<string> {
  const set = new Set(list.split(/\s+/).filter(Boolean));
  if (set.size === 0) throw new Error('empty stopword group');
  return set;
}

/** Keyed by BCP 47 primary language tag. */
export const STOPWORDS: Readonly<Record<string, ReadonlySet<string>>> = Object.freeze({
  en: words(`the of and to a in is that for it as was with be by on not he i this are or his from at which but have an
    they you were her she there been one all we their has would when will more if no out so can who its what about
    said into than them only could also after other over these two our some like did most where then any me my your`),
  de: words(`der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er hat
    dass sie nach wird bei einer um am sind noch wie einem über einen so zum war haben nur oder aber vor zur bis mehr
    durch man sein wurde sei ich wir ihr kann wenn schon diese dieser gegen vom können`),
  fr: words(`le la les de des du et un une en est que qui dans pour pas au sur par plus ne se ce il elle sont avec son sa
    ses aux ont mais comme nous vous leur été cette ou être fait tout elles ils lui dont était aussi même entre`),
  es: words(`el la los las de del y en que un una es por para con no se su sus al lo como más pero fue ha son este esta
    entre cuando muy sin sobre también ya desde todo nos hay donde han ser dos porque está le hasta`),
  pt: words(`o a os as de do da dos das e em que um uma é por para com não se seu sua no na nos nas ao mais mas foi
    como são este esta entre quando muito sem sobre também já desde isso ser há ele ela pelo pela`),
  it: words(`il lo la i gli le di del della dei delle e in che un una è per con non si suo sua al alla nel nella più ma
    come sono questo questa tra quando molto senza sopra anche già da ha hanno essere stato dopo`),
  nl: words(`de het een en van in is dat op te zijn met voor niet aan er die ook als bij door om maar dan nog wordt
    naar uit worden heeft hij zij we ze kan werd over tot meer`),
  pl: words(`i w na z się nie do to że jest o jak a po co tak za od ale przez jego dla może już są czy by był tylko
    oraz gdy jej ich było będzie także przy tym tego które który która`),
  sv: words(`och i att det som en på är av för med till den har de inte om ett var jag men sig så från vi kan han
    hon eller när ska efter också`),
  ru: words(`и в не на что с по как это он а к из у то за от так же все она но его для о было мы бы они уже при
    если только ее или был их до`),
});

/** Every language's stopwords in one set: the classifier's density where the language is unknown. */
export const ALL_STOPWORDS: ReadonlySet<string> = new Set(Object.values(STOPWORDS).flatMap((s) => [...s]));
