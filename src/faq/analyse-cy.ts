/**
 * Text analysis for Welsh questions: the Welsh twin of analyse.ts, feeding the same rankers and
 * decision rule (search.ts). Steps:
 *   1. lower-case, strip accents and apostrophes (normalise());
 *   2. undo initial mutations against the Welsh knowledge base's own words: "fy nghyflog",
 *      "eich cyflog" and "gyflog" all become "cyflog"; "ddeiliad" becomes "deiliad";
 *   3. rewrite multi-word phrases to one concept token ("rheolwr llinell" -> rheolwr,
 *      "cyfnod penodol" / "dros dro" -> fixedterm, "cadw mewn cysylltiad" -> keepintouch, ...);
 *   4. drop stop words, numbers and single letters;
 *   5. strip common plural and verb-noun endings (-iau, -au, -ion, -io, -u, ...);
 *   6. map through a synonym table (bos -> rheolwr, tal -> cyflog, awdurdod -> cyngor, ...).
 */
import { normalise } from "./analyse";
import { phraseRewriter } from "./rewrite";

/** Multi-word phrases (after step 2, so radical forms) rewritten to one concept token. */
export const WELSH_PHRASES: ReadonlyArray<readonly [RegExp, string]> = [
  // Spoken "lle" (where) opening a question is "ble", not "a place".
  [/^\s*lle (mae|ydy|ydi|dw|dwi|alla|allwn|allai|gallwn|ga|fedra|medra|fyddai|fydda|yng|yn)\b/g, " ble $1 "],
  // "Do you know", "can you tell me": politeness, not the topic.
  [/\b(ydych|ydach|dach|wyt) (chi|ti) (yn |n )?gwybod\b/g, " "],
  [/\b(allwch|gallwch|alli|elli|wnewch|newch) (chi|ti) dweud (wrtha|wrthaf|wrtho) (i|fi)\b/g, " "],
  [/\bffeindio allan\b/g, " gwybod "],
  // Spoken "mlaen" is "ymlaen" ("bwrw mlaen": go ahead).
  [/\bmlaen\b/g, "ymlaen"],
  // Knowing someone somewhere: where they work is context ("dw i'n nabod rhywun yn Iechyd Cyhoeddus
  // Cymru, alla i gysylltu efo nhw"); the ask is about approaching them.
  [/\b(adnabod|nabod) (rhywun|rhywrai|pobl|person)( sy(n| yn) gweithio)? (yn|yng|ym|efo|gyda|hefo|o) (?:[a-z]+ ?){1,5}?(?=,|\?|$|\s(alla|ga|ddylwn|dylwn|fedra|ydy|oes|a|ac|felly|ond|sut|be|beth)\b)/g, " adnabod rhywun sefydliad "],
  // Asking whether there is an interview at all is about how people are chosen (the matching
  // process: there is no formal recruitment), not what happens in the informal talk.
  [/\boes (na |yna )?(gyfweliad|cyfweliad|cyfweliadau)( ffurfiol| neu)\b/g, " recriwtio cyfweliad "],
  // "Pa fath o secondiadau" (what kind of secondments) is the types of secondment.
  [/\bpa (fath|math|mathau) o (secondiad|secondiadau|lleoliad|lleoliadau)\b/g, " math secondiad "],
  // Two, three or more days a week is a working pattern ("tridiau'r wythnos").
  [/\b(deuddydd|tridiau)( r)? (yr |y |bob )?wythnos\b/g, " parttime "],
  // "OK gan fy rheolwr" (my manager's OK) is their permission.
  [/\b(ok|okay|iawn) (gan|gen|oddi wrth) (fy |y |r |eich )?(rheolwr|bos|mos)\b/g, " caniatad rheolwr "],
  // What happens after filling in or sending the form is the matching process, as in English.
  [/\bar ol i (fi|mi|ni|chi) (llenwi|anfon|gyrru|cyflwyno)( r| y| fy| yr)? (ffurflen|eoi)\b/g, " anfon ffurflen "],
  // "Ddim yn siwr" (not sure) is how something is asked, not a guarantee; "unrhyw gyngor" is advice, not a council.
  [/\b(ddim|dim|nid) (yn )?(siwr|sicr)\b/g, " "],
  [/\b(unrhyw|rhyw|dipyn o|tipyn o|chydig o|ychydig o) cyngor\b/g, " "],
  [/\b(oes )?(gynnoch|gennych|gen|gyda) (chi|ti) (unrhyw )?cyngor( ar| am)?\b/g, " "],
  // Still being in touch with one's team or manager is keeping in touch.
  [/\b(dal|dala|bod) mewn cysylltiad(?= (efo|gyda|hefo|a) (fy |y |r |yr |eich )?(tim|rheolwr|adran|sefydliad|cydweithwyr|nhw)\b)/g, " keepintouch "],
  // "Mynd ati i" (set about doing) and "trafferthu" (bother) say how, not what: "sut dw i'n mynd ati i drefnu".
  [/\b(mynd|fynd) ati i\b/g, " "],
  [/\b(trafferthu|drafferthu|thrafferthu)\b/g, " "],
  // Staying on for longer than agreed: "chwe mis arall" (another six months).
  [/\b((chwe|tri|dau|deuddeg|ychydig|cwpl o|\d+) )?(mis|blynedd|blwyddyn|wythnos|wythnosau) (arall|ychwanegol)\b/g, " ymestyn "],
  // A part-time secondment is a type of secondment (working part time is another question).
  [/\bsecondiad(au)? (rhan[\s-]*amser|(un|dau|dwy|tri|\d+|ychydig|cwpl o) (diwrnod|diwrnodau) (yr|y|bob) (wythnos|mis))\b/g, " math parttime secondiad "],
  // Having to ask the manager first is about their permission.
  [/\b(rhaid|angen) (i )?((fi|mi|ti|chi) )?(gofyn|dweud) (i|wrth) (r |y |yr |fy |eich )?(rheolwr|bos|mos)\b/g, " caniatad rheolwr "],
  [/\brheolwr llinell\b/g, " rheolwr "],
  [/\brheolwyr llinell\b/g, " rheolwr "],
  [/\b(cadw|cadwch|aros|arhoswch) mewn cysylltiad\b/g, " keepintouch "],
  [/\bkit\b/g, " keepintouch "],
  [/\bdatganiad o diddordeb\b/g, " eoi "],
  [/\beois?\b/g, " eoi "],
  [/\b(cyfnod|tymor) penodol\b/g, " fixedterm "],
  [/\bdros dro\b/g, " fixedterm "],
  [/\bftcs?\b/g, " fixedterm "],
  [/\bddim yn parhaol\b/g, " fixedterm "],
  [/\brhan[\s-]*amser\b/g, " parttime "],
  [/\brhannu swydd\b/g, " parttime "],
  [/\b(oriau|patrwm|patrymau) (hyblyg|cywasgedig|gwaith|gweithio|llai|byrrach|rhan)\b/g, " parttime "],
  [/\b(llai|lleihau) (o )?oriau\b/g, " parttime "],
  [/\b(diwrnod|diwrnodau|diwrnod) (yr|y|bob) (wythnos|mis)\b/g, " parttime "],
  [/\bllawn[\s-]*amser\b/g, " fulltime "],
  [/\bdeiliad(on)? (y |yr )?swydd(i|au)?( wag)?\b/g, " vacancyholder "],
  [/\bswydd(i)? wag\b/g, " vacancy "],
  [/\bachos busnes\b/g, " businesscase "],
  [/\bpennaeth proffesiwn\b/g, " hop "],
  [/\bhop\b/g, " hop "],
  [/\btymor (byr|byrrach)\b/g, " shortterm "],
  [/\bbyrdymor\b/g, " shortterm "],
  [/\btymor (hir|hirach)\b/g, " longterm "],
  [/\bhirdymor\b/g, " longterm "],
  [/\b(cyfnewid|newid|ffeirio|swapio) (swydd|swyddi|lle|llefydd|rol|rolau)\b/g, " exchange "],
  [/\b(awdurdod|awdurdodau) lleol\b/g, " cyngor "],
  [/\bllywodraeth lleol\b/g, " cyngor "],
  [/\bgwyliau blynyddol\b/g, " holiday "],
  [/\b(cliriad|fetio) diogelwch\b/g, " vetting "],
  [/\b(hen|gwreiddiol) swydd\b/g, " oldjob "],
  [/\bswydd (gwreiddiol|flaenorol|blaenorol)\b/g, " oldjob "],
  [/\bdod i ben\b/g, " diwedd "],
  [/\bcael gwybod\b/g, " gwybod "],
  [/\brhoi gwybod\b/g, " gwybod "],
  [/\bclywed yn ol\b/g, " gwybod "],
  [/\bgwneud cais\b/g, " cais "],
  [/\bcymryd rhan\b/g, " cais "],
  [/\brhoi (fy|eich) enw (ymlaen|i lawr|lawr)\b/g, " cais "],
  [/\btynnu (yn |n )?(ol|allan|mas)\b/g, " withdraw "],
  [/\b(peidio|beidio) (a|â) (bwrw ymlaen|mynd ymlaen)\b/g, " withdraw "],
  [/\b(mynd|dod|ddod|fynd) (yn |n )?n?ol\b/g, " dychwelyd "],
  [/\bnewid (fy|eich) meddwl\b/g, " withdraw "],
  [/\bdweud na\b/g, " withdraw "],
  [/\b(bwrw|mynd|fynd) ymlaen\b/g, " proceed "],
  [/\bsel bendith\b/g, " caniatad "],
  [/\bpam (fyddwn|byddwn|fyddai|byddai|dylwn|ddylwn|dylai|ddylai|dylech|ddylech)\b/g, " mantais "],
  [/\b(cael|ga|gaf|ca|caf) (i )?allan o(hono|honi|ddo|ddi)?\b/g, " mantais "],
  [/\b(nad|ddim|nid)\b((?: [a-z]+){0,6}?) (eisiau|isio|ishe|moyn|hoffi|iawn|addas|siwtio)\b/g, " unsuitable $2 "],
  [/\bdweud ie\b/g, " caniatad "],
  [/\b(ddim|nid) (yn )?(i|ar gyfer) (fi|mi)\b/g, " unsuitable "],
  [/\bgweithio (gartref|cartref|o bell|adref)\b/g, " workfromhome "],
  [/\bdod o hyd\b/g, " find "],
  [/\bmelin(au)? trafod\b/g, " thinktank "],
  [/\bcronfa data\b/g, " database "],
  [/\bcostau teithio\b/g, " treuliau "],
  [/\bad (dalu|talu)\b/g, " treuliau "],
  [/\badnoddau dynol\b/g, " ad "],
  [/\bdisgrifiad swydd\b/g, " disgrifiad rol "],
  // English words people type in Welsh sentences ("fixed term", "apply", "part time").
  [/\bfixed[\s-]*terms?( contract)?\b/g, " fixedterm "],
  [/\bpart[\s-]*time\b/g, " parttime "],
  [/\b(business|busnes)[\s-]*cases?\b/g, " businesscase "],
  [/\b(apply|applio|aplio)\b/g, " cais "],
  // Where the asker comes from: "adre" (at home) after a manager or team is the home organisation.
  [/\b(rheolwr|tim|swydd|adran)( i| fi| ni)? (adre|adref|gartref|cartref)\b/g, " $1 sefydliad cartref "],
  [/\bcyngor sir\b/g, " cyngor "],
  [/\btrwm (fy |ei )?clyw\b/g, " anabledd "],
];

