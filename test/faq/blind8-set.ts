/**
 * The EIGHTH BLIND FAQ test set (issue 15), written on 7 December 2026.
 *
 * Why it exists: every earlier set (eval-set.ts, held-out-set.ts, eval-set-cy.ts, fresh-set.ts,
 * blind-set.ts and blind2-set.ts to blind7-set.ts) has been used to develop the answering, or will
 * be today, so none of them shows any more how answering generalises. This set is new and is the
 * blind measure after them.
 *
 * How it was written:
 * - The writer read only the programme's material (shared/reference/*.txt) and, for each knowledge
 *   entry, its id, main question and answer (printed with a small script from src/faq/knowledge.ts
 *   and src/faq/knowledge-cy.json; the files were not opened in full).
 * - The writer did NOT read the entries' alternates, src/faq/alternates.ts, analyse*.ts, search.ts,
 *   off-topic.ts, not-covered.ts, phrases.ts, the synonym files, or any other test/faq set (only the
 *   export lines and header comment of blind7-set.ts, for the shape; by mistake, its first seven
 *   line-manager-permission questions were also shown on screen once, and none was copied), and did
 *   not run the bot, the bench or any test on these questions before committing them.
 * - Questions are typed the way civil servants in central departments and agencies, council and NHS
 *   staff, line managers and vacancy holders type in a Teams chat: lower case, typos, slang ("boss",
 *   "wages", "council", "FTC", "EOI", "KIT", "HoP", "LM"), long rambling context, short fragments,
 *   and places and organisations across England, Wales, Scotland and Northern Ireland.
 * - Each in-domain question is labelled with the ONE entry whose answer answers it (checked against
 *   the answer text). Where a second entry could also answer, a comment names it.
 * - Each not-covered question is about secondments and was checked against the reference text and
 *   every entry's answer: none of them gives the asker useful information on it.
 *
 * Rule for everyone: NEVER tune on this set. Do not add its questions as alternates, synonyms or
 * training data, and do not change thresholds to fix its misses. Measure it once; if it is later
 * used for tuning, say so here and in test/faq/sets.ts, and write a new blind set.
 */

