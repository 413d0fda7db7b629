/**
 * The SECOND BLIND FAQ test set (issue 15), written on 7 December 2026.
 *
 * Why it exists: every earlier set (eval-set.ts, held-out-set.ts, eval-set-cy.ts, fresh-set.ts and
 * blind-set.ts) is now used to develop the answering, so none of them shows any more how answering
 * generalises to questions nobody has tuned on. This is the final, blind test.
 *
 * How it was written:
 * - The writer read only the programme's material (shared/reference/*.txt) and, for each knowledge
 *   entry, its id, main question and answer (printed from src/faq/knowledge.ts and
 *   src/faq/knowledge-cy.json by a small script).
 * - The writer did NOT read the entries' alternates or keywords, src/faq/alternates.ts, analyse*.ts,
 *   search.ts, off-topic.ts, not-covered.ts, synonyms*, or any other test/faq set (only the export
 *   lines of fresh-set.ts, for the shape), and did not run the bot, the bench or any test on these
 *   questions before committing them.
 * - Questions are typed the way people type in a Teams chat: civil servants in central government
 *   departments and agencies, council and NHS staff, line managers and vacancy holders. Lower case,
 *   typos, slang ("boss", "wages", "council", "FTC", "EOI", "KIT", "HoP", "LM"), long rambling
 *   questions with context, short fragments, and places and organisations across England, Wales,
 *   Scotland and Northern Ireland. The entries' main questions were not echoed.
 * - Each in-domain question is labelled with the ONE entry whose answer answers it, checked against
 *   that answer's text. Where two entries could answer, the label is the one a person would want and
 *   the other is noted in a comment ("alt: ...").
 * - Each not-covered question is about secondments but is answered neither by the reference material
 *   nor by any entry's answer text.
 *
 * Rule for everyone: NEVER tune on this set. Do not read its misses to change the answering, do not
 * add its questions (or close copies) as alternates, synonyms, keywords or training data, and do not
 * change thresholds because of it. If it has been used for tuning, say so here: it is then no longer
 * blind, and a new blind set must be written by someone who has not seen the answering.
 */

