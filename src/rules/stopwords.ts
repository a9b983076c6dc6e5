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
  cs: words(`a se na v je že to s z do o k i jako ale by jsem jsou pro tak po jeho jak už které který která při od ve byl
    bylo být jen také nebo ze až jejich když aby má podle mezi než kde tom této tento`),
  da: words(`og i at det er en til på af den med for som de ikke har var jeg der et sig men han om vi fra så kan hun
    eller når skal efter også blev være havde ved hans sin mod deres`),
  fi: words(`ja on ei se että oli hän ovat mutta tai kun myös niin jo sen kuin joka hänen sekä mukaan ole voi vain
    vielä nyt tämä kanssa jälkeen mitä olla ollut olivat joiden koska`),
  tr: words(`ve bir bu da de için ile olarak çok daha gibi en ama ne o sonra kadar olan değil her ancak şu ise veya
    mi göre önce bile diye ki tarafından olduğu olduğunu`),
  ro: words(`și în a la de cu că pe nu este o un din care mai să se pentru au fost sau ca lui dar după prin acest
    această sunt fi despre între când`),
  hu: words(`a az és hogy nem is egy meg de van volt már csak még ha mint el ki be azt ez arra után pedig vagy
    lesz kell szerint között mert amely ami aki`),
  ru: words(`и в не на что с по как это он а к из у то за от так же все она но его для о было мы бы они уже при
    если только ее или был их до`),
});

/** Every language's stopwords in one set: the classifier's density where the language is unknown. */
export const ALL_STOPWORDS: ReadonlySet<string> = new Set(Object.values(STOPWORDS).flatMap((s) => [...s]));
