/**
 * The BLIND 5 FAQ test set (issue 15): the fifth blind set, written on 7 December 2026.
 *
 * Why it exists: every earlier set (eval-set.ts, held-out-set.ts, eval-set-cy.ts, fresh-set.ts,
 * blind-set.ts, blind2-set.ts, blind3-set.ts, blind4-set.ts) is now used to develop the answering,
 * so none of them shows how answering generalises any more. This set is the final, blind test.
 *
 * How it was written:
 * - The writer read only the programme's material (shared/reference/*.txt) and, for each knowledge
 *   entry, its id, main question and answer (printed from src/faq/knowledge.ts and
 *   src/faq/knowledge-cy.json by a small script; the files were not opened in full).
 * - The writer did NOT read the entries' alternates, src/faq/alternates.ts, analyse*.ts, search.ts,
 *   off-topic.ts, not-covered.ts, synonyms*, or any other test/faq set (only the export lines of
 *   fresh-set.ts, to copy the shape), and did not run the bot, the bench or any test on these
 *   questions.
 * - Questions are typed the way people type in a Teams chat: civil servants in central departments
 *   and agencies, council and NHS staff, line managers and vacancy holders. Lower case, typos, slang
 *   ("boss", "wages", "council", "FTC", "EOI", "KIT", "HoP", "LM"), rambling context, fragments, and
 *   places and organisations across England, Wales, Scotland and Northern Ireland.
 * - Each in-domain question is labelled with the ONE entry whose answer answers it; where two could,
 *   a comment names the alternative. Each not-covered question is about secondments and was checked
 *   against the reference text and every entry's answer: none of them gives the asker useful
 *   information on it.
 *
 * Rule for everyone: NEVER tune on this set. Do not add its questions as alternates, synonyms or
 * training data, do not read its misses to change the answering, and do not change thresholds to fix
 * them. If it has been used for tuning, say so here and write a new blind set.
 */

