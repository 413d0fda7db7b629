/**
 * The BLIND 3 FAQ test set (issue 15), written on 7 December 2026.
 *
 * Why it exists: every earlier set (eval-set.ts, held-out-set.ts, eval-set-cy.ts, fresh-set.ts,
 * blind-set.ts, blind2-set.ts) is now used to develop the answering, so none of them shows how the
 * answering generalises any more. This is the final, blind test: it must NEVER be used for tuning
 * (no alternates, synonyms, thresholds or rules may be changed to fit these questions).
 *
 * How it was written: from the programme material only (shared/reference/*.txt) and each knowledge
 * entry's id, main question and answer text (knowledge.ts and knowledge-cy.json, printed with a
 * small script). The writer did not see the entries' alternates, the alternates, analyse, search,
 * off-topic, not-covered or synonym code, or any other set's questions, and did not run the bot,
 * the bench or any test on these questions.
 *
 * The questions are typed the way people type in a Teams chat: civil servants in central government
 * departments and agencies, council and NHS staff, line managers and vacancy holders, from across
 * England, Wales, Scotland and Northern Ireland. Lower case, typos, slang and abbreviations (boss,
 * wages, council, FTC, EOI, KIT, HoP, LM), short fragments and long rambling questions.
 *
 * Labels: each in-domain question is labelled with the ONE entry whose answer answers it, checked
 * against that entry's answer text. Where a second entry could also answer, a comment names it.
 * Not-covered questions are about secondments but answered by no entry's answer and not by the
 * programme material.
 */

