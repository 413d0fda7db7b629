/**
 * Guidance for the 7-step plan for organising a secondment.
 *
 * The facts come from shared/reference/seven-step-plan.txt, with a few from
 * programme-faq.txt where they help. The wording is our own, in plain British
 * English, following GOV.UK style.
 *
 * Each step is shown on one Adaptive Card, so keep it short: every paragraph
 * under 400 characters and the whole step under 2,500 characters (the tests
 * check this). Checklist items follow a "You could:" lead-in, so they start
 * in lower case and have no full stop.
 */

export type StepNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface StepContent {
  step: StepNumber;
  /** Short title, such as "Choose the skills you want to build". */
  title: string;
  /** One sentence shown on the plan overview. */
  summary: string;
  /** Paragraphs shown when the step is opened. */
  guidance: string[];
  /** 2 to 5 short action points that follow "You could:". */
  checklist: string[];
  /** Lists shown under the guidance, each with a heading. */
  lists?: { heading: string; items: string[] }[];
  /** What the app will offer for this step in a later release. No dates. */
  comingNext?: string;
  /** A form in the app that does this step, with one sentence inviting the person to use it. */
  form?: { kind: "interest" | "business-case" | "secondment"; prompt: string };
}

/** Kinds of organisation that might offer a suitable secondment. */
export const HOST_ORGANISATION_KINDS: readonly string[] = [
  "Academic institutions",
  "International organisations, such as the EU, UN, OECD or OSCE",
  "Charities that use government statistics, such as Shelter and Barnardo's",
  "Think tanks, such as the Work Foundation or the King's Fund",
  "Market research firms",
  "Customer insight teams in large retailers",
  "Media organisations",
  "Companies that produce and publish sports statistics",
  "Polling companies, such as Ipsos MORI, especially their public policy teams",
  "Financial firms",
  "The NHS",
  "Local authorities",
  "Police forces",
  "The Bank of England",
];

/** Organisations in Wales that might offer a suitable secondment. */
export const WALES_HOST_ORGANISATIONS: readonly string[] = [
  "Estyn, which does a similar job to Ofsted",
  "The Arts Council",
  "NHS Wales Informatics Service",
  "Sport Wales",
  "Public Health Wales",
];