/** English questions the programme material answers, each with the id of the entry that answers it. */
export const BLIND8_IN_DOMAIN: ReadonlyArray<readonly [string, string]> = [
  // line-manager-permission
  ["will i need sign off from my line manager before i put in an eoi", "line-manager-permission"],
  ["is my boss allowed to say no to me going", "line-manager-permission"],
  ["hi there, i work in the planning team at swansea council and my manager is off on long term sick at the moment, does someone still have to agree to release me before i can be part of this?", "line-manager-permission"],
  ["LM approval needed??", "line-manager-permission"],
  ["do i have to ask permision from my manger first", "line-manager-permission"],
  ["one of my analysts at dwp wants to do a secondment, as their line manager is it my call whether they can be released", "line-manager-permission"],
  ["can my department block me from doing a secondment", "line-manager-permission"],
  ["does the application ask whether my manager is ok with it", "line-manager-permission"], // register-interest also says you confirm you asked

  // fixed-term-contract
  ["im on an ftc till next august, am i even eligible", "fixed-term-contract"],
  ["fixed term contract secondment?", "fixed-term-contract"],
  ["my contract at the scottish government in edinburgh is temporary and ends in june, could a secondment run past that", "fixed-term-contract"],
  ["can temps on a fixed contract apply or is it only permanent staff", "fixed-term-contract"],
  ["i was brought in on a 2 year fixed term post to deliver a specific project at the environment agency, would they let me go on secondment half way through", "fixed-term-contract"],
  ["does my contract end date limit how long i can be seconded for", "fixed-term-contract"],

  // benefits
  ["whats in it for me if i do one of these", "benefits"],
  ["why would i bother doing a secondment tbh", "benefits"],
  ["what are the advantages of going on secondment from a council to a central department", "benefits"],
  ["how does a secondment help my career", "benefits"],
  ["benifits of secondment?", "benefits"],
  ["i've been at belfast city council 12 years and feeling a bit stuck, would a secondment actually do anything for my development and network", "benefits"],

  // part-time-hours
  ["i only work 3 days a week, can i still apply", "part-time-hours"],
  ["im part time at nhs lothian, does that rule me out", "part-time-hours"],
  ["i do compressed hours, 4 long days. can i keep that pattern on secondment", "part-time-hours"],
  ["part timers eligible?", "part-time-hours"],
  ["i job share my role at the land registry in plymouth, would that be a problem for a secondment", "part-time-hours"],
  ["where do i put my working pattern, i'm 0.6 fte", "part-time-hours"], // register-interest also says put it on the form

  // secondment-types
  ["how long do secondments usually last", "secondment-types"],
  ["do they have to be full time or are there shorter ones", "secondment-types"],
  ["could i swap jobs with someone doing a similar role in a council for a while", "secondment-types"],
  ["is a job swap an option", "secondment-types"],
  ["whats the shortest secondment you can do, i cant be away from my team for a year", "secondment-types"],
  ["can i do a couple of days a week at the host and stay in my own job the rest of the week", "secondment-types"], // part-time-hours is about your own pattern; this is the part-time secondment type
  ["different kinds of secondment?", "secondment-types"],
  ["i dont really want to committ to anything long term, what options are there", "secondment-types"],

  // disability-adjustments
  ["im dyslexic and struggle with forms, can i get help filling in the eoi", "disability-adjustments"],
  ["reasonable adjustments?", "disability-adjustments"],
  ["i'm a wheelchair user, will the host organisation sort out adjustments if i get a placement", "disability-adjustments"],
  ["i have a long term health condition, what support is there during the process", "disability-adjustments"],
  ["i have adhd and need the form in a different format, who do i ask", "disability-adjustments"],

  // matching-process
  ["how does the matching work", "matching-process"],
  ["is there an interview or is it just matching", "matching-process"], // informal-discussion also says it is not a formal interview
  ["so how do people actually get put forward for roles, is it a normal recruitment campaign", "matching-process"],
  ["matching proccess?", "matching-process"],
  ["once i've sent my form in, what happens next", "matching-process"],
  ["how do you decide who goes where", "matching-process"],
  ["if the first match falls through do i have to apply all over again", "matching-process"], // not-proceeding also says you stay on the database

  // match-notification
  ["how will i find out if i've been matched", "match-notification"],
  ["will i get an email if someone picks me", "match-notification"],
  ["who contacts me when there's a match, the programme team or the host", "match-notification"],
  ["we're a small team at cardiff council with a vacancy and the programme team just emailed to say they've found someone, is it on us to get in touch with them now", "match-notification"], // offer-a-role also says you then arrange a discussion
  ["how do i know if im matched", "match-notification"],

  // informal-discussion
  ["is the matching meeting a proper interview, do i need to prep like one", "informal-discussion"],
  ["what will they ask me in the informal chat", "informal-discussion"],
  ["i'm the vacancy holder, how formal should the conversation with the candidate be", "informal-discussion"],
  ["can we talk about things like hours and how long it runs in the discussion or is that fixed", "informal-discussion"],
  ["informal discussion - what happens?", "informal-discussion"],

  // not-proceeding
  ["what if i dont like the sound of the role after the chat, can i say no", "not-proceeding"],
  ["i've had the meeting with the vacancy holder at the home office and it's really not for me, what do i do now", "not-proceeding"],
  ["we met the candidate and don't think they're right for the post, what happens", "not-proceeding"],
  ["pulling out after the informal discussion, is that ok?", "not-proceeding"],
  ["do i need to tell anyone if i decide not to go ahead after meeting them", "not-proceeding"],

  // guaranteed-match
  ["if i apply am i definitely going to get a secondment", "guaranteed-match"],
  ["is it guaranteed?", "guaranteed-match"],
  ["i put in an eoi months ago and heard nothing, does everyone get matched in the end", "guaranteed-match"],
  ["we've submitted a role, will we defo get a secondee for it", "guaranteed-match"],
  ["whats the chance i wont get matched with anything", "guaranteed-match"],

  // keeping-in-touch
  ["will i still hear from my home team while im away", "keeping-in-touch"],
  ["what are KIT conversations", "keeping-in-touch"],
  ["as a line manager do i need to keep in touch with my person while theyre seconded to hmrc", "keeping-in-touch"],
  ["if im off sick during the secondment who do i tell", "keeping-in-touch"],
  ["keeping in touch days?", "keeping-in-touch"],
  ["how will i know about restructures back at home while i'm out on secondment in glasgow", "keeping-in-touch"],
  ["my circumstances have changed mid secondment, who needs to know", "keeping-in-touch"],

  // extension
  ["can i stay on longer if it's going well", "extension"],
  ["extend secondment?", "extension"],
  ["my secondment to the welsh government ends in march and they want to keep me till september, is that allowed", "extension"],
  ["is there a max length on a secondment", "extension"],
  ["can it go beyond 2 years", "extension"],
  ["we'd like to keep our secondee for another six months, what do we need to do", "extension"],

  // register-interest
  ["how do i sign up", "register-interest"],
  ["where's the expression of interest form", "register-interest"],
  ["i'd like to apply for a secondment how do i go about it", "register-interest"],
  ["how to register interest", "register-interest"],
  ["i work for north lanarkshire council, how do i put my name forward for this", "register-interest"],
  ["eoi form?", "register-interest"],
  ["what do i need to fill in to get on the programme", "register-interest"],

  // offer-a-role
  ["i manage a team at newcastle city council and we've got a gap we could use a secondee for, how do we advertise it", "offer-a-role"],
  ["how do i offer a role", "offer-a-role"],
  ["role matching form?", "offer-a-role"],
  ["we're a vacancy holder at the ons in newport, how can we get someone on secondment into our team", "offer-a-role"],
  ["can my department put forward a post for this programme", "offer-a-role"],
  ["our trust could really do with a policy person for six months, can we host one", "offer-a-role"],

  // further-questions
  ["who do i contact with questions", "further-questions"],
  ["is there an email address for the programme team", "further-questions"],
  ["i've got a question the bot can't answer, who can i email", "further-questions"],
  ["contact details?", "further-questions"],
  ["how do i get hold of someone from govxchange", "further-questions"],

  // seven-step-plan
  ["what are the steps to arrange a secondment", "seven-step-plan"],
  ["is there a step by step guide to setting one up myself", "seven-step-plan"],
  ["whats the 7 step plan", "seven-step-plan"],
  ["how do i organise a secondment from start to finish", "seven-step-plan"],
  ["where do i start if i want to set up my own secondment outside the matching", "seven-step-plan"],

  // choosing-skills
  ["how do i work out what i want to get out of a secondment", "choosing-skills"],
  ["what kind of development needs is a secondment good for", "choosing-skills"],
  ["i want more experience with data and analysis, is that a good reason to go on secondment", "choosing-skills"],
  ["not sure what skills i should aim to learn, any tips", "choosing-skills"],

  // talking-to-your-manager
  ["how do i bring it up with my boss without it sounding like im leaving", "talking-to-your-manager"],
  ["best way to pitch a secondment to my HoP?", "talking-to-your-manager"],
  ["what should i say to my line manager to get them on board", "talking-to-your-manager"],
  ["my manager at dfe in darlington is a bit old school, how do i approach the conversation", "talking-to-your-manager"],
  ["will my manager back me if i ask about a secondment", "talking-to-your-manager"],

  // approaching-a-host
  ["how do i get in touch with an organisation i'd like to be seconded to", "approaching-a-host"],
  ["i know someone at transport for wales, should i just message them about a secondment", "approaching-a-host"],
  ["will the host want to meet me first and what will they want to know", "approaching-a-host"],
  ["can my HoP approach the host at a senior level for me", "approaching-a-host"],

  // host-organisations
  ["where can i go on secondment", "host-organisations"],
  ["can i be seconded to a charity or think tank", "host-organisations"],
  ["what organisations take secondees in wales", "host-organisations"],
  ["could i do a secondment at the bank of england", "host-organisations"],
  ["is the nhs or the police an option for a secondment", "host-organisations"],
  ["list of host organisations?", "host-organisations"],

  // business-case
  ["do i need a business case", "business-case"],
  ["what goes in the business case for a secondment", "business-case"],
  ["my HoP at the met office wants a business case before she'll agree, what should i cover", "business-case"],
  ["business case template or contents?", "business-case"],
  ["how do i justify the secondment in writing to my department", "business-case"],

  // arranging-details
  ["the host has said yes in principle, what do we need to sort out now", "arranging-details"],
  ["what should i agree with the host before i start", "arranging-details"],
  ["what details need pinning down before day one, start date, length, role etc", "arranging-details"],
  ["do i need a clear job description from the host before i go", "arranging-details"],

  // pay-and-expenses
  ["who pays my wages while im on secondment", "pay-and-expenses"],
  ["will my own department keep paying me", "pay-and-expenses"],
  ["expenses?", "pay-and-expenses"],
  ["if i'm seconded from leeds city council to dhsc does the council still pay my salary or does the department", "pay-and-expenses"],
  ["who covers travel costs for trips i make for the host", "pay-and-expenses"],
  ["salary on secondment", "pay-and-expenses"],
  ["we're hosting a secondee from nhs england, do we have to pay them", "pay-and-expenses"],
  ["who do i talk to about pay arrangements for the secondment", "pay-and-expenses"], // arranging-details also says stay in contact with HR
  ["does the host org pick up the cost of the secondee", "pay-and-expenses"],

  // performance-management
  ["who does my appraisal while im on secondment", "performance-management"],
  ["who manages me day to day on a secondment, my home manager or the host", "performance-management"],
  ["end of year review while seconded - whose job is that", "performance-management"],
  ["i'm the home LM for someone seconded to aberdeen city council, am i still responsible for their performance reviews", "performance-management"],
  ["how do i get feedback from the host during the secondment", "performance-management"], // end-of-secondment covers feedback at the end

  // end-of-secondment
  ["my secondment finishes next month, anything i should do", "end-of-secondment"],
  ["what happens at the end of a secondment", "end-of-secondment"],
  ["when i come back to my department should i write anything up", "end-of-secondment"],
  ["coming back from secondment, what do i need to do", "end-of-secondment"],
  ["how do i keep the link with the host going after i return", "end-of-secondment"],
];