/** English questions the programme material answers, each with the id of the entry that answers it. */
export const BLIND5_IN_DOMAIN: ReadonlyArray<readonly [string, string]> = [
  // line-manager-permission
  ["does my boss have to sign off on me applying", "line-manager-permission"],
  ["do i need my LMs ok before i put in for this", "line-manager-permission"],
  ["can i apply without telling my manager? dont want them to know yet", "line-manager-permission"],
  ["work at hmrc in bootle, does my team leader have to agree to let me go on one of these", "line-manager-permission"],
  ["is it my manager or my department who decides if i'm allowed to be released", "line-manager-permission"],
  ["need permision from line mgr?", "line-manager-permission"],
  ["my manager says the team is too stretched to release anyone, is it their call?", "line-manager-permission"],
  // fixed-term-contract
  ["im on an FTC til next march, can i still do a secondment", "fixed-term-contract"],
  ["temp contract at glasgow city council - am i eligible", "fixed-term-contract"],
  ["my contract ends in august, could a secondment run past that", "fixed-term-contract"],
  ["fixed term staff allowed?", "fixed-term-contract"],
  ["i was brought in on a 2 year fixed term for a specific project at defra, would they even let me go on secondment", "fixed-term-contract"],
  // benefits
  ["whats in it for me if i do a secondment", "benefits"],
  ["why would i bother with a secondment, i'm happy where i am in the dwp", "benefits"],
  ["how will a secondment help my career", "benefits"],
  ["what are the upsides of going on secondment from a council to whitehall", "benefits"],
  ["selling points of the scheme? trying to convince myself", "benefits"],
  // part-time-hours
  ["i only work 3 days a week, can i still apply", "part-time-hours"],
  ["im part time (school hours) at belfast city council, does that rule me out", "part-time-hours"],
  ["compressed hours - is that a problem for a secondment?", "part-time-hours"],
  ["job share here, can i take part", "part-time-hours"],
  ["i work 22.5 hrs a week, am i allowed to do one of these", "part-time-hours"],
  // secondment-types
  ["what sort of secondments are there", "secondment-types"],
  ["can i do a short one, like a couple of months, rather than a full year", "secondment-types"],
  ["could i swap jobs with someone at cardiff council doing the same kind of role", "secondment-types"],
  ["is it possible to do a secondment a couple of days a week and stay in my own job the rest", "secondment-types"],
  ["how long do secondments normally last", "secondment-types"],
  ["dont want to leave my team for ages, is there anything shorter term", "secondment-types"],
  ["job swap option?", "secondment-types"],
  ["is 12 weeks an option", "secondment-types"],
  // disability-adjustments
  ["i'm dyslexic and struggle with forms, can i get help with the EOI", "disability-adjustments"],
  ["reasonable adjustments?", "disability-adjustments"],
  ["i use a wheelchair, will the host office sort adjustments for me if i get matched", "disability-adjustments"],
  ["i have a hidden disability, will that count against me applying", "disability-adjustments"],
  ["need the form in a different format because of my sight, who do i ask", "disability-adjustments"],
  // matching-process
  ["how does the matching actually work", "matching-process"],
  ["is there an interview or how do they pick people", "matching-process"],
  ["do i have to go through a proper recruitment campaign for a secondment on this scheme", "matching-process"],
  ["once i send my eoi what happens next", "matching-process"],
  ["how do they decide who gets which role", "matching-process"],
  ["who is it that matches people to roles, is it my hr?", "matching-process"],
  // match-notification
  ["how will i find out if ive been matched", "match-notification"],
  ["will someone email me if theres a match?", "match-notification"],
  ["i put my EOI in weeks ago, how do i know if anything's come of it", "match-notification"],
  ["as the vacancy holder, how do i hear that someone's been matched to my role", "match-notification"],
  // informal-discussion
  ["whats the informal chat like, is it basically an interview", "informal-discussion"],
  ["do i need to prepare for the matching meeting like a normal interview", "informal-discussion"],
  ["i'm a vacancy holder in the scottish government, how should i run the conversation with the person matched to my post", "informal-discussion"],
  ["can we talk about working from home and length in the informal discussion or is that fixed", "informal-discussion"],
  ["how formal is the meeting with the vacancy holder", "informal-discussion"],
  // not-proceeding
  ["what if i meet them and dont like the sound of the role", "not-proceeding"],
  ["can i say no after the chat", "not-proceeding"],
  ["we met the candidate and they're not right for us, what do we do now", "not-proceeding"],
  ["if i back out after the meeting do i get taken off the list", "not-proceeding"],
  ["turned down a match - do i need to tell anyone why", "not-proceeding"],
  // guaranteed-match
  ["if i apply am i definitely getting a placement", "guaranteed-match"],
  ["is a match guaranteed?", "guaranteed-match"],
  ["we've put a role in from our nhs trust, will we definitely get someone", "guaranteed-match"],
  ["whats the chance i get nothing after filling the form in", "guaranteed-match"],
  ["no promise of a role then?", "guaranteed-match"],
  // keeping-in-touch
  ["will my home team still keep in touch with me while im away", "keeping-in-touch"],
  ["KIT days on secondment?", "keeping-in-touch"],
  ["if im off sick while on secondment who do i tell", "keeping-in-touch"],
  ["as the LM of someone going on secondment to the welsh government, am i supposed to check in with them", "keeping-in-touch"],
  ["will i still hear about restructures back in my own department while seconded", "keeping-in-touch"],
  ["who do i report absence to, host or home?", "keeping-in-touch"], // performance-management is close, but only this answer covers reporting absences
  // extension
  ["can it be made longer if its going well", "extension"],
  ["can we extend our secondee for another 6 months", "extension"],
  ["extending?", "extension"],
  ["is there a max length, i heard 2 years", "extension"], // secondment-types talks about length, but only this answer gives the two-year limit
  ["loving my secondment at the home office, any way to stay on a bit longer", "extension"],
  ["whats needed to get an extension signed off", "extension"],
  // register-interest
  ["how do i apply", "register-interest"],
  ["where's the eoi form", "register-interest"],
  ["i want to sign up for a secondment what do i do", "register-interest"],
  ["how do i put my name down", "register-interest"],
  ["expression of interest - where do i find it and what goes on it", "register-interest"],
  ["im at the dvla in swansea and keen to do one, how do i get started applying", "register-interest"], // seven-step-plan also fits, but the person wants the form
  // offer-a-role
  ["we've got a project at our council and would love a secondee from central government, how do we get one", "offer-a-role"],
  ["how do i advertise a role on the scheme", "offer-a-role"],
  ["role matching form?", "offer-a-role"],
  ["im a vacancy holder in the cabinet office, how do i put a post forward", "offer-a-role"],
  ["our nhs board in lothian wants to host someone, what's the process", "offer-a-role"],
  ["can my team take on a secondee from a local authority", "offer-a-role"],
  // further-questions
  ["who can i speak to about this", "further-questions"],
  ["whats the email for the programme team", "further-questions"],
  ["got more questions, is there a contact", "further-questions"],
  ["is there a person i can email rather than a bot", "further-questions"],
  ["contact details pls", "further-questions"],
  // seven-step-plan
  ["how do i go about setting up a secondment myself", "seven-step-plan"],
  ["what are the steps", "seven-step-plan"],
  ["where do i even start with organising a secondment", "seven-step-plan"],
  ["is there a step by step guide for arranging one", "seven-step-plan"],
  ["7 step plan?", "seven-step-plan"],
  // choosing-skills
  ["how do i work out what i want to get out of a secondment", "choosing-skills"],
  ["not sure what skills i'd want to build, any tips", "choosing-skills"],
  ["how do i know a secondment is the right thing for my development", "choosing-skills"],
  ["i want more experience with data and analysis, is that a good reason to go on secondment", "choosing-skills"],
  // talking-to-your-manager
  ["how do i bring up a secondment with my boss without it sounding like im leaving", "talking-to-your-manager"],
  ["best way to pitch it to my HoP?", "talking-to-your-manager"],
  ["what should i say to my line manager when i ask about going on secondment", "talking-to-your-manager"],
  ["how do i convince the big boss to back it", "talking-to-your-manager"],
  ["will my department even support this, different depts seem to have different rules", "talking-to-your-manager"],
  // approaching-a-host
  ["how do i get in touch with an organisation i want to be seconded to", "approaching-a-host"],
  ["i know someone at transport for wales, should i just message them about a secondment", "approaching-a-host"],
  ["what should i say when i contact a potential host", "approaching-a-host"],
  ["will the host want to meet me before agreeing", "approaching-a-host"],
  ["could my HoP contact the other org for me at a senior level", "approaching-a-host"],
  // host-organisations
  ["where can i be seconded to", "host-organisations"],
  ["can i do a secondment to a charity", "host-organisations"],
  ["is the bank of england an option", "host-organisations"],
  ["what welsh organisations could i go to", "host-organisations"],
  ["could i go to the police or nhs on secondment", "host-organisations"],
  ["which orgs take secondees? thinking think tanks or uni", "host-organisations"],
  ["can staff from any council take part or only certain ones", "host-organisations"], // partly answered: local authorities are listed as hosts
  // business-case
  ["what goes in a business case for a secondment", "business-case"],
  ["do i need a business case", "business-case"],
  ["my director wants a business case before approving, what should i put in it", "business-case"],
  ["business case template / headings?", "business-case"],
  ["how do i show what my team gets back when i return, for the case", "business-case"],
  // arranging-details
  ["what do i need to agree with the host before i start", "arranging-details"],
  ["we've agreed in principle, what's next to sort out", "arranging-details"],
  ["need a clear job spec from the host?", "arranging-details"],
  ["what details do we nail down before day one", "arranging-details"],
  // pay-and-expenses
  ["who pays me while im on secondment", "pay-and-expenses"],
  ["will my wages come from my home department or the host", "pay-and-expenses"],
  ["does the council pay my salary if i go there from the civil service", "pay-and-expenses"],
  ["expenses?", "pay-and-expenses"],
  ["will my travel costs be covered when i'm travelling for the host org", "pay-and-expenses"],
  ["as the vacancy holder do we have to fund the secondee's salary", "pay-and-expenses"],
  ["who covers the pay, home or host", "pay-and-expenses"],
  ["will i still get paid by the NI civil service if i go to a council in derry", "pay-and-expenses"],
  // performance-management
  ["who does my appraisal while im seconded", "performance-management"],
  ["who's responsible for my performance during the secondment", "performance-management"],
  ["does my home LM still do my end of year review", "performance-management"],
  ["as the host, do we manage the secondee's performance", "performance-management"],
  ["how do i get feedback from the host org", "performance-management"], // end-of-secondment also mentions feedback, but at the end; this one is during
  // end-of-secondment
  ["what should i do when the secondment finishes", "end-of-secondment"],
  ["coming to the end of my placement at the ons in newport, anything i'm meant to do", "end-of-secondment"],
  ["do i need to write anything up when i get back", "end-of-secondment"],
  ["after the secondment is over how do i share what i learned", "end-of-secondment"],
  ["wrapping up my secondment next month, what now", "end-of-secondment"],
];