/** Words that carry no meaning for matching, in their radical (unmutated) form. */
const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "a ac ag ar at i y yr r n o fy eich ein ei eu ych mae maen maer oes sut beth bethr ydy ydyw ydw ydych ydi ydyn yw ywr " +
    "alla allaf allwn allech gall gallaf gallwn gallech gallu ga gaf ca caf cael am gyda efo fydda fyddaf fydd bydd bydda " +
    "byddaf byddwch byddai byddwn fyddwn fyddai byddan yng ym yn sydd sy syn gen gennych gennyf gennym ble pwy pa pam pryd " +
    "faint neu hefyd chi fi mi ni nhw hi fe fo e hyn hwn hon hynny dyna dyma wedi wedii bod ddim dim na nad nid nag os fel " +
    "felly ond mewn gan dros tra wrth rhwng ol yna yno yma iawn plis diolch helo shwmae dal mwy eisiau isio moyn angen arna " +
    "arnaf arnoch arnon pan digwydd dw dwi rydw rwy rydych rydyn roedd oedd ir ar or ai ynn dydw dydy dyw dych sydd unrhyw rhywbeth " +
    "rhywun gwneud gwneith dod mynd rhaid gorfod hoffwn hoffech hoffi dylwn dylai dylech ddylwn ddylai ddylech wneud cyn " +
    "gyntaf nawr nesaf eto bob pob holl hun hunan fod ydi wnewch allan ohono amdano iddo iddi arno arni " +
    "mor ba fath tua ie wrtha wrthyf wrthych wrthon wrthym bosib posib bosibl posibl eraill arall rhai " +
    // Spoken forms and filler: "be" (beth), "achos" (because).
    "be achos jyst sort wir actually " +
    // As in English (analyse.ts): "can you", "explain", "until" and month names say nothing about the topic.
    "gallwch allwch gallant esbonio egluro tan nes nesa lawr neud " +
    // "Fel arfer" (usually) and "oes modd" (is it possible), as "usually" and "possible" in English.
    "arfer modd " +
    // Spoken forms: "ydan ni", "dach chi", "gynnon ni" (we have), "be di" (what is), "ges i" (I got), numbers.
    "wi ti hefo rwbath ella falle efallai sa smo isie medru fedru medra fedra fedrai fedrwn geith gei gewch sud yli sti gwirionedd " +
    "wrtho wrthi wrthyn wrthoch ydan ydach dach dan gynnon gynno gynni sgen sgin di ges gesh dydi cwpl unig rwan rwan uniongyrchol " +
    // "Yn syth" (straight away, directly), as "directly" in English.
    "syth " +
    "chwe chwech " +
    "ionawr chwefror mawrth ebrill mehefin gorffennaf awst tachwedd rhagfyr"
  ).split(/\s+/),
);