export const PLAN_STEPS: readonly StepContent[] = [
  {
    step: 1,
    title: "Choose the skills you want to build",
    summary: "Work out what you want to learn that would be hard to learn in your own organisation.",
    guidance: [
      "A secondment is a good choice when you have a development need that your own organisation cannot easily meet.",
      "For example, you might want experience of working with certain kinds of data or analysis, of working in a particular type of organisation, or of learning more about your sector.",
      "Think about what kind of secondment would suit you. It could be short-term, such as 12 weeks, long-term, part-time, or a job swap with someone at a similar level.",
    ],
    checklist: [
      "write down the skills and experience you want to gain",
      "note why your current job cannot give you them",
      "decide which kind of secondment would suit you best",
    ],
    form: { kind: "interest", prompt: "Record the skills you want to build in your expression of interest. Sending it marks this step as done." },
  },
  {
    step: 2,
    title: "Talk to your manager",
    summary: "Discuss your idea with your line manager or Head of Profession.",
    guidance: [
      "Talk to your line manager or Head of Profession about your idea.",
      "Each department has its own rules on secondments. But secondments are widely seen as a good way to build and show your skills, so your managers should support you.",
      "Tell them what you want to achieve and how your department will benefit.",
      "Your home organisation decides whether it can release you. If you register with the programme, you will need to confirm that you have asked your line manager for permission.",
    ],
    checklist: [
      "book a conversation with your line manager or Head of Profession",
      "find out your department's rules on secondments",
      "explain what you want to achieve and how your department will benefit",
    ],
  },
  {
    step: 3,
    title: "Find a host organisation",
    summary: "Choose an organisation you would like to work with and approach it.",
    guidance: [
      "If you know someone in the organisation, you could contact them about a secondment. Or ask your line manager or Head of Profession to approach the organisation at a senior level, explain the idea and win its support.",
      "The organisation will want to meet you before it agrees. Be ready to say why you want to work there, what you can offer, what you hope to achieve and how long you expect the secondment to last.",
      "You can also register your interest with the programme team, who will look for a match for you. A match is not guaranteed.",
    ],
    checklist: [
      "make a shortlist of organisations you would like to work with",
      "check whether you already know someone there",
      "prepare what you will say about what you can offer",
    ],
    lists: [
      { heading: "Kinds of organisation that might host you", items: [...HOST_ORGANISATION_KINDS] },
      { heading: "In Wales", items: [...WALES_HOST_ORGANISATIONS] },
    ],
    form: { kind: "interest", prompt: "Send your expression of interest so the programme team can look for a host that fits you." },
  },
  {
    step: 4,
    title: "Write a business case",
    summary: "Set out why the secondment is worth doing, if you need a business case to support it.",
    guidance: [
      "Your department may want a business case before it agrees to your secondment. Ask your line manager if you need one.",
      "A business case says why you want the secondment and what you will learn. It also says what you can offer the host organisation and how your department will benefit when you come back.",
      "It must say how your job will be covered while you are away. Agree this with your line manager.",
    ],
    checklist: [
      "ask your line manager if you need a business case",
      "list the benefits for you, your department and the host",
      "agree who will cover your work while you are away",
    ],
    lists: [
      {
        heading: "What your business case should cover",
        items: [
          "Why you want the secondment",
          "How it will build your skills and experience",
          "What you can offer the host organisation",
          "How your department will benefit when you return",
          "How your job will be covered while you are away",
        ],
      },
    ],
    form: {
      kind: "business-case",
      prompt: "Write your business case here in Teams. Save a draft at any time. When it is ready, share it with your line manager. Sharing it marks this step as done.",
    },
  },
  {
    step: 5,
    title: "Agree the details",
    summary: "Once the secondment is agreed in principle, meet the host organisation to agree how it will work.",
    guidance: [
      "Meet the host organisation to agree when the secondment will start and exactly how long it will last. If you are on a fixed-term contract, the secondment cannot go on past your contract's end date.",
      "Make sure you have a clear description of your role and of what you want to get out of the secondment.",
      "The host organisation usually pays your salary and any travel expenses for the job during the secondment. Talk to HR in both organisations to set this up.",
      "Your secondment agreement should set out how you will keep in touch with your home organisation.",
    ],
    checklist: [
      "agree a start date and how long the secondment will last",
      "get a clear description of your role",
      "contact HR in your home and host organisations",
      "agree how you will keep in touch with your home line manager",
    ],
    form: {
      kind: "secondment",
      prompt: "When you and a host both want to go ahead, the host fills in the details here in Teams after talking them through with you. You, your line manager and the host each check and confirm them. This step is done when all three have.",
    },
  },
  {
    step: 6,
    title: "Keep in touch and ask for feedback",
    summary: "While you are on secondment, stay in contact with your home organisation and ask your host how you are doing.",
    guidance: [
      "Your host organisation manages your performance during the secondment.",
      "Keep in touch with your home department through your line manager or Head of Profession. Your line manager should have 'keeping in touch' conversations with you, as set out in your secondment agreement.",
      "Use these conversations to check how things are going, sort out any problems and hear about changes that affect you or your job when you come back.",
      "Report any absences or changes in your circumstances to your home line manager.",
      "Ask your host for feedback. This helps you check you are meeting their expectations and put right anything that could be better.",
    ],
    checklist: [
      "put your keeping in touch conversations in your diary",
      "ask your host for feedback",
      "tell your home line manager about any absence",
    ],
    form: {
      kind: "secondment",
      prompt: "During your secondment we send you and your home line manager a short check-in card as often as you agreed. You can also report an absence, ask for feedback, or ask to extend or end early.",
    },
  },
  {
    step: 7,
    title: "Review and share",
    summary: "Look back at how your secondment went and share what you learned.",
    guidance: [
      "As the end of your secondment gets close, review how it went and ask for feedback.",
      "When you return, write up your experience and share it. Keep your links with the host organisation.",
      "Tell your department and the programme team how it went.",
      "Think about whether regular secondments could be set up for other people in future.",
    ],
    checklist: [
      "ask your host for feedback before you leave",
      "write up what you learned",
      "share your experience with your team",
      "tell the programme team how it went",
    ],
    form: {
      kind: "secondment",
      prompt: "A month before the end we remind you to plan your return. On your last day we send you a short review. Sending it completes your plan.",
    },
  },
];
