import MiniSearch from "minisearch";

/**
 * Welsh versions of the core FAQ entries (same ids as FAQ_ENTRIES in knowledge.ts), in plain Welsh
 * using the glossary in docs/welsh-glossary.md. Questions asked in Welsh are answered from these.
 * Entries not here yet are answered in English (see the README's Cymraeg section).
 */
export interface WelshFaqEntry {
  id: string;
  topic: string;
  question: string;
  answer: string[];
  /** Whole questions and phrases people might use in Welsh. */
  alternates: string[];
}

export const WELSH_FAQ: readonly WelshFaqEntry[] = [
  {
    id: "line-manager-permission",
    topic: "Caniatâd gan eich rheolwr llinell",
    question: "Oes angen caniatâd fy rheolwr llinell arnaf i gymryd rhan?",
    answer: [
      "Oes. Eich sefydliad cartref sy'n penderfynu a all eich rhyddhau i gymryd rhan.",
      "Pan fyddwch chi'n gwneud cais, bydd gofyn i chi gadarnhau eich bod wedi gofyn i'ch rheolwr llinell am ganiatâd.",
      "Rydyn ni'n disgwyl i'r rhaglen gynnig gwahanol fathau o secondiad, gan gynnwys rhai byrrach a rhai rhan-amser. Dylai hyn ei gwneud yn haws i sefydliadau ryddhau eu staff.",
    ],
    alternates: ["Oes angen i fy rheolwr gytuno?", "Oes rhaid i mi gael caniatâd fy rheolwr llinell?", "Ydy fy rheolwr yn gorfod fy rhyddhau?", "caniatâd rheolwr", "rhyddhau staff"],
  },
  {
    id: "register-interest",
    topic: "Cofrestru eich diddordeb",
    question: "Sut mae cofrestru fy niddordeb mewn secondiad?",
    answer: [
      "Llenwch y ffurflen datganiad o ddiddordeb os hoffech gael secondiad i helpu gwasanaethau cyhoeddus a'ch gyrfa eich hun.",
      "Os ydych chi'n gweithio'n rhan-amser neu os oes gennych batrwm gwaith arall, nodwch ar y ffurflen y trefniant yr hoffech ei gael.",
      "Bydd angen i chi gadarnhau eich bod wedi gofyn i'ch rheolwr llinell am ganiatâd.",
    ],
    alternates: ["Sut mae gwneud cais am secondiad?", "Sut ydw i'n ymgeisio?", "Ble mae'r ffurflen datganiad o ddiddordeb?", "cofrestru diddordeb", "gwneud cais"],
  },
  {
    id: "matching-process",
    topic: "Sut mae paru'n gweithio",
    question: "Sut mae'r broses baru'n gweithio?",
    answer: [
      "Does dim proses recriwtio ffurfiol. Yn hytrach, mae tîm rhaglen GovXchange yn paru pobl â rolau.",
      "Pan ddaw rôl neu ddatganiad o ddiddordeb i mewn drwy'r ffurflenni, mae'r tîm yn chwilio am barau da. Yna bydd deiliad y swydd wag yn trefnu cyfarfod paru gyda chi i drafod y rôl yn fanylach.",
      "Sgwrs anffurfiol ddylai'r cyfarfod hwn fod, i weld a yw'r rôl yn addas i chi. Deiliad y swydd wag sy'n penderfynu sut i'w gynnal.",
      "Os ydych chi'ch dau am fwrw ymlaen, bydd eich sefydliad cartref a'r sefydliad lletyol yn dechrau trefnu'r secondiad. Os yw un ohonoch chi'n meddwl nad yw'n iawn, fydd y secondiad ddim yn mynd yn ei flaen. Byddwch chi a'r rôl yn aros ar y gronfa ddata ar gyfer parau posibl eraill.",
    ],
    alternates: ["Sut mae paru'n gweithio?", "Sut ydych chi'n dod o hyd i rôl i mi?", "Beth yw'r broses baru?", "paru", "cyfarfod paru"],
  },
  {
    id: "guaranteed-match",
    topic: "Dim sicrwydd o baru",
    question: "Oes sicrwydd y caf fy mharu â rôl neu secondai?",
    answer: [
      "Nac oes. Nid yw cofrestru eich diddordeb yn sicrhau y cewch eich paru.",
      "Rydyn ni'n dal i'ch annog i gofrestru. Bydd tîm y rhaglen yn ceisio dod o hyd i bâr addas i chi lle bynnag y gallan nhw.",
    ],
    alternates: ["A fydda i'n siŵr o gael secondiad?", "Ydy paru wedi'i warantu?", "sicrwydd paru", "gwarantu"],
  },
  {
    id: "keeping-in-touch",
    topic: "Cadw mewn cysylltiad â'ch sefydliad cartref",
    question: "A fydda i'n cadw mewn cysylltiad â fy sefydliad cartref yn ystod fy secondiad?",
    answer: [
      "Byddwch. Dylai eich rheolwr llinell yn eich sefydliad cartref gael sgyrsiau 'cadw mewn cysylltiad' gyda chi, fel y nodir yn eich cytundeb secondiad.",
      "Mae'r sgyrsiau hyn yn gyfle i weld sut mae'r secondiad yn mynd, datrys unrhyw broblemau a chlywed am newidiadau. Mae hyn yn cynnwys newyddion sy'n effeithio arnoch chi neu ar eich swydd pan fyddwch chi'n dod yn ôl.",
      "Rhaid i chi roi gwybod i'ch rheolwr llinell yn eich sefydliad cartref am unrhyw absenoldeb neu newid yn eich amgylchiadau, fel y nodir yn y cytundeb secondiad.",
    ],
    alternates: ["A fydda i mewn cysylltiad â fy adran?", "cadw mewn cysylltiad", "sgyrsiau cadw mewn cysylltiad"],
  },
  {
    id: "extension",
    topic: "Ymestyn secondiad",
    question: "Oes modd ymestyn fy secondiad?",
    answer: [
      "Oes, os yw pawb dan sylw yn cytuno ac yn gweld y budd. Gellir ei ymestyn am gyfnod penodol pan fydd y cymeradwyaethau cywir yn eu lle.",
      "Efallai na fydd rhai sefydliadau'n gadael i secondiad bara mwy na dwy flynedd.",
    ],
    alternates: ["Alla i ymestyn fy secondiad?", "Ga i aros yn hirach?", "ymestyn secondiad", "estyniad"],
  },
  {
    id: "part-time-hours",
    topic: "Rhan-amser a phatrymau gwaith eraill",
    question: "Rydw i'n gweithio'n rhan-amser. Alla i wneud secondiad?",
    answer: [
      "Gallwch. Gallwch gymryd rhan os ydych chi'n gweithio'n rhan-amser neu os oes gennych batrwm gwaith ansafonol arall.",
      "Dywedwch wrthyn ni ar eich ffurflen datganiad o ddiddordeb pa drefniant gwaith yr hoffech ei gael. Mae hyn yn helpu tîm y rhaglen i ddod o hyd i'r pâr gorau i chi ac i ddiwallu eich anghenion.",
    ],
    alternates: ["Alla i wneud secondiad rhan-amser?", "rhan-amser", "oriau hyblyg", "patrwm gwaith"],
  },
];

