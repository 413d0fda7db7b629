/**
 * BLIND FAQ test set (issue 15). Final measure of how the FAQ answering generalises.
 *
 * Written on 7 December 2026 by a helper session that had NOT seen how the bot answers.
 * The writer read only:
 * - the programme material in shared/reference/*.txt
 * - each knowledge entry's id, main question and answer (src/faq/knowledge.ts and
 *   src/faq/knowledge-cy.json), printed by a small script.
 * The writer did NOT read the entries' alternates, src/faq/alternates.ts, the analysers, the search,
 * off-topic, not-covered or synonym code, or any other test/faq/*set*.ts file. The bot, the bench
 * and the tests were not run on these questions while writing them.
 *
 * Rules for everyone from now on: NEVER use this file for tuning. Do not add its questions (or close
 * paraphrases) to alternates, synonyms, off-topic or not-covered lists, and do not change the
 * answering because of a miss seen here. Read its figures in `npm run bench`, nothing more. If it is
 * ever used for tuning, it stops being blind: write a new one instead.
 *
 * The questions are written the way people type in a Teams chat: civil servants, council and NHS
 * staff, line managers and vacancy holders, across England, Wales, Scotland and Northern Ireland.
 * Typos and slang are deliberate. Each in-domain question has ONE entry id; where another entry
 * could also answer, the comment names it.
 */

