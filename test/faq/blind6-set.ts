/**
 * The SIXTH BLIND FAQ test set (issue 15), written on 7 December 2026.
 *
 * Why it exists: every earlier set (eval-set.ts, held-out-set.ts, eval-set-cy.ts, fresh-set.ts,
 * blind-set.ts, blind2-set.ts … blind5-set.ts) has been used to develop the answering, so none of
 * them still shows how answering generalises. This set is new and is the final, blind measure.
 *
 * How it was written:
 * - The writer read only the programme's material (shared/reference/*.txt) and, for each knowledge
 *   entry, its id, main question and answer (src/faq/knowledge.ts, src/faq/knowledge-cy.json),
 *   printed with a small script.
 * - The writer did NOT read the entries' alternates or keywords, src/faq/alternates.ts, analyse*.ts,
 *   search.ts, off-topic.ts, not-covered.ts, synonyms*, or any other test/faq set (beyond the shape
 *   of fresh-set.ts), and did not run the bot, the bench or any test on these questions.
 * - Questions are typed the way people type in a Teams chat: civil servants in central departments
 *   and agencies, council and NHS staff, line managers and vacancy holders. Lower case, typos, slang
 *   ("boss", "wages", "council", "FTC", "EOI", "KIT", "HoP", "LM"), long rambling ones, fragments,
 *   and places and organisations across England, Wales, Scotland and Northern Ireland.
 * - Each in-domain question is labelled with the ONE entry whose answer answers it (checked against
 *   the answer text). Where another entry could also answer, a comment names it.
 * - Each not-covered question is about secondments and was checked against the reference text and
 *   every entry's answer: none gives the asker useful information on it.
 *
 * Rule for everyone: NEVER tune on this set. Do not add its questions (or close paraphrases) as
 * alternates, synonyms, off-topic or not-covered examples or training data, and do not change
 * thresholds to fix its misses. Measure it once. If it is later used for tuning, say so here and in
 * test/faq/sets.ts, and write a new blind set.
 */

