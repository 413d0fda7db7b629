/**
 * The SEVENTH BLIND FAQ test set (issue 15), written on 7 December 2026.
 *
 * Why it exists: every earlier set (eval-set.ts, held-out-set.ts, eval-set-cy.ts, fresh-set.ts,
 * blind-set.ts and blind2-set.ts to blind6-set.ts) is now used to develop the answering, so none of
 * them shows any more how answering generalises. This set is new and is the final, blind measure.
 *
 * How it was written:
 * - The writer read only the programme's material (shared/reference/*.txt) and, for each knowledge
 *   entry, its id, main question and answer (printed with a small script from src/faq/knowledge.ts
 *   and src/faq/knowledge-cy.json; the files were not opened in full).
 * - The writer did NOT read the entries' alternates, src/faq/alternates.ts, analyse*.ts, search.ts,
 *   off-topic.ts, not-covered.ts, the synonym files, or any other test/faq set (only the export lines
 *   of fresh-set.ts, for the shape), and did not run the bot, the bench or any test on these
 *   questions before committing them.
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
export const BLIND7_IN_DOMAIN: ReadonlyArray<readonly [string, string]> = [
  // line-manager-permission
  ["do i have to get my boss to ok it before i apply or can i just put my name down", "line-manager-permission"],
  ["does my LM need to sign anything off for me to do this", "line-manager-permission"],
  ["my manager at hmrc in cumbernauld is a bit funny about people leaving the team, do i actually need her say so to take part?", "line-manager-permission"],
  ["need managers permision?", "line-manager-permission"],
  ["can i apply without telling my line manger", "line-manager-permission"],
  ["who decides if im allowed to be released from my team to go on secondment", "line-manager-permission"],
  ["im a line manager at leeds city council and one of my team wants to go on a secondment, is it down to us whether we let her go", "line-manager-permission"],

  // fixed-term-contract
  ["im on an FTC till next june can i still go on secondment", "fixed-term-contract"],
  ["temp contract ending in march, would a secondment be allowed to run past that?", "fixed-term-contract"],
  ["fixed term staff eligible?", "fixed-term-contract"],
  ["i was taken on for 18 months to do a specific project at ONS in newport, am i allowed to apply or is it just for permanent people", "fixed-term-contract"],
  ["line manager here - one of my fixed term contract staff wants a secondment, what do we need to weigh up", "fixed-term-contract"],
  ["my contract's not permanant, it finishes in august. does that rule me out", "fixed-term-contract"],

  // benefits
  ["whats in it for me tbh", "benefits"],
  ["why would i bother doing a secondment, whats the upside", "benefits"],
  ["how would a secondment help my career long term", "benefits"],
  ["trying to convince myself to apply - what do people actually gain from going from dwp to a council for a bit?", "benefits"],
  ["pros of doing a secondment?", "benefits"],
  ["would i get to meet people and build a network in local government if i did this", "benefits"],

  // part-time-hours
  ["i only work 3 days a week, can i still do one", "part-time-hours"],
  ["I'm on compressed hours (4 day week) at the Home Office in Sheffield - is a secondment possible for me?", "part-time-hours"],
  ["part timer here, am i eligable", "part-time-hours"],
  ["i do term time only because of the kids, would that rule me out of a secondment", "part-time-hours"],
  ["im in a job share at the scottish government, can i still go for this", "part-time-hours"],
  // register-interest also says to put the working pattern on the form.
  ["where do i tell you about my working pattern, i only do 22.5 hrs", "part-time-hours"],

  // secondment-types
  // extension also says some organisations cap secondments at two years.
  ["typical length of a secondment?", "secondment-types"],
  ["is there anything short, like 3 months? cant commit to a whole year", "secondment-types"],
  ["fancy swapping roles with my opposite number in a local authority for a while, is that a thing", "secondment-types"],
  ["can i do a secondment 1 day a week and stay in my day job the rest of the time", "secondment-types"],
  ["whats a job swap secondment", "secondment-types"],
  ["are all the secondments full time and long term?", "secondment-types"],
  ["what different kinds of placement are there", "secondment-types"],
  ["do they do short bits of work like a 12 week project or is it all big long things", "secondment-types"],

  // disability-adjustments
  ["i'm dyslexic, can i get help filling in the eoi", "disability-adjustments"],
  ["im partially sighted, will the host office sort out adjustments for me", "disability-adjustments"],
  ["reasonable adjustments?", "disability-adjustments"],
  ["i have ADHD and find long forms really hard, who do i contact for support with the application", "disability-adjustments"],
  ["wheelchair user here - is the programme open to disabled people and what support is there", "disability-adjustments"],

  // matching-process
  ["how do you decide who gets which role", "matching-process"],
  ["is there an interview or how does selection work", "matching-process"],
  ["do i have to go through a proper recruitment campaign with competency questions and all that?", "matching-process"],
  ["what happens after i submit my eoi", "matching-process"],
  ["how does the pairing up work between people and vacancies", "matching-process"],
  // not-proceeding also says you stay on the database.
  ["if the first match doesnt work out do i stay on the list for other roles", "matching-process"],

  // match-notification
  ["how will i find out if ive been matched", "match-notification"],
  ["will someone email me if theres a match or do i have to keep checking", "match-notification"],
  ["who gets in touch when a match comes up, the programme team or the department with the job", "match-notification"],
  // offer-a-role also says the team will tell you when they find a match.
  ["vacancy holder here - how do i hear that you've found someone for my role?", "match-notification"],

  // informal-discussion
  ["what should i expect at the informal chat, is it basically an interview", "informal-discussion"],
  ["do i need to prep for the matching meeting like an interview, STAR examples etc", "informal-discussion"],
  ["im the vacancy holder, how should i run the informal conversation with the candidate", "informal-discussion"],
  ["can we talk about doing it part time or for a shorter time in the informal meeting", "informal-discussion"],
  ["what actually happens in the chat with the vacancy holder", "informal-discussion"],

  // not-proceeding
  ["had the chat with the team at glasgow city council and it's not for me, how do i back out", "not-proceeding"],
  ["what if i change my mind after the meeting", "not-proceeding"],
  ["vacancy holder - met the candidate and i dont think theyre right for it, what do i do now", "not-proceeding"],
  ["can i say no after the informal discussion without being taken off the list", "not-proceeding"],

  // guaranteed-match
  ["if i fill in the form am i definitely getting a secondment", "guaranteed-match"],
  ["is it guaranteed?", "guaranteed-match"],
  ["whats the chance i actually get matched to something", "guaranteed-match"],
  ["we've put a role in, will we def get a secondee for it", "guaranteed-match"],
  ["no point applying if there's no guarantee right?", "guaranteed-match"],

  // keeping-in-touch
  ["will my home LM still check in with me while im away", "keeping-in-touch"],
  ["what are the KIT chats for", "keeping-in-touch"],
  ["if im off sick during the secondment who do i tell", "keeping-in-touch"],
  ["I'm a line manager at the DVLA in Swansea, one of mine is on secondment to the council - am I meant to stay in contact with him?", "keeping-in-touch"],
  // performance-management also says to keep in touch with your home department.
  ["how do i keep up with whats happening back in my old team while im seconded", "keeping-in-touch"],

  // extension
  ["can i stay on longer than planned if its going well", "extension"],
  ["is there a max length for a secondment", "extension"],
  ["host wants to keep me another 6 months, is that allowed", "extension"],
  ["extend?", "extension"],
  ["our secondee from the NI civil service is brilliant, can we extend her placement", "extension"],
  ["is 2 years the limit", "extension"],

  // register-interest
  ["how do i apply", "register-interest"],
  ["wheres the EOI form", "register-interest"],
  ["how do i sign up for govxchange", "register-interest"],
  ["i work for belfast city council and want to put my name forward, what do i do", "register-interest"],
  ["how do i put in an expression of intrest", "register-interest"],
  ["apply link?", "register-interest"],
  ["what do i need to fill in to be considered as a secondee", "register-interest"],

  // offer-a-role
  ["we've got a vacancy we could use a secondee for, how do we put it forward", "offer-a-role"],
  ["im a hiring manager at the MoJ in Manchester and want to take someone on secondment, whats the process", "offer-a-role"],
  ["where's the role matching form", "offer-a-role"],
  // host-organisations also lists local authorities.
  ["can our council host a secondee from central government", "offer-a-role"],
  ["how do i advertise a secondment opportunity in my team through the programme", "offer-a-role"],
  ["our team has a short project that needs an analyst for 3 months, can we get someone through this scheme", "offer-a-role"],

  // further-questions
  ["who do i email with questions", "further-questions"],
  ["is there a contact email for the programme team", "further-questions"],
  ["my question isnt on here, who can i ask", "further-questions"],
  ["contact details?", "further-questions"],
  ["whats the cabinet office email for secondments", "further-questions"],

  // seven-step-plan
  ["where do i even start with organising a secondment myself", "seven-step-plan"],
  ["what's the process start to finish for setting up a secondment", "seven-step-plan"],
  ["steps?", "seven-step-plan"],
  ["is there a checklist for arranging a secondment", "seven-step-plan"],
  ["i want to set up my own secondment outside the matching scheme, how do i go about it", "seven-step-plan"],

  // choosing-skills
  ["how do i figure out what i want to get out of a secondment", "choosing-skills"],
  ["not sure what skills to aim for on a secondment, any tips", "choosing-skills"],
  ["when does a secondment make sense rather than just doing training in my own dept", "choosing-skills"],
  ["i want more experience with data and analysis, is a secondment the right way to get that", "choosing-skills"],

  // talking-to-your-manager
  ["how do i bring up a secondment with my boss without it sounding like i want to leave", "talking-to-your-manager"],
  ["any tips for pitching the idea to my HoP", "talking-to-your-manager"],
  ["nervous about asking my manager, what should i say to her", "talking-to-your-manager"],
  ["should i talk to my head of profession or my line manager first about it", "talking-to-your-manager"],

  // approaching-a-host
  ["how do i contact an organisation i'd like to be seconded to", "approaching-a-host"],
  ["i know someone at sport wales, should i just message them about a secondment", "approaching-a-host"],
  ["will the host want to meet me first, what should i be ready to say", "approaching-a-host"],
  ["can my boss approach the other organisation for me at a senior level", "approaching-a-host"],

  // host-organisations
  ["which organisations can i be seconded to", "host-organisations"],
  ["can i do a secondment at a charity like shelter", "host-organisations"],
  ["are there secondments in the nhs or the police", "host-organisations"],
  ["any welsh organisations that take secondees", "host-organisations"],
  ["could i go to the bank of england or a think tank", "host-organisations"],
  ["is it only government or can i go to a private company like a polling firm", "host-organisations"],

  // business-case
  ["do i need a business case and whats in it", "business-case"],
  ["writing a business case for my secondment to natural resources wales, what should i include", "business-case"],
  ["what goes in the busness case", "business-case"],
  ["business case - what do they want to see", "business-case"],

  // arranging-details
  ["secondment agreed in principle, what do i need to pin down with the host now", "arranging-details"],
  ["what should i sort out with the new place before day one", "arranging-details"],
  // pay-and-expenses also says to talk to HR at both organisations.
  ["do i need to speak to HR on both sides before starting", "arranging-details"],
  ["what details should be agreed before the secondment starts, start date, role etc", "arranging-details"],

  // pay-and-expenses
  ["who pays my wages while im on secondment", "pay-and-expenses"],
  ["does my home dept carry on paying me or does that change", "pay-and-expenses"],
  ["do i get travel expenses", "pay-and-expenses"],
  ["expenses?", "pay-and-expenses"],
  ["does the council pay my salary or does my dept", "pay-and-expenses"],
  ["vacancy holder at aberdeenshire council, if we take a secondee do we have to cover their pay", "pay-and-expenses"],
  ["who pays for my train fares if i have to go to meetings in london as part of the job", "pay-and-expenses"],
  ["salary while seconded?", "pay-and-expenses"],

  // performance-management
  ["who does my appraisal while im on secondment", "performance-management"],
  ["who signs off my end of year review, host or home", "performance-management"],
  ["if theres a performance issue on secondment who deals with it", "performance-management"],
  ["im hosting a secondee from hmrc, am i responsible for their performance management", "performance-management"],

  // end-of-secondment
  ["coming to the end of my secondment in inverness, anything i should do before i finish", "end-of-secondment"],
  ["what do i do when i get back to my home dept", "end-of-secondment"],
  ["should i write something up about my secondment when it ends", "end-of-secondment"],
  ["wrapping up my placement next month, what's expected of me", "end-of-secondment"],
];

/** English questions outside the programme entirely: the bot must not answer them from the FAQ. */
export const BLIND7_OFF_TOPIC: readonly string[] = [
  "whats the weather like in cardiff tomorrow",
  "forgot my laptop password how do i reset it",
  "whats on the canteen menu today",
  "whats the extension number for the IT service desk",
  "anyone know the score from the celtic match",
  "how do i host a teams meeting with external guests",
  "what's the interest rate on a credit union loan",
  "where do i submit my mileage claim for a training day in derby",
  "how do i swap shifts on the ward rota",
  "my son needs a work placement for his btec, any ideas",
  "how do i register a death at belfast city hall",
  "can you write me a business case for new office chairs",
  "whats the step count challenge leaderboard",
  "how do i apply for universal credit",
  "when is payday in december",
  "my phone contract is ending, which network is best",
  "recipe for welsh cakes",
  "how do i book a meeting room in 10 south colonnade",
  "who won strictly last night",
  "what time does the last train from glasgow queen street to edinburgh leave",
  "how do i change my teams profile picture",
  "tell me a joke",
  "how do i set up an out of office in outlook",
  "when do the clocks go back",
  "how do i pay my council tax in swansea",
  "my line manager keeps booking meetings over lunch, how do i deal with it",
  "how many days annual leave do i get at hmrc",
  "best pub near waverley station?",
  "how do i convert a pdf to word",
  "translate good morning into irish",
];