export const BLIND_IN_DOMAIN: ReadonlyArray<readonly [string, string]> = [
  // ---- pay-and-expenses (asked a lot) ----
  ["expenses?", "pay-and-expenses"],
  ["if i go on secondment to leeds city council who pays my wages, them or dwp", "pay-and-expenses"],
  ["does my home dept keep paying me while im seconded", "pay-and-expenses"],
  ["who covers my salery during the placement", "pay-and-expenses"],
  ["can i claim travel costs when im out on visits for the host", "pay-and-expenses"],
  ["will the council pay me or will hmrc still pay me", "pay-and-expenses"],
  ["money question - whose payroll am i on when seconded", "pay-and-expenses"],
  ["who foots the bill for my train fares for work trips while on secondment", "pay-and-expenses"],
  ["im in the nhs in newcastle and might go to dhsc for 6 months, do they pay me", "pay-and-expenses"],
  ["wages on secondment who pays", "pay-and-expenses"],
  ["hiya, bit of a long one sorry. im a band 6 at an nhs trust in manchester and my manager says i could go and work with the cabinet office for a while. im keen but worried about money, would i still get paid and by who", "pay-and-expenses"],

  // ---- register-interest ----
  ["how do i sign up", "register-interest"],
  ["where's the EOI form", "register-interest"],
  ["i want to put my name down for a secondment, how", "register-interest"],
  ["how do i apply for govxchange", "register-interest"],
  ["im at belfast city council and want to express interest in going to a central dept, what do i fill in", "register-interest"],
  ["whats the form called to say im interested", "register-interest"],
  ["hi there, i've been in the same team at the scottish government for years and fancy a change, how do i get on the programme", "register-interest"],
  ["apply?", "register-interest"],
  ["can i register for the scheme", "register-interest"],

  // ---- offer-a-role (vacancy holder) ----
  ["theres a vacant post in my team, could a secondee fill it", "offer-a-role"],
  ["i manage a small policy team in dluhc and want to bring someone in from local government, how do we do that", "offer-a-role"],
  ["how do i advertise a role on the programme", "offer-a-role"],
  ["role matching form where", "offer-a-role"],
  ["our council has a project that needs a civil servant for a few months, can we offer it", "offer-a-role"],
  ["im a vacancy holder, how do i put a job up for secondees", "offer-a-role"],
  ["can the nhs trust offer a placement through this", "offer-a-role"],
  ["we'd like to host someone from central gov in cardiff, what do we need to do", "offer-a-role"],

  // ---- line-manager-permission ----
  ["does my boss have to say yes", "line-manager-permission"],
  ["do i need my LM's ok before i apply", "line-manager-permission"],
  // Alternative: talking-to-your-manager.
  ["a lad in my team wants to go on a secondment, whats my part in it as his manager", "line-manager-permission"],
  ["can i apply without telling my manager", "line-manager-permission"],
  ["is sign off from my line manager needed", "line-manager-permission"],
  ["who decides if i can be released, me or my department", "line-manager-permission"],
  ["my manager is on long term leave, do i still need her permission to apply", "line-manager-permission"],
  ["as a line manager can i refuse to release someone for this", "line-manager-permission"],

  // ---- secondment-types ----
  // Alternative: extension (the two-year limit).
  ["typically how many months is a secondment", "secondment-types"],
  ["could i swap jobs with someone at the same level in a local council for a bit", "secondment-types"],
  ["is a job swap a thing on this", "secondment-types"],
  ["i dont want to leave my job for a year, is there anything shorter", "secondment-types"],
  ["can i do a couple of days a week at the host and stay in my own job the rest", "secondment-types"],
  ["are there 12 week ones", "secondment-types"],
  ["what kinds of secondments are on offer", "secondment-types"],
  ["short term options?", "secondment-types"],
  ["do secondments have to be full time", "secondment-types"],

  // ---- matching-process ----
  ["how does matching work", "matching-process"],
  ["is there a proper recruitment process or not", "matching-process"],
  ["after i send the form in what happens next", "matching-process"],
  ["do i have to go through a full application and sift", "matching-process"],
  ["how do you decide who goes where", "matching-process"],
  // Alternative: not-proceeding.
  ["what happens to my details if the first match doesnt work out", "matching-process"],
  ["whats the process from eoi to starting", "matching-process"],
  // Alternative: informal-discussion.
  ["so ive been chatting to my LM about this and shes supportive but doesnt know how it all works either. were at highland council in inverness. if i put my name in, does someone pick me or how does it go from there", "matching-process"],

  // ---- extension ----
  ["can i stay on longer than planned", "extension"],
  ["my secondment ends in march but the host wants to keep me, can we extend", "extension"],
  ["is there a max length, like 2 years", "extension"],
  ["extend secondment?", "extension"],
  ["the big boss at the host wants me for another 6 months, is that allowed", "extension"],
  ["what approvals do we need to lengthen a secondment", "extension"],
  ["can my secondee stay an extra year, im her line manager in the home org", "extension"],

  // ---- fixed-term-contract ----
  ["im on a FTC can i still apply", "fixed-term-contract"],
  ["fixed term contract ends next august, can i do a secondment", "fixed-term-contract"],
  ["im on a temporary contract until june, can the secondment go past that", "fixed-term-contract"],
  ["can someone on a 2 year fixed contract be a secondee", "fixed-term-contract"],
  ["FTC staff eligible?", "fixed-term-contract"],
  ["one of my team is on a fixed term and wants to go on secondment, is that ok", "fixed-term-contract"],

  // ---- part-time-hours ----
  ["i only work 3 days a week can i still do this", "part-time-hours"],
  ["part time worker here, am i eligible", "part-time-hours"],
  ["i do compressed hours, will that be a problem", "part-time-hours"],
  ["i job share at the council in swansea, can i still get a secondment", "part-time-hours"],
  ["i work school hours because of the kids, can i still apply", "part-time-hours"],
  ["non standard working pattern - does that rule me out", "part-time-hours"],

  // ---- benefits ----
  ["what would i gain from a secondment", "benefits"],
  ["whats in it for me", "benefits"],
  ["why should i bother going on secondment", "benefits"],
  ["is it good for my career", "benefits"],
  ["what are the pros of being seconded to central government", "benefits"],
  ["my manager asked why i want to do this, whats the upside", "benefits"],

  // ---- guaranteed-match ----
  ["if i apply will i definitely get a placement", "guaranteed-match"],
  ["is a match guaranteed", "guaranteed-match"],
  ["what are my chances of actually getting matched", "guaranteed-match"],
  ["we put a role on the form, are we sure to get someone", "guaranteed-match"],
  ["submitted my eoi, does that mean i will get a secondment", "guaranteed-match"],

  // ---- match-notification ----
  ["how will i find out if ive been matched", "match-notification"],
  ["will someone email me if there's a match", "match-notification"],
  ["how do i know if i got matched", "match-notification"],
  ["who tells me when theres a match, you or the vacancy holder", "match-notification"],
  ["do i get notified when matched?", "match-notification"],

  // ---- informal-discussion ----
  // Alternative: matching-process.
  ["is there an interview", "informal-discussion"],
  ["what is the informal chat like, do i need to prepare like an interview", "informal-discussion"],
  ["im the hiring manager, how formal should the matching meeting be", "informal-discussion"],
  // Alternative: matching-process.
  ["what do we talk about in the meeting with the vacancy holder", "informal-discussion"],
  ["can we discuss hours and how long it lasts at the informal discussion", "informal-discussion"],
  ["informal discussion what happens", "informal-discussion"],

  // ---- not-proceeding ----
  ["i had the chat and i dont think the role is for me, what now", "not-proceeding"],
  ["can i say no after the meeting", "not-proceeding"],
  ["we met the candidate and they're not right for the role, what do we do", "not-proceeding"],
  ["what if i want to pull out after the informal discussion", "not-proceeding"],
  ["do i need to tell the programme team if it doesnt go ahead", "not-proceeding"],

  // ---- keeping-in-touch ----
  ["KIT days while on secondment?", "keeping-in-touch"],
  ["will i still hear from my own department while im away", "keeping-in-touch"],
  ["if im off sick on secondment who do i tell", "keeping-in-touch"],
  ["how often should i check in with my seconded team member, im their LM", "keeping-in-touch"],
  ["do i stay in contact with my home manager during the secondment", "keeping-in-touch"],
  ["keeping in touch conversations what are they for", "keeping-in-touch"],

  // ---- disability-adjustments ----
  ["i'm disabled, can i get help with the application", "disability-adjustments"],
  ["reasonable adjustments for the form?", "disability-adjustments"],
  ["i have dyslexia and find long forms hard, is there support", "disability-adjustments"],
  ["will the host put adjustments in place for me, i use a wheelchair", "disability-adjustments"],
  ["is there any support for people with disabilities", "disability-adjustments"],

  // ---- further-questions ----
  ["who do i email", "further-questions"],
  ["contact details for the programme team pls", "further-questions"],
  ["i have a question this bot cant answer, who can i talk to", "further-questions"],
  ["email address for govxchange?", "further-questions"],
  ["who runs this, how do i get hold of them", "further-questions"],

  // ---- seven-step-plan ----
  ["how do i organise a secondment myself", "seven-step-plan"],
  ["what are the steps to set up a secondment", "seven-step-plan"],
  ["7 step plan?", "seven-step-plan"],
  ["where do i start if i want to arrange my own secondment", "seven-step-plan"],
  ["can you walk me through how to sort out a secondment from start to finish", "seven-step-plan"],

  // ---- choosing-skills ----
  ["how do i work out what i want to learn from a secondment", "choosing-skills"],
  ["not sure what skills id get, how do i decide", "choosing-skills"],
  ["when is a secondment the right move for my development", "choosing-skills"],
  ["i want to get better at data analysis, is a secondment a good way to do it", "choosing-skills"],

  // ---- talking-to-your-manager ----
  ["how do i bring it up with my boss", "talking-to-your-manager"],
  ["tips for pitching a secondment to my HoP", "talking-to-your-manager"],
  ["nervous about asking my manager, what should i say", "talking-to-your-manager"],
  ["how do i get my manager on board", "talking-to-your-manager"],
  ["should i speak to my head of profession first", "talking-to-your-manager"],

  // ---- approaching-a-host ----
  ["how do i approach an organisation i want to go to", "approaching-a-host"],
  ["i know someone at glasgow city council, can i just contact them about a secondment", "approaching-a-host"],
  ["what should i say when i contact a possible host", "approaching-a-host"],
  ["will the host want to meet me first", "approaching-a-host"],

  // ---- host-organisations ----
  ["where can i go on secondment", "host-organisations"],
  ["what organisations can i be seconded to", "host-organisations"],
  ["any welsh organisations i could go to", "host-organisations"],
  ["can i do a secondment at a charity or think tank", "host-organisations"],
  ["could i be seconded to the bank of england", "host-organisations"],
  ["is the police an option for a secondment", "host-organisations"],

  // ---- business-case ----
  ["do i need a business case", "business-case"],
  ["what goes in the business case", "business-case"],
  ["my director wants a business case for my secondment, what should i put", "business-case"],
  ["business case template?", "business-case"],
  ["how do i justify the secondment in writing", "business-case"],

  // ---- arranging-details ----
  ["once it's agreed in principle what do i sort out with the host", "arranging-details"],
  ["what do i need to agree before i start the secondment", "arranging-details"],
  ["start date and job description, who sorts that", "arranging-details"],
  ["we've said yes to a secondee from the home office, what should we agree with them before they start", "arranging-details"],

  // ---- performance-management ----
  ["who does my appraisal while im seconded", "performance-management"],
  ["who manages me day to day on secondment", "performance-management"],
  ["who does the PDR for someone on secondment with us", "performance-management"],
  ["is my performance managed by my home or host", "performance-management"],
  ["end of year review on secondment, whose job", "performance-management"],

  // ---- end-of-secondment ----
  ["what should i do when my secondment finishes", "end-of-secondment"],
  ["coming back from secondment next month, anything i need to do", "end-of-secondment"],
  ["how do i share what i learnt when i get back", "end-of-secondment"],
  ["should i ask for feedback at the end", "end-of-secondment"],
  ["my secondment at the welsh government is wrapping up, what now", "end-of-secondment"],
];