/** English questions the programme material answers, each with the id of the entry that answers it. */
export const BLIND6_IN_DOMAIN: ReadonlyArray<readonly [string, string]> = [
  // ---- pay-and-expenses --------------------------------------------------------------------
  ["will my dept keep paying my wages while im seconded to the council or does that switch over", "pay-and-expenses"],
  ["who covers travel costs if i have to do site visits during the placement", "pay-and-expenses"],
  ["who pays me??", "pay-and-expenses"],
  ["im at hmrc in bradford and looking at a 6 month stint with leeds city council, who actually pays me during that", "pay-and-expenses"],
  ["does the host org pick up my pay or do i stay on my home payroll", "pay-and-expenses"],
  ["im the vacancy holder at a health board in cardiff, do we have to fund the secondees salary", "pay-and-expenses"],
  ["expenses?", "pay-and-expenses"],
  ["if i do a placement with police scotland do they pay my milage for work trips", "pay-and-expenses"],
  ["finance say we cant afford to keep paying someone whos working somewhere else for a year, who normally funds it", "pay-and-expenses"],
  ["who funds the secondee, home or host", "pay-and-expenses"],

  // ---- secondment-types --------------------------------------------------------------------
  // Alternative for the length question: extension (it mentions the two-year limit some set).
  ["how long do these secondments usualy go on for", "secondment-types"],
  ["could i swap jobs with someone doing a similar role at a council in the midlands", "secondment-types"],
  ["is there anything shorter, like a couple of months? i cant be away for a whole year", "secondment-types"],
  // Alternative: part-time-hours (but that one is about people who already work part-time).
  ["can i do like 2 days a week at the host and the rest in my normal job", "secondment-types"],
  ["what kinds of placements are on offer, short ones long ones?", "secondment-types"],
  ["job swap?", "secondment-types"],
  ["is 12 weeks the minimum or can they be longer", "secondment-types"],
  ["i want to lead a proper project end to end rather than dip in, is a longer placement possible", "secondment-types"],
  ["exchange with someone at the welsh government doing my kind of job, is that a thing", "secondment-types"],

  // ---- register-interest -------------------------------------------------------------------
  ["how do i sign up", "register-interest"],
  ["where do i find the EOI form", "register-interest"],
  ["i want to apply for a secondment, what do i actually fill in", "register-interest"],
  ["how do i put my name down for this", "register-interest"],
  ["applying as a secondee - which form is it", "register-interest"],
  ["i work for dwp in newcastle and want to get on the programme, how do i express an interest", "register-interest"],
  ["link to the expression of intrest pls", "register-interest"],
  ["whats the process to register, do i need anything from my LM first", "register-interest"],

  // ---- line-manager-permission -------------------------------------------------------------
  ["do i need my boss to sign off before i apply", "line-manager-permission"],
  ["can i apply without telling my manager", "line-manager-permission"],
  ["one of my team wants to go on secondment to the nhs, do i have to agree to release her", "line-manager-permission"],
  ["does my LM have to approve it", "line-manager-permission"],
  ["is managers aproval needed", "line-manager-permission"],
  ["my line manager isnt keen tbh, can i still go ahead and apply anyway", "line-manager-permission"],
  ["who decides if i can be released, me or my organisation", "line-manager-permission"],
  ["do i need the big boss's permission or is it just my LM", "line-manager-permission"],

  // ---- matching-process --------------------------------------------------------------------
  ["how does the matching work", "matching-process"],
  // Alternative: informal-discussion (not a formal interview); this one asks about recruitment.
  ["is this a normal recruitment campaign with a sift and interviews or something different", "matching-process"],
  // Alternative: match-notification.
  ["after i submit my eoi what happens next", "matching-process"],
  ["how do they pair people up with roles", "matching-process"],
  ["do i have to apply for individual vacancies or do you match me to something", "matching-process"],
  ["is there a database of roles and people, how does it all fit together", "matching-process"],
  ["explain the govxchange matching bit to me like im 5", "matching-process"],

  // ---- benefits ----------------------------------------------------------------------------
  ["whats in it for me tbh", "benefits"],
  ["why would i bother doing a secondment", "benefits"],
  ["what do people get out of these placements", "benefits"],
  ["how does it help my career", "benefits"],
  ["trying to convince myself to go for it - what are the upsides", "benefits"],
  ["benefits of going from a central govt dept to a local authority?", "benefits"],
  ["good for networking?", "benefits"],

  // ---- extension ---------------------------------------------------------------------------
  ["can i stay on longer if its going well", "extension"],
  ["is there a max length, someone in the office said 2 years", "extension"],
  ["my secondee is brilliant, can we keep her for another 6 months", "extension"],
  ["extending?", "extension"],
  ["placement ends in march but the project runs to the summer, can it be extended", "extension"],
  ["what sign off do we need to extend a secondment past the original end date", "extension"],

  // ---- host-organisations ------------------------------------------------------------------
  ["can i be seconded to a charity like shelter", "host-organisations"],
  ["which orgs could i go to", "host-organisations"],
  ["is the nhs an option or is it only councils", "host-organisations"],
  ["any welsh organisations that take secondees", "host-organisations"],
  ["could i do one at the bank of england", "host-organisations"],
  ["are private companies included, like retail or finance firms", "host-organisations"],
  ["im in the home office, could i go to a police force", "host-organisations"],

  // ---- keeping-in-touch --------------------------------------------------------------------
  ["will i still hear from my old team while im away", "keeping-in-touch"],
  ["KIT on a secondment - how does that work", "keeping-in-touch"],
  ["if im off sick on secondment who do i tell", "keeping-in-touch"],
  ["as the LM of someone whos out on secondment, am i supposed to be checking in with them", "keeping-in-touch"],
  ["do i lose touch with my home dept completely", "keeping-in-touch"],
  ["what if my circumstances change half way through the placement, who needs to know", "keeping-in-touch"],

  // ---- offer-a-role ------------------------------------------------------------------------
  ["we have a vacancy we could fill with a secondee, how do we get it listed", "offer-a-role"],
  ["im a vacancy holder at glasgow city council, how do i advertise a role through this", "offer-a-role"],
  ["role matching form where", "offer-a-role"],
  ["our team at the scottish government needs a data analyst for 6 months, can we get someone through the programme", "offer-a-role"],
  ["how can my organisation host someone", "offer-a-role"],
  ["i manage a policy team in defra and want to take on a secondee, what do i do", "offer-a-role"],

  // ---- part-time-hours ---------------------------------------------------------------------
  ["i only work 3 days a week, am i eligible", "part-time-hours"],
  ["compressed hours - does that rule me out", "part-time-hours"],
  ["i job share, can i still do a secondment", "part-time-hours"],
  ["part timer here, can i apply", "part-time-hours"],
  ["i work school hours because of childcare, could a placement fit round that", "part-time-hours"],

  // ---- fixed-term-contract -----------------------------------------------------------------
  ["im on an FTC till next august, can i still apply", "fixed-term-contract"],
  ["my temp contract ends in june, would a secondment be allowed to go past that", "fixed-term-contract"],
  ["fixed term staff eligible?", "fixed-term-contract"],
  ["i was taken on on a 2 year fixed term contract for one specific project, would my org let me go", "fixed-term-contract"],
  ["im not permanent, my contract finishes next year - does that stop me", "fixed-term-contract"],

  // ---- disability-adjustments --------------------------------------------------------------
  ["im dyslexic, can i get help filling in the form", "disability-adjustments"],
  ["reasonable adjustments at the host office, will they sort that out", "disability-adjustments"],
  ["i use a wheelchair, what support is there if i get a placement", "disability-adjustments"],
  ["i need the eoi in a different format for accessibility, who do i ask", "disability-adjustments"],
  ["neurodivergent and a bit worried about the process, any support", "disability-adjustments"],

  // ---- guaranteed-match --------------------------------------------------------------------
  ["if i fill in the form am i definitely getting a secondment", "guaranteed-match"],
  ["is a placement guaranteed", "guaranteed-match"],
  ["whats the chances i actually get matched, is it certain", "guaranteed-match"],
  ["if we put a role in will we definitely get a secondee", "guaranteed-match"],
  ["no guarantee then?", "guaranteed-match"],

  // ---- match-notification ------------------------------------------------------------------
  ["how will i find out if ive been matched", "match-notification"],
  ["will someone email me when theres a match", "match-notification"],
  ["who tells me when a match comes thru", "match-notification"],
  ["as the vacancy holder how do i hear that youve found someone", "match-notification"],

  // ---- informal-discussion -----------------------------------------------------------------
  ["whats the matching meeting like, is it a proper interview", "informal-discussion"],
  ["do i need to prepare for an interview with the host", "informal-discussion"],
  ["ive been matched with someone for my vacancy, how should i run the chat with them", "informal-discussion"],
  ["what gets discussed at the informal chat", "informal-discussion"],
  ["can we talk about hours and how long the placement is in that meeting", "informal-discussion"],

  // ---- not-proceeding ----------------------------------------------------------------------
  ["what if i meet them and dont like the role, can i say no", "not-proceeding"],
  ["the person we were matched with isnt right for us, what now", "not-proceeding"],
  ["can i pull out after the informal chat", "not-proceeding"],
  ["turned down a match - do i need to tell anyone", "not-proceeding"],

  // ---- further-questions -------------------------------------------------------------------
  ["who do i contact with questions", "further-questions"],
  ["email for the programme team?", "further-questions"],
  ["is there a person i can speak to about all this", "further-questions"],
  ["got a question you cant answer, where do i send it", "further-questions"],
  ["contact details pls", "further-questions"],

  // ---- seven-step-plan ---------------------------------------------------------------------
  ["how do i organise a secondment from scratch", "seven-step-plan"],
  ["where do i even start", "seven-step-plan"],
  ["is there a step by step guide", "seven-step-plan"],
  ["whats the overall process, start to finish", "seven-step-plan"],
  ["checklist for setting up a secondment?", "seven-step-plan"],

  // ---- choosing-skills ---------------------------------------------------------------------
  ["how do i work out what i want to get out of a secondment", "choosing-skills"],
  ["not sure what skills to go for, any tips", "choosing-skills"],
  ["how do i pick a development need for it", "choosing-skills"],
  ["i want more experience with data analysis that i cant get in my team, is a secondment the right route", "choosing-skills"],

  // ---- talking-to-your-manager -------------------------------------------------------------
  ["how do i bring up a secondment with my boss", "talking-to-your-manager"],
  ["what should i say to my HoP about it", "talking-to-your-manager"],
  ["nervous about raising it with my line manager, any advice", "talking-to-your-manager"],
  ["how to pitch it to my manager so they say yes", "talking-to-your-manager"],
  ["different departments have different rules on secondments right? how do i approach mine", "talking-to-your-manager"],

  // ---- approaching-a-host ------------------------------------------------------------------
  ["i know someone at cardiff council, can i just contact them directly about a placement", "approaching-a-host"],
  ["how do i approach the org i want to go to", "approaching-a-host"],
  ["what should i say when i first get in touch with a host", "approaching-a-host"],
  ["can my HoP reach out to the host for me", "approaching-a-host"],

  // ---- business-case -----------------------------------------------------------------------
  ["what goes in a business case for a secondment", "business-case"],
  ["do i need a busines case", "business-case"],
  ["writing the case for my secondment, what should i cover", "business-case"],
  ["my director wants a business case before signing it off, what does it need to include", "business-case"],

  // ---- arranging-details -------------------------------------------------------------------
  ["what do i need to agree with the host before i start", "arranging-details"],
  ["should i get a proper role description from the host org", "arranging-details"],
  ["sorting out start date and length with the host, anything else to agree", "arranging-details"],
  // Alternative: seven-step-plan (step 5).
  ["its been agreed in principle, whats next with the host", "arranging-details"],

  // ---- performance-management --------------------------------------------------------------
  ["who does my appraisal while im seconded", "performance-management"],
  ["whos my manager for performance purposes during the placement", "performance-management"],
  ["my team member is on secondment - do i still do their end of year review", "performance-management"],
  ["PDR on secondment, host or home?", "performance-management"],
  ["how do i know if im doing ok at the host", "performance-management"],

  // ---- end-of-secondment -------------------------------------------------------------------
  ["secondment finishes next month, what should i be doing", "end-of-secondment"],
  ["what do i do when i get back to my home dept", "end-of-secondment"],
  ["wrapping up my placement, any tips", "end-of-secondment"],
  ["should i share what i learnt after the secondment", "end-of-secondment"],

  // ---- long, rambling questions (one entry each) ---------------------------------------------
  [
    "hiya so ive been at the valuation office agency in belfast for about 4 years doing data stuff and a mate mentioned this programme, my question is basically if i go off to a council for a bit who pays my salary because i really cant afford a gap",
    "pay-and-expenses",
  ],
  [
    "morning all, im a band 6 in an nhs trust in bristol and id love to see how the department of health actually makes policy but i have two kids and cant do full time anywhere, would i be allowed to apply if im part time",
    "part-time-hours",
  ],
  [
    "quick one from a line manager - my senior analyst wants to spend some time at a think tank and has asked me to back her. what am i actually agreeing to here, does the decision sit with me or with the department",
    "line-manager-permission",
  ],
  [
    "ok so i filled in the form weeks ago and heard nothing, and my colleague reckons you always get something eventually, is that true or might i just never get matched",
    "guaranteed-match",
  ],
  [
    "im in the cabinet office and weve got a small team in manchester working on local growth, would be great to have someone from a combined authority for a few months, how do we go about finding a person through you lot",
    "offer-a-role",
  ],
  [
    "sorry if this is a daft question but i'm halfway through a placement at the arts council in cardiff and everyone is really happy with how its going, is there any way i could carry on past the end date",
    "extension",
  ],
  [
    "my director said id need to justify it properly on paper before she'd consider letting me go to the scottish government for a bit, what sort of things would she want to see",
    "business-case",
  ],
  [
    "been at aberdeenshire council 10 yrs, never worked anywhere else and feeling a bit stuck tbh. would a secondment actually do anything for me or is it just a box ticking thing",
    "benefits",
  ],
  [
    "got matched with someone from the department for education for my vacancy in derby, first time doing this, do i need to set up a formal panel or what",
    "informal-discussion",
  ],
  [
    "im on secondment at sport wales until april, my home manager at the dvla hasnt been in touch once, is there meant to be some kind of regular contact",
    "keeping-in-touch",
  ],
];