/** English questions outside the programme entirely (some share words with it). */
export const BLIND5_OFF_TOPIC: readonly string[] = [
  "whats the weather like in manchester tomorrow",
  "forgot my laptop password how do i reset it",
  "how do i book a meeting room on the 3rd floor",
  "can you recommend somewhere for lunch near victoria street",
  "my teams keeps crashing when i share my screen",
  "how do i claim back the train fare for a conference in leeds",
  "who won the rugby at the weekend",
  "need an extension lead for the meeting room, who do i ask",
  "how do i match two columns in excel",
  "what time does the canteen shut",
  "tell me a joke",
  "what's the capital of australia",
  "how do i set my out of office",
  "is the office open on boxing day",
  "how do i get a new building pass",
  "printer on level 2 is jammed again",
  "convert 50 miles to km",
  "what's the bus from cardiff central to the bay",
  "can you write me a business case for new monitors for the team",
  "how do i book annual leave in the hr system",
  "best pubs in belfast for a team night out",
  "what's the vpn address for working from home",
  "how do i change my bank details for payroll",
  "recipe for welsh cakes",
  "how many days until christmas",
  "my line manager hasn't approved my timesheet, what do i do",
  "when's the next bin collection in edinburgh",
];

/** English questions about secondments that the programme material does not answer. */
export const BLIND5_NOT_COVERED: readonly string[] = [
  "will my pension contributions carry on while im on secondment",
  "can i carry over annual leave from my home department to the host",
  "how long does security clearance take if the host role needs sc",
  "what happens to my sick pay entitlement on secondment",
  "is there a relocation allowance if the secondment is in london",
  "how much notice do i have to give if i want to end my secondment early",
  "can i go on maternity leave during a secondment",
  "can i apply for promotion in my home department while i'm seconded",
  "will i need a dbs check for a secondment to a council",
  "whats the closing date for expressions of interest",
  "how many secondees have been placed so far",
  "can i keep my childcare vouchers while on secondment",
  "does time on secondment count towards my continuous service",
  "who's liable if i have an accident at the host's office",
  "can i join the host's trade union",
  "is there political restriction on me if i'm seconded to a council",
  "do i need to declare a conflict of interest before starting",
  "can i do a secondment while still on probation",
  "will the host give me a laptop or do i bring my own",
  "will i pay tax any differently while i'm on secondment",
  "is there a minimum length of service before i can apply for a secondment",
  "will my secondment show up on my civil service jobs profile",
];

