/**
 * The BLIND 4 FAQ test set (issue 15): the fourth blind set, written on 7 December 2026.
 *
 * Why it exists: every earlier set (eval-set.ts, held-out-set.ts, eval-set-cy.ts, fresh-set.ts,
 * blind-set.ts, blind2-set.ts, blind3-set.ts) is now used while the answering is developed, so none of
 * them still shows how answering generalises to new wording. This set is the final, blind test.
 *
 * How it was written: by a helper who read only the programme material (shared/reference/*.txt) and,
 * for each knowledge entry, its id, main question and answer (printed by a small script, never the
 * alternates). The helper did not read the alternates, the synonym maps, the search, analysis,
 * off-topic or not-covered code, or any other question set, and did not run the bot, the bench or any
 * test on these questions. Questions are typed the way people in central government departments and
 * agencies, councils and the NHS write in a Teams chat: lower case, typos, slang and abbreviations
 * (boss, wages, council, FTC, EOI, KIT, HoP, LM), short fragments and long rambling ones, from a
 * secondee's, a line manager's and a vacancy holder's point of view, with places across England,
 * Wales, Scotland and Northern Ireland.
 *
 * Labelling: each in-domain question is labelled with the ONE entry whose answer a person would want;
 * where a second entry could also answer, the comment names it. Each label was checked against the
 * entry's answer text. A question is in NOT_COVERED only if no entry's answer gives the asker useful
 * information on it.
 *
 * RULE: never tune on this set. Do not add its questions to the alternates, synonym maps or any other
 * set, and do not change the answering to fix a question here. It is measured, not learned from.
 */