/** English questions outside the programme entirely: the bot must not answer them from the FAQ. */
export const BLIND8_OFF_TOPIC: readonly string[] = [
  "is it going to rain in belfast this afternoon",
  "i've forgotten my laptop password how do i reset it",
  "whats the wifi password for the 3rd floor",
  "can you book me a meeting room for thursday",
  "my payslip is wrong this month who do i speak to",
  "how do i claim back mileage for my own car in the council expenses system",
  "whats the exchange rate for euros today",
  "my extension lead has stopped working, who do i call in facilities",
  "how do i get my council tax bill reduced",
  "can you recommend a good host for a website",
  "who won the rugby last night",
  "how do i order a prescription on the nhs app",
  "what time does the canteen close",
  "where can i park at the cardiff office",
  "can you write me a poem about christmas",
  "how many days till the bank holiday",
  "my teams keeps crashing when i share my screen",
  "matching socks for the xmas jumper day?",
  "how do i set an out of office in outlook",
  "whats the capital of australia",
  "recipe for welsh cakes",
  "my son needs a work experience placement for school, any ideas",
  "how do i change my bank details on the payroll system",
  "translate good morning into french",
  "what are the train times from glasgow to edinburgh",
  "can you tell me a joke",
  "how do i submit a freedom of information request to the council",
  "whats the best pension fund for a 30 year old",
];