/** Welsh questions the programme material answers, each with the id of the entry that answers it. */
export const BLIND5_IN_DOMAIN_CY: ReadonlyArray<readonly [string, string]> = [
  ["oes rhaid i fi gael caniatâd y bos cyn gwneud cais", "line-manager-permission"],
  ["ydy'r rheolwr llinell yn gorfod cytuno?", "line-manager-permission"],
  ["dw i'n gweithio i'r cyngor yn wrecsam, oes angen ok gan fy rheolwr i", "line-manager-permission"],
  ["dw i ar gontract tymor penodol, ga i neud secondiad", "fixed-term-contract"],
  ["mae fy nghontract i'n gorffen ym mis mawrth, all y secondiad fynd ymlaen ar ôl hynny", "fixed-term-contract"],
  ["FTC - ydw i'n gymwys?", "fixed-term-contract"],
  ["beth yw'r manteision i fi", "benefits"],
  ["pam ddylwn i neud secondiad", "benefits"],
  ["sut bydd e'n helpu fy ngyrfa i", "benefits"],
  ["dw i'n gweithio'n rhan amser, alla i gymryd rhan", "part-time-hours"],
  ["dim ond tridiau'r wythnos dw i'n gweithio, ydy hynny'n iawn", "part-time-hours"],
  ["pa fath o secondiadau sy 'na", "secondment-types"],
  ["oes modd cyfnewid swydd gyda rhywun yn y cyngor", "secondment-types"],
  ["ga i neud un byr, tua 12 wythnos", "secondment-types"],
  ["mae gen i anabledd, pa help sydd ar gael", "disability-adjustments"],
  ["addasiadau rhesymol i lenwi'r ffurflen?", "disability-adjustments"],
  ["allech chi esbonio sut mae'r broses paru'n gweithio", "matching-process"],
  ["oes cyfweliad ffurfiol?", "matching-process"],
  ["beth sy'n digwydd ar ôl i fi anfon yr EOI", "matching-process"],
  ["sut fydda i'n gwybod os dw i wedi cael fy mharu", "match-notification"],
  ["pwy fydd yn cysylltu â fi os oes match", "match-notification"],
  ["beth sy'n digwydd yn y sgwrs anffurfiol", "informal-discussion"],
  ["oes angen paratoi fel cyfweliad ar gyfer y cyfarfod paru", "informal-discussion"],
  ["be os dw i ddim isie mynd ymlaen ar ôl y sgwrs", "not-proceeding"],
  ["ga i wrthod y rôl ar ôl cwrdd â nhw", "not-proceeding"],
  ["ydy hi'n sicr y ca i fy mharu", "guaranteed-match"],
  ["oes gwarant o rôl os dw i'n llenwi'r ffurflen", "guaranteed-match"],
  ["fydda i'n dal mewn cysylltiad â'm sefydliad cartref", "keeping-in-touch"],
  ["os dw i'n sâl ar secondiad, pwy dw i'n dweud wrthyn nhw", "keeping-in-touch"],
  ["sgyrsiau cadw mewn cysylltiad, sut mae'n gweithio", "keeping-in-touch"],
  ["ydych chi'n gwybod os alla i estyn y secondiad", "extension"],
  ["oes modd aros yn hirach os yw'n mynd yn dda", "extension"],
  ["oes uchafswm o ddwy flynedd?", "extension"],
  ["sut dw i'n cofrestru diddordeb", "register-interest"],
  ["ble mae'r ffurflen mynegi diddordeb", "register-interest"],
  ["sut mae gwneud cais", "register-interest"],
  ["mae gynnon ni rôl yn y cyngor sir, sut allwn ni gael secondai", "offer-a-role"],
  ["sut mae cynnig swydd i'r rhaglen", "offer-a-role"],
  ["pwy alla i gysylltu â nhw os oes gen i fwy o gwestiynau", "further-questions"],
  ["allwch chi roi cyfeiriad ebost y tîm i fi", "further-questions"],
  ["beth yw'r camau i drefnu secondiad, allwch chi helpu", "seven-step-plan"],
  ["sut mae dechrau trefnu secondiad fy hun", "seven-step-plan"],
  ["sut ydw i'n penderfynu pa sgiliau dw i isie'u datblygu", "choosing-skills"],
  ["sut ddylwn i godi'r syniad gyda'm rheolwr", "talking-to-your-manager"],
  ["sut mae mynd at sefydliad dw i isie gweithio iddo", "approaching-a-host"],
  ["pa sefydliadau yng nghymru sy'n cynnig secondiadau", "host-organisations"],
  ["ga i fynd ar secondiad i Chwaraeon Cymru neu Estyn", "host-organisations"],
  ["beth ddylai'r achos busnes gynnwys", "business-case"],
  ["beth sydd angen i ni gytuno gyda'r sefydliad lletyol cyn dechrau", "arranging-details"],
  ["allwch chi ddweud wrtha i pwy sy'n talu fy nghyflog i ar secondiad", "pay-and-expenses"],
  ["ydy'r sefydliad lletyol yn talu costau teithio", "pay-and-expenses"],
  ["cyflog - adref neu'r host?", "pay-and-expenses"],
  ["pwy sy'n rheoli fy mherfformiad i yn ystod y secondiad", "performance-management"],
  ["pwy sy'n gwneud fy arfarniad i", "performance-management"],
  ["beth ddylwn i wneud ar ddiwedd y secondiad", "end-of-secondment"],
  ["dw i'n dod 'nôl i'r adran mis nesa, oes rhaid i fi rannu be ddysgais i", "end-of-secondment"],
];

/** Welsh questions outside the programme entirely. */
export const BLIND5_OFF_TOPIC_CY: readonly string[] = [
  "sut mae'r tywydd yn aberystwyth fory",
  "dw i wedi anghofio cyfrinair y gliniadur",
  "pryd mae'r ffreutur yn cau",
  "ble alla i barcio ger swyddfa caerdydd",
  "pwy enillodd y gêm rygbi neithiwr",
  "sut mae archebu ystafell gyfarfod",
  "rysáit am gacennau cri",
  "mae'r argraffydd wedi torri eto",
  "faint o'r gloch yw hi yn efrog newydd",
  "sut mae newid fy manylion banc ar y system gyflogres",
  "ydy'r swyddfa ar agor dros y nadolig",
];