export const BLIND_OFF_TOPIC: readonly string[] = [
  "whats the weather like in swansea tomorrow",
  "forgot my laptop password, how do i reset it",
  "how do i book annual leave on myhr",
  "who won the old firm game on saturday",
  "anywhere good for lunch near victoria street",
  "how do i claim my train fare back from the away day in leeds on sop",
  "my payslip looks wrong this month who do i speak to",
  "can i swap my shift with a colleague on the ward next week",
  "how do i extend my parking permit at the civic centre",
  "what time does the canteen close",
  "how do i book a meeting room at 10 south colonnade",
  "whats the plan for change",
  "how do i register to vote in belfast",
  "are bin collections changing over christmas in cardiff",
  "whats the capital of australia",
  "write me a poem about spreadsheets",
  "how do i set my out of office in outlook",
  "are there train strikes tomorrow glasgow to edinburgh",
  "how do i match two columns in excel",
  "tell me a joke",
  "how do i get a blue badge from the council",
  "where do i report a pothole on the a470",
  "when's the next bank holiday in scotland",
  "how do i renew my passport",
  "whats the exchange rate pound to euro",
  "how do i write a business case for a new printer",
  "the printer on the 3rd floor is jammed again",
  "can you translate this email into french",
];

export const BLIND_NOT_COVERED: readonly string[] = [
  "will my pension carry on if i go on secondment to the council",
  "do i stay in the civil service pension or move to the lgps",
  "how much annual leave do i get at the host, theirs or mine",
  "can i carry over my leave when i start a secondment",
  "is my old job kept open for me when i get back",
  "how long does sc vetting take for a secondment into a department",
  "can i apply for promotion while im on secondment",
  "if the host role is a grade higher do i get temporary promotion",
  "will i still get the annual pay award while im away",
  "whats the closing date for expressions of interest",
  "how long does matching usually take, weeks or months",
  "how many secondees does the programme take each year",
  "can i do a secondment while im still on probation",
  "is there a relocation allowance if the host is in london and i live in derry",
  "what happens to my trade union membership on secondment",
  "does my continuous service carry on while im seconded",
  "what happens if i go on maternity leave during my secondment",
  "who gives me a laptop, the host or my home team",
  "do i sign a new contract with the host or stay employed by my department",
  "what if the host offers me a permanent job at the end",
  "do i pay tax on the travel allowance",
  "can apprentices apply for the programme",
  "can i keep my second job while on secondment",
  "can i claim childcare costs if the host office is further away",
];