/** English questions the programme material answers, each with the id of the entry that answers it. */
export const BLIND2_IN_DOMAIN: ReadonlyArray<readonly [string, string]> = [
  // ---- pay-and-expenses ---------------------------------------------------
  ["if i go over to manchester city council for a year does the council pay me or does dwp keep paying", "pay-and-expenses"],
  ["expenses?", "pay-and-expenses"],
  ["who covers my wages on a secondment", "pay-and-expenses"],
  ["will my travel be paid if i have to go round sites for the host", "pay-and-expenses"],
  ["im a vacancy holder at newcastle council, if we take a secondee from the home office do we have to pay there salary", "pay-and-expenses"],
  ["does my home dept still pay me while im seconded out", "pay-and-expenses"],
  ["whos paying me", "pay-and-expenses"],
  ["can i claim mileage from the host org when im on secondment visiting schools for them", "pay-and-expenses"],
  ["would the nhs trust pay my salery if i was seconded there from the department of health", "pay-and-expenses"],
  ["money - who pays for what during a secondment", "pay-and-expenses"],

  // ---- line-manager-permission ----------------------------------------------
  ["does my boss have to say yes before i can apply", "line-manager-permission"],
  ["do i need sign off from my LM", "line-manager-permission"],
  ["one of my team wants to go on secondment to belfast city council, is it my call whether they can go", "line-manager-permission"],
  ["can i apply without telling my manager", "line-manager-permission"],
  ["my team member says the form asks them to confirm ive given permission, what exactly am i agreeing to", "line-manager-permission"],
  ["permission from manager needed?", "line-manager-permission"],
  ["who decides if i can be released from my job at hmrc to do this", "line-manager-permission"],
  ["does the big boss need to approve it or just my line manager", "line-manager-permission"],

  // ---- secondment-types -----------------------------------------------------
  ["how long do these secondments usually go on for", "secondment-types"], // alt: extension (two-year limit)
  ["can i do a job swap with someone at glasgow city council doing the same sort of role as me", "secondment-types"],
  ["is there anything shorter, like 3 months", "secondment-types"],
  ["could i do 2 days a week at the council and the rest in my normal job", "secondment-types"],
  ["whats the minimum length of a secondment", "secondment-types"],
  ["job swap?", "secondment-types"],
  ["i dont want to leave my team for a whole year, are there short ones", "secondment-types"],
  ["one of my staff would like to spend one day a week helping the welsh government, can it be done as a part time secondment", "secondment-types"],
  ["what kind of secondments can i do, long short exchange etc", "secondment-types"],

  // ---- register-interest -----------------------------------------------------
  ["how do i apply", "register-interest"],
  ["where is the EOI form", "register-interest"],
  ["i work for cardiff council and want to sign up for the scheme, what do i do", "register-interest"],
  ["how to put my name down for a secondment", "register-interest"],
  ["expression of intrest form link pls", "register-interest"],
  ["i'm keen, how do i get involved", "register-interest"],
  ["can i still submit my interest now", "register-interest"],

  // ---- offer-a-role -------------------------------------------------------------
  ["we have a policy officer vacancy in our team at derry and strabane council, can we get a secondee for it", "offer-a-role"],
  ["role matching form?", "offer-a-role"],
  ["im a vacancy holder how do i advertise a post on this programme", "offer-a-role"],
  ["our directorate in DfE has a project that needs extra hands for 6 months, how do we ask for someone from local government", "offer-a-role"],
  ["how do we host a secondee", "offer-a-role"],
  ["my council wants to take someone from central gov on secondment, how do we put the role forward", "offer-a-role"],
  ["i manage a team at the scottish government and have a gap, can i offer it as a secondment", "offer-a-role"],

  // ---- matching-process -----------------------------------------------------
  ["how does the matching thing work", "matching-process"],
  ["is it a proper recruitment process with applications and sifting or what", "matching-process"],
  ["how do they pair people up with roles", "matching-process"],
  ["what happens after i send my EOI in, who looks at it", "matching-process"],
  ["do i have to go through a competition to get a secondment", "matching-process"],
  ["explain the process from form to starting please", "matching-process"], // alt: seven-step-plan
  ["how are secondees picked for roles", "matching-process"],

  // ---- fixed-term-contract ----------------------------------------------------
  ["im on an FTC until next august, can i still go for it", "fixed-term-contract"],
  ["fixed term contract ends in march, could i do a 12 month secondment", "fixed-term-contract"],
  ["am i eligible if im only temporary on a fixed term", "fixed-term-contract"],
  ["someone in my team is on a fixed-term contract til june and wants a 9 month secondment, is that ok", "fixed-term-contract"],
  ["FTC staff allowed?", "fixed-term-contract"],
  ["my contract with the nhs board in edinburgh is only for 18 months, can i be seconded", "fixed-term-contract"],

  // ---- extension -------------------------------------------------------------------
  ["can i stay on longer if the host likes me", "extension"],
  ["is there a max length, like can it go beyond 2 years", "extension"],
  ["extend secondment?", "extension"],
  ["my secondment at sheffield council finishes in jan but they want to keep me another 6 months, is that possible", "extension"],
  ["as the host can we ask for the secondee to be kept on for longer", "extension"],
  ["how do we lengthen a secondment thats already running", "extension"],

  // ---- benefits --------------------------------------------------------------------
  ["whats in it for me", "benefits"],
  ["why would i bother doing a secondment", "benefits"],
  ["will doing a secondment help my career progression", "benefits"],
  ["what do i gain from going to a council for a bit", "benefits"],
  ["is it worth it? trying to convince myself to apply", "benefits"],

  // ---- part-time-hours ---------------------------------------------------------------
  ["i only work 3 days a week, can i still apply", "part-time-hours"],
  ["im on compressed hours, does that rule me out", "part-time-hours"],
  ["i job share at the dvla in swansea, can i take part", "part-time-hours"],
  ["part timer here - am i eligible", "part-time-hours"],
  ["i work term time only because of childcare, where do i put that on the form", "part-time-hours"], // alt: register-interest

  // ---- keeping-in-touch ---------------------------------------------------------------
  ["KIT days - how do they work on secondment", "keeping-in-touch"],
  ["will my home LM still check in with me while im away", "keeping-in-touch"],
  ["as the line manager of someone on secondment am i supposed to keep in touch with them", "keeping-in-touch"],
  ["if im off sick while on secondment who do i tell", "keeping-in-touch"],
  ["will i lose touch with my old team at the ons in newport", "keeping-in-touch"],

  // ---- further-questions -----------------------------------------------------------------
  ["who do i email with questions", "further-questions"],
  ["contact details for the programme team?", "further-questions"],
  ["is there someone i can speak to about this", "further-questions"],
  ["i have a question the bot cant answer, who can i ask", "further-questions"],
  ["email address for govxchange", "further-questions"],

  // ---- disability-adjustments ---------------------------------------------------------------
  ["im dyslexic and struggle with forms, can i get help filling in the eoi", "disability-adjustments"],
  ["reasonable adjustments?", "disability-adjustments"],
  ["i use a wheelchair, will the host sort out access and equipment for me", "disability-adjustments"],
  ["our secondee has a disability, what do we need to do as the host", "disability-adjustments"],
  ["i have adhd and need the form in a different format, who do i contact", "disability-adjustments"],

  // ---- guaranteed-match ----------------------------------------------------------------------
  ["if i fill in the form am i defo getting a placement", "guaranteed-match"],
  ["is a match guaranteed", "guaranteed-match"],
  ["what are the chances of actually getting matched, or could i be waiting forever", "guaranteed-match"],
  ["we submitted our role last month, will you definitely find us someone", "guaranteed-match"],

  // ---- match-notification --------------------------------------------------------------------
  ["how do i find out if ive got a match", "match-notification"],
  ["will someone email me if i get matched", "match-notification"],
  ["who tells me when theres a match", "match-notification"],
  ["im a vacancy holder, the team has found us a match, what do i do now", "match-notification"], // alt: informal-discussion

  // ---- informal-discussion -------------------------------------------------------------------
  ["what happens at the matching meeting, do i need to prep like for an interview", "informal-discussion"],
  ["is the chat with the vacancy holder a formal interview", "informal-discussion"],
  ["how should i run the informal chat with a candidate, do i need a panel and scoring", "informal-discussion"],
  ["can we talk about doing it part time in the informal discussion", "informal-discussion"],
  ["whats the informal conversation about", "informal-discussion"],

  // ---- not-proceeding --------------------------------------------------------------------------
  ["i had the chat with the vacancy holder in leeds and its not for me, what now", "not-proceeding"],
  ["can i say no after meeting them", "not-proceeding"],
  ["the candidate we met isnt right for our role, what do we do", "not-proceeding"],
  ["if i turn down a match do i get kicked off the list", "not-proceeding"],

  // ---- seven-step-plan -------------------------------------------------------------------------
  ["steps to set one up?", "seven-step-plan"],
  ["how do i set up a secondment myself, where do i start", "seven-step-plan"],
  ["7 step plan?", "seven-step-plan"],
  ["can you walk me through organising a secondment from start to finish", "seven-step-plan"],
  ["i want to arrange my own placement with a charity, what's the process", "seven-step-plan"],

  // ---- choosing-skills ---------------------------------------------------------------------------
  ["how do i work out what i want to get out of a secondment", "choosing-skills"],
  ["not sure what skills i should be aiming to pick up, any tips", "choosing-skills"],
  ["when does a secondment make sense for my development rather than just a course", "choosing-skills"],

  // ---- talking-to-your-manager -------------------------------------------------------------------
  ["how do i pitch a secondment to my boss", "talking-to-your-manager"],
  ["best way to bring it up with my HoP", "talking-to-your-manager"], // alt: line-manager-permission
  ["my manager might not be keen, how do i sell it to them", "talking-to-your-manager"],
  ["what should i say to my line manager when i ask about going on secondment", "talking-to-your-manager"],

  // ---- approaching-a-host ----------------------------------------------------------------------------
  ["i know someone at edinburgh council, should i just message them about a secondment", "approaching-a-host"],
  ["how do i get in touch with an org i'd like to be seconded to", "approaching-a-host"],
  ["i want to go to the police service of northern ireland for a bit, how do i approach them", "approaching-a-host"], // alt: host-organisations
  ["will the host want to meet me first before agreeing, what should i be ready to talk about", "approaching-a-host"],

  // ---- host-organisations ------------------------------------------------------------------------
  ["can i do a secondment with the bank of england", "host-organisations"],
  ["which organisations in wales could i go to", "host-organisations"],
  ["could i be seconded to a charity like shelter", "host-organisations"],
  ["where can i go on secondment, is it only councils", "host-organisations"],
  ["are think tanks or universities an option", "host-organisations"],

  // ---- business-case -----------------------------------------------------------------------------
  ["what goes in the business case", "business-case"],
  ["do i need to write a business case and if so what does it need to say", "business-case"],
  ["my HoP wants a business case for the secondment, help", "business-case"],
  ["business case?", "business-case"],

  // ---- arranging-details ---------------------------------------------------------------------------
  ["once its agreed in principle what do i need to sort out with the host", "arranging-details"],
  ["what should i pin down with the new org before day one", "arranging-details"],
  ["should i get a job description and start date agreed before i go", "arranging-details"],
  ["secondment agreed with bristol council, what details do i need to nail down now", "arranging-details"],

  // ---- performance-management ------------------------------------------------------------------------
  ["who does my end of year review while im on secondment", "performance-management"],
  ["my report is going to leeds council for 6 months, who does her appraisal", "performance-management"],
  ["who is my manager for performance stuff during the placement", "performance-management"],
  ["PDR on secondment - home or host?", "performance-management"],

  // ---- end-of-secondment -----------------------------------------------------------------------------
  ["my secondment finishes next month, anything i should be doing", "end-of-secondment"],
  ["what do i do when i get back from secondment", "end-of-secondment"],
  ["coming to the end of my time at cornwall council, what next", "end-of-secondment"],
  ["should i write up what i learned after the secondment", "end-of-secondment"],
];

