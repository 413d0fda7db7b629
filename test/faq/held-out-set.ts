/**
 * The HELD-OUT FAQ evaluation set (issue 15). Written fresh, in everyday chat words, after the
 * thresholds in src/faq/search.ts were tuned on eval-set.ts. It is NEVER used for tuning: no
 * threshold, synonym or alternate may be chosen by looking at how these questions fare, and none
 * of them may be copied into alternates. `npm run bench` reports it separately, so the figures
 * show how well answering generalises to questions nobody tuned for.
 */
export const HELD_OUT_IN_DOMAIN: ReadonlyArray<readonly [string, string]> = [
  // line-manager-permission
  ["does my gaffer have to sign this off before i can go", "line-manager-permission"],
  ["can i go on secondment if my manager says no", "line-manager-permission"],
  ["need permision from my boss??", "line-manager-permission"],
  // fixed-term-contract
  ["my contract is only temporary till march, can i still join", "fixed-term-contract"],
  ["can someone on a fixed term contract be a secondee", "fixed-term-contract"],
  ["FTC ending in 6 months - would a secondment run past that", "fixed-term-contract"],
  // benefits
  ["what are the upsides of being seconded", "benefits"],
  ["is it good for my career to do one of these", "benefits"],
  ["why should i bother applying, what do i gain", "benefits"],
  // part-time-hours
  ["i only do mornings, can i still take part", "part-time-hours"],
  ["Im part time at Conwy council, is that ok", "part-time-hours"],
  ["do you accept people who dont work full time", "part-time-hours"],
  // secondment-types
  ["what different types of secondment are there", "secondment-types"],
  ["can i do a secondment for just a few weeks", "secondment-types"],
  ["could i swap jobs with someone at Gwynedd council for a while", "secondment-types"],
  ["do secondments have to be long term", "secondment-types"],
  // disability-adjustments
  ["i have ADHD, is there support for filling in the form", "disability-adjustments"],
  ["what reasonable adjustments can i get as a disabled person", "disability-adjustments"],
  ["I'm autistic - will the host organisation make changes for me at work?", "disability-adjustments"],
  // matching-process
  ["how do people get matched to roles on this scheme", "matching-process"],
  ["do i need to go through a recruitment process", "matching-process"],
  ["explain how the matching works pls", "matching-process"],
  // match-notification
  ["how will i find out if ive got a match", "match-notification"],
  ["who tells me when i get matched", "match-notification"],
  ["will i be notified when there's a match for me", "match-notification"],
  // informal-discussion
  ["is the chat with the vacancy holder a proper interview", "informal-discussion"],
  ["what happens in the meeting with the host after a match", "informal-discussion"],
  ["how formal is the discussion with the vacancy holder", "informal-discussion"],
  // not-proceeding
  ["what if i dont want the role after meeting the host", "not-proceeding"],
  ["can i pull out after the informal chat", "not-proceeding"],
  ["what happens if the match isnt right", "not-proceeding"],
  // guaranteed-match
  ["is it guaranteed ill get matched if i sign up", "guaranteed-match"],
  ["will everyone who registers get a secondment", "guaranteed-match"],
  ["could i fill in the form and never get matched", "guaranteed-match"],
  // keeping-in-touch
  ["will my home manager keep in touch with me while im away", "keeping-in-touch"],
  ["if im off sick during my secondment who do i tell", "keeping-in-touch"],
  ["do i have KIT days with my home organisation", "keeping-in-touch"],
  // extension
  ["can the secondment go on longer than planned", "extension"],
  ["is it possible to extend my placement", "extension"],
  ["whats the max length of a secondment, can it be more than 2 years", "extension"],
  // register-interest
  ["how do i sign up for the programme", "register-interest"],
  ["where do i send my EOI", "register-interest"],
  ["how do i apply to be a secondee", "register-interest"],
  // offer-a-role
  ["our council in Bridgend wants to take a secondee, how do we do that", "offer-a-role"],
  ["how do i advertise a vacancy for a secondee", "offer-a-role"],
  ["we have a project that needs an extra person, can we offer it as a secondment", "offer-a-role"],
  // further-questions
  ["whats the email for the programme team", "further-questions"],
  ["who can i ask if i have more questions", "further-questions"],
  ["i need to speak to someone about the programme", "further-questions"],
  // seven-step-plan
  ["what are the steps to set up a secondment", "seven-step-plan"],
  ["how do i organise a secondment myself", "seven-step-plan"],
  ["whats the plan for getting a secondment", "seven-step-plan"],
  // choosing-skills
  ["how do i work out what skills i want from a secondment", "choosing-skills"],
  ["what should my development goals be", "choosing-skills"],
  // talking-to-your-manager
  ["how do i raise a secondment with my line manager", "talking-to-your-manager"],
  ["tips for persuading my boss to support a secondment", "talking-to-your-manager"],
  // approaching-a-host
  ["how do i contact a host organisation i'd like to join", "approaching-a-host"],
  ["what should i say to an organisation when asking about a secondment", "approaching-a-host"],
  // host-organisations
  ["can i be seconded to a university", "host-organisations"],
  ["are there host organisations in Wales, like the Arts Council", "host-organisations"],
  ["what kind of places could i go to on secondment", "host-organisations"],
  // business-case
  ["what do i write in a business case", "business-case"],
  ["do i need to explain how my work will be covered while im away", "business-case"],
  // arranging-details
  ["what do i need to sort with the host before my first day", "arranging-details"],
  ["who agrees how long the secondment lasts and when it starts", "arranging-details"],
  // pay-and-expenses
  ["who pays me while im on secondment", "pay-and-expenses"],
  ["does the host cover my travel expenses", "pay-and-expenses"],
  ["will i still get my wages if i go to Cardiff council on secondment", "pay-and-expenses"],
  // performance-management
  ["who does my appraisal on secondment", "performance-management"],
  ["who is in charge of my performance review at the host", "performance-management"],
  // end-of-secondment
  ["what do i do when my secondment is finishing", "end-of-secondment"],
  ["what happens when i go back to my own organisation", "end-of-secondment"],
  // Long and rambling
  [
    "So I work for the health board in Betws-y-Coed and I've been thinking about doing something different for a while, my boss is fine with it I think, but what I really want to know is who would actually be paying my wages if I went off to another organisation for six months?",
    "pay-and-expenses",
  ],
  [
    "hiya, I'm on a temp contract with the council until next summer and a mate told me about these secondments, but I'm not sure if people like me on fixed term contracts can even do them, can you let me know?",
    "fixed-term-contract",
  ],
  [
    "We're a small team at a local authority in Pembrokeshire and we've got a bit of a gap for a data analyst for about a year, I think a secondee might be ideal, how would we go about offering the role?",
    "offer-a-role",
  ],
  [
    "I've been matched and had the chat with the vacancy holder but honestly it didn't feel right and I don't think I want to go ahead, what happens now, will I be in trouble or lose my place?",
    "not-proceeding",
  ],
];

/** Outside what the bot knows: must never get an answer. */
export const HELD_OUT_OFF_TOPIC: readonly string[] = [
  "how do i book annual leave in the HR system",
  "my headset isnt working in teams calls",
  "whats the best route from Merthyr to Cardiff",
  "can you order me a taxi",
  "how many calories in a banana",
  "who is playing at the Principality stadium this weekend",
  "how do i update my bank details for payroll",
  "where is the nearest cash machine",
  "can you help me write a cover letter for a new job",
  "what time is sunset today",
  "recommend a book to read",
  "how do i reset my two factor authentication",
  "is the car park at the Aberystwyth office full",
  "whats the wifi password for guests",
  "how do i get a replacement ID badge",
];

/** About secondments, but the programme material does not answer them: must never get an answer. */
export const HELD_OUT_NOT_COVERED: readonly string[] = [
  "does my pension carry on while im seconded",
  "how much holiday will i have during the secondment",
  "is my old role kept for me while im away",
  "do i need DV clearance for a secondment",
  "can i get promoted on secondment",
  "will the host pay for me to move house",
  "what happens if i go on maternity leave halfway through the secondment",
  "can i work remotely from home during my secondment",
  "does a secondment count towards my probation",
  "will my sick pay change on secondment",
];