/** English questions the programme material answers, each with the id of the entry that answers it. */
export const BLIND4_IN_DOMAIN: ReadonlyArray<readonly [string, string]> = [
  // ---- pay-and-expenses --------------------------------------------------------------------
  ["who pays my wages while im on secondment", "pay-and-expenses"],
  ["will my own dept keep paying me or does the other place", "pay-and-expenses"],
  ["expenses?", "pay-and-expenses"],
  ["does the host cover travel costs if i have to go out to site visits", "pay-and-expenses"],
  ["if i go on secondment from HMRC to Edinburgh council who actually pays my salary", "pay-and-expenses"],
  ["vacancy holder here - do we have to pick up the secondee's pay or does their home org", "pay-and-expenses"],
  ["do i still get paid lol", "pay-and-expenses"],
  ["who funds the secondee", "pay-and-expenses"],

  // ---- register-interest -------------------------------------------------------------------
  ["how do i sign up", "register-interest"],
  ["wheres the EOI form", "register-interest"],
  ["how do i apply for a secondment thru this programme", "register-interest"],
  ["i want to put my name down for something at a council, how do i do that", "register-interest"],
  ["how to express an interest", "register-interest"],
  ["apply?", "register-interest"],
  ["im a policy officer in the Department for Education and quite fancy a stint in local government, where do i start with applying", "register-interest"],

  // ---- line-manager-permission -------------------------------------------------------------
  ["do i need my boss to sign off before i apply", "line-manager-permission"],
  ["does my LM have to agree? we dont really get on tbh", "line-manager-permission"],
  ["can i apply without telling my manager", "line-manager-permission"],
  ["my manager at sheffield city council might say no to releasing me, is that the end of it", "line-manager-permission"],
  ["is LM approval needed", "line-manager-permission"],
  ["does the big boss have to approve it or just my LM", "line-manager-permission"],
  ["do i need permision from my line manger", "line-manager-permission"],

  // ---- fixed-term-contract -----------------------------------------------------------------
  ["im on a FTC till march, can i still apply", "fixed-term-contract"],
  ["my fixed term contract ends june 2027, could i do an 18 month secondment", "fixed-term-contract"],
  ["on a two year fixed term at the Welsh Government - am i eligible", "fixed-term-contract"],
  ["can someone on a fixed-term do this or is it permanent staff only", "fixed-term-contract"],

  // ---- benefits ----------------------------------------------------------------------------
  ["whats in it for me", "benefits"],
  ["why would i bother doing a secondment, whats the upside", "benefits"],
  ["how does a secondment help my career", "benefits"],
  ["sell it to me, what are the perks of being a secondee", "benefits"],
  ["what would i actually gain from going to work at a council for a bit", "benefits"],

  // ---- part-time-hours ---------------------------------------------------------------------
  ["i only work 3 days a week, can i still do one", "part-time-hours"],
  ["im on compressed hours, does that rule me out", "part-time-hours"],
  ["im in a job share at DWP in Newcastle, can i still be seconded", "part-time-hours"],
  ["part timer here - eligible?", "part-time-hours"],
  ["i do 22.5 hrs a week because of childcare, can i join the scheme", "part-time-hours"],

  // ---- secondment-types --------------------------------------------------------------------
  // Length questions: extension also mentions a two-year limit, but this entry says how long they run.
  ["how long do secondments normally last", "secondment-types"],
  ["can i do one just for a few months", "secondment-types"],
  ["could i swap jobs with someone at a council who does the same job as me", "secondment-types"],
  // part-time-hours could also answer; this entry describes the part-time arrangement itself.
  ["is there an option where i stay in my own job some days and go to the host the rest", "secondment-types"],
  ["whats the shortest secondment you can do", "secondment-types"],
  ["dont want to leave my team for ages, any short ones", "secondment-types"],
  ["job swap?", "secondment-types"],

  // ---- disability-adjustments --------------------------------------------------------------
  ["im dyslexic and struggle with forms, can someone help me fill in the EOI", "disability-adjustments"],
  ["reasonable adjustments?", "disability-adjustments"],
  ["i use a wheelchair, will the host make sure the office works for me", "disability-adjustments"],
  ["I'm autistic, what support is there during the process", "disability-adjustments"],
  ["need the form in large print, who do i ask", "disability-adjustments"],

  // ---- matching-process --------------------------------------------------------------------
  ["how do you decide who gets which role", "matching-process"],
  // informal-discussion also says the meeting is not a formal interview.
  ["is there an interview or is it just matching", "matching-process"],
  ["how does govxchange pair people up with roles", "matching-process"],
  ["whats the selection process", "matching-process"],
  ["do i have to go through a sift like normal recruitment", "matching-process"],
  ["so after i fill the form in what happens next", "matching-process"],

  // ---- match-notification ------------------------------------------------------------------
  ["how will i find out if ive got a match", "match-notification"],
  ["will someone email me if im matched", "match-notification"],
  ["who tells me if ive been paired with a role", "match-notification"],
  ["put my EOI in weeks ago, how do i know if i've been matched or not", "match-notification"],

  // ---- informal-discussion -----------------------------------------------------------------
  ["what should i expect at the informal chat", "informal-discussion"],
  ["is the matching meeting a proper interview? do i need to prep STAR examples", "informal-discussion"],
  ["what gets talked about in the informal discussion", "informal-discussion"],
  // matching-process also says the vacancy holder decides how to run it.
  ["as the vacancy holder how should i run the chat with the candidate", "informal-discussion"],
  ["can we discuss doing it 3 days a week when we have the informal meeting", "informal-discussion"],

  // ---- not-proceeding ----------------------------------------------------------------------
  ["what if i meet them and decide its not for me", "not-proceeding"],
  ["can i pull out after the informal chat", "not-proceeding"],
  ["vacancy holder here, the candidate wasnt right for us, what do i do now", "not-proceeding"],
  // matching-process also says you stay on the database.
  ["the match didnt work out after we met, do i have to start all over again", "not-proceeding"],
  ["can i say no after the meeting without it looking bad", "not-proceeding"],

  // ---- guaranteed-match --------------------------------------------------------------------
  ["if i apply am i definitely getting a secondment", "guaranteed-match"],
  ["is a placement guaranteed", "guaranteed-match"],
  ["what are my chances of actually getting matched", "guaranteed-match"],
  ["we put a role in from Belfast City Council, will we def get someone", "guaranteed-match"],

  // ---- keeping-in-touch --------------------------------------------------------------------
  ["will my old boss still check in on me while im away", "keeping-in-touch"],
  ["KIT conversations - who does them", "keeping-in-touch"],
  ["if im off sick while on secondment who do i tell", "keeping-in-touch"],
  ["as a line manager do i need to stay in contact with my team member while they're seconded to the Scottish Government", "keeping-in-touch"],
  ["will i lose touch with my home dept", "keeping-in-touch"],
  ["who do i report absences to on secondment", "keeping-in-touch"],

  // ---- extension ---------------------------------------------------------------------------
  ["can i stay longer if its going well", "extension"],
  ["can the secondment go past 2 years", "extension"],
  ["extend?", "extension"],
  ["host wants to keep me another 6 months, is that allowed", "extension"],
  // secondment-types is about lengths too, but only this entry gives a maximum.
  ["whats the max length of a secondment", "extension"],

  // ---- offer-a-role ------------------------------------------------------------------------
  ["we've got a gap in our housing team at Belfast City Council, can we get a secondee", "offer-a-role"],
  ["how do i advertise a role on the programme", "offer-a-role"],
  ["where is the role matching form", "offer-a-role"],
  ["im a vacancy holder at HMRC, how do i get someone seconded in", "offer-a-role"],
  ["could my team host a secondee from local government", "offer-a-role"],
  ["we need an analyst for 6 months in Cardiff, can we use govxchange to find one", "offer-a-role"],

  // ---- further-questions -------------------------------------------------------------------
  ["who do i contact", "further-questions"],
  ["whats the email for the programme team", "further-questions"],
  ["is there an actual person i can speak to about this", "further-questions"],
  ["contact details pls", "further-questions"],
  ["where do i send my questions", "further-questions"],

  // ---- seven-step-plan ---------------------------------------------------------------------
  ["how do i go about setting up a secondment myself", "seven-step-plan"],
  ["what are the steps", "seven-step-plan"],
  ["walk me through organising a secondment from start to finish", "seven-step-plan"],
  ["is there a checklist for arranging a secondment", "seven-step-plan"],
  ["7 steps?", "seven-step-plan"],

  // ---- choosing-skills ---------------------------------------------------------------------
  ["how do i work out what i want to get out of a secondment", "choosing-skills"],
  ["not sure what skills i want to develop, any tips", "choosing-skills"],
  ["when is a secondment the right choice for my development", "choosing-skills"],
  ["i want more experience with data analysis that i cant get in my team, is a secondment a good way", "choosing-skills"],

  // ---- talking-to-your-manager -------------------------------------------------------------
  ["how do i bring up a secondment with my boss without it looking like im leaving", "talking-to-your-manager"],
  ["what should i say to my HoP about going on secondment", "talking-to-your-manager"],
  ["best way to pitch a secondment to my line manager", "talking-to-your-manager"],
  ["my manager wont be keen, how do i convince them", "talking-to-your-manager"],
  // line-manager-permission is about whether permission is needed; this is about support.
  ["will my department back me going on secondment", "talking-to-your-manager"],

  // ---- approaching-a-host ------------------------------------------------------------------
  ["how do i approach the organisation i want to go to", "approaching-a-host"],
  ["i know someone at Transport for Wales, can i just ask them about a secondment", "approaching-a-host"],
  ["should i contact the host myself or get my HoP to do it", "approaching-a-host"],
  ["what will the host org want to know from me before they agree", "approaching-a-host"],
  ["how do i get a foot in the door at the NHS trust in Leeds i want to go to", "approaching-a-host"],

  // ---- host-organisations ------------------------------------------------------------------
  ["where can i do a secondment", "host-organisations"],
  ["can i go to a charity", "host-organisations"],
  ["which orgs can i be seconded to in wales", "host-organisations"],
  ["could i go to the bank of england", "host-organisations"],
  ["is the private sector an option, like a bank or a big retailer", "host-organisations"],
  ["can i be seconded to the police", "host-organisations"],
  ["what about think tanks or universities", "host-organisations"],

  // ---- business-case -----------------------------------------------------------------------
  ["do i need a business case", "business-case"],
  ["what goes in the business case", "business-case"],
  ["business case template?", "business-case"],
  ["my director wants a written justification for my secondment, what should i put in it", "business-case"],

  // ---- arranging-details -------------------------------------------------------------------
  ["what do i need to agree with the host before i start", "arranging-details"],
  ["its been agreed in principle, what next", "arranging-details"],
  ["what should we sort out before day one, role spec etc", "arranging-details"],
  // pay-and-expenses also says to talk to HR on both sides, about pay.
  ["do i need to speak to HR on both sides", "arranging-details"],
  ["start date and how long it runs for - who agrees that", "arranging-details"],

  // ---- performance-management --------------------------------------------------------------
  ["who does my appraisal while im on secondment", "performance-management"],
  ["whos responsible for my PDR", "performance-management"],
  ["who manages my performance on secondment", "performance-management"],
  ["end of year review while on secondment - host or home?", "performance-management"],
  ["how do i make sure the host is happy with my work", "performance-management"],

  // ---- end-of-secondment -------------------------------------------------------------------
  ["what should i do when my secondment is ending", "end-of-secondment"],
  ["coming back from secondment next month, anything i need to do", "end-of-secondment"],
  ["do i have to write anything up after", "end-of-secondment"],
  ["how do i share what i learned when i get back to the office in Bristol", "end-of-secondment"],
  ["should i stay in touch with the host after i leave", "end-of-secondment"],

  // ---- long, rambling questions with context -----------------------------------------------
  ["hiya, so i work in revenues and benefits at Cardiff council and my manager reckons a stint in a central government department would be good for me but im worried about money, would the department i go to be paying me or would it still be the council", "pay-and-expenses"],
  ["morning all. I manage a small team at the Scottish Government in Glasgow and one of mine has asked about going on secondment to a local authority for a year. do i actually have to let them go or is it down to us", "line-manager-permission"],
  ["been at DAERA in Belfast 6 years, feel a bit stuck, thinking about a secondment but honestly not sure what id even want to learn from it, how do people figure that out", "choosing-skills"],
  ["so i had the informal chat with the vacancy holder at the Home Office yesterday and it went ok but the role is way more junior than i thought, im not sure i want to go ahead, what happens if i say no", "not-proceeding"],
  ["we're a small district council in Cumbria with a one year project on homelessness data and no budget to recruit, someone said this govxchange thing might help, how would we get a secondee in", "offer-a-role"],
  ["im a band 6 nurse in NHS Wales and my contract is fixed term until next autumn because its project funded, would i even be allowed to do a secondment or does the end date get in the way", "fixed-term-contract"],
  ["my secondment finishes in the spring and my team at the host have asked if id stay until the end of the year, my home manager in Bristol is fine with it, can that happen and is there a limit", "extension"],
  ["line manager here - one of my team starts a secondment with Aberdeen City Council next week and im not sure whether i still do their appraisal or whether the council does it now", "performance-management"],
];