/** English questions outside the programme entirely (some share words with it). */
export const BLIND2_OFF_TOPIC: readonly string[] = [
  "is it going to rain in belfast this weekend",
  "my laptop wont let me log in, keeps saying password expired",
  "how do i book a meeting room on the 4th floor",
  "how do i submit my mileage claim for last month",
  "when is payday this month",
  "who won the match last night",
  "how do i book annual leave in the hr system",
  "can you recommend a good curry place near cardiff central",
  "what time is the last train from edinburgh to glasgow",
  "how do i pay my council tax online",
  "my payslip looks wrong, who do i talk to",
  "how do i register to vote",
  "what are the best fixed term savings rates at the moment",
  "are there any part time jobs going at tesco",
  "how do i extend my parking permit at the office",
  "teams keeps crashing when i share my screen",
  "write me a business case for buying new laptops for the team",
  "what's the capital of australia",
  "interview tips for a job at the bbc",
  "how do i get an nhs dentist in swansea",
  "tell me a joke",
  "how do i change my bank details for my wages",
  "where can i get a flu jab at work",
  "how do i apply for a blue badge from the council",
  "what's the dress code for the christmas party",
  "how do i claim back the cost of my eye test",
  "who is the current first minister of scotland",
  "how many days holiday do i get after 5 years service",
];