export const BLIND3_IN_DOMAIN: ReadonlyArray<readonly [string, string]> = [
  // ---- line-manager-permission ----
  ["do i have to ask my boss before i apply for one of these secondments", "line-manager-permission"],
  ["does my LM need to sign off on me doing the programme?", "line-manager-permission"],
  ["can i go for it without telling my manager? dont really want them knowing yet", "line-manager-permission"],
  ["manager approval needed??", "line-manager-permission"],
  ["one of my team at HMRC in Bradford wants to go on a secondment to a council. is it up to us as the home department whether we let her go?", "line-manager-permission"],
  ["who decides if im allowed to be released from my job for this", "line-manager-permission"],
  ["is my managers ok required to take part in govxchange", "line-manager-permission"],

  // ---- fixed-term-contract ----
  ["im on an FTC till next august, am i eligible?", "fixed-term-contract"],
  ["fixed term contract - can i still apply", "fixed-term-contract"],
  ["my contract at the trust is only temporary, it finishes in june. could a secondment run on past that?", "fixed-term-contract"],
  ["i was taken on for 18 months to do a specific project at DWP in Sheffield, does that rule me out of secondments", "fixed-term-contract"],
  ["can people on temp contracts do this or is it only permanent staff", "fixed-term-contract"],
  ["if my fixed term ends in march how long could my secondment be", "fixed-term-contract"],

  // ---- benefits ----
  ["whats in it for me if i do a secondment", "benefits"],
  ["why would i bother doing a secondment, genuinely asking", "benefits"],
  ["how does a secondment help my career", "benefits"],
  ["pros of doing one?", "benefits"],
  ["trying to convince myself to apply - what would i actually gain from a stint at a council in the north east", "benefits"],
  ["what are the advantages for someone in central govt spending time in local government", "benefits"],

  // ---- part-time-hours ----
  ["i only work 3 days a week, can i still do it", "part-time-hours"],
  ["part time worker here - am i allowed to apply?", "part-time-hours"],
  ["i do compressed hours, is that a problem for a secondment", "part-time-hours"],
  ["i work term time only at the council in swansea because of childcare. would that stop me getting a secondment?", "part-time-hours"],
  ["where do i say i work a non standard pattern", "part-time-hours"], // register-interest also says to put it on the form
  ["job share - can i be a secondee", "part-time-hours"],

  // ---- secondment-types ----
  ["how long do secondments normally last", "secondment-types"], // extension gives the two-year limit some organisations set
  ["are there short ones? like 3 months", "secondment-types"],
  ["can i do a secondment just one or two days a week and stay in my normal job the rest of the time", "secondment-types"],
  ["could i swap jobs with someone doing the same sort of role at Belfast city council", "secondment-types"],
  ["job swap?", "secondment-types"],
  ["dont want to leave my team for a year, is there anything shorter", "secondment-types"],
  ["what kinds of secondment can you do through this", "secondment-types"],
  ["is it possible to do a 12 week project secondment", "secondment-types"],

  // ---- disability-adjustments ----
  ["im dyslexic and struggle with long forms, can i get help filling in the EOI", "disability-adjustments"],
  ["reasonable adjustments?", "disability-adjustments"],
  ["i have a hearing impairment, will the host organisation sort adjustments out if i get placed", "disability-adjustments"],
  ["i'm autistic and worried about the process, what support is there", "disability-adjustments"],
  ["need the application form in a different format because of my sight, who do i contact", "disability-adjustments"],

  // ---- matching-process ----
  ["how do you get matched to a role", "matching-process"],
  ["is there a proper recruitment process with interviews and competencies or how does it work", "matching-process"], // informal-discussion says the meeting is not a formal interview
  ["whats the process after i send my form in", "matching-process"],
  ["how do they pair people up with vacancies", "matching-process"],
  ["matching - how does it work??", "matching-process"],
  ["so ive put my interest in for something in the scottish government, what happens next", "matching-process"],

  // ---- match-notification ----
  ["how will i find out if ive been matched", "match-notification"],
  ["will someone email me if there's a match or do i have to keep checking", "match-notification"],
  ["im a vacancy holder at the met office in exeter, how do i hear if someone has been matched to my post", "match-notification"],
  ["who tells me when theres a match", "match-notification"],

  // ---- informal-discussion ----
  ["is the matching meeting a formal interview? should i prepare like for a board", "informal-discussion"], // matching-process also says it is an informal chat
  ["what happens at the informal chat", "informal-discussion"],
  ["i'm the vacancy holder, how should i run the conversation with the person you matched", "informal-discussion"],
  ["can we talk about changing the hours or length of the role in the informal meeting", "informal-discussion"],
  ["informal discussion - what to expect?", "informal-discussion"],

  // ---- not-proceeding ----
  ["had the chat and honestly it's not for me. what now", "not-proceeding"],
  ["what if i change my mind after meeting the vacancy holder", "not-proceeding"],
  ["as hiring manager i didnt think the candidate was right for my team after our chat, what do i do", "not-proceeding"],
  ["can i say no after the informal discussion without it counting against me for other matches", "not-proceeding"],

  // ---- guaranteed-match ----
  ["if i fill in the form am i definitely getting a secondment", "guaranteed-match"],
  ["is a placement guaranteed", "guaranteed-match"],
  ["we've put a role in, are we sure to get a secondee for it", "guaranteed-match"],
  ["whats the chance i wont get matched at all", "guaranteed-match"],
  ["guaranteed a role?", "guaranteed-match"],

  // ---- keeping-in-touch ----
  ["will i still hear from my own dept while im away", "keeping-in-touch"],
  ["KIT days - how do they work on secondment", "keeping-in-touch"],
  ["as the LM of someone going on secondment do i have to keep in touch with them", "keeping-in-touch"],
  ["if im off sick during the secondment who do i tell", "keeping-in-touch"],
  ["how do i stay connected with my home team at the home office while seconded to a council in cumbria", "keeping-in-touch"], // performance-management also says to keep in touch

  // ---- extension ----
  ["can it be extended", "extension"],
  ["my secondment at the NHS trust ends in feb but both sides want me to stay longer, is that allowed", "extension"],
  ["whats the maximum length a secondment can go on for", "extension"], // secondment-types covers typical lengths
  ["can i stay on past the end date if everyone's happy", "extension"],
  ["extend secondment?", "extension"],
  ["is there a 2 year cap on secondments", "extension"],

  // ---- register-interest ----
  ["how do i apply", "register-interest"],
  ["where's the EOI form", "register-interest"],
  ["i want to sign up for a secondment, what do i do", "register-interest"],
  ["how do i put my name down for this programme", "register-interest"],
  ["im a planning officer at Conwy council and would love a go at working in a whitehall dept. how do i register", "register-interest"],
  ["expression of interest - how do i submit one", "register-interest"],

  // ---- offer-a-role ----
  ["we've got a gap in our team at Glasgow city council and would like a secondee, how do we get one", "offer-a-role"],
  ["how do i advertise a secondment opportunity through you", "offer-a-role"],
  ["role matching form?", "offer-a-role"],
  ["my department wants to host a secondee from local government, what's the process", "offer-a-role"],
  ["im a vacancy holder, how do i put a post forward", "offer-a-role"],
  ["can our NHS board in Lothian offer a placement on this scheme", "offer-a-role"], // host-organisations lists the NHS

  // ---- further-questions ----
  ["who do i email about this", "further-questions"],
  ["is there a contact address for the programme team", "further-questions"],
  ["can i speak to a real person", "further-questions"],
  ["got a question you cant answer, who should i ask", "further-questions"],
  ["email for govxchange team?", "further-questions"],

  // ---- seven-step-plan ----
  ["how do i go about setting up a secondment myself, step by step", "seven-step-plan"],
  ["whats the 7 step plan", "seven-step-plan"],
  ["where do i start if i want to arrange my own secondment", "seven-step-plan"],
  ["steps to organise a secondment?", "seven-step-plan"],

  // ---- choosing-skills ----
  ["how do i work out what i want to get out of a secondment", "choosing-skills"],
  ["not sure what skills to go for on a secondment, any tips", "choosing-skills"],
  ["when does a secondment make sense rather than just training in my own org", "choosing-skills"],

  // ---- talking-to-your-manager ----
  ["how should i bring up a secondment with my boss without them thinking im leaving", "talking-to-your-manager"],
  ["tips for pitching a secondment to my HoP", "talking-to-your-manager"],
  ["what do i say to my manager when i ask about going on secondment", "talking-to-your-manager"], // line-manager-permission covers whether permission is needed
  ["will my department be supportive if i ask to go on secondment", "talking-to-your-manager"],

  // ---- approaching-a-host ----
  ["how do i approach an organisation i'd like to be seconded to", "approaching-a-host"],
  ["i know someone at the welsh government, should i just contact them directly about a secondment", "approaching-a-host"],
  ["what should i say when i contact a possible host", "approaching-a-host"],
  ["will the host want to meet me before they agree", "approaching-a-host"],

  // ---- host-organisations ----
  ["where can i go on secondment", "host-organisations"],
  ["can i be seconded to a charity", "host-organisations"],
  ["are there any welsh organisations that take secondees", "host-organisations"],
  ["could i do a secondment at the bank of england or a think tank", "host-organisations"],
  ["which orgs offer secondments, is it only councils", "host-organisations"],
  ["can civil servants do secondments with the police", "host-organisations"],

  // ---- business-case ----
  ["do i need a business case and what goes in it", "business-case"],
  ["business case template?", "business-case"],
  ["what should i write to justify the secondment to my director", "business-case"],
  ["my head of team wants a write up explaining who will cover my work while im away, what else should it include", "business-case"],

  // ---- arranging-details ----
  ["once its agreed in principle what do i need to sort with the host", "arranging-details"],
  ["what should i pin down with the new organisation before day one", "arranging-details"],
  ["things to agree before the secondment starts?", "arranging-details"],
  ["should i get a role description from the host before i start", "arranging-details"],

  // ---- pay-and-expenses ----
  ["who pays my wages on secondment", "pay-and-expenses"],
  ["will my own department keep paying me or the council", "pay-and-expenses"],
  ["expenses?", "pay-and-expenses"],
  ["if i travel for work while on secondment who pays for the train", "pay-and-expenses"],
  ["salary - does it come from the host or home org", "pay-and-expenses"],
  ["im going from DAERA in belfast to a council, who covers my pay", "pay-and-expenses"],
  ["as the vacancy holder will we have to fund the secondees salary", "pay-and-expenses"],
  ["do i still get paid lol", "pay-and-expenses"],

  // ---- performance-management ----
  ["who does my appraisal while im seconded", "performance-management"],
  ["my direct report is on secondment with the NHS, am i still doing their performance review", "performance-management"],
  ["who's my line manager for performance while on secondment", "performance-management"],
  ["how do i get feedback from the host during the secondment", "performance-management"], // end-of-secondment also says to ask for feedback, at the end

  // ---- end-of-secondment ----
  ["what should i do when my secondment is finishing", "end-of-secondment"],
  ["coming back from secondment next month, anything i should do", "end-of-secondment"],
  ["should i write up what i learned on secondment", "end-of-secondment"],
  ["end of secondment - what next", "end-of-secondment"],
];

