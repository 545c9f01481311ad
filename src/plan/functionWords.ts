/**
 * The words that carry no topic in fi / sv / en: question and function words, in their colloquial spellings and as
 * typed without ä, ö, å; and that folding itself. Read by the text analysis (analyze.ts), which hands these on.
 */

/** Without the Nordic letters (ä → a, ö → o, å → a): how Finnish looks typed on a phone or a foreign keyboard. */
export function fold(term: string): string {
  return term.replace(/[äå]/g, 'a').replace(/ö/g, 'o');
}

/** Question and function words: they carry no topic. Colloquial spellings (millon, mitä) included. */
const STOP: { fi: Set<string>; sv: Set<string>; en: Set<string> } = {
  fi: new Set(
    `ja tai sekä mutta kun jos että kuin myös vain jo ei en et emme ette eivät ole olen olet on olemme olette ovat oli olivat ollut olla olisi ovatko onko onks onkse
     mikä mitkä mitä mitäs mikäs mihin missä mistä miksi millä millon milloin miten mites miltä mille minkä minne mill kuka ketkä kenen kenelle keneltä kenet keitä kuinka
     paljonko kauanko montako voi voiko voinko saako saanko pitääkö täytyykö tarvitseeko kannattaako pitää täytyy tarvitsee saa saada voida
     minä sinä hän me te he mä sä se ne tämä tuo nämä nuo sen siitä siihen sitä sille siltä niitä niille niiltä näitä tätä tästä tähän tässä siinä jossa joka jotka mikäli
     jota joita jonka joiden johon joihin josta joista jolla joilla jolle joille jolta joilta joissa jona joina
     minulla sinulla hänellä meillä teillä heillä mulla sulla minulle sinulle hänelle meille teille heille mulle sulle
     minulta sinulta häneltä meiltä teiltä heiltä multa sulta minua sinua häntä meitä teitä heitä mua sua
     mun sun meidän teidän heidän minun sinun hänen kanssa ilman ennen jälkeen aikana mukaan kautta vai eli noin niin nyt sitten taas vielä
     hei moi moikka heippa moro morjens hyvää huomenta päivää iltaa kiitos terve haluaisin haluan tietää tiedätkö voisitko osaatko
     asia asiaa asiat asioita juttu homma esim esimerkiksi ym jne
     oon oot ollaan on onks onko et ettei jos jotta mun sun meijän teijän pitäis pitäisi voisko vois saisko tarttee tarvii tarviiko
     ihan tosi kans myös vaan niinku sit sitte siis just aika vähän paljon enemmän aina koskaan joskus usein heti ensi viime nyt tänään huomenna eilen ekana ekaks ensin
     laitetaan laitettava laitetaanko
     vaikka silti nykyään nykyisin ketä oo asian sillä varten kesken sisällä
     kumpi kumpaan kumpaa kumman kummalle kummalta kummalla kummasta kummassa kummaksi
     jotain jotakin joku jokin kaikki kaikkia kaikkea kaiken kaikessa mitään mikään kukaan ketään toinen toista yksi yhden yhestä yhdestä tällä tuolla täällä siellä
     takia vuoksi osalta sijaan asti saakka lisäksi kohti luona puolesta avulla vasta
     löytyy löytyykö löydän löydät löytää löytyä löytyisi mistäpäin
     voidaan voidaanko saadaan kehen keneen tarkoittaa tarkoitetaan tarkoittavat kuuluu kuuluuko
     mist mis mihi mil kenel kelle mite miks millo ku ko mut ni nii sillee silleen nää noi toi tää näitten noitten tällanen tollanen sellanen semmonen tommonen tämmönen millanen millainen millaista minkälainen`.split(
      /\s+/,
    ),
  ),
  sv: new Set(
    `och eller men att som om när hur vad vem vilka vilken vilket varför var vart varifrån är vara blir bli har hade ha kan kunna ska skall måste får få
     jag du han hon vi ni de den det detta dessa min din vår er deras sin sig mig dig oss en ett i på av för till med från hos under efter före utan
     inte ej nu då sedan också bara redan någon något några alla mycket hej hejsan tjena god morgon tack snälla vill veta stället istället
     så betyder innebär hitta hittar hittade finns finnes egentligen faktiskt ganska väldigt kanske alltid aldrig ofta idag imorgon igår nästa förra man sådan sådant
     mitt mina ditt dina sitt sina vårt våra ert era hans hennes dess dem denna varje ingen inget
     innan hen henne hens nåt nån ändå`.split(/\s+/),
  ),
  en: new Set(
    `a an the and or but if when whenever how what which who whom whose why where is are was were be been being am do does did done have has had having
     can could shall should will would may might must i you he she we they it its this that these those my your our their me him her us them
     of in on at by for to from with about into over under after before without as than then so not no yes there here please hi hello hey thanks good morning afternoon evening tell know want wants wanted need get gets
     any some anything something thing things actual actually really just whats also very often always never today tomorrow yesterday next last find found
     take takes taken took make makes made go goes going got come comes came coming mean means meant rn asap
     still another whether im even like supposed`.split(/\s+/),
  ),
};

/** The Finnish and Swedish function words as typed without ä, ö, å ("mita", "pitaa"). */
const FOLDED_STOP = new Set([...STOP.fi, ...STOP.sv].map(fold).filter((w) => !STOP.en.has(w)));

/** Every language's function words and their folded spellings in one set: one lookup per word. */
const ANY_STOP = new Set([...STOP.fi, ...STOP.sv, ...STOP.en, ...FOLDED_STOP]);

export function isStopword(word: string): boolean {
  return ANY_STOP.has(word);
}

/**
 * Question phrases whose second word asks "how much / how long / how often" rather than naming a topic:
 * "how long does it take" is not about anything long.
 */
const INTERROGATIVE_HEADS = new Set(['how', 'hur', 'kuinka', 'miten', 'kuin']);
const INTERROGATIVE_TAILS = new Set([
  'long',
  'much',
  'many',
  'often',
  'soon',
  'länge',
  'lång',
  'mycket',
  'många',
  'ofta',
  'snart',
  'pitkään',
  'pitkä',
  'kauan',
  'paljon',
  'monta',
  'usein',
  'nopeasti',
  'pian',
]);

/** Which words of a question carry its topic: not function words, not the tail of "how long". */
export function contentWordMask(ws: string[]): boolean[] {
  return ws.map((w, i) => !isStopword(w) && w.length >= 2 && !(i > 0 && INTERROGATIVE_HEADS.has(ws[i - 1]) && INTERROGATIVE_TAILS.has(w)));
}