/** English questions about secondments that the programme material does not answer. */
export const BLIND2_NOT_COVERED: readonly string[] = [
  "what happens to my civil service pension while im seconded to a council",
  "do i get the hosts annual leave allowance or keep my own",
  "will i definitely get my old job back when i come back",
  "how long does security vetting take before i can start at the home office",
  "if a promotion comes up at my home dept while im away can i still apply for it",
  "does the host have to pay me temporary responsibility allowance if the role is a grade above",
  "can the host end my secondment early if they run out of money",
  "can i end my secondment early and go back if i hate it",
  "what grades can apply, is it just heo and above",
  "whats the closing date for the eoi",
  "how many secondment places are there this year",
  "can staff from private companies take part in the programme",
  "who pays for backfill while my team member is away on secondment",
  "will i get relocation costs if the secondment is in london and i live in aberystwyth",
  "does maternity leave during a secondment get paid by home or host",
  "do i keep my civil service terms and conditions or move onto the council's",
  "is my continuous service protected if i go to a local authority",
  "can i work from home on a secondment or do i have to be in the office every day",
  "will the host give me a laptop or do i bring my own work one",
  "how long does it usually take to get matched after sending the form",
  "do i have to pay tax on travel expenses the host pays me",
  "can i do a secondment while im still on probation",
  "is the programme open to staff in northern ireland councils",
  "does the secondment agreement need to be signed by hr or by the director",
];