/** Synonym groups: each word (after stemming) maps to the group's first name. */
const SYNONYM_GROUPS: Readonly<Record<string, readonly string[]>> = {
  rheolwr: ["rheolwr", "rheolwyr", "rheolwraig", "bos", "mos", "goruchwyliwr", "gaffer", "manager", "boss"],
  cyflog: ["cyflog", "cyflogau", "tal", "talu", "taliad", "arian", "ariannu", "enillion", "wages", "salary", "pay"],
  cyngor: ["cyngor", "cynghorau", "awdurdod", "awdurdodau", "council"],
  exchange: ["exchange", "cyfnewid", "swapio", "ffeirio", "swap"],
  secondiad: ["secondiad", "secondiadau", "secondai", "secondeion", "secondment", "secondee", "lleoliad", "lleoliadau", "placement"],
  caniatad: ["caniatad", "cytuno", "cymeradwyo", "cymeradwyaeth", "rhyddhau", "fodlon", "bodlon"],
  anabledd: ["anabledd", "anableddau", "anabl", "addasiad", "addasiadau", "hygyrch", "hygyrchedd", "niwroamrywiol", "dyslecsia", "dyslecsig", "awtistiaeth", "awtistig", "cyflwr", "byddar", "dall"],
  // "estyn" is mostly the verb "extend" (rarely Estyn, the schools inspectorate).
  ymestyn: ["ymestyn", "estyn", "estyniad", "hirach", "hiraf"],
  limit: ["terfyn", "uchafswm", "mwyaf", "hiraf"],
  cyfweliad: ["cyfweliad", "cyfweliadau", "ffurfiol", "interview"],
  trafod: ["trafod", "trafodaeth", "sgwrs", "sgyrsiau", "cyfarfod", "cwrdd", "cyfarfodydd"],
  cais: ["cais", "ymgeisio", "cofrestru", "ymuno", "ceisiadau"],
  // Not "cyflwyno": in the material it is introducing yourself or an idea.
  anfon: ["anfon", "gyrru", "submit", "send"],
  rol: ["rol", "rolau", "swydd", "swyddi", "job", "jobs"],
  gwybod: ["gwybod", "clywed", "hysbysu", "dweud"],
  diwedd: ["diwedd", "gorffen", "gorffenn", "terfynu"],
  mantais: ["mantais", "manteision", "budd", "buddion", "elwa", "pwynt", "werth", "gwerth"],
  math: ["math", "mathau", "opsiwn", "opsiynau", "dewisiadau"],
  cam: ["cam", "camau", "saith"],
  sgil: ["sgil", "sgiliau", "arbenigedd"],
  // People type the English "match" in Welsh too.
  par: ["par", "parau", "paru", "parwyd", "match", "matched", "matsio"],
  find: ["find", "ffeindio", "canfod", "darganfod"],
  cwestiwn: ["cwestiwn", "cwestiynau", "ymholiad", "ymholiadau"],
  perfformiad: ["perfformiad", "arfarniad", "arfarnu", "amcanion", "amcan"],
  treuliau: ["treuliau", "costau", "cost", "teithio", "hawlio", "milltiroedd", "expenses"],
  sefydliad: ["sefydliad", "sefydliadau", "adran", "adrannau", "cyflogwr", "corff", "cwmni", "cwmniau"],
  sicr: ["sicr", "sicrwydd", "siwr", "pendant", "bendant", "definitely", "defo", "gwarantu", "gwarant", "warantu", "addewid", "addo", "siawns"],
  e_bost: ["ebost", "bost", "cysylltu", "cyswllt", "email", "emailio", "ebostio"],
  cymorth: ["cymorth", "help", "helpu", "cefnogaeth"],
  lletyol: ["lletyol", "croesawu", "host"],
  sal: ["sal", "salwch"],
  staff: ["staff", "gweithiwr", "gweithwyr", "cyflogai", "cyflogeion"],
  dysgu: ["dysgu", "datblygu", "datblygiad", "nod", "nodau"],
  gyrfa: ["gyrfa", "gyrfaoedd"],
  perswadio: ["perswadio", "argyhoeddi", "darbwyllo", "codi", "son"],
  // The spoken "sgwennu" is "ysgrifennu" (to write).
  ysgrifennu: ["ysgrifennu", "sgwennu", "sgrifennu"],
  // The spoken "nabod" is "adnabod" (to know someone).
  adnabod: ["adnabod", "nabod"],
  elusen: ["elusen", "elusennau", "prifysgol", "prifysgolion", "gig", "heddlu", "heddluoedd"],
};