/** English questions outside the programme entirely: the bot must not answer them from the FAQ. */
export const BLIND6_OFF_TOPIC: readonly string[] = [
  "whats the weather looking like in aberdeen this weekend",
  "forgot my laptop password again, how do i reset it",
  "my payslip is wrong this month, who do i speak to in payroll",
  "how do i match two columns in excel",
  "whats the bank of england interest rate right now",
  "can you register me to vote",
  "how do i host a teams meeting with external guests",
  "how do i extend my parking permit at the swansea office",
  "when is the bin collection in lisburn",
  "how much is council tax for band c in manchester",
  "who won the six nations",
  "recommend a good chippy near cardiff bay",
  "how do i claim travel expenses for a training course in york",
  "what are the five missions in the plan for change",
  "nhs 111 number?",
  "how do i get a gp appointment in glasgow",
  "give me a funny fact",
  "translate good morning into scottish gaelic",
  "what time is the train from belfast to dublin",
  "how many steps should i do a day",
  "can you write me a personal statement for a job at tesco",
  "what does ofsted stand for",
  "how do i change my teams profile picture",
  "is the canteen open today at 102 petty france",
  "my boss keeps cancelling our 1:1s, what should i do",
  "how do i apply for a blue badge",
  "best way to write a business case for a new printer in our office",
  "what is the capital of wales",
  "sport wales gym membership prices",
  "how do i book a desk for tomorrow",
];