export const BLIND_IN_DOMAIN_CY: ReadonlyArray<readonly [string, string]> = [
  // ---- pay-and-expenses ----
  ["pwy sy'n talu fy nghyflog i pan dw i ar secondiad", "pay-and-expenses"],
  ["ydy'r cyngor yn talu fi neu fy adran i", "pay-and-expenses"],
  ["costau teithio ar secondiad?", "pay-and-expenses"],
  ["ga i hawlio treuliau teithio gan y sefydliad lletyol", "pay-and-expenses"],
  ["pwy sy'n talu'r cyflog yn ystod y secondment", "pay-and-expenses"],
  ["allwch chi ddweud wrtha i pwy fydd yn talu fi os a i at lywodraeth cymru", "pay-and-expenses"],

  // ---- register-interest ----
  ["sut dw i'n cofrestru diddordeb", "register-interest"],
  ["ble mae'r ffurflen datganiad o ddiddordeb", "register-interest"],
  ["sut mae gwneud cais am secondiad", "register-interest"],
  ["dw i isio rhoi fy enw i lawr, be dw i'n neud", "register-interest"],

  // ---- offer-a-role ----
  ["mae gynnon ni swydd yn y tîm, allwn ni gael secondai", "offer-a-role"],
  ["sut mae cynnig rôl i secondai", "offer-a-role"],
  ["ble mae'r ffurflen paru rôl", "offer-a-role"],

  // ---- line-manager-permission ----
  ["oes rhaid i fy rheolwr ddweud ie", "line-manager-permission"],
  ["oes angen caniatâd y bòs arna i cyn gwneud cais", "line-manager-permission"],
  ["ga i wneud cais heb ddweud wrth fy rheolwr llinell", "line-manager-permission"],

  // ---- secondment-types ----
  ["am faint mae secondiad yn para fel arfer", "secondment-types"],
  ["ga i gyfnewid swydd efo rhywun yn y cyngor", "secondment-types"],
  ["oes secondiadau byr ar gael, tua 12 wythnos", "secondment-types"],
  ["ga i wneud cwpl o ddiwrnodau'r wythnos yn unig", "secondment-types"],

  // ---- matching-process ----
  ["allwch chi esbonio sut mae'r paru'n gweithio", "matching-process"],
  ["oes proses recriwtio ffurfiol", "matching-process"],
  ["be sy'n digwydd ar ôl i fi anfon y ffurflen", "matching-process"],

  // ---- extension ----
  ["alla i aros yn hirach ar fy secondiad", "extension"],
  ["ydych chi'n gwybod oes modd ymestyn y secondiad am chwe mis arall", "extension"],
  ["oes uchafswm, fel dwy flynedd", "extension"],

  // ---- fixed-term-contract ----
  ["dw i ar gontract tymor penodol, ga i wneud cais", "fixed-term-contract"],
  ["mae fy nghontract yn dod i ben ym mis mehefin, ydy hynny'n broblem", "fixed-term-contract"],
  ["contract dros dro, ydw i'n gymwys", "fixed-term-contract"],

  // ---- part-time-hours ----
  ["dw i'n gweithio tri diwrnod yr wythnos, alla i gymryd rhan", "part-time-hours"],
  ["gweithiwr rhan amser, ydw i'n cael ymgeisio", "part-time-hours"],
  ["mae gen i batrwm gwaith gwahanol, ydy hynny'n iawn", "part-time-hours"],

  // ---- benefits ----
  ["be dw i'n gael allan o secondiad", "benefits"],
  ["pam ddylwn i fynd ar secondiad", "benefits"],
  ["ydy o'n dda i fy ngyrfa", "benefits"],

  // ---- guaranteed-match ----
  ["os dw i'n cofrestru, ydw i'n siŵr o gael lle", "guaranteed-match"],
  ["oes sicrwydd o gael pâr", "guaranteed-match"],

  // ---- match-notification ----
  ["sut fydda i'n gwybod os dw i wedi cael match", "match-notification"],
  ["pwy fydd yn dweud wrtha i os oes pâr", "match-notification"],

  // ---- informal-discussion ----
  ["oes cyfweliad", "informal-discussion"],
  ["be sy'n digwydd yn y sgwrs anffurfiol efo deiliad y swydd", "informal-discussion"],
  ["pa mor ffurfiol ydy'r cyfarfod paru", "informal-discussion"],

  // ---- not-proceeding ----
  ["ar ôl y sgwrs dw i ddim isio mynd ymlaen, be nawr", "not-proceeding"],
  ["ga i ddweud na ar ôl y cyfarfod", "not-proceeding"],

  // ---- keeping-in-touch ----
  ["fydda i'n dal mewn cysylltiad efo fy adran gartref", "keeping-in-touch"],
  ["os dw i'n sâl ar secondiad, pwy ddylwn i roi gwybod iddo", "keeping-in-touch"],

  // ---- disability-adjustments ----
  ["mae gen i anabledd, oes help efo'r ffurflen", "disability-adjustments"],
  ["addasiadau rhesymol?", "disability-adjustments"],

  // ---- further-questions ----
  ["os nad ydych chi'n gwybod yr ateb, pwy alla i e-bostio", "further-questions"],
  ["cyfeiriad ebost tîm y rhaglen plis", "further-questions"],

  // ---- seven-step-plan ----
  ["sut dw i'n trefnu secondiad fy hun", "seven-step-plan"],
  ["be ydy'r camau i drefnu secondiad", "seven-step-plan"],

  // ---- host-organisations ----
  ["ble alla i fynd ar secondiad yng nghymru", "host-organisations"],
  ["ga i fynd ar secondiad i elusen neu felin drafod", "host-organisations"],

  // ---- business-case ----
  ["oes angen achos busnes arna i", "business-case"],
  ["be ddylai fod yn yr achos busnes", "business-case"],

  // ---- performance-management ----
  ["pwy sy'n gwneud fy arfarniad i tra dw i ar secondiad", "performance-management"],
  ["pwy sy'n rheoli fy mherfformiad yn ystod y secondiad", "performance-management"],

  // ---- end-of-secondment ----
  ["be ddylwn i neud ar ddiwedd y secondiad", "end-of-secondment"],
  ["dw i'n dod 'nôl o secondiad mis nesa, oes rhywbeth i'w wneud", "end-of-secondment"],

  // ---- talking-to-your-manager ----
  ["sut dw i'n codi'r syniad efo fy rheolwr", "talking-to-your-manager"],
  ["sut mae cael y bòs i gefnogi fi", "talking-to-your-manager"],

  // ---- approaching-a-host ----
  ["dw i'n nabod rhywun yng nghyngor gwynedd, ga i gysylltu efo nhw am secondiad", "approaching-a-host"],

  // ---- arranging-details ----
  ["be sy angen i fi gytuno efo'r sefydliad lletyol cyn dechrau", "arranging-details"],

  // ---- choosing-skills ----
  ["sut dw i'n penderfynu be dw i isio ddysgu o secondiad", "choosing-skills"],
];

export const BLIND_OFF_TOPIC_CY: readonly string[] = [
  "sut dywydd fydd hi yn aberystwyth fory",
  "dw i wedi anghofio cyfrinair y gliniadur, help",
  "pryd mae'r ffreutur yn cau",
  "pwy enillodd y gêm rygbi neithiwr",
  "ble ga i barcio wrth swyddfa'r cyngor yng nghaerfyrddin",
  "allwch chi ddweud jôc wrtha i",
  "pryd mae'r bws nesa i fangor",
  "sut mae adnewyddu pasbort",
  "mae'r argraffydd wedi torri eto",
  "beth yw prifddinas ffrainc",
  "pryd mae'r biniau'n cael eu casglu dros y nadolig",
  "sut dw i'n gosod neges allan o'r swyddfa yn outlook",
];