/** Every word the synonym groups know, for the typo vocabulary. */
export const WELSH_SYNONYM_WORDS: readonly string[] = Object.values(SYNONYM_GROUPS).flat();

/** Plural and verb-noun endings, longest first; a stem keeps at least 3 letters. */
const ENDINGS = ["iau", "au", "ion", "io", "u", "i", "o"];
function stem(word: string): string {
  if (word.length < 5) return word;
  for (const e of ENDINGS) if (word.endsWith(e) && word.length - e.length >= 3) return word.slice(0, -e.length);
  return word;
}

const SYNONYMS: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const [canonical, words] of Object.entries(SYNONYM_GROUPS)) for (const w of words) if (!map.has(stem(w))) map.set(stem(w), canonical);
  return map;
})();

/** Words that look mutated but are not, or whose "radical" would be another word. */
const KEEP = new Set(["nod", "dal", "dro", "ben", "hir", "hyd", "lle", "lefel", "rol", "rolau", "data", "gwaith", "bos", "mos", "dysgu", "dewis", "dod", "tal", "gig"]);

/** The forms a word could have before an initial mutation, most likely first. */
function radicals(w: string): string[] {
  const out: string[] = [];
  if (w.startsWith("ngh")) out.push(`c${w.slice(3)}`);
  else if (w.startsWith("ng")) out.push(`g${w.slice(2)}`);
  if (w.startsWith("mh")) out.push(`p${w.slice(2)}`);
  else if (w.startsWith("m")) out.push(`b${w.slice(1)}`);
  if (w.startsWith("nh")) out.push(`t${w.slice(2)}`);
  else if (w.startsWith("n")) out.push(`d${w.slice(1)}`);
  if (w.startsWith("ph")) out.push(`p${w.slice(2)}`);
  if (w.startsWith("th")) out.push(`t${w.slice(2)}`);
  if (w.startsWith("ch")) out.push(`c${w.slice(2)}`);
  if (w.startsWith("dd")) out.push(`d${w.slice(2)}`);
  if (w.startsWith("f") && !w.startsWith("ff")) out.push(`b${w.slice(1)}`, `m${w.slice(1)}`);
  if (w.startsWith("l") && !w.startsWith("ll")) out.push(`ll${w.slice(1)}`);
  if (w.startsWith("r") && !w.startsWith("rh")) out.push(`rh${w.slice(1)}`);
  if (w.startsWith("g")) out.push(`c${w.slice(1)}`);
  if (w.startsWith("b")) out.push(`p${w.slice(1)}`);
  if (w.startsWith("d") && !w.startsWith("dd")) out.push(`t${w.slice(1)}`);
  if (/^[aeiouwy]/.test(w)) out.push(`g${w}`);
  if (/^h[aeiouwy]/.test(w)) out.push(w.slice(1));
  return out;
}