/** English questions outside the programme entirely: the bot must not answer them from the FAQ. */
export const BLIND4_OFF_TOPIC: readonly string[] = [
  "whats the weather like in swansea tomorrow",
  "i forgot my laptop password",
  "how do i book annual leave on myhr",
  "what time does the canteen shut",
  "how do i claim for my train to leeds last week on SOP",
  "my wages are wrong this month who do i speak to in payroll",
  "can you recommend a good pub near cardiff central",
  "whats the exchange rate for euros today",
  "who won the rugby at the weekend",
  "how do i set my out of office in outlook",
  "when is my council tax due",
  "how do i register with a gp in belfast",
  "write me a leaving message for my colleague",
  "how do i share my screen in teams",
  "train times glasgow to edinburgh",
  "where do i report a pothole",
  "how to make a pivot table in excel",
  "is the M4 closed near newport",
  "what's the interview format for the fast stream",
  "my line manager keeps cancelling our 1:1s what should i do",
  "how do i get a blue badge from the council",
  "whats 20 percent of 350",
  "which dating app has the best matching",
  "how do i renew my passport",
  "tell me a joke",
  "how many days til christmas",
  "can you book me a meeting room on floor 3",
];

/** English questions about secondments that the programme material does not answer. */
export const BLIND4_NOT_COVERED: readonly string[] = [
  "will my pension be affected by the secondment",
  "how much annual leave do i get on secondment, the host's amount or my home one",
  "will i get my old job back after",
  "how long does security clearance take if the host needs SC",
  "is there a relocation allowance if i move to london for the secondment",
  "can i end my secondment early if i hate it",
  "does a secondment count as continuous service for redundancy",
  "what happens to my maternity pay if i get pregnant on secondment",
  "is there a closing date for applications",
  "how many secondment places are there this year",
  "will my trade union membership carry over while im seconded",
  "can i get promoted while im on secondment",
  "do i need to be a british citizen to apply",
  "do i need to have passed probation before applying",
  "will the host give me a laptop or do i bring my own",
  "can i carry my flexi balance over to the host",
  "whats the notice period to end a secondment",
  "can i claim overtime on secondment",
  "can i apply for other jobs while im on secondment",
  "will i be on the host's terms and conditions or my own",
  "do i need a DBS check to go on secondment with the police",
  "can i have a second job while im on secondment",
  "how long do i need to have worked in the civil service before i can apply",
  "is there a minimum grade to apply",
];