/** Welsh questions the programme material answers, each with the id of the entry that answers it. */
export const BLIND2_IN_DOMAIN_CY: ReadonlyArray<readonly [string, string]> = [
  // pay-and-expenses
  ["pwy sy'n talu nghyflog i os dwi'n mynd ar secondiad i'r cyngor", "pay-and-expenses"],
  ["ydy'r sefydliad lletyol yn talu costau teithio?", "pay-and-expenses"],
  ["cyflog?", "pay-and-expenses"],
  ["fydd yr adran dal i dalu fi pan dwi ar secondiad yng Nghaerdydd", "pay-and-expenses"],
  // line-manager-permission
  ["oes rhaid i fi gael caniatâd y bos cyn gwneud cais", "line-manager-permission"],
  ["ydy'r rheolwr llinell yn gorfod cytuno?", "line-manager-permission"],
  ["ga i wneud cais heb ddweud wrth fy rheolwr", "line-manager-permission"],
  // secondment-types
  ["am faint mae secondiad yn para fel arfer", "secondment-types"], // alt: extension
  ["oes modd gwneud secondiad rhan amser, dau ddiwrnod yr wythnos?", "secondment-types"],
  ["ga i gyfnewid swydd efo rhywun yng Nghyngor Gwynedd", "secondment-types"],
  ["oes secondiadau byr ar gael, tua tri mis?", "secondment-types"],
  // register-interest
  ["sut dw i'n gwneud cais", "register-interest"],
  ["lle mae'r ffurflen EOI?", "register-interest"],
  ["dwi isio cofrestru diddordeb, be dw i'n neud", "register-interest"],
  // offer-a-role
  ["mae gynnon ni swydd wag yn y cyngor yn Wrecsam, sut dan ni'n cael secondai", "offer-a-role"],
  ["ffurflen paru rolau?", "offer-a-role"],
  ["sut mae cynnig rôl i'r rhaglen", "offer-a-role"],
  // matching-process
  ["allwch chi esbonio sut mae'r paru'n gweithio", "matching-process"],
  ["oes proses recriwtio ffurfiol?", "matching-process"],
  ["be sy'n digwydd ar ôl i fi yrru'r ffurflen", "matching-process"],
  // fixed-term-contract
  ["dwi ar gontract tymor penodol tan fis Mawrth, ga i wneud secondiad", "fixed-term-contract"],
  ["contract dros dro sy gen i, ydw i'n gymwys?", "fixed-term-contract"],
  ["FTC - ydy hynny'n iawn?", "fixed-term-contract"],
  // extension
  ["ga i estyn y secondiad?", "extension"],
  ["all y secondiad bara mwy na dwy flynedd", "extension"],
  ["mae'r cyngor isio fy nghadw i am chwe mis arall, ydy hynny'n bosib", "extension"],
  // benefits
  ["be dw i'n gael allan o secondiad", "benefits"],
  ["pam ddylwn i wneud secondiad?", "benefits"],
  ["fydd o'n helpu fy ngyrfa", "benefits"],
  // part-time-hours
  ["dwi'n gweithio'n rhan amser, ga i gymryd rhan?", "part-time-hours"],
  ["dwi ar oriau cywasgedig, ydy hynny'n broblem", "part-time-hours"],
  ["dim ond tri diwrnod yr wythnos dwi'n gweithio, ydw i'n gymwys", "part-time-hours"],
  // keeping-in-touch
  ["fydda i'n cadw cysylltiad efo'n tîm cartref", "keeping-in-touch"],
  ["os dwi'n sâl ar secondiad, wrth bwy dw i'n deud", "keeping-in-touch"],
  ["sgyrsiau KIT, sut maen nhw'n gweithio?", "keeping-in-touch"],
  // further-questions
  ["efo pwy dw i'n cysylltu efo cwestiynau", "further-questions"],
  ["oes gynnoch chi gyfeiriad e-bost tîm y rhaglen?", "further-questions"],
  ["oes 'na rywun alla i siarad efo am hyn", "further-questions"],
  // disability-adjustments
  ["mae gen i ddyslecsia, oes help i lenwi'r ffurflen", "disability-adjustments"],
  ["addasiadau rhesymol?", "disability-adjustments"],
  ["dwi'n anabl, pa gefnogaeth sydd ar gael", "disability-adjustments"],
  // guaranteed-match
  ["os dwi'n llenwi'r ffurflen, ydw i'n siŵr o gael lle", "guaranteed-match"],
  ["ydy paru wedi'i warantu?", "guaranteed-match"],
  // match-notification
  ["sut dw i'n ffeindio allan os oes 'na bâr i fi", "match-notification"],
  ["pwy sy'n deud wrtha i bod 'na bâr?", "match-notification"],
  // informal-discussion
  ["ydy'r sgwrs anffurfiol yn gyfweliad go iawn", "informal-discussion"],
  ["be sy'n digwydd yn y cyfarfod paru, oes angen paratoi?", "informal-discussion"],
  // not-proceeding
  ["ges i'r sgwrs a dydi o ddim i fi, be rŵan", "not-proceeding"],
  ["ga i wrthod ar ôl cwrdd â nhw?", "not-proceeding"],
  // seven-step-plan
  ["allwch chi ddeud wrtha i be ydy'r camau i drefnu secondiad", "seven-step-plan"],
  ["cynllun saith cam?", "seven-step-plan"],
  // host-organisations
  ["ga i fynd ar secondiad i Chwaraeon Cymru", "host-organisations"],
  ["lle yng Nghymru allwn i fynd ar secondiad?", "host-organisations"],
  ["ydy Estyn yn opsiwn", "host-organisations"],
  // business-case
  ["be ddylai fynd yn yr achos busnes", "business-case"],
  ["oes angen achos busnes arna i?", "business-case"],
  // performance-management
  ["pwy sy'n gwneud fy arfarniad tra dwi ar secondiad", "performance-management"],
  ["pwy sy'n edrych ar fy mherfformiad i pan dwi efo'r sefydliad lletyol?", "performance-management"],
  // talking-to-your-manager
  ["sut dw i'n codi'r peth efo'r bos", "talking-to-your-manager"],
  // end-of-secondment
  ["mae'n secondiad i'n gorffen mis nesa, be ddylwn i neud", "end-of-secondment"],
  // arranging-details
  ["be sy angen ei setlo efo'r lle newydd cyn i fi gychwyn, dyddiad dechrau ac ati?", "arranging-details"],
];

/** Welsh questions outside the programme entirely. */
export const BLIND2_OFF_TOPIC_CY: readonly string[] = [
  "sut mae'r tywydd yn Aberystwyth fory",
  "dwi 'di anghofio nghyfrinair i'r laptop",
  "pryd mae diwrnod cyflog mis yma",
  "pwy enillodd y gêm neithiwr",
  "sut dw i'n talu treth y cyngor ar-lein",
  "faint o'r gloch mae'r trên ola o Fangor i Gaerdydd",
  "sut dw i'n archebu ystafell gyfarfod",
  "oes gynnoch chi jôc i fi",
  "lle ga i brynu anrheg Nadolig munud ola yng Nghaernarfon",
  "sut dw i'n newid manylion banc ar gyfer fy nghyflog",
  "mae Teams yn dal i chwalu, be dw i'n neud",
  "pwy ydy Prif Weinidog Cymru",
];
