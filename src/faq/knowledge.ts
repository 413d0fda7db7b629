import type { Lang } from "../i18n";
/**
 * The programme knowledge base that the bot answers questions from.
 *
 * Every fact here comes from the two source documents in shared/reference:
 * programme-faq.txt and seven-step-plan.txt. The wording is our own, in plain
 * British English, following GOV.UK style.
 *
 * Answers are lists of paragraphs. A paragraph may hold "- " bullet lines,
 * separated by "\n".
 */

export interface FaqEntry {
  /** Kebab-case and stable: other code and stored data may refer to it. */
  id: string;
  /** Short title shown to users. */
  topic: string;
  /** The canonical question, in plain words. */
  question: string;
  /** Paragraphs of plain text. */
  answer: string[];
  /** Extra words and phrases people might use (synonyms, paraphrases). */
  keywords: string[];
  /** Whole questions as people ask them (the classifier learns these). */
  alternates?: readonly string[];
  /** Set on an entry the programme team wrote: the language it is written in (answered in that language only). */
  lang?: Lang;
}

/** The main programme email address, from the programme FAQ. */
export const PROGRAMME_TEAM_EMAIL = "secondmentexpertise@cabinetoffice.gov.uk";
/** The second address given for help with adjustments to the form. */
export const LGA_SECONDMENTS_EMAIL = "secondments@local.gov.uk";