export const BLIND3_OFF_TOPIC: readonly string[] = [
  "whats the weather like in cardiff tomorrow",
  "i forgot my laptop password how do i reset it",
  "how do i book a meeting room in 10 south colonnade",
  "what time is the next train from leeds to kings cross",
  "who won the rugby on saturday",
  "how do i book annual leave on myhr",
  "can you recommend a good curry house near victoria street",
  "my teams keeps crashing on my laptop",
  "how do i claim back the taxi from last weeks conference in my normal job",
  "what's the interest rate on my mortgage going to be next year",
  "how do i register to vote in the council elections",
  "can i extend my parking permit at the office in newport",
  "how do i pay my council tax online",
  "how do i find an nhs dentist in belfast",
  "when is the office christmas party",
  "write me a poem about edinburgh",
  "what does the civil service code say about political activity",
  "how do i match two columns in excel",
  "can you translate this email into french",
  "the printer on the 4th floor is jammed again",
  "how many days until christmas",
  "whats the capital of australia",
  "how do i set up an out of office in outlook",
  "is the canteen open today",
  "how do i change my bank details for my wages",
  "what's a good business case for buying new laptops for the team",
  "recommend a podcast for the commute",
];

export const BLIND3_NOT_COVERED: readonly string[] = [
  "what happens to my pension while im on secondment",
  "do i keep my annual leave allowance from my home department or get the host's",
  "will i get my old job back when i return",
  "how long does security clearance take if i go to a central government department",
  "do i need a dbs check to be seconded into a council",
  "can i get a temporary promotion on secondment",
  "will i still get my annual pay rise while im seconded",
  "what happens if i go on maternity leave during the secondment",
  "do secondees get access to the host organisation's training budget",
  "is there a relocation allowance if the secondment is in london",
  "whats the closing date for applications",
  "how many secondment places are there this year",
  "can i apply for more than one role at the same time",
  "how long will my details stay on the database",
  "is there an age limit for applying",
  "can i end my secondment early if i'm not enjoying it",
  "do i still count as a civil servant if i'm seconded to a council",
  "will the secondment affect my probation period",
  "can i join the host organisation's union while im on secondment",
  "how much notice does my home department need to release me",
  "what happens to my sick pay entitlement on secondment",
  "will i need to sign the official secrets act at the host department",
  "is there a minimum grade to apply",
];

