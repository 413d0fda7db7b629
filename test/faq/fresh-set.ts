/**
 * The FRESH FAQ evaluation set (issue 15), written on 7 December 2026.
 *
 * Why it exists: the earlier sets (eval-set.ts, held-out-set.ts, eval-set-cy.ts) were all looked at
 * while the answering was tuned, so they no longer show how answering generalises. This set is new.
 *
 * How it was written:
 * - The writer read only the programme's material (shared/reference/*.txt) and, for each knowledge
 *   entry, its id, main question and answer (src/faq/knowledge.ts, src/faq/knowledge-cy.json).
 * - The writer did NOT read the entries' alternates or keywords, src/faq/alternates.ts, analyse*.ts,
 *   search.ts, off-topic.ts, not-covered.ts, or any other test/faq set, and did not run the bot, the
 *   bench or any test on these questions before committing them.
 * - Questions are typed the way civil servants, line managers and vacancy holders type in a Teams
 *   chat: lower case, typos, "boss", "pay", "council", "FTC", "EOI", "KIT", rambling context,
 *   British and Welsh places and organisations, short fragments.
 * - Each in-domain question is labelled with the ONE entry that answers it. Each not-covered question
 *   was checked against the reference text: the material does not answer it.
 *
 * Rule for everyone: NEVER tune on this set. Do not add its questions as alternates, synonyms or
 * training data, and do not change thresholds to fix its misses. If it has been used for tuning,
 * say so here and write a new fresh set.
 *
 * USED FOR TUNING (7 December 2026, second round of issue 15): this set is now a DEVELOPMENT set.
 * Its failures were read to find general causes (vocabulary, place names, long questions, the
 * decision rule); none of its questions was copied into alternates, synonyms or off-topic examples.
 * Generalisation is measured on a blind set written by someone else and kept out of the repo.
 */

