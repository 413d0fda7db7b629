/**
 * The FAQ evaluation set: questions written the way people type them in chat, labelled with the
 * entry that must answer them. Written for evaluation, not copied from the alternates the
 * classifier learns. `npm run bench` (scripts/bench-faq.ts) reports accuracy on it.
 */
export const IN_DOMAIN: ReadonlyArray<readonly [string, string]> = [
  // Permission from the line manager
  ["do i need my managers ok before i apply", "line-manager-permission"],
  ["my boss might not be keen, can i still go for it", "line-manager-permission"],
  ["has my LM got to approve this", "line-manager-permission"],
  ["Does my department need to agree to release me for a secondment?", "line-manager-permission"],
  // Fixed-term contracts
  ["im on an FTC can i apply", "fixed-term-contract"],
  ["I'm only on a 2 year fixed term contract - does that rule me out?", "fixed-term-contract"],
  ["temporary worker here, am i allowed on the scheme", "fixed-term-contract"],
  ["what happens if my contract finishes before the secondment would", "fixed-term-contract"],
  // Benefits
  ["What do I get out of doing a secondment?", "benefits"],
  ["whats in it for me", "benefits"],
  ["how does being seconded help me professionally", "benefits"],
  ["why bother doing a secondment, what are the advantages", "benefits"],
  // Part-time
  ["i work part time, is that a problem", "part-time-hours"],
  ["I do four days a week - can I still be considered?", "part-time-hours"],
  ["can people on reduced hours apply", "part-time-hours"],
  ["im a job sharer in Swansea council, can i take part", "part-time-hours"],
  // Types of secondment
  ["How long does a secondment normally last?", "secondment-types"],
  ["Could I trade places with someone doing a similar job at a council?", "secondment-types"],
  ["can i do a part time secondment and keep my day job", "secondment-types"],
  ["are there short secondments, like 3 months", "secondment-types"],
  ["what kinds of secondments can i do", "secondment-types"],
  ["is a job swap with someone in Cardiff an option", "secondment-types"],
  // Disability
  ["im dyslexic and find long forms hard, can someone help", "disability-adjustments"],
  ["I have a disability, will the host make reasonable adjustments?", "disability-adjustments"],
  ["what help is there if i'm disabled", "disability-adjustments"],
  ["can I get adjustments for my health condition", "disability-adjustments"],
  // Matching
  ["how do you match people to roles", "matching-process"],
  ["is there an application and interview like a normal job", "matching-process"],
  ["how does the matchng work", "matching-process"],
  ["who picks which secondee goes to which role", "matching-process"],
  // Match notification
  ["how will i know ive been matched", "match-notification"],
  ["will someone get in touch if a match comes up", "match-notification"],
  ["when do i hear back about a match", "match-notification"],
  // Informal discussion
  ["will there be a formal interview with the host", "informal-discussion"],
  ["what happens at the informal discussion", "informal-discussion"],
  ["what should i expect when i meet the vacancy holder", "informal-discussion"],
  // Not proceeding
  ["what if i decide its not for me after meeting them", "not-proceeding"],
  ["can i turn the role down after the discussion", "not-proceeding"],
  ["what happens if the vacancy holder says no after our chat", "not-proceeding"],
  // Guaranteed match
  ["if i register am i guaranteed a place", "guaranteed-match"],
  ["is a match promised once ive filled in the form", "guaranteed-match"],
  ["will i def get matched", "guaranteed-match"],
  // Keeping in touch
  ["will i keep in touch with my home organisation", "keeping-in-touch"],
  ["who do i report absence to when im seconded", "keeping-in-touch"],
  ["what are keep in touch chats", "keeping-in-touch"],
  ["do i still talk to my old team while im away", "keeping-in-touch"],
  // Extension
  ["can my secondment be extnded", "extension"],
  ["Is there a limit on how long a secondment can go on for?", "extension"],
  ["we want to make the secondment longer, is that allowed", "extension"],
  ["can a secondment go past two years", "extension"],
  // Register interest
  ["how do i register", "register-interest"],
  ["where do i fill in the expression of interest", "register-interest"],
  ["how can i get involved in the programme", "register-interest"],
  ["I'd like to apply for a secondment, what's the process to sign up?", "register-interest"],
  // Offering a role
  ["my team in Wrexham has a gap a secondee could fill, how do we offer it", "offer-a-role"],
  ["how can my organisation host a secondee", "offer-a-role"],
  ["i manage a team and want to take on a secondee", "offer-a-role"],
  ["how do we put forward a vacancy", "offer-a-role"],
  // Contacting the programme team
  ["who do i email with questions", "further-questions"],
  ["how can i contact the programme team", "further-questions"],
  ["is there an email address for the secondment team", "further-questions"],
  // The 7-step plan
  ["what are the 7 steps", "seven-step-plan"],
  ["how do i arrange a secondment", "seven-step-plan"],
  ["whats the process for setting up a secondment from start to finish", "seven-step-plan"],
  // Choosing skills
  ["how do i decide what i want to learn", "choosing-skills"],
  ["what development needs make a good reason for a secondment", "choosing-skills"],
  ["how do i figure out which skills to work on", "choosing-skills"],
  // Talking to the manager
  ["how should i bring up a secondment with my boss", "talking-to-your-manager"],
  ["should i speak to my head of profession about this idea", "talking-to-your-manager"],
  ["how do i get my manager to support my secondment idea", "talking-to-your-manager"],
  // Approaching a host
  ["how do i approach an organisation i want to work with", "approaching-a-host"],
  ["should I contact someone I know at the host organisation?", "approaching-a-host"],
  ["what will the host organisation want to know when we first meet", "approaching-a-host"],
  // Host organisations
  ["which organisations could i be seconded to", "host-organisations"],
  ["could i go to a charity like Shelter", "host-organisations"],
  ["can i be seconded to Public Health Wales or Sport Wales", "host-organisations"],
  ["are there secondments with the Bank of England", "host-organisations"],
  ["could i work at a think tank", "host-organisations"],
  // Business case
  ["what should i put in my business case", "business-case"],
  ["do i need a business case and what goes in it", "business-case"],
  ["how do i show my department will benefit in the business case", "business-case"],
  // Agreeing the details
  ["what do i need to agree with the host before i start", "arranging-details"],
  ["who sorts out the start date and length of the secondment", "arranging-details"],
  ["do i need a role description before i start at the host", "arranging-details"],
  // Pay and expenses
  ["Will my own department keep paying my salary while I'm on secondment?", "pay-and-expenses"],
  ["who pays my wages when im seconded", "pay-and-expenses"],
  ["whos paying my salery", "pay-and-expenses"],
  ["do i get travel expenses paid", "pay-and-expenses"],
  ["if I go on secondment from Caerphilly to London who covers my pay", "pay-and-expenses"],
  // Performance
  ["who does my performance review while im on secondment", "performance-management"],
  ["who manages my performance at the host", "performance-management"],
  ["who sets my objectives during the secondment", "performance-management"],
  // End of secondment
  ["what should i do when my secondment ends", "end-of-secondment"],
  ["what happens at the end of a secondment", "end-of-secondment"],
  ["what do i do when i come back to my department after the secondment", "end-of-secondment"],
  // Long and rambling
  [
    "Hi there, so I've been at the council in Aberystwyth for about six years now and I'm on a permanent contract but I only work three days a week because of childcare, would I still be able to do one of these secondments or do you have to be full time?",
    "part-time-hours",
  ],
  [
    "I was chatting to a colleague who did one of these last year and she said her old department carried on paying her, but someone else told me the host pays, so I'm a bit confused, who actually pays the salary?",
    "pay-and-expenses",
  ],
  [
    "I'm interested but I don't really know where to begin, I've never done anything like this before and I'm not sure what the steps are to get a secondment sorted out, can you explain?",
    "seven-step-plan",
  ],
  [
    "My line manager in Newport is quite supportive in general but I'm worried she won't want to let me go because we're short staffed, do I actually need her permission to take part?",
    "line-manager-permission",
  ],
];