export const BLIND3_IN_DOMAIN_CY: ReadonlyArray<readonly [string, string]> = [
  // ---- line-manager-permission ----
  ["oes rhaid i fi ofyn i'r bos cyn gwneud cais?", "line-manager-permission"],
  ["ydy fy rheolwr llinell yn gorfod cytuno i fi gymryd rhan?", "line-manager-permission"],
  ["oes angen caniatâd y rheolwr arna i i neud secondiad", "line-manager-permission"],
  // ---- fixed-term-contract ----
  ["dwi ar gontract tymor penodol tan fis mawrth, ga i apply?", "fixed-term-contract"],
  ["alla i neud secondiad os mai contract dros dro sy gen i?", "fixed-term-contract"],
  ["fixed term contract efo fi, ydy hynny'n broblem?", "fixed-term-contract"],
  // ---- benefits ----
  ["be di manteision gwneud secondiad?", "benefits"],
  ["pam ddylwn i neud secondiad, be dwi'n cael ohono fo", "benefits"],
  ["sut fydd secondiad yn helpu fy ngyrfa i?", "benefits"],
  // ---- part-time-hours ----
  ["dwi'n gweithio rhan amser, tri diwrnod yr wythnos. ydy hynny'n iawn?", "part-time-hours"],
  ["ga i neud secondiad os dwi'n gweithio oriau rhan-amser?", "part-time-hours"],
  ["mae gen i batrwm gwaith gwahanol achos gofal plant, alla i dal gymryd rhan?", "part-time-hours"],
  // ---- secondment-types ----
  ["oes secondiadau byr ar gael, fel cwpwl o fisoedd?", "secondment-types"],
  ["allwn i gyfnewid swydd efo rhywun yn y cyngor sir?", "secondment-types"],
  ["pa mor hir ydy secondiad fel arfer?", "secondment-types"], // extension gives the two-year limit
  ["ga i neud secondiad un diwrnod yr wythnos a chadw fy swydd arferol?", "secondment-types"],
  // ---- disability-adjustments ----
  ["mae gen i ddyslecsia, allwch chi helpu fi i lenwi'r ffurflen?", "disability-adjustments"],
  ["oes addasiadau rhesymol ar gael os dwi'n anabl?", "disability-adjustments"],
  ["dwi'n fyddar, pa gefnogaeth sydd i fi?", "disability-adjustments"],
  // ---- matching-process ----
  ["sut mae'r paru'n gweithio?", "matching-process"],
  ["oes cyfweliad ffurfiol neu sut ydach chi'n dewis pobl?", "matching-process"],
  ["be sy'n digwydd ar ôl i fi yrru'r ffurflen?", "matching-process"],
  // ---- match-notification ----
  ["sut fydda i'n gwbod bod fi wedi cael fy mharu?", "match-notification"],
  ["pwy sy'n deud wrtha i os oes match?", "match-notification"],
  ["fyddwch chi'n cysylltu efo fi os dach chi'n ffeindio rôl i fi?", "match-notification"],
  // ---- informal-discussion ----
  ["be sy'n digwydd yn y sgwrs anffurfiol? ydy o'n gyfweliad?", "informal-discussion"],
  ["dwi'n ddeiliad swydd wag, sut ddylwn i gynnal y sgwrs efo'r secondai?", "informal-discussion"],
  ["oes rhaid paratoi fel ar gyfer cyfweliad cyn y sgwrs anffurfiol?", "informal-discussion"],
  // ---- not-proceeding ----
  ["be os dwi ddim isio mynd ymlaen ar ôl y sgwrs?", "not-proceeding"],
  ["ges i'r sgwrs a dwi ddim yn meddwl bod o'n iawn i fi, be nesa?", "not-proceeding"],
  ["dwi 'di newid fy meddwl ar ôl cwrdd â nhw, ydy hynny'n iawn?", "not-proceeding"],
  // ---- guaranteed-match ----
  ["ydy hi'n sicr y ca i rôl os dwi'n llenwi'r ffurflen?", "guaranteed-match"],
  ["oes gwarant bydda i'n cael secondiad?", "guaranteed-match"],
  ["ydan ni'n siŵr o gael secondai os ydan ni'n cynnig rôl?", "guaranteed-match"],
  // ---- keeping-in-touch ----
  ["fydda i'n dal i siarad efo fy rheolwr adre tra dwi ar secondiad?", "keeping-in-touch"],
  ["os dwi'n sâl ar secondiad, pwy dwi'n deud wrtho?", "keeping-in-touch"],
  ["sut mae'r sgyrsiau cadw mewn cysylltiad yn gweithio?", "keeping-in-touch"],
  // ---- extension ----
  ["ga i ymestyn y secondiad?", "extension"],
  ["mae'r ddwy ochr isio i fi aros yn hirach, ydy hynny'n bosib?", "extension"],
  ["oes uchafswm o ddwy flynedd ar secondiad?", "extension"],
  // ---- register-interest ----
  ["sut dwi'n gwneud cais?", "register-interest"],
  ["lle mae'r ffurflen datganiad o ddiddordeb?", "register-interest"],
  ["dwi isio cofrestru, be dwi'n neud?", "register-interest"],
  // ---- offer-a-role ----
  ["mae gynnon ni swydd wag yn y tîm, sut ydan ni'n ei chynnig i secondai?", "offer-a-role"],
  ["sut mae'r cyngor yn cynnig lleoliad ar y rhaglen?", "offer-a-role"],
  ["lle mae'r ffurflen paru rolau?", "offer-a-role"],
  // ---- further-questions ----
  ["at bwy dwi'n e-bostio efo cwestiynau?", "further-questions"],
  ["oes cyfeiriad e-bost gan dîm y rhaglen?", "further-questions"],
  // ---- seven-step-plan ----
  ["be di'r camau i drefnu secondiad fy hun?", "seven-step-plan"],
  ["be di'r cynllun saith cam?", "seven-step-plan"],
  // ---- host-organisations ----
  ["pa fath o sefydliadau sy'n cynnig secondiadau? oes rhai yng Nghymru?", "host-organisations"],
  ["ga i fynd ar secondiad i Chwaraeon Cymru neu Iechyd Cyhoeddus Cymru?", "host-organisations"],
  ["ydy elusennau'n cymryd secondeion?", "host-organisations"],
  // ---- business-case ----
  ["be ddylai fod yn yr achos busnes?", "business-case"],
  ["oes angen achos busnes arna i?", "business-case"],
  // ---- pay-and-expenses ----
  ["pwy sy'n talu'r cyflog pan dwi ar secondiad?", "pay-and-expenses"],
  ["ga i fy nghostau teithio'n ôl ar secondiad?", "pay-and-expenses"],
  ["fydd y cyngor yn talu fy nghyflog i neu fy adran i?", "pay-and-expenses"],
  // ---- performance-management ----
  ["pwy sy'n gwneud fy arfarniad pan dwi ar secondiad?", "performance-management"],
  ["pwy sy'n rheoli fy mherfformiad yn y sefydliad newydd?", "performance-management"],
  // ---- end-of-secondment ----
  ["be dwi fod i neud ar ddiwedd y secondiad?", "end-of-secondment"],
  ["dwi'n dod nôl o secondiad mis nesa, oes rhywbeth dylwn i neud?", "end-of-secondment"],
  // ---- talking-to-your-manager ----
  ["sut dwi'n codi'r syniad o secondiad efo'r bos?", "talking-to-your-manager"],
  // ---- arranging-details ----
  ["be ddylwn i gytuno efo'r sefydliad lletyol cyn dechrau?", "arranging-details"],
];

export const BLIND3_OFF_TOPIC_CY: readonly string[] = [
  "sut mae'r tywydd yng Nghaerdydd fory?",
  "dwi 'di anghofio cyfrinair y laptop, help",
  "pryd mae'r ffreutur yn cau heddiw?",
  "pwy enillodd y gêm rygbi neithiwr?",
  "sut dwi'n archebu ystafell gyfarfod?",
  "faint o'r gloch mae'r trên nesa i Abertawe?",
  "oes gynnoch chi rysáit cawl cennin?",
  "sut dwi'n talu treth y cyngor ar-lein?",
  "mae'r argraffydd ar y trydydd llawr wedi torri eto",
  "sut dwi'n newid fy statws ar Teams?",
  "pryd mae parti Nadolig y swyddfa?",
  "sgwennwch gerdd am Eryri i fi plis",
];