export interface WelshAnalyser {
  analyse(text: string, correct?: (word: string) => string): string[];
  isStopWord(word: string): boolean;
  normalise(text: string): string;
}

/**
 * A Welsh analyser that undoes mutations against `corpus` (the Welsh knowledge base's text): a
 * word becomes the first of its possible radical forms that the corpus uses, if any.
 */
/** Clitics ("sy'n", "i'r", "a'ch") become words of their own before apostrophes and accents go. */
const prepare = (text: string) =>
  normalise(text.replace(/['\u2019\u2018](n|r|m|i|w|ch|u)\b/gi, " $1"))
    .replace(/-/g, " ")
    .replace(/\s+/g, " ");

const rewritePhrases = phraseRewriter(WELSH_PHRASES);

export function createWelshAnalyser(corpus: readonly string[]): WelshAnalyser {
  const known = new Set<string>();
  for (const text of corpus) for (const w of prepare(text).split(/[^a-z]+/)) if (w.length >= 2) known.add(w);
  for (const w of WELSH_SYNONYM_WORDS) known.add(w);
  const radical = (w: string): string => {
    if (KEEP.has(w) || STOP_WORDS.has(w)) return w;
    for (const r of radicals(w)) if (known.has(r)) return r;
    return w;
  };
  const isStopWord = (w: string) => STOP_WORDS.has(w);
  function analyse(text: string, correct?: (word: string) => string): string[] {
    let normal = prepare(text).replace(/[a-z]+/g, radical);
    if (correct) normal = normal.replace(/[a-z]+/g, (w) => radical(correct(w)));
    normal = rewritePhrases(normal);
    const terms: string[] = [];
    for (const raw of normal.split(/[^a-z0-9]+/)) {
      if (raw.length < 2 || STOP_WORDS.has(raw) || /^\d+$/.test(raw)) continue;
      const s = stem(raw);
      terms.push(SYNONYMS.get(s) ?? SYNONYMS.get(raw) ?? s);
    }
    return terms;
  }
  return { analyse, isStopWord, normalise: prepare };
}