/** Outside what the bot knows: must never get an answer. */
export const OFF_TOPIC: readonly string[] = [
  "whats the weather like in Cardiff today",
  "how do i reset my laptop password",
  "can you book me a meeting room",
  "what time does the canteen close",
  "who won the rugby on saturday",
  "my teams keeps crashing",
  "how do i connect to the office wifi",
  "recommend a good pub in Llandudno",
  "what's the train time from Bangor to Crewe",
  "order me a new keyboard please",
  "how do i claim for my broadband at home",
  "tell me a joke",
  "what's 12 times 14",
  "where can i park at the Swansea office",
  "how do i change my desktop background",
  "whats the capital of france",
  "can you translate this into Welsh",
  "how do i set up my out of office",
  "when is the next bank holiday",
  "is the printer on floor 3 working",
];

/** About secondments, but the programme material does not answer them: must never get an answer. */
export const NOT_COVERED_SET: readonly string[] = [
  "what happens to my pension while im seconded",
  "do i still build up pension on secondment",
  "how many days annual leave will i get at the host",
  "can i carry over my holiday when the secondment starts",
  "will i get my old job back after the secondment",
  "is my job protected while im on secondment",
  "how long does security vetting take for a secondment",
  "will i need SC clearance",
  "could i get a promotion during my secondment",
  "will i be paid more if the host role is a higher grade",
  "will i get relocation expenses if i move to London for the secondment",
  "what if i get pregnant during my secondment",
  "can i work from home on secondment",
  "does a secondment affect my tax",
  "can i join the host's union",
];