/** English questions the programme material answers, each with the id of the entry that answers it. */
export const FRESH_IN_DOMAIN: ReadonlyArray<readonly [string, string]> = [
  // ---- pay-and-expenses --------------------------------------------------------------------
  ["who pays my wages if i go to a council for 6 months", "pay-and-expenses"],
  ["salary?", "pay-and-expenses"],
  ["im at hmrc in cardiff and might go to swansea council, do i still get paid by hmrc or do swansea pay me", "pay-and-expenses"],
  ["whos responsible for paying me during the placement", "pay-and-expenses"],
  ["does the host cover my train fare if i have to go to meetings in london for the job", "pay-and-expenses"],
  ["do i get travel costs back for work trips while im seconded", "pay-and-expenses"],
  ["pay - home org or host??", "pay-and-expenses"],
  ["does my salery come from the nhs trust im seconded to or from my dept", "pay-and-expenses"],
  ["my boss reckons our budget cant stretch to paying me while im away on secondment, is that how it works", "pay-and-expenses"],
  ["will the host org reimburse mileage for site visits i do as part of the role", "pay-and-expenses"],
  ["who funds the secondees pay, the home department or the place they go to", "pay-and-expenses"],

  // ---- line-manager-permission -----------------------------------------------------------
  ["do i need my bosses sign off to apply", "line-manager-permission"],
  ["ive been at DWP 6 years and my manager is a bit funny about it, but do i actually need his ok before i put in an EOI?", "line-manager-permission"],
  ["can i apply without telling my line manager", "line-manager-permission"],
  ["does my LM have to agree to it", "line-manager-permission"],
  ["permission from manager needed?", "line-manager-permission"],
  ["what if my manager says no, can i still go", "line-manager-permission"],
  ["my home organisation wont release me, is that the end of it then", "line-manager-permission"],
  ["is it up to my manager whether im allowed to go", "line-manager-permission"],
  ["do i have to get approval from work before signing up or can i just go for it", "line-manager-permission"],

  // ---- fixed-term-contract ---------------------------------------------------------------
  ["im on an FTC till next march, can i still do it", "fixed-term-contract"],
  ["fixed term contract - am i eligible", "fixed-term-contract"],
  ["my contract ends in august, could a secondment go on past that", "fixed-term-contract"],
  ["temp contract at welsh government ending in a year, am i allowed to apply", "fixed-term-contract"],
  ["i was brought in on a 2 year fixed term for a project at the council so is a secondment off the table for me", "fixed-term-contract"],
  ["ftc staff allowed?", "fixed-term-contract"],
  ["can a secondment run longer than the end date on my contract", "fixed-term-contract"],

  // ---- part-time-hours -------------------------------------------------------------------
  ["i only work 3 days a week can i still do this", "part-time-hours"],
  ["im part time because of childcare, does that rule me out", "part-time-hours"],
  ["i do compressed hours, is that ok for a secondment", "part-time-hours"],
  ["i work term time only at a school in wrexham, can i apply", "part-time-hours"],
  ["pt hours ok?", "part-time-hours"],
  ["i do 22.5 hrs a week, where do i say what working pattern i need", "part-time-hours"],
  ["job share worker here, can i still be a secondee", "part-time-hours"],

  // ---- secondment-types ------------------------------------------------------------------
  ["how long do these usually last", "secondment-types"],
  ["whats the typical lenght of a secondment", "secondment-types"],
  ["could i do a short one, like 3 months", "secondment-types"],
  ["is there an option to spend a couple of days a week with the host and stay in my own job the rest of the time", "secondment-types"],
  ["could i swap jobs with someone doing a similar role at cardiff council", "secondment-types"],
  ["job swap possible?", "secondment-types"],
  ["dont really want to leave my team for ages, whats the shortest you can do", "secondment-types"],
  ["are there longer ones where i could lead a whole project", "secondment-types"],
  ["how long would i be away for", "secondment-types"],

  // ---- disability-adjustments ------------------------------------------------------------
  ["im dyslexic, can i get help filling in the form", "disability-adjustments"],
  ["i use a wheelchair, will the host sort out reasonable adjustments", "disability-adjustments"],
  ["need adjustments to do the EOI form, who do i ask", "disability-adjustments"],
  ["what support is there for neurodivergent applicants", "disability-adjustments"],

  // ---- matching-process ------------------------------------------------------------------
  ["how do you decide who gets which role", "matching-process"],
  ["is it a normal recruitment campaign with a sift and interviews", "matching-process"],
  ["how does the matching work once ive sent my EOI", "matching-process"],
  ["what happens after i submit the form", "matching-process"],
  ["do i have to apply for specific jobs or do you match me up", "matching-process"],
  ["matching process?", "matching-process"],
  ["who actually does the matching, is it the govxchange lot", "matching-process"],

  // ---- match-notification ----------------------------------------------------------------
  ["how will i find out if ive got a match", "match-notification"],
  ["will someone email me if im matched", "match-notification"],
  ["who lets me know ive been paired with a role", "match-notification"],
  ["ive heard nothing since i applied, how would i know if ive been matched", "match-notification"],

  // ---- informal-discussion ---------------------------------------------------------------
  ["what should i expect in the chat with the vacancy holder", "informal-discussion"],
  ["is the matching meeting like an interview, do i need to prepare answers", "informal-discussion"],
  ["the vacancy holder wants a teams call next week, what happens in it", "informal-discussion"],
  ["as a vacancy holder how should i run the informal convo with the candidate", "informal-discussion"],
  ["can we talk about hours and how long it lasts in the informal conversation", "informal-discussion"],

  // ---- not-proceeding --------------------------------------------------------------------
  ["what if i meet them and dont fancy it", "not-proceeding"],
  ["can i pull out after the meeting", "not-proceeding"],
  ["the role didnt feel right after talking to the manager there, what now", "not-proceeding"],
  ["im a vacancy holder and the candidate isnt suitable after our chat, what do i do", "not-proceeding"],
  ["do i have to tell anyone if i say no after the discussion", "not-proceeding"],

  // ---- guaranteed-match ------------------------------------------------------------------
  ["if i apply am i definitely getting a secondment", "guaranteed-match"],
  ["is a placement guarenteed", "guaranteed-match"],
  ["is there a chance i wont get matched at all", "guaranteed-match"],
  ["does everyone who fills in the eoi get something", "guaranteed-match"],

  // ---- keeping-in-touch ------------------------------------------------------------------
  ["will my home manager still check in with me while im away", "keeping-in-touch"],
  ["what are KIT chats for", "keeping-in-touch"],
  ["if im off sick while on secondment who do i tell", "keeping-in-touch"],
  ["do i lose contact with my old team completely", "keeping-in-touch"],
  ["who do i report absence to, host or home", "keeping-in-touch"],
  ["will i still hear about restructures back at base while im on secondment", "keeping-in-touch"],

  // ---- extension -------------------------------------------------------------------------
  ["can i stay longer if its going well", "extension"],
  ["is there a 2 year cap", "extension"],
  ["can we extend it by another 6 months", "extension"],
  ["extension?", "extension"],
  ["the host wants to keep me on past the end date, is that allowed", "extension"],
  ["whats the longest a secondment can go on for", "extension"],

  // ---- register-interest -----------------------------------------------------------------
  ["wheres the EOI form", "register-interest"],
  ["how do i apply", "register-interest"],
  ["i want to sign up, what do i do", "register-interest"],
  ["how do i put my name down for a secondment", "register-interest"],
  ["link to the expression of interest pls", "register-interest"],
  ["i work for a housing association in newport, how do i register", "register-interest"],

  // ---- offer-a-role ----------------------------------------------------------------------
  ["i have a vacancy in my team at the council, how do i get a secondee", "offer-a-role"],
  ["where is the role matching form", "offer-a-role"],
  ["were an nhs trust and want to host someone, how do we get involved", "offer-a-role"],
  ["can my team take on someone from central government", "offer-a-role"],
  ["vacancy holder here, how do i put a role on the programme", "offer-a-role"],
  ["we need an extra pair of hands for a 12 week project in bridgend, can we offer it as a secondment", "offer-a-role"],

  // ---- further-questions -----------------------------------------------------------------
  ["who do i email with questions", "further-questions"],
  ["contact details for the programme team?", "further-questions"],
  ["is there someone i can speak to about all this", "further-questions"],
  ["whats the email adress for the secondments team", "further-questions"],

  // ---- seven-step-plan -------------------------------------------------------------------
  ["how do i go about setting up a secondment", "seven-step-plan"],
  ["whats the process start to finish to arrange one", "seven-step-plan"],
  ["what are the 7 steps", "seven-step-plan"],
  ["steps to sort out a secondment?", "seven-step-plan"],

  // ---- choosing-skills -------------------------------------------------------------------
  ["not sure what i want to get out of it, how do i work out which skills to go for", "choosing-skills"],
  ["how do i figure out my development need", "choosing-skills"],
  ["i want to get better at data analysis, is a secondment a good way to do that", "choosing-skills"],
  ["what sort of skills should i be aiming to pick up", "choosing-skills"],

  // ---- talking-to-your-manager -----------------------------------------------------------
  ["how do i pitch it to my boss", "talking-to-your-manager"],
  ["whats the best way to bring up a secondment with my HoP", "talking-to-your-manager"],
  ["my manager will say the team cant spare me, how do i persuade them", "talking-to-your-manager"],
  ["any tips for the conversation with my line manger about going on secondment", "talking-to-your-manager"],
  ["what should i say to get my manager on board", "talking-to-your-manager"],

  // ---- approaching-a-host ----------------------------------------------------------------
  ["how do i contact an organisation i want to go to", "approaching-a-host"],
  ["i know someone at public health wales, should i just message them about a secondment", "approaching-a-host"],
  ["can my manager approach the host on my behalf", "approaching-a-host"],
  ["what will the host want to know when i first speak to them", "approaching-a-host"],

  // ---- host-organisations ----------------------------------------------------------------
  ["where could i go on secondment", "host-organisations"],
  ["any welsh orgs that take secondees", "host-organisations"],
  ["can i go to the bank of england", "host-organisations"],
  ["does the NHS do secondments", "host-organisations"],
  ["could i do one with a charity like shelter", "host-organisations"],

  // ---- business-case ---------------------------------------------------------------------
  ["do i need a business case and whats in it", "business-case"],
  ["what goes in the busness case", "business-case"],
  ["writing the business case for my secondment, what should it say", "business-case"],
  ["my director wants a bussiness case before she signs it off, what do i put", "business-case"],

  // ---- arranging-details -----------------------------------------------------------------
  ["what do i need to sort out with the host before day one", "arranging-details"],
  ["weve agreed it in principle, what do i need to nail down with the host now", "arranging-details"],
  ["should i get a proper job description from the host before i start", "arranging-details"],
  ["what details should be agreed with the new organisation before starting, like start date and length", "arranging-details"],

  // ---- performance-management ------------------------------------------------------------
  ["who does my appraisal while im seconded", "performance-management"],
  ["who does my end of year review, home or host", "performance-management"],
  ["PDR while on secondment?", "performance-management"],
  ["who sets my objectives and rates me during the secondment", "performance-management"],

  // ---- end-of-secondment -----------------------------------------------------------------
  ["what happens when my secondment finishes", "end-of-secondment"],
  ["my placement ends in 2 weeks what should i be doing", "end-of-secondment"],
  ["coming back to dwp after 12 months at swansea council, anything i need to do", "end-of-secondment"],
  ["what should i do when i get back", "end-of-secondment"],
  ["do i need to write anything up at the end", "end-of-secondment"],
  ["should i stay in touch with the host after i leave", "end-of-secondment"],

  // ---- benefits --------------------------------------------------------------------------
  ["whats in it for me", "benefits"],
  ["why would i bother doing a secondment", "benefits"],
  ["will it help my career", "benefits"],
  ["what are the advantages of going to a local authority for a bit", "benefits"],
  ["benefits?", "benefits"],
];