/**
 * English questions about secondments that the programme material does not answer: the bot must
 * decline (and point to HR, the line manager or the programme team), never answer from an entry.
 */
export const BLIND6_NOT_COVERED: readonly string[] = [
  "will i keep paying into my civil service pension while im seconded to a council",
  "how much annual leave do i get on secondment, my depts allowance or the hosts",
  "is my old job kept open for me when the secondment ends",
  "how long does security vetting take before i can start at the host",
  "can i apply if im still in my probation period",
  "what happens to my secondment if i go on maternity leave",
  "whats the closing date for expressions of interest",
  "how many secondment places are there this year",
  "do i pay tax on the travel expenses the host gives me",
  "does my continuous service carry on while im seconded to the nhs",
  "will i need a new dbs check to go on placement with a council",
  "can i get a temporary promotion through a secondment, like go up a grade",
  "can i end my secondment early if its not working out, how much notice do i give",
  "will the host give me a laptop or do i bring my work one",
  "is there a relocation package if the placement means moving house from belfast to london",
  "do i need to be a british citizen to do a secondment",
  "how long do i have to be in my current post before i can apply",
  "can i apply for a permanent job at the host while im on secondment there",
  "is there an induction or training course before the placement starts",
  "what happens if the host restructures and my secondment role disappears",
  "does my trade union still represent me when im on secondment",
  "is there a template for the secondment agreement i can use",
  "can i take on a second job while im seconded",
  "do i keep my flexi balance when i move over to the host",
  "what grade are the roles on offer",
];