/** English questions about secondments that the programme material does not answer. */
export const BLIND8_NOT_COVERED: readonly string[] = [
  "what happens to my pension contributions while im on secondment",
  "do i keep my annual leave allowance from my home department or do i get the host's",
  "how long does security clearance take for a secondment into the home office",
  "whats the closing date for expressions of interest this round",
  "can i get a temporary promotion while on secondment",
  "can i end my secondment early if it isn't working out, what notice do i give",
  "will the host provide a laptop or do i bring my own kit",
  "am i still in my trade union while seconded to a different employer",
  "does a secondment affect my maternity pay if i get pregnant partway through",
  "can i apply if i'm still on probation in my current job",
  "are agency workers allowed to apply for secondments",
  "is this programme open to northern ireland civil service staff",
  "will i need a dbs check for a secondment to a school-facing team",
  "does the secondment count towards continuous service for redundancy pay",
  "can the host offer me a permanent job at the end of the secondment",
  "what are the tax implications of being seconded",
  "is there an age limit for secondees",
  "will i be covered by the host's insurance if i have an accident at work",
  "how many people got matched through the programme last year",
  "can apprentices do a secondment",
  "do i have to declare a conflict of interest when i'm seconded to a company that bids for our contracts",
  "who pays for training courses i want to go on during my secondment",
  "can i take my flexi time balance with me to the host or do i lose it",
  "do i get relocation money if i have to move house for the secondment",
];