/** English questions about secondments that the programme material does NOT answer. */
export const BLIND7_NOT_COVERED: readonly string[] = [
  "will my pension contributions carry on as normal while im seconded to the council",
  "do i keep my annual leave allowance from my home department or do i get the host's",
  "is my substantive post held for me when i come back or could it be filled",
  "how long does security vetting take before i can start a secondment at the home office",
  "can i get promoted while im on secondment",
  "im still on probation, can i apply for a secondment",
  "is there a closing date for expressions of interest",
  "how many secondment places are there this year",
  "will i pay scottish income tax if im seconded to edinburgh",
  "do i become an employee of the host organisation or stay on my own contract",
  "can i end my secondment early if it isnt working out a few months in",
  "will the host give me a laptop and building pass or do i bring my dept kit",
  "can i stay in my trade union while im on secondment",
  "am i covered by the host's insurance if i get injured at work there",
  "whats the minimum grade to apply, im an AO",
  "do i need a degree to be a secondee",
  "can i go straight into another secondment after this one ends",
  "do i need to speak welsh to be seconded to the welsh government",
  "will a secondment break my continuous service for redundancy pay",
  "can i have a second job while on secondment",
  "do i need a dbs check for a secondment with an nhs trust",
  "is there a minimum length of service before i can apply",
  "does my flexi balance carry over to the host",
  "who owns the work i produce while seconded, me, my dept or the host",
];