/** Welsh questions the programme material answers, each with the id of the entry that answers it. */
export const BLIND6_IN_DOMAIN_CY: ReadonlyArray<readonly [string, string]> = [
  // pay-and-expenses
  ["pwy sy'n talu nghyflog i pan dw i ar secondiad?", "pay-and-expenses"],
  ["fydd y cyngor yn talu fy nghyflog i os dw i'n mynd atyn nhw am chwe mis?", "pay-and-expenses"],
  ["allwch chi ddeud wrtha i pwy sy'n talu costau teithio pan dw i ar placement?", "pay-and-expenses"],
  ["ydy'r adran yn dal i dalu fi tra dw i i ffwrdd", "pay-and-expenses"],
  // secondment-types (alternative for the length question: extension)
  ["pa mor hir mae secondiad fel arfer yn para?", "secondment-types"],
  ["oes modd gwneud secondiad rhan amser, cwpl o ddiwrnodau'r wythnos?", "secondment-types"],
  ["alla i gyfnewid swydd efo rhywun mewn cyngor sir? job swap fel", "secondment-types"],
  // register-interest
  ["sut dw i'n gwneud cais?", "register-interest"],
  ["lle mae'r ffurflen EOI?", "register-interest"],
  ["dw i isio cofrestru diddordeb, be dw i'n neud?", "register-interest"],
  // line-manager-permission
  ["oes rhaid i fy rheolwr gytuno?", "line-manager-permission"],
  ["oes angen caniatâd y bos arna i cyn gwneud cais", "line-manager-permission"],
  ["ga i wneud cais heb ddeud wrth fy rheolwr llinell?", "line-manager-permission"],
  // matching-process (alternative for the interview question: informal-discussion)
  ["sut mae'r paru yn gweithio?", "matching-process"],
  ["oes cyfweliad ffurfiol neu ydych chi jyst yn paru pobl?", "matching-process"],
  ["be sy'n digwydd ar ôl i fi anfon y ffurflen?", "matching-process"],
  // benefits
  ["be dw i'n ei gael allan o secondiad?", "benefits"],
  ["pam ddylwn i drafferthu efo secondiad?", "benefits"],
  ["ydy o'n dda i ngyrfa i?", "benefits"],
  // extension
  ["ga i aros yn hirach os yw'n mynd yn dda?", "extension"],
  ["oes modd estyn y secondiad?", "extension"],
  ["ydy dwy flynedd yn uchafswm?", "extension"],
  // host-organisations
  ["alla i fynd i weithio efo Chwaraeon Cymru?", "host-organisations"],
  ["pa sefydliadau sy'n cymryd secondeion?", "host-organisations"],
  ["ydy'r GIG yn opsiwn neu jyst cynghorau?", "host-organisations"],
  // keeping-in-touch
  ["fydda i'n dal mewn cysylltiad efo nhîm i adre?", "keeping-in-touch"],
  ["os dw i'n sâl ar secondiad, wrth bwy dw i fod i ddeud?", "keeping-in-touch"],
  // offer-a-role
  ["mae gynnon ni swydd wag, sut ydyn ni'n cael secondai?", "offer-a-role"],
  ["ble mae'r ffurflen paru rolau?", "offer-a-role"],
  ["sut galla i gynnig rôl i secondai yn fy nhîm i yng Nghyngor Gwynedd?", "offer-a-role"],
  // part-time-hours
  ["dw i'n gweithio tri diwrnod yr wythnos, alla i gymryd rhan?", "part-time-hours"],
  ["dw i'n part-time, ydw i'n gymwys?", "part-time-hours"],
  // fixed-term-contract
  ["dw i ar gontract tymor penodol, ga i fynd ar secondiad?", "fixed-term-contract"],
  ["mae nghontract i'n dod i ben ym mis Mehefin, ydy hynny'n broblem?", "fixed-term-contract"],
  // disability-adjustments
  ["mae gen i ddyslecsia, oes help i lenwi'r ffurflen?", "disability-adjustments"],
  ["pa addasiadau sydd ar gael os oes gen i anabledd?", "disability-adjustments"],
  // guaranteed-match
  ["ydw i'n siŵr o gael fy mharu?", "guaranteed-match"],
  ["os dw i'n llenwi'r ffurflen, ga i secondiad yn bendant?", "guaranteed-match"],
  // match-notification
  ["sut fydda i'n gwybod os oes 'na bâr i fi?", "match-notification"],
  ["pwy sy'n deud wrtha i os dw i wedi cael fy mharu?", "match-notification"],
  // informal-discussion
  ["be sy'n digwydd yn y sgwrs anffurfiol?", "informal-discussion"],
  ["ydy'r cyfarfod paru yn gyfweliad go iawn?", "informal-discussion"],
  // not-proceeding
  ["be os dw i ddim isio bwrw mlaen ar ôl y sgwrs?", "not-proceeding"],
  ["ga i dynnu'n ôl ar ôl cyfarfod deiliad y swydd?", "not-proceeding"],
  // further-questions
  ["efo pwy dw i'n cysylltu os oes gen i gwestiwn arall?", "further-questions"],
  ["be di cyfeiriad e-bost y tîm?", "further-questions"],
  // seven-step-plan
  ["sut dw i'n trefnu secondiad o'r dechrau?", "seven-step-plan"],
  ["oes 'na gynllun cam wrth gam?", "seven-step-plan"],
  // choosing-skills
  ["sut dw i'n penderfynu pa sgiliau dw i isio eu datblygu ar secondiad?", "choosing-skills"],
  // talking-to-your-manager
  ["sut dw i'n codi'r peth efo'r bos?", "talking-to-your-manager"],
  ["be ddylwn i ddeud wrth fy Mhennaeth Proffesiwn am y syniad?", "talking-to-your-manager"],
  // approaching-a-host
  ["dw i'n nabod rhywun yn Iechyd Cyhoeddus Cymru, alla i gysylltu efo nhw'n syth am secondiad?", "approaching-a-host"],
  ["oes gynnoch chi gyngor ar sut i fynd at y sefydliad dw i isio gweithio iddo?", "approaching-a-host"],
  // business-case
  ["be ddylai fod yn yr achos busnes?", "business-case"],
  ["mae'r bos isio business case gen i, be dw i'n roi ynddo fo?", "business-case"],
  // arranging-details
  ["be sydd angen ei gytuno efo'r sefydliad lletyol cyn dechrau?", "arranging-details"],
  // performance-management
  ["pwy sy'n gwneud fy arfarniad i tra dw i ar secondiad?", "performance-management"],
  // end-of-secondment
  ["be ddylwn i neud pan mae'r secondiad yn dod i ben?", "end-of-secondment"],
];

/** Welsh questions outside the programme entirely. */
export const BLIND6_OFF_TOPIC_CY: readonly string[] = [
  "sut mae'r tywydd yng Nghaerdydd fory?",
  "dw i wedi anghofio cyfrinair fy ngliniadur",
  "pryd mae'r bws nesa i Aberystwyth?",
  "allwch chi gyfieithu'r e-bost 'ma i Saesneg?",
  "pwy enillodd y gêm rygbi neithiwr?",
  "sut dw i'n bwcio stafell gyfarfod?",
  "faint yw treth y cyngor ar dŷ band D yn Abertawe?",
  "pryd mae'r biniau'n cael eu casglu yn Wrecsam?",
  "oes gynnoch chi rysáit cawl?",
  "sut mae hawlio costau teithio am gwrs hyfforddi?",
  "sut dw i'n cael apwyntiad efo'r meddyg teulu?",
];