/** English questions outside the programme entirely: the bot must not answer them from the FAQ. */
export const FRESH_OFF_TOPIC: readonly string[] = [
  "how do i reset my password for the expenses system",
  "whats the weather like in cardiff tomorrow",
  "how do i book annual leave in myhr",
  "whats on in the canteen today",
  "write me a cover letter for a policy advisor job",
  "tell me a joke",
  "how do i second a motion in a meeting",
  "who is my line manager's manager",
  "printer on the 3rd floor is jammed again",
  "vpn wont connect from home",
  "train times swansea to paddington",
  "did wrexham win on saturday",
  "how do i download my payslip",
  "where do i find my p60",
  "how do i change my bank details for payroll",
  "book me a meeting room for 2pm",
  "wifi password for the guest network?",
  "can you summarise this email for me",
  "how do i set my out of office in outlook",
  "my teams keeps crashing",
  "whens the next bank holiday in wales",
  "how do i submit a mileage claim for last month",
  "whats the capital of australia",
  "recipe for welsh cakes",
  "whats the difference between a second and a third class degree",
  "how do i order a new mouse from IT",
  "is the newport office open on boxing day",
  "what time is the all staff call",
  "can you help me with a vlookup in excel",
  "can u translate this into french",
];

/** English questions about secondments that the programme material does NOT answer. */
export const FRESH_NOT_COVERED: readonly string[] = [
  "will my pension contributions carry on while im seconded to the council",
  "do i get the hosts annual leave allowance or keep my own",
  "how long does SC clearance take if the host needs it",
  "is there parking at the host office in cardiff bay",
  "will i get my old job back when i return",
  "can i go for promotion while im on secondment",
  "are there any tax implications of being seconded",
  "is there a relocation allowance if the host is in london",
  "can the secondment be ended early if it isnt working out",
  "what happens if my post is made redundant while im away",
  "can i go on maternity leave during a secondment",
  "does my continuous service carry on while im on secondment",
  "do i need a visa for a secondment to the OECD in paris",
  "will the host give me a laptop or do i bring my own",
  "can i keep doing my second job while on secondment",
  "is there a minimum length of service before i can apply",
  "can agency workers apply",
  "whats the closing date for expressions of interest",
  "will i be on the same grade at the host",
  "do i keep my civil service terms and conditions on secondment",
  "can i use the hosts flexi scheme",
  "do i need a DBS check for a secondment with the police",
  "who handles a grievance if i fall out with my manager at the host",
  "how many people have been matched so far",
  "do i still get my annual pay rise while on secondment",
];