/** Welsh questions the programme material answers, each with the id of the entry that answers it. */
export const BLIND7_IN_DOMAIN_CY: ReadonlyArray<readonly [string, string]> = [
  ["oes rhaid i mi gael caniatâd y bos cyn gwneud cais?", "line-manager-permission"],
  ["ydy'n rheolwr llinell i'n gorfod cytuno i fi fynd ar secondiad?", "line-manager-permission"],
  ["dwi ar gontract tymor penodol tan fis Mawrth, ga i neud secondiad?", "fixed-term-contract"],
  ["contract dros dro sy gen i, ydy hynny'n broblem?", "fixed-term-contract"],
  ["be fyswn i'n gael allan o secondiad?", "benefits"],
  ["pam ddylwn i neud secondiad? be di'r manteision i ngyrfa i?", "benefits"],
  ["dwi'n gweithio tri diwrnod yr wythnos, alla i wneud cais?", "part-time-hours"],
  ["dwi'n gweithio'n rhan amser yn y cyngor yng Nghaerfyrddin, ydw i'n gymwys?", "part-time-hours"],
  ["oes 'na secondiadau byr? dim ond rhyw dri mis fyswn i isio", "secondment-types"],
  ["fedra i gyfnewid swydd efo rhywun sy'n gwneud yr un job yng Nghyngor Gwynedd?", "secondment-types"],
  ["ydy pob secondiad yn llawn amser?", "secondment-types"],
  ["mae gen i ddyslecsia, oes help i lenwi'r ffurflen?", "disability-adjustments"],
  ["dwi angen addasiadau rhesymol, fydd y sefydliad newydd yn helpu?", "disability-adjustments"],
  ["sut dach chi'n penderfynu pwy sy'n cael pa swydd?", "matching-process"],
  ["allwch chi esbonio sut mae'r paru'n gweithio? oes cyfweliad ffurfiol?", "matching-process"],
  ["sut fydda i'n gwbod os dwi 'di cael fy mharu?", "match-notification"],
  ["pwy sy'n cysylltu efo fi os oes 'na bâr?", "match-notification"],
  ["ydy'r sgwrs anffurfiol 'ma yn gyfweliad go iawn?", "informal-discussion"],
  ["be sy'n digwydd yn y cyfarfod efo deiliad y swydd?", "informal-discussion"],
  ["be os dwi ddim isio bwrw mlaen ar ôl y sgwrs?", "not-proceeding"],
  ["ges i'r sgwrs ond dydy'r rôl ddim i fi, be nesa?", "not-proceeding"],
  ["os dwi'n llenwi'r ffurflen, ydw i'n siŵr o gael secondiad?", "guaranteed-match"],
  ["allwch chi addo y ca i fy mharu?", "guaranteed-match"],
  ["fydd fy rheolwr yn yr adran gartref yn cadw mewn cysylltiad efo fi?", "keeping-in-touch"],
  ["os dwi'n sâl ar secondiad, pwy dwi'n ddeud wrthyn nhw?", "keeping-in-touch"],
  ["alla i aros yn hirach os ydy'r secondiad yn mynd yn dda?", "extension"],
  ["oes uchafswm ar hyd secondiad? ydy dwy flynedd yn ormod?", "extension"],
  ["ydy hi'n bosib ymestyn y secondiad am chwe mis arall?", "extension"],
  ["sut dwi'n gwneud cais?", "register-interest"],
  ["lle mae'r ffurflen datganiad o ddiddordeb?", "register-interest"],
  ["dwi isio rhoi fy enw ymlaen, be dwi'n neud?", "register-interest"],
  ["mae gynnon ni swydd wag yn y tîm, sut ydan ni'n ei chynnig i secondai?", "offer-a-role"],
  ["lle mae'r ffurflen paru rolau?", "offer-a-role"],
  ["pwy alla i e-bostio efo cwestiwn arall?", "further-questions"],
  ["oes gynnoch chi gyfeiriad ebost i'r tîm?", "further-questions"],
  ["be ydy'r camau i drefnu secondiad fy hun?", "seven-step-plan"],
  ["lle dwi'n dechrau efo trefnu secondiad?", "seven-step-plan"],
  ["sut dwi'n penderfynu pa sgiliau dwi isio'u datblygu ar secondiad?", "choosing-skills"],
  ["dwi isio mwy o brofiad efo data a dadansoddi, ydy secondiad yn syniad da?", "choosing-skills"],
  ["sut dwi'n codi'r syniad efo'r bos heb iddo feddwl mod i isio gadael?", "talking-to-your-manager"],
  ["be ddylwn i ddeud wrth fy Mhennaeth Proffesiwn am y syniad?", "talking-to-your-manager"],
  ["dwi'n nabod rhywun yn Chwaraeon Cymru, ddylwn i gysylltu â nhw'n uniongyrchol am secondiad?", "approaching-a-host"],
  ["sut dwi'n mynd at sefydliad arall i ofyn am secondiad?", "approaching-a-host"],
  ["pa fath o lefydd sy'n cymryd secondeion?", "host-organisations"],
  ["oes secondiadau efo Estyn neu Iechyd Cyhoeddus Cymru?", "host-organisations"],
  ["alla i fynd ar secondiad i elusen fel Shelter?", "host-organisations"],
  ["be ddylai fynd yn yr achos busnes?", "business-case"],
  ["oes angen achos busnes arna i a be sy'n mynd ynddo fo?", "business-case"],
  ["mae'r secondiad wedi'i gytuno mewn egwyddor, be sy angen ei drefnu efo'r sefydliad lletyol?", "arranging-details"],
  ["be ddylwn i sortio efo'r lle newydd cyn y diwrnod cynta?", "arranging-details"],
  ["allwch chi ddeud wrtha i pwy sy'n talu 'nghyflog i ar secondiad?", "pay-and-expenses"],
  ["ga i gostau teithio?", "pay-and-expenses"],
  ["fydd fy adran i'n dal i dalu fi?", "pay-and-expenses"],
  ["cyflog?", "pay-and-expenses"],
  ["pwy sy'n gwneud fy arfarniad i tra dwi ar secondiad?", "performance-management"],
  ["os oes problem efo mherfformiad i ar secondiad, pwy sy'n delio efo fo?", "performance-management"],
  ["be dwi fod i neud pan mae'r secondiad yn dod i ben?", "end-of-secondment"],
  ["dwi'n mynd nôl i'r adran fis nesa ar ôl secondiad, be ddylwn i neud?", "end-of-secondment"],
];

/** Welsh questions outside the programme entirely: the bot must not answer them from the FAQ. */
export const BLIND7_OFF_TOPIC_CY: readonly string[] = [
  "sut fydd y tywydd yn Aberystwyth fory?",
  "dwi 'di anghofio cyfrinair y laptop, allwch chi helpu?",
  "pryd mae'r ffreutur yn cau heddiw?",
  "faint o'r gloch mae gêm Cymru nos Sadwrn?",
  "sut dwi'n talu treth y cyngor ar-lein?",
  "oes parcio am ddim yn Ysbyty Gwynedd?",
  "ga i rysáit bara brith?",
  "pwy enillodd y gadair yn yr Eisteddfod eleni?",
  "sut dwi'n newid fy llun proffil yn Teams?",
  "faint ydy tocyn trên o Gaerdydd i Lundain?",
  "allwch chi gyfieithu'r ebost 'ma i Saesneg?",
  "lle mae'r argraffydd agosa?",
];