/** Nasal and aspirate mutations back to the radical, so "fy mharu" finds "paru" ("ngh" → "c", "mh" → "p", "nh" → "t", "ph" → "p"). */
function radical(term: string): string {
  const t = term.toLowerCase().replace(/[’']/g, "");
  if (t.startsWith("ngh")) return `c${t.slice(3)}`;
  if (t.startsWith("mh") || t.startsWith("ph")) return `p${t.slice(2)}`;
  if (t.startsWith("nh")) return `t${t.slice(2)}`;
  return t;
}

/** Short words that say nothing about the topic. */
const STOP = new Set(
  "a ac ar i y yr r yn o fy eich mae maer oes sut beth ydy ydw ydych ydi alla ga gaf am gyda â fydda yw ywr yng ym sydd sy gen ble in pwy pa pam pryd faint neu hefyd chi fi mi".split(" "),
);

const index = new MiniSearch<WelshFaqEntry & { words: string }>({
  fields: ["topic", "question", "words"],
  storeFields: ["id"],
  processTerm: (term) => {
    const r = radical(term);
    return r.length < 2 || STOP.has(r) ? null : r;
  },
  searchOptions: { boost: { topic: 2, question: 1.5 }, fuzzy: (term) => (term.length >= 6 ? 0.2 : false), prefix: (term) => term.length >= 4 },
});
index.addAll(WELSH_FAQ.map((e) => ({ ...e, words: e.alternates.join(" ") })));

/** Below this MiniSearch score a result is a guess, not an answer (checked against the tests' off-topic question). */
export const MIN_SCORE = 1.5;

/** The Welsh entry that answers a Welsh question, or undefined if none is a clear match. */
export function answerInWelsh(question: string): WelshFaqEntry | undefined {
  const [best] = index.search(question);
  if (!best || best.score < MIN_SCORE) return undefined;
  return WELSH_FAQ.find((e) => e.id === best.id);
}

export function welshEntry(id: string): WelshFaqEntry | undefined {
  return WELSH_FAQ.find((e) => e.id === id);
}

/** The best score for a question (for tuning MIN_SCORE). */
export function bestScore(question: string): number {
  return index.search(question)[0]?.score ?? 0;
}