/** Welsh questions the programme material answers, each with the id of the entry that answers it. */
export const FRESH_IN_DOMAIN_CY: ReadonlyArray<readonly [string, string]> = [
  // pay-and-expenses
  ["pwy fydd yn fy nhalu i os dw i'n mynd ar secondiad i'r cyngor?", "pay-and-expenses"],
  ["cyflog?", "pay-and-expenses"],
  ["fydd fy adran i'n dal i dalu fy nghyflog i?", "pay-and-expenses"],
  ["ydy'r sefydliad lletyol yn talu costau teithio am waith?", "pay-and-expenses"],
  ["be am y pay, pwy sy'n gyfrifol am hynny yn ystod y secondiad", "pay-and-expenses"],
  // line-manager-permission
  ["oes rhaid i mi gael caniatâd fy mos i?", "line-manager-permission"],
  ["dw i'n gweithio i Gyngor Gwynedd, oes angen i'r rheolwr roi sêl bendith cyn i mi wneud cais?", "line-manager-permission"],
  ["ydy fy rheolwr yn gorfod cytuno?", "line-manager-permission"],
  // fixed-term-contract
  ["dw i ar gytundeb tymor penodol, ga i wneud cais?", "fixed-term-contract"],
  ["contract dros dro sy gen i tan fis Mawrth, ydy hynny'n broblem?", "fixed-term-contract"],
  ["FTC ydw i, alla i fynd ar secondiad?", "fixed-term-contract"],
  // part-time-hours
  ["dw i'n gweithio tri diwrnod yr wythnos, ydw i'n gymwys?", "part-time-hours"],
  ["ydy secondiad yn bosib os dw i'n gweithio rhan amser?", "part-time-hours"],
  ["oriau llai sy gen i achos gofal plant, ga i gymryd rhan?", "part-time-hours"],
  // secondment-types
  ["pa mor hir mae secondiad yn para fel arfer?", "secondment-types"],
  ["oes modd gwneud secondiad byr, tua tri mis?", "secondment-types"],
  ["ga i gyfnewid swydd gyda rhywun yn y cyngor sy'n gwneud gwaith tebyg?", "secondment-types"],
  ["dw i ddim eisiau ymrwymo am flwyddyn, oes opsiynau byrrach?", "secondment-types"],
  // matching-process
  ["oes rhaid mynd drwy broses recriwtio arferol?", "matching-process"],
  ["sut ydych chi'n penderfynu pwy sy'n mynd i ba rôl?", "matching-process"],
  // match-notification
  ["pwy fydd yn cysylltu â fi os ca i fy mharu?", "match-notification"],
  ["sut ga i wybod bod match wedi'i ffeindio i mi?", "match-notification"],
  // informal-discussion
  ["beth i'w ddisgwyl yn y sgwrs gyda deiliad y swydd?", "informal-discussion"],
  ["ydy'r cyfarfod paru yn gyfweliad go iawn?", "informal-discussion"],
  // not-proceeding
  ["beth os dw i ddim yn hoffi'r rôl ar ôl y sgwrs?", "not-proceeding"],
  ["ga i wrthod y secondiad ar ôl cwrdd â nhw?", "not-proceeding"],
  // guaranteed-match
  ["os dw i'n llenwi'r ffurflen, ydw i'n siŵr o gael lle?", "guaranteed-match"],
  ["ydy pawb sy'n gwneud cais yn cael eu paru?", "guaranteed-match"],
  // keeping-in-touch
  ["fydda i'n dal i siarad â fy rheolwr yn yr adran gartref?", "keeping-in-touch"],
  ["os dw i'n sâl ar secondiad, wrth bwy dw i'n dweud?", "keeping-in-touch"],
  ["beth yw pwrpas y sgyrsiau KIT?", "keeping-in-touch"],
  // extension
  ["ga i aros yn hirach os yw'n mynd yn dda?", "extension"],
  ["ydy hi'n bosib estyn y secondiad am chwe mis arall?", "extension"],
  ["oes uchafswm o ddwy flynedd?", "extension"],
  // register-interest
  ["ble mae'r ffurflen EOI?", "register-interest"],
  ["sut dw i'n gwneud cais am secondiad?", "register-interest"],
  ["dw i eisiau mynegi diddordeb, be nesa?", "register-interest"],
  // offer-a-role
  ["mae gen i swydd wag yn y tîm yn Wrecsam, alla i ei chynnig i secondai?", "offer-a-role"],
  ["ble mae'r ffurflen paru rolau?", "offer-a-role"],
  // further-questions
  ["oes cyfeiriad e-bost gan y tîm?", "further-questions"],
  ["allwch chi ddweud wrtha i gyda phwy i siarad os oes gen i gwestiwn arall?", "further-questions"],
  // benefits
  ["be dw i'n gael allan ohono fe?", "benefits"],
  ["pam ddylwn i wneud secondiad?", "benefits"],
  // disability-adjustments
  ["mae gen i ddyslecsia, alla i gael help i lenwi'r ffurflen?", "disability-adjustments"],
  ["fydd y sefydliad lletyol yn gwneud addasiadau rhesymol i mi?", "disability-adjustments"],
  // host-organisations
  ["pa sefydliadau yng Nghymru sy'n cynnig secondiadau?", "host-organisations"],
  ["ga i fynd ar secondiad i Chwaraeon Cymru?", "host-organisations"],
  // seven-step-plan
  ["beth yw'r saith cam?", "seven-step-plan"],
  ["sut dw i'n trefnu secondiad o'r dechrau i'r diwedd?", "seven-step-plan"],
  // business-case
  ["beth ddylai fynd yn yr achos busnes?", "business-case"],
  // performance-management
  ["pwy sy'n gwneud fy adolygiad perfformiad tra dw i i ffwrdd?", "performance-management"],
  // end-of-secondment
  ["mae fy secondiad yn gorffen mis nesa, beth ddylwn i wneud?", "end-of-secondment"],
  // arranging-details
  ["beth sydd angen ei gytuno gyda'r sefydliad newydd cyn dechrau?", "arranging-details"],
  // talking-to-your-manager
  ["sut dw i'n perswadio fy rheolwr bod secondiad yn syniad da?", "talking-to-your-manager"],
  // approaching-a-host
  ["dw i'n nabod rhywun yn Iechyd Cyhoeddus Cymru, ddylwn i gysylltu â nhw'n uniongyrchol?", "approaching-a-host"],
  // choosing-skills
  ["sut dw i'n gwybod pa sgiliau dw i eisiau eu datblygu?", "choosing-skills"],
];

/** Welsh questions outside the programme entirely. */
export const FRESH_OFF_TOPIC_CY: readonly string[] = [
  "sut mae'r tywydd yn Aberystwyth heddiw?",
  "dw i wedi anghofio fy nghyfrinair, allwch chi ei ailosod?",
  "beth sydd ar y fwydlen yn y ffreutur heddiw?",
  "dwedwch jôc wrtha i",
  "sut dw i'n archebu gwyliau blynyddol yn y system?",
  "pryd mae'r trên nesa o Fangor i Gaerdydd?",
  "allwch chi ysgrifennu llythyr eglurhaol i mi?",
  "mae'r argraffydd ar y trydydd llawr wedi torri eto",
  "sut mae cysylltu â'r VPN o adre?",
  "pwy enillodd y gêm rygbi neithiwr?",
  "sut dw i'n eilio cynnig mewn cyfarfod?",
  "pryd mae'r ŵyl banc nesa?",
];