/** Welsh questions the programme material answers, each with the id of the entry that answers it. */
export const BLIND8_IN_DOMAIN_CY: ReadonlyArray<readonly [string, string]> = [
  // line-manager-permission
  ["oes rhaid i fi gael caniatâd y bos cyn gwneud cais?", "line-manager-permission"],
  ["ydy fy rheolwr llinell yn gorfod cytuno i fi fynd ar secondiad", "line-manager-permission"],
  ["pwy sy'n penderfynu os ga i fy rhyddhau o'r tîm", "line-manager-permission"],

  // fixed-term-contract
  ["dw i ar gontract tymor penodol efo'r cyngor, alla i wneud cais?", "fixed-term-contract"],
  ["mae fy nghontract i'n dod i ben ym mis mehefin, ydy hynny'n broblem?", "fixed-term-contract"],
  ["ftc - ydw i'n gymwys?", "fixed-term-contract"],

  // benefits
  ["be dw i'n cael allan o secondiad?", "benefits"],
  ["pam ddylwn i wneud secondiad", "benefits"],
  ["sut mae secondiad yn helpu fy ngyrfa i", "benefits"],

  // part-time-hours
  ["dw i'n gweithio'n rhan amser, ga i wneud cais?", "part-time-hours"],
  ["dim ond tri diwrnod yr wythnos dw i'n gweithio, ydy hynny'n iawn", "part-time-hours"],

  // secondment-types
  ["pa mor hir mae secondiad yn para fel arfer", "secondment-types"],
  ["oes modd gwneud job swap efo rhywun yn y cyngor?", "secondment-types"],
  ["oes secondiadau byr ar gael? dw i ddim isio ymrwymo am flwyddyn", "secondment-types"],

  // disability-adjustments
  ["mae gen i anabledd, oes help ar gael i lenwi'r ffurflen?", "disability-adjustments"],
  ["addasiadau rhesymol?", "disability-adjustments"],

  // matching-process
  ["sut mae'r paru'n gweithio", "matching-process"],
  ["allwch chi esbonio sut dach chi'n dewis pwy sy'n mynd i ba rôl?", "matching-process"],
  ["oes cyfweliad neu ydy o jyst yn broses baru?", "matching-process"],
  ["be sy'n digwydd ar ôl i fi anfon y ffurflen", "matching-process"],

  // match-notification
  ["sut bydda i'n gwybod os dw i wedi cael fy mharu", "match-notification"],
  ["pwy fydd yn cysylltu â fi os oes pâr?", "match-notification"],

  // informal-discussion
  ["ydy'r sgwrs anffurfiol yn gyfweliad go iawn?", "informal-discussion"],
  ["be sy'n digwydd yn y drafodaeth anffurfiol efo deiliad y swydd", "informal-discussion"],

  // not-proceeding
  ["be os dw i ddim isio mynd ymlaen ar ôl y sgwrs?", "not-proceeding"],
  ["dydy'r rôl ddim yn iawn i fi ar ôl y cyfarfod, be nesa", "not-proceeding"],

  // guaranteed-match
  ["ydw i'n siŵr o gael secondiad os dw i'n gwneud cais?", "guaranteed-match"],
  ["oes sicrwydd y ca i bâr", "guaranteed-match"],

  // keeping-in-touch
  ["fydda i'n dal mewn cysylltiad efo fy adran i tra dw i ar secondiad?", "keeping-in-touch"],
  ["os dw i'n sâl yn ystod y secondiad, wrth bwy dw i'n deud?", "keeping-in-touch"],
  ["be ydy sgyrsiau KIT", "keeping-in-touch"],

  // extension
  ["ga i ymestyn y secondiad os ydy o'n mynd yn dda?", "extension"],
  ["ydy secondiad yn gallu para mwy na dwy flynedd", "extension"],
  ["ydych chi'n gwybod os oes modd cario mlaen am chwe mis arall? mae'r tîm yn hapus i fi aros", "extension"],

  // register-interest
  ["sut dw i'n cofrestru diddordeb?", "register-interest"],
  ["lle mae'r ffurflen EOI", "register-interest"],
  ["sut mae gwneud cais am secondiad", "register-interest"],

  // offer-a-role
  ["mae gynnon ni swydd wag yn y cyngor yng nghaernarfon, sut dan ni'n cael secondai?", "offer-a-role"],
  ["sut mae cynnig rôl i'r rhaglen", "offer-a-role"],

  // further-questions
  ["efo pwy dw i'n cysylltu os oes gen i gwestiwn arall?", "further-questions"],
  ["oes cyfeiriad e-bost i dîm y rhaglen", "further-questions"],

  // seven-step-plan
  ["be ydy'r camau i drefnu secondiad fy hun", "seven-step-plan"],
  ["y cynllun 7 cam?", "seven-step-plan"],

  // talking-to-your-manager
  ["sut dw i'n codi'r peth efo fy rheolwr", "talking-to-your-manager"],
  ["be ddylwn i ddweud wrth fy mhennaeth proffesiwn am y syniad", "talking-to-your-manager"],

  // host-organisations
  ["pa sefydliadau yng nghymru sy'n cymryd secondeion?", "host-organisations"],
  ["alla i fynd ar secondiad i elusen neu i'r GIG", "host-organisations"],
  ["allwch chi roi rhestr i fi o lefydd sy'n cynnig secondiadau?", "host-organisations"],

  // business-case
  ["oes angen achos busnes arna i", "business-case"],
  ["be ddylai fynd yn yr achos busnes?", "business-case"],

  // pay-and-expenses
  ["pwy sy'n talu fy nghyflog i tra dw i ar secondiad", "pay-and-expenses"],
  ["pwy sy'n talu'r expenses teithio?", "pay-and-expenses"],
  ["fydd y cyngor yn dal i dalu fi?", "pay-and-expenses"],

  // performance-management
  ["pwy sy'n gwneud fy arfarniad i yn ystod y secondiad", "performance-management"],
  ["pwy sy'n rheoli fy mherfformiad pan dw i i ffwrdd", "performance-management"],

  // end-of-secondment
  ["be ddylwn i wneud ar ddiwedd y secondiad?", "end-of-secondment"],
  ["dw i'n dod yn ôl o secondiad mis nesa, oes rhywbeth i'w wneud", "end-of-secondment"],
];

/** Welsh questions outside the programme entirely. */
export const BLIND8_OFF_TOPIC_CY: readonly string[] = [
  "sut dywydd fydd hi yn aberystwyth fory?",
  "dw i wedi anghofio fy nghyfrinair, sut dw i'n ei newid",
  "faint o'r gloch mae'r ffreutur yn cau",
  "pwy enillodd y gêm rygbi neithiwr",
  "lle ga i barcio yn swyddfa caerdydd",
  "rysáit pice ar y maen plîs",
  "sut dw i'n gosod neges allan o'r swyddfa yn outlook",
  "ydy'r trenau o fangor i gaerdydd yn rhedeg heddiw",
  "dwed jôc wrtha i",
  "allwch chi archebu ystafell gyfarfod i fi ddydd iau?",
  "sut dw i'n talu treth y cyngor",
  "mae teams yn crasho bob tro dw i'n rhannu sgrin",
  "be ydy prifddinas awstralia",
];