/** Welsh questions the programme material answers, each with the id of the entry that answers it. */
export const BLIND4_IN_DOMAIN_CY: ReadonlyArray<readonly [string, string]> = [
  // pay-and-expenses
  ["pwy sy'n talu fy nghyflog i tra dw i ar secondiad?", "pay-and-expenses"],
  ["fydd fy adran i'n dal i dalu fi?", "pay-and-expenses"],
  ["costau teithio - pwy sy'n talu?", "pay-and-expenses"],
  ["allwch chi ddeud wrtha i os ydy'r sefydliad lletyol yn talu'r cyflog?", "pay-and-expenses"],
  // register-interest
  ["sut dw i'n gwneud cais?", "register-interest"],
  ["lle mae'r ffurflen EOI plis", "register-interest"],
  ["dw i isio rhoi fy enw lawr, sut?", "register-interest"],
  // line-manager-permission
  ["oes rhaid i fy mos i gytuno?", "line-manager-permission"],
  ["oes angen caniatâd y rheolwr llinell cyn gwneud cais?", "line-manager-permission"],
  ["alla i wneud cais heb ddeud wrth fy rheolwr?", "line-manager-permission"],
  // fixed-term-contract
  ["dw i ar gontract tymor penodol tan fis Mawrth, ga i wneud cais?", "fixed-term-contract"],
  ["mae fy FTC i'n gorffen flwyddyn nesa, ydy hynny'n broblem?", "fixed-term-contract"],
  ["ydy pobl ar gytundeb cyfnod penodol yn cael cymryd rhan?", "fixed-term-contract"],
  // benefits
  ["be dw i'n cael allan ohono fo?", "benefits"],
  ["beth ydy manteision secondiad i fy ngyrfa?", "benefits"],
  ["pam ddylwn i drafferthu efo secondiad?", "benefits"],
  // part-time-hours
  ["dw i'n gweithio tri diwrnod yr wythnos, ga i neud secondiad?", "part-time-hours"],
  ["dw i'n rhan amser, ydw i'n gymwys?", "part-time-hours"],
  ["oriau cywasgedig sy gen i, ydy hynny'n iawn?", "part-time-hours"],
  // secondment-types
  ["pa mor hir ydy secondiad fel arfer?", "secondment-types"],
  ["oes 'na secondiadau byr, am gwpl o fisoedd?", "secondment-types"],
  ["alla i gyfnewid swydd efo rhywun yn y cyngor?", "secondment-types"],
  // disability-adjustments
  ["mae gen i ddyslecsia, oes help i lenwi'r ffurflen?", "disability-adjustments"],
  ["addasiadau rhesymol?", "disability-adjustments"],
  ["dw i'n anabl, pa gefnogaeth sydd ar gael?", "disability-adjustments"],
  // matching-process
  ["sut dach chi'n paru pobl efo swyddi?", "matching-process"],
  // informal-discussion could also answer.
  ["oes cyfweliad ffurfiol neu jyst paru?", "matching-process"],
  ["be sy'n digwydd ar ôl i fi lenwi'r ffurflen?", "matching-process"],
  // match-notification
  ["sut fydda i'n gwybod os dw i wedi cael fy mharu?", "match-notification"],
  ["pwy sy'n deud wrtha i os oes pâr?", "match-notification"],
  // informal-discussion
  ["be sy'n digwydd yn y sgwrs anffurfiol?", "informal-discussion"],
  ["ydy'r cyfarfod paru yn gyfweliad go iawn?", "informal-discussion"],
  // not-proceeding
  ["be os dw i ddim isio mynd ymlaen ar ôl y sgwrs?", "not-proceeding"],
  ["ga i dynnu'n ôl ar ôl y cyfarfod?", "not-proceeding"],
  // guaranteed-match
  ["ydw i'n siŵr o gael secondiad os dw i'n gwneud cais?", "guaranteed-match"],
  ["oes sicrwydd y ca i rôl?", "guaranteed-match"],
  // keeping-in-touch
  ["fydd fy rheolwr llinell i'n cadw mewn cysylltiad tra dw i i ffwrdd?", "keeping-in-touch"],
  ["os dw i'n sâl ar secondiad, pwy dw i'n deud wrthyn nhw?", "keeping-in-touch"],
  ["sgyrsiau KIT - be ydyn nhw?", "keeping-in-touch"],
  // extension
  ["alla i aros yn hirach os ydy o'n mynd yn dda?", "extension"],
  ["ydy hi'n bosib ymestyn y secondiad?", "extension"],
  // secondment-types is about lengths too, but only this entry gives a maximum.
  ["am faint gall secondiad bara ar y mwya?", "extension"],
  // offer-a-role
  ["mae gynnon ni swydd wag yn y tîm, sut ydyn ni'n cael secondai?", "offer-a-role"],
  ["lle mae'r ffurflen paru rolau?", "offer-a-role"],
  ["dw i'n ddeiliad swydd wag yng Nghyngor Gwynedd, sut dw i'n cynnig rôl?", "offer-a-role"],
  // further-questions
  ["efo pwy alla i gysylltu?", "further-questions"],
  ["be ydy cyfeiriad e-bost y tîm?", "further-questions"],
  // seven-step-plan
  ["be ydy'r camau i drefnu secondiad?", "seven-step-plan"],
  ["sut dw i'n mynd ati i drefnu secondiad fy hun?", "seven-step-plan"],
  // choosing-skills
  ["sut dw i'n penderfynu pa sgiliau dw i isio eu datblygu?", "choosing-skills"],
  ["dw i ddim yn siŵr be dw i isio'i ddysgu, unrhyw gyngor?", "choosing-skills"],
  // talking-to-your-manager
  ["sut dw i'n codi'r peth efo fy rheolwr?", "talking-to-your-manager"],
  ["be ddylwn i ddeud wrth fy Mhennaeth Proffesiwn?", "talking-to-your-manager"],
  // approaching-a-host
  ["sut dw i'n cysylltu â'r sefydliad dw i isio mynd iddo?", "approaching-a-host"],
  ["dw i'n nabod rhywun yn Chwaraeon Cymru, ga i jyst gofyn iddyn nhw?", "approaching-a-host"],
  // host-organisations
  ["lle alla i fynd ar secondiad yng Nghymru?", "host-organisations"],
  ["ga i fynd i elusen?", "host-organisations"],
  ["ydy Estyn yn un o'r llefydd lle galla i fynd?", "host-organisations"],
  // business-case
  ["oes angen achos busnes arna i?", "business-case"],
  ["be ddylai fod yn yr achos busnes?", "business-case"],
  // arranging-details
  ["be sy angen ei gytuno efo'r sefydliad lletyol cyn dechrau?", "arranging-details"],
  ["pwy sy'n cytuno ar y dyddiad dechrau a pha mor hir fydd o?", "arranging-details"],
  // performance-management
  ["ydach chi'n gwybod pwy sy'n gwneud fy arfarniad i ar secondiad?", "performance-management"],
  ["pwy sy'n rheoli fy mherfformiad i?", "performance-management"],
  // end-of-secondment
  ["be ddylwn i neud ar ddiwedd y secondiad?", "end-of-secondment"],
  ["dw i'n dod nôl mis nesa, oes rhaid i fi sgwennu rhywbeth?", "end-of-secondment"],
  // long ones
  ["helo, dw i'n gweithio i Gyngor Sir Ceredigion ac mae gen i ddiddordeb mewn secondiad i Lywodraeth Cymru am chydig, ond dw i ddim isio colli cyflog - pwy fasa'n talu fi?", "pay-and-expenses"],
  ["dw i'n rheolwr llinell ac mae un o'r tîm ar secondiad efo'r GIG ym Mangor, ydw i fod i gadw mewn cysylltiad efo hi tra mae hi yno?", "keeping-in-touch"],
];

/** Welsh questions outside the programme entirely. */
export const BLIND4_OFF_TOPIC_CY: readonly string[] = [
  "sut mae'r tywydd yn Aberystwyth fory?",
  "dw i wedi anghofio cyfrinair fy ngliniadur",
  "pryd mae'r ffreutur yn cau?",
  "pwy enillodd y gêm rygbi ddydd Sadwrn?",
  "sut dw i'n archebu gwyliau blynyddol ar y system AD?",
  "faint o'r gloch mae'r trên nesa i Gaerdydd?",
  "sut mae gwneud bara brith?",
  "mae fy nghyflog i'n anghywir mis yma, pwy ddylwn i ffonio yn y gyflogres?",
  "sut dw i'n rhannu sgrin yn Teams?",
  "pryd mae'r biniau'n cael eu casglu yng Nghaerffili?",
  "deudwch jôc wrtha i",
  "sut dw i'n adnewyddu fy mhasbort?",
];