export const FAQ_ENTRIES: readonly FaqEntry[] = [
  // ---- Programme FAQ ------------------------------------------------------
  {
    id: "line-manager-permission",
    topic: "Permission from your line manager",
    question: "Do I need my line manager's permission to take part?",
    answer: [
      "Yes. Your home organisation decides whether it can release you to take part.",
      "When you apply, you will be asked to confirm that you have asked your line manager for permission.",
      "We expect the programme to offer different kinds of secondment, including shorter and part-time ones. This should make it easier for organisations to release their staff.",
    ],
    keywords: [
      "line manager permission",
      "boss",
      "supervisor",
      "manager approval",
      "consent",
      "agree",
      "allowed",
      "let me go",
      "release me",
      "home organisation agree",
    ],
  },
  {
    id: "fixed-term-contract",
    topic: "Fixed-term contracts",
    question: "I'm on a fixed-term contract. Can I still be a secondee?",
    answer: [
      "Yes, you can take part. But your secondment cannot go on past the date your fixed-term contract ends.",
      "People on fixed-term contracts are often hired to do a particular piece of work. Your home organisation will weigh up the secondment against the need for the work you were hired to do.",
    ],
    keywords: [
      "temporary contract",
      "temp",
      "fixed term",
      "contract end date",
      "contract ends",
      "short contract",
      "not permanent",
      "eligible",
    ],
  },
  {
    id: "benefits",
    topic: "What you gain from a secondment",
    question: "What are the benefits of taking part as a secondee?",
    answer: [
      "You will get experience in a different part of government. You will also learn more about how local and central government connect.",
      "You will work with talented people on work that matters. This work supports the government's Plan for Change and other local priorities.",
      "A secondment is good for your career. You can try a new setting and culture, and build your skills and expertise.",
      "You will meet new colleagues and grow your professional network. When you come back, we hope you will use these contacts to help local and central government work closely together.",
    ],
    keywords: [
      "advantages",
      "what's in it for me",
      "why take part",
      "career development",
      "worth it",
      "gain",
      "professional network",
      "new skills",
    ],
  },
  {
    id: "part-time-hours",
    topic: "Part-time and other working patterns",
    question: "I work part-time. Can I do a secondment?",
    answer: [
      "Yes. You can take part if you work part-time or have another non-standard working pattern.",
      "Tell us the working arrangement you would like in your Expression of Interest Form. This helps the programme team find the best match for you and meet your needs.",
    ],
    keywords: [
      "part time",
      "days a week",
      "reduced hours",
      "compressed hours",
      "job share",
      "flexible working",
      "working pattern",
      "not full-time",
      "fewer hours",
      "can I apply",
    ],
  },
  {
    id: "secondment-types",
    topic: "Types of secondment",
    question: "What types of secondment are there if I do not want a long-term one?",
    answer: [
      "The programme is open to different kinds of secondment, so you do not have to commit to a long one.",
      "- Short-term: a set piece of work over a short time, such as 12 weeks. For example, you might deliver one part of a bigger project, or bring front-line experience to help shape a policy.\n- Long-term: suits you if you want to build skills and expertise, or lead and deliver a longer project yourself.",
      "- Part-time: you spend a set number of days each week or month with the host organisation and do your usual job the rest of the time. For example, you could give regular expert advice on a policy or programme without working on it full-time.\n- Exchange or job swap: two people in similar roles, at a similar level, swap places. Each gains experience in another part of government and shares what they know.",
      "The details of each secondment are agreed case by case. They depend on what the role needs and what suits you.",
    ],
    keywords: [
      "kinds of secondment",
      "options",
      "short-term",
      "short secondment",
      "12 weeks",
      "job swap",
      "exchange",
      "swap places",
      "commitment",
      "duration",
      "what is available",
    ],
  },
  {
    id: "disability-adjustments",
    topic: "Support if you have a disability",
    question: "I have a disability. What support can I get?",
    answer: [
      "The programme wants people from many different backgrounds to take part. It aims to give every candidate an equal chance.",
      `If you need adjustments to help you fill in the Expression of Interest Form, contact the programme team at ${PROGRAMME_TEAM_EMAIL} or ${LGA_SECONDMENTS_EMAIL}.`,
      "If you are matched to a secondment, your host organisation will work with you to put reasonable adjustments in place at work.",
    ],
    keywords: [
      "disabled",
      "reasonable adjustments",
      "accessibility",
      "access needs",
      "neurodivergent",
      "health condition",
      "equal opportunities",
    ],
  },
  {
    id: "matching-process",
    topic: "How matching works",
    question: "How does the matching process work?",
    answer: [
      "There is no formal recruitment. Instead, the GovXchange programme team matches people to roles.",
      "When a role or a person's interest comes in through the forms, the team looks for good matches. The vacancy holder then sets up a matching meeting with you to talk about the role in more detail.",
      "This meeting should be an informal chat to see whether you suit the role. The vacancy holder decides how to run it.",
      "If you both want to go ahead, your home and host organisations start to set up the secondment. If either of you thinks it is not right, it will not go ahead. You and the role stay on the database for other possible matches.",
    ],
    keywords: [
      "how are people matched",
      "recruitment",
      "selection",
      "job interview",
      "application process",
      "pairing",
      "database",
      "shortlisting",
      "how it works",
    ],
  },
  {
    id: "match-notification",
    topic: "Finding out you have been matched",
    question: "How will I know if I have been matched?",
    answer: [
      "When the programme team finds a match, they tell the vacancy holder and send them more details.",
      "The vacancy holder then contacts you to arrange an informal discussion.",
    ],
    keywords: [
      "notified",
      "told",
      "hear back",
      "find out",
      "contacted",
      "next steps after applying",
      "news",
    ],
  },
  {
    id: "informal-discussion",
    topic: "The informal discussion",
    question: "What happens in the informal discussion?",
    answer: [
      "The vacancy holder decides how to run the conversation. The programme team strongly advises that it is not a formal interview.",
      "Some parts of the role may be flexible, such as its scope, the working arrangements or how long it lasts. If so, talk these through so the secondment works well for you and for the organisation.",
    ],
    keywords: [
      "matching meeting",
      "interview",
      "chat",
      "what to expect",
      "prepare",
      "meeting with vacancy holder",
    ],
  },
  {
    id: "not-proceeding",
    topic: "Deciding not to go ahead",
    question: "What happens if I do not want to go ahead after the discussion?",
    answer: [
      "If you or the vacancy holder feel the match is not right, the secondment will not go ahead.",
      "Tell the programme team how the meeting went. If you do not think the match is right, explain why, clearly and honestly.",
      "You stay on the database for other possible matches.",
    ],
    keywords: [
      "change my mind",
      "pull out",
      "withdraw",
      "decline",
      "turn down",
      "say no",
      "unsuitable",
      "back out",
      "match not right",
    ],
  },
  {
    id: "guaranteed-match",
    topic: "No guaranteed match",
    question: "Am I guaranteed to be matched to a role or secondee?",
    answer: [
      "No. Registering your interest does not guarantee that you will be matched.",
      "We still encourage you to register. The programme team will try to find a suitable match for you wherever they can.",
    ],
    keywords: [
      "guarantee",
      "promise",
      "certain",
      "definitely",
      "will I get a place",
      "chance of a match",
    ],
  },
  {
    id: "keeping-in-touch",
    topic: "Keeping in touch with your home organisation",
    question: "Will I stay in contact with my home organisation during my secondment?",
    answer: [
      "You stay in contact with your home organisation throughout your secondment. Your line manager there should have 'keeping in touch' (KIT) conversations with you, as set out in your secondment agreement.",
      "These conversations are a chance to check how the secondment is going, sort out any problems and hear about changes. This includes news that affects you or your job when you come back.",
      "You must report any absences or changes in your circumstances to your home line manager, as the secondment agreement sets out.",
    ],
    keywords: [
      "keep in touch",
      "KIT",
      "home organisation",
      "stay connected",
      "check-in",
      "report an absence",
      "sickness",
      "change in circumstances",
      "home team",
    ],
  },
  {
    id: "extension",
    topic: "Extending a secondment",
    question: "Can my secondment be extended?",
    answer: [
      "Yes, if everyone involved agrees and sees the benefit. It can be extended for a fixed period once the right approvals are in place.",
      "Some organisations may not let a secondment last more than two years.",
    ],
    keywords: [
      "extend",
      "longer",
      "stay longer",
      "renew",
      "maximum length",
      "two years",
      "limit",
    ],
  },
  {
    id: "register-interest",
    topic: "Registering your interest",
    question: "How do I register my interest in a secondment?",
    answer: [
      "Fill in the Expression of Interest Form if you would like a secondment to help public services and your own career.",
      "If you work part-time or have another working pattern, put the arrangement you would like on the form.",
      "You will need to confirm that you have asked your line manager for permission.",
    ],
    keywords: [
      "apply",
      "application",
      "sign up",
      "expression of interest",
      "EOI",
      "form",
      "get involved",
      "express interest",
    ],
  },
  {
    id: "offer-a-role",
    topic: "Offering a role",
    question: "How can my organisation offer a role for a secondee?",
    answer: [
      "If you have a role a secondee could fill, or a secondment could help your priorities, fill in the Role Matching Form.",
      "The programme team will look for people who fit the role. If they find a match, they will tell you. You then arrange an informal discussion with the person.",
    ],
    keywords: [
      "vacancy",
      "host a secondee",
      "advertise a role",
      "post a role",
      "take on a secondee",
      "Role Matching Form",
      "vacancy holder",
    ],
  },
  {
    id: "further-questions",
    topic: "Contacting the programme team",
    question: "Who can I contact if I have more questions?",
    answer: [
      `Email the programme team at ${PROGRAMME_TEAM_EMAIL}.`,
      `If you need adjustments to fill in the Expression of Interest Form, you can also email ${LGA_SECONDMENTS_EMAIL}.`,
    ],
    keywords: [
      "email",
      "get in touch",
      "speak to someone",
      "programme team",
      "enquiry",
      "contact details",
      "help",
    ],
  },

  // ---- The 7-step plan ----------------------------------------------------
  {
    id: "seven-step-plan",
    topic: "The 7-step plan",
    question: "What are the steps to organise a secondment?",
    answer: [
      "You can organise a secondment in 7 steps:\n- Step 1: work out the skills and experience you want to gain.\n- Step 2: talk to your line manager or Head of Profession.\n- Step 3: find and approach the organisation you want to work with.\n- Step 4: write a business case, if you need one.\n- Step 5: agree the details with the host organisation.\n- Step 6: keep in touch and ask for feedback.\n- Step 7: review how it went and share what you learned.",
    ],
    keywords: [
      "seven steps",
      "7 steps",
      "plan",
      "stages",
      "arrange a secondment",
      "set up a secondment",
      "get started",
      "how to organise",
    ],
  },
  {
    id: "choosing-skills",
    topic: "Choosing what you want to learn",
    question: "How do I decide what I want to learn from a secondment?",
    answer: [
      "A secondment works best when you have a development need that would be hard to meet in your own organisation.",
      "For example, you might want experience of certain kinds of data or analysis, of working in a particular type of organisation, or of learning more about your sector.",
    ],
    keywords: [
      "development need",
      "learn",
      "skills",
      "right for me",
      "goals",
      "what to learn",
      "identify",
    ],
  },
  {
    id: "talking-to-your-manager",
    topic: "Talking to your manager about your idea",
    question: "How should I raise the idea of a secondment with my manager?",
    answer: [
      "Talk to your line manager or Head of Profession about your idea.",
      "Rules on secondments differ between departments. But secondments are widely seen as a good way to build and show your skills, so your managers should support you.",
      "Explain what you want to achieve and how it will help your department.",
    ],
    keywords: [
      "Head of Profession",
      "HoP",
      "bring up",
      "raise",
      "pitch",
      "persuade",
      "convince",
      "discuss my idea",
    ],
  },
  {
    id: "approaching-a-host",
    topic: "Approaching a host organisation",
    question: "How do I approach an organisation I would like to work with?",
    answer: [
      "If you already know someone in the organisation, you could contact them to talk about a secondment. Or your line manager or Head of Profession could approach the organisation at a senior level to explain the idea and win its support.",
      "The organisation will want to meet you before it agrees. Be ready to explain why you want to work there, what you can offer, what you hope to achieve and how long you expect the secondment to last.",
    ],
    keywords: [
      "find a host",
      "reach out",
      "introduce myself",
      "approach a host",
      "buy-in",
      "prepare to meet the host",
    ],
  },
  {
    id: "host-organisations",
    topic: "Organisations that could host you",
    question: "What kinds of organisation offer secondments?",
    answer: [
      "Many kinds of organisation might offer a suitable secondment, such as:\n- academic institutions\n- international organisations, such as the EU, UN, OECD or OSCE\n- charities that use government statistics, such as Shelter and Barnardo's\n- think tanks, such as the Work Foundation or the King's Fund\n- market research firms\n- customer insight teams in large retailers\n- media organisations",
      "- companies that produce and publish sports statistics\n- polling companies, such as Ipsos MORI, especially their public policy teams\n- financial firms\n- the NHS\n- local authorities\n- police forces\n- the Bank of England",
      "In Wales, you could also look at:\n- Estyn, which does a similar job to Ofsted\n- the Arts Council\n- NHS Wales Informatics Service\n- Sport Wales\n- Public Health Wales",
    ],
    keywords: [
      "where",
      "host organisations",
      "places",
      "employers",
      "Welsh",
      "university",
      "charity",
      "think tank",
      "council",
      "list",
      "NHS",
      "Estyn",
      "Sport Wales",
      "Public Health Wales",
      "Arts Council",
      "police",
      "Bank of England",
    ],
  },
  {
    id: "business-case",
    topic: "Writing a business case",
    question: "What should a business case for a secondment cover?",
    answer: [
      "You may need a business case to support your application. It should explain:\n- why you want the secondment\n- how it will build your skills and experience\n- what you can offer the host organisation\n- how your department will benefit when you return\n- how your work will be covered while you are away",
    ],
    keywords: [
      "justify",
      "justification",
      "proposal",
      "cover my job",
      "backfill",
      "write up",
    ],
  },
  {
    id: "arranging-details",
    topic: "Agreeing the details",
    question: "What should I agree with the host organisation before I start?",
    answer: [
      "Once the secondment is agreed in principle, meet the host organisation to sort out the details.",
      "Agree when the secondment will start and exactly how long it will last. Get a clear description of your role and of what you want to get out of it.",
      "You will need to stay in contact with HR at both your home and host organisations.",
    ],
    keywords: [
      "start date",
      "role description",
      "job description",
      "terms",
      "HR",
      "arrangements",
    ],
  },
  {
    id: "pay-and-expenses",
    topic: "Pay and expenses",
    question: "Who pays my salary while I am on secondment?",
    answer: [
      "Usually the host organisation pays your salary for the whole secondment. It usually also pays any travel expenses for journeys you make as part of the job.",
      "Talk to HR at both your home and host organisations to confirm the arrangements.",
    ],
    keywords: [
      "pay",
      "salary",
      "wages",
      "paid",
      "money",
      "expenses",
      "travel costs",
      "who funds",
      "payroll",
    ],
  },
  {
    id: "performance-management",
    topic: "Your performance while on secondment",
    question: "Who manages my performance during a secondment?",
    answer: [
      "Your host organisation manages your performance while you are on secondment.",
      "Keep in touch with your home department through your line manager or Head of Profession.",
      "Ask your host for feedback. This helps you check you are meeting their expectations and put right anything that could be better.",
    ],
    keywords: [
      "appraisal",
      "performance review",
      "objectives",
      "feedback",
      "who is my manager",
      "line management",
    ],
  },
  {
    id: "end-of-secondment",
    topic: "At the end of your secondment",
    question: "What should I do at the end of my secondment?",
    answer: [
      "As the end gets close, look back at how the secondment went and ask for feedback.",
      "When you return, write up your experience and share it. Keep your links with the host organisation, and tell your department and the programme team how it went.",
      "Think about whether regular secondments could be set up for other people in future.",
    ],
    keywords: [
      "finish",
      "ends",
      "coming back",
      "going back",
      "return",
      "wrap up",
      "review and share",
      "lessons learned",
    ],
  },
];
