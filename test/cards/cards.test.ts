import assert from "node:assert/strict";
import { ALL_VERBS, TEMPLATES, VERBS, type CardModels, type CardName } from "../../cards";
import { answerParagraphs } from "../../bot/handlers/faq";
import { renderCard } from "../../bot/render-card";
import { FAQ_ENTRIES } from "../../src/faq/knowledge";
import { ROUTES } from "../../bot/router";
import { cardProblems, unexpanded, walk } from "../support/cards";

export const samples: { [N in CardName]: CardModels[N][] } = {
  welcome: [{ programmeEmail: "team@example.gov.uk", switchTo: "cy" }, { programmeEmail: "team@example.gov.uk", programmeTeam: true, switchTo: "cy" }, { programmeEmail: "team@example.gov.uk", notice: "That button is no longer available.", switchTo: "en-GB" }],
  "channel-welcome": [{ switchTo: "cy" }, { switchTo: "en-GB", notice: "This channel will now get its cards in English." }, { switchTo: "cy", warning: "Only the vacancy holder can change the language." }],
  plan: [
    {
      progressText: "1 of 7 steps done",
      rows: [
        { step: 1, title: "One", summary: "First", statusLabel: "Done", statusColor: "good", stepLabel: "Step 1", openLabel: "Open step 1" },
        { step: 2, title: "Two", summary: "Second", statusLabel: "To do", statusColor: "default", stepLabel: "Step 2", openLabel: "Open step 2" },
      ],
      next: { step: 2, label: "Start step 2" },
      allDone: false,
      notice: "Step 1 marked as done.",
    },
    { progressText: "7 of 7 steps done", rows: [], allDone: true },
  ],
  "plan-step": [
    {
      step: 3,
      heading: "Step 3 of 7",
      title: "Find a host",
      statusLabel: "To do",
      statusColor: "default",
      guidance: [{ text: "Para" }],
      checklist: "- one\n- two",
      lists: [{ heading: "In Wales", items: "- Estyn" }],
      comingNext: "Soon.",
      statusActions: [{ status: "done", title: "Mark as done" }],
      nextStep: 4,
    },
    { step: 7, heading: "Step 7 of 7", title: "Review", statusLabel: "Done", statusColor: "good", guidance: [], lists: [], statusActions: [] },
  ],
  "faq-answer": [
    { entryId: "pay", topic: "Pay", paragraphs: [{ text: "The host usually pays." }], related: [{ id: "a", topic: "A" }], programmeEmail: "t@example.gov.uk", lang: "en-GB" },
    { entryId: "pay", topic: "Pay", paragraphs: [{ text: "x" }], related: [], programmeEmail: "t@example.gov.uk", lang: "en-GB", feedbackGiven: true },
    { entryId: "pay", topic: "Cyflog", paragraphs: [{ text: "Y sefydliad lletyol sy'n talu." }], related: [{ id: "a", topic: "A" }], programmeEmail: "t@example.gov.uk", lang: "cy", seeInEnglish: true },
    { entryId: "kinds", topic: "Kinds", paragraphs: answerParagraphs(["Kinds:\n- a\n- b", "- c"]), related: [], programmeEmail: "t@example.gov.uk", lang: "en-GB" },
  ],
  "faq-no-match": [
    { heading: "Did you mean one of these?", question: "pay?", paragraphs: [{ text: "Not sure." }], closest: [{ id: "a", topic: "A" }], closestIntro: "Closest:", lang: "en-GB" },
    { heading: "Did you mean one of these?", question: "pay?", paragraphs: [{ text: "Not sure." }], closest: [{ id: "a", topic: "A" }], closestIntro: "Closest:", lang: "en-GB", questionId: "q-0123456789abcdef0123456789abcdef" },
    { heading: "Outside what I know", question: "weather?", paragraphs: [{ text: "Ask elsewhere." }], closest: [], lang: "en-GB" },
    { heading: "Ai un o'r rhain?", question: "cyflog?", paragraphs: [{ text: "Dydw i ddim yn siŵr." }], closest: [{ id: "a", topic: "A" }], closestIntro: "Agosaf:", lang: "cy" },
  ],
  "faq-kb": [
    {
      notice: "Added.",
      questions: [
        { id: "q-0123456789abcdef0123456789abcdef", text: "what about my pension", asked: "Asked twice" },
        { id: "q-fedcba9876543210fedcba9876543210", text: "wages?", asked: "Asked once", chosen: "People who asked this then chose: Pay (once)" },
      ],
      changes: [{ n: 1, summary: "New entry", byline: "By Pat, 6 December 2026 (version 1)", canUndo: true }, { n: 1, summary: "Undone: New entry", byline: "By Pat, 7 December 2026 (version 2)", canUndo: false }],
      feedback: [{ topic: "Pay", counts: "👍 2  👎 1" }],
    },
    { questions: [], changes: [], feedback: [] },
  ],
  "faq-kb-alternate": [
    { questionId: "q-0123456789abcdef0123456789abcdef", text: "wages?", entries: [{ title: "Pay", value: "pay" }] },
    { questionId: "q-0123456789abcdef0123456789abcdef", text: "", entries: [{ title: "Pay", value: "pay" }], entryId: "pay", errors: { text: "Question must be at least 3 characters." }, errorSummary: ["Question must be at least 3 characters."] },
  ],
  "faq-kb-answer": [
    { questionId: "q-0123456789abcdef0123456789abcdef", question: "pension?" },
    { questionId: "q-0123456789abcdef0123456789abcdef", question: "pension?", topic: "Pensions", answer: "x", errors: { topic: "Short title must be at least 3 characters.", answer: "Answer must be at least 20 characters." }, errorSummary: ["Short title must be at least 3 characters.", "Answer must be at least 20 characters."] },
  ],
  "faq-prompt": [{ maxLength: 500 }, { maxLength: 500, question: "typed", error: "Too long" }],
  error: [{ reference: "ABCD1234", programmeEmail: "t@example.gov.uk" }, { reference: "ABCD1234", programmeEmail: "t@example.gov.uk", outage: true }],
  form: [
    {
      title: "Express interest",
      intro: "Tell us about you.",
      errorSummary: ["Too long"],
      sections: [
        {
          heading: "About you",
          note: "From your Teams profile.",
          fields: [
            { id: "fullName", kind: "text", label: "Full name", isRequired: true, requiredMessage: "Enter your full name", value: "Ana", maxLength: 100 },
            { id: "patternDetails", kind: "multiline", label: "Details", isRequired: false, requiredMessage: "", maxLength: 300, error: "Too long" },
            { id: "daysPerWeek", kind: "number", label: "Days", isRequired: false, requiredMessage: "", min: 1, max: 4.5, numberValue: 3 },
            { id: "longest", kind: "number", label: "Longest", isRequired: true, requiredMessage: "Enter a number", min: 1, max: 60 },
            { id: "availableFrom", kind: "date", label: "From", isRequired: true, requiredMessage: "Enter a date", value: "2027-01-04", hint: "For example 4 January 2027" },
            { id: "grade", kind: "choice", label: "Grade", isRequired: true, requiredMessage: "Select your grade", choices: [{ title: "HEO", value: "cs-heo" }], value: "cs-heo" },
            { id: "types", kind: "multi", label: "Types", isRequired: true, requiredMessage: "Select one", expanded: true, choices: [{ title: "A", value: "a" }, { title: "B", value: "b" }], value: "a,b" },
            { id: "lineManagerId", kind: "people", label: "Line manager", isRequired: false, requiredMessage: "", choices: [] },
            { id: "permissionConfirmed", kind: "toggle", label: "Permission", toggleTitle: "I have asked", isRequired: true, requiredMessage: "Confirm", value: "true" },
          ],
        },
      ],
      submit: { title: "Send", verb: VERBS.askQuestion, data: { version: 2 } },
      secondary: [
        { title: "Save draft", verb: VERBS.showMenu, data: { version: 2 }, withInputs: true },
        { title: "Menu", verb: VERBS.showMenu, data: {} },
      ],
    },
  ],
  records: [
    {
      title: "My roles",
      notice: "Saved.",
      empty: "You have not offered any roles.",
      items: [{ heading: "Analyst", statusLabel: "Submitted", statusColor: "good", facts: [{ title: "Starts", value: "4 January 2027" }], actions: [{ title: "Edit", verb: VERBS.showMenu, data: { id: "r1" } }] }],
      cardActions: [{ title: "Menu", verb: VERBS.showMenu, data: {} }],
    },
    { title: "My roles", empty: "You have not offered any roles.", items: [], cardActions: [] },
    // As a Welsh speaker gets it: the words come in the model.
    {
      title: "Fy rolau",
      notice: "Mae eich newidiadau wedi'u cadw.",
      noticeStyle: "warning",
      empty: "Dydych chi ddim wedi cynnig unrhyw rolau eto.",
      items: [{ heading: "Dadansoddwr data tai", statusLabel: "Wedi'i thynnu'n ôl", statusColor: "warning", facts: [{ title: "Yn dechrau", value: "4 Ionawr 2027" }], actions: [] }],
      cardActions: [{ title: "Cynnig rôl", verb: VERBS.startRole, data: {} }, { title: "Dewislen", verb: VERBS.showMenu, data: {} }],
    },
  ],
  "approval-request": [
    {
      secondeeName: "Ana Jones",
      facts: [{ title: "Types", value: "Short-term" }],
      pending: true,
      statusText: "Waiting for your answer",
      statusStyle: "emphasis",
      ref: { secondee: "t:u", requestId: "r1" },
      refreshUserIds: ["29:a", "29:b"],
    },
    {
      secondeeName: "Ana Jones",
      facts: [],
      pending: false,
      statusText: "Declined by Sam Lee on 23 November 2026",
      statusStyle: "attention",
      reason: "Busy period",
      notice: "Only Sam Lee can answer this request.",
      ref: { secondee: "t:u", requestId: "r1" },
      refreshUserIds: [],
    },
  ],
  "match-suggestions": [
    {
      roleTitle: "Housing data analyst",
      organisation: "Leeds City Council, Housing",
      channelLabel: "Housing: General",
      notice: "Confirmed.",
      candidates: [
        { name: "Ana Jones", about: "HEO, Policy", summary: "Offers 2 of 2 skills.", details: "- Matched: data analysis", actions: [{ title: "Confirm", verb: VERBS.showMenu, data: { c: "x" } }] },
        { name: "Ben Ade", summary: "Offers 1 of 2 skills.", details: "- Matched: statistics", state: "Confirmed by Pat", actions: [] },
      ],
    },
    { roleTitle: "Analyst", organisation: "DfE", channelLabel: "Policy: General", candidates: [] },
  ],
  secondment: [
    {
      heading: "Secondment: Data analyst",
      notice: "Please check and confirm the agreement.",
      facts: [{ title: "Dates", value: "1 March 2027 to 29 February 2028 (12 months)" }],
      sections: [{ heading: "Role specification", text: "Build the dashboards." }],
      statusText: "Waiting for Sam to confirm the agreement.",
      statusStyle: "emphasis",
      actions: [{ title: "Confirm the agreement", verb: VERBS.confirmAgreement, data: { secondmentId: "s", version: 1 } }],
      reasonAction: { title: "Decline", label: "Why not?", submitTitle: "Send", verb: VERBS.declineExtension, data: { secondmentId: "s", extensionId: "e" } },
      refresh: { data: { secondmentId: "s" }, userIds: ["u1", "u2"] },
    },
    { heading: "Check-in 1: thank you", facts: [], sections: [], statusText: "Answered.", statusStyle: "good", actions: [], refresh: { data: { secondmentId: "s" }, userIds: [] } },
    // As bot/handlers/secondment-card.ts fills it for a Welsh reader: longer words, every part shown.
    {
      heading: "Ymestyn y secondiad i 30 Medi 2027?",
      intro: "Gofynnodd Vic Osei am ymestyn secondiad Ana Jones. Rhaid i'r secondai, y rheolwr llinell cartref a'r sefydliad lletyol i gyd gytuno.",
      notice: "Nodyn atgoffa: dywedwch a ydych chi'n cytuno i ymestyn eich secondiad.",
      facts: [
        { title: "Dyddiad gorffen presennol", value: "30 Mehefin 2027" },
        { title: "Cais gan", value: "Vic Osei, 12 Mai 2027" },
      ],
      sections: [{ heading: "Addasiadau rhesymol (wedi'u rhannu gan y secondai)", text: "Sgrin fawr." }],
      statusText: "Wedi cytuno hyd yma: neb eto. Yn aros am: Ana Jones (fel secondai), Sam Lee (fel rheolwr llinell cartref) a Vic Osei (fel cynrychiolydd y sefydliad lletyol).",
      statusStyle: "emphasis",
      actions: [
        { title: "Cytuno i'r estyniad", verb: VERBS.approveExtension, data: { secondmentId: "s", extensionId: "e" } },
        { title: "Fy secondiad", verb: VERBS.mySecondment, data: { secondmentId: "s" } },
      ],
      reasonAction: { title: "Gwrthod", label: "Pam nad ydych chi'n cytuno i'r estyniad?", submitTitle: "Gwrthod", verb: VERBS.declineExtension, data: { secondmentId: "s", extensionId: "e" } },
      refresh: { data: { secondmentId: "s", view: "extension", extensionId: "e" }, userIds: ["u1", "u2", "u3"] },
    },
  ],
  match: [
    {
      view: "host",
      roleTitle: "Housing data analyst",
      candidateName: "Ana Jones",
      organisation: "Leeds City Council",
      facts: [{ title: "Grade", value: "HEO" }],
      explanation: "- Offers data analysis",
      statusText: "Waiting for the vacancy holder",
      statusStyle: "emphasis",
      actions: [{ title: "I'll arrange the informal chat", verb: VERBS.showMenu, data: { m: "1" } }],
      reasonAction: { title: "Not suitable", label: "Why is it not suitable?", submitTitle: "Send", verb: VERBS.showMenu, data: { m: "1" } },
      refresh: { data: { matchId: "m" }, userIds: ["29:u1"] },
    },
    { view: "secondee", roleTitle: "Analyst", candidateName: "Ben Ade", organisation: "DfE", facts: [], explanation: "y", statusText: "Closed", statusStyle: "default", notice: "Only the vacancy holder can answer.", acknowledgement: "Thank you.", actions: [], refresh: { data: { matchId: "m" }, userIds: [] } },
  ],
  confirm: [
    {
      title: "Withdraw?",
      paragraphs: [{ text: "We keep a record." }],
      confirm: { title: "Yes, withdraw", verb: VERBS.showMenu, data: { id: "x" } },
      cancel: { title: "No", verb: VERBS.showMenu, data: {} },
    },
    {
      title: "Tynnu'r rôl “Dadansoddwr data tai” yn ôl?",
      paragraphs: [{ text: "Bydd tîm y rhaglen yn rhoi'r gorau i chwilio am bobl ar gyfer y rôl hon." }],
      confirm: { title: "Ie, tynnu'r rôl yn ôl", verb: VERBS.confirmWithdrawRole, data: { roleId: "role-1" } },
      cancel: { title: "Na, ei chadw", verb: VERBS.listRoles, data: {} },
    },
  ],
  // Pipeline (programme team)
  pipeline: [
    {
      asOf: "12 March 2027",
      headlines: [
        { label: "Interests in the pool", value: "12", color: "default" },
        { label: "Check-ins overdue", value: "2", color: "attention" },
      ],
      sections: [
        { heading: "Expressions of interest", facts: [{ title: "In the pool", value: "12" }, { title: "Withdrawn", value: "1" }] },
        { heading: "How long it takes", note: "Middle values (medians), in calendar days.", facts: [{ title: "From interest to match", value: "Not enough data yet" }] },
      ],
    },
    { asOf: "1 April 2027", headlines: [], sections: [] },
  ],
  // Business case (plan step 4)
  "business-case": [
    {
      personName: "Ana Jones",
      sharedOn: "3 March 2027",
      answers: [
        { heading: "Why they want a secondment", text: "To learn how a council uses housing data." },
        { heading: "How their job will be covered while they are away", text: "Sam will act up.\n\nThe rest is shared out." },
      ],
    },
    { personName: "Ana Jones", sharedOn: "3 March 2027", answers: [] },
  ],
  // People's data
  privacy: [{ programmeEmail: "team@example.gov.uk", months: 12 }, { programmeEmail: "team@example.gov.uk", months: 1 }],
  "my-data": [
    { kind: "export", rows: [{ label: "Matches", value: "2" }], lists: [], erased: 0, anonymised: 0 },
    { kind: "delete", rows: [], lists: [{ heading: "Kept for now", text: "The agreement." }], erased: 7, anonymised: 2 },
    { kind: "delete", rows: [], lists: [], erased: 1, anonymised: 0 },
    { kind: "deleted", rows: [], lists: [], erased: 7, anonymised: 1, keptSecondment: true, keptUntil: "1 March 2027" },
    { kind: "deleted", rows: [], lists: [], erased: 3, anonymised: 0 },
    { kind: "share", rows: [], lists: [], erased: 0, anonymised: 0, secondmentId: "secondment-0123456789abcdef0123456789abcdef" },
    { kind: "share", rows: [], lists: [], erased: 0, anonymised: 0, secondmentId: "secondment-0123456789abcdef0123456789abcdef", shared: false },
    { kind: "equalityThanks", rows: [], lists: [], erased: 0, anonymised: 0 },
    { kind: "equalityReport", rows: [], lists: [{ heading: "Age", text: "- 25 to 34: 5" }], erased: 0, anonymised: 0, respondents: "5" },
  ],
};

describe("card templates", () => {
  for (const name of Object.keys(TEMPLATES) as CardName[]) {
    it(`${name}: every sample renders to a valid schema 1.5 card under 28 KB`, () => {
      const models = samples[name] as CardModels[CardName][];
      assert.ok(models.length > 0, "there is a sample for every template");
      for (const model of models) {
        const card = renderCard(name, model as never);
        assert.deepEqual(cardProblems(card), []);
        assert.deepEqual(unexpanded(card), [], "every template expression was filled");
      }
    });
  }

  it("an answer whose list goes on into the next paragraph shows as one list, with no gap", () => {
    const entry = FAQ_ENTRIES.find((e) => e.id === "secondment-types")!;
    const card = renderCard("faq-answer", { entryId: entry.id, topic: entry.topic, paragraphs: answerParagraphs(entry.answer), related: [], programmeEmail: "t@example.gov.uk", lang: "en-GB" });
    const blocks = (card.body as Array<{ text?: string; spacing?: string }>).filter((b) => entry.answer.includes(b.text ?? ""));
    assert.equal(blocks.length, entry.answer.length);
    assert.deepEqual(
      blocks.map((b) => [b.text!.slice(0, 12), b.spacing]),
      [
        ["The programm", "Default"],
        ["- Short-term", "Default"],
        ["- Part-time:", "None"],
        ["The details ", "Default"],
      ],
    );
  });

  it("the validator itself catches bad cards (so the checks above can fail)", () => {
    const broken = { type: "AdaptiveCard", version: "1.5", body: [{ type: "Bogus" }, { type: "Input.Text" }, { type: "Image" }], actions: [{ type: "Action.Execute", title: "${x}" }] };
    const problems = cardProblems(broken);
    assert.ok(problems.some((p) => /Bogus/.test(p)));
    assert.ok(problems.some((p) => /Image has no url/.test(p)));
    assert.ok(unexpanded(broken).some((p) => /\$\{x\}/.test(p)));
    assert.ok(cardProblems({ type: "AdaptiveCard", version: "1.6", body: [] }).some((p) => /version/.test(p)));
    const big = { type: "AdaptiveCard", version: "1.5", body: [{ type: "TextBlock", text: "x".repeat(30_000) }] };
    assert.ok(cardProblems(big).some((p) => /over 28672/.test(p)));
  });

  it("every verb a template uses is a named constant, and every constant has a handler", () => {
    const used = new Set<string>();
    for (const [name, template] of Object.entries(TEMPLATES)) {
      walk(template, (n) => {
        if ((n.type === "Action.Execute" || n.type === "Action.Submit") && !/^\$\{(\w+\.)*verb\}$/.test(String(n.verb))) {
          // Otherwise the verb comes from the model, whose type (ActionModel) only admits the constants.
          assert.match(String(n.verb), /^\$\{\$root\.verbs\.\w+\}$/, `${name}: verbs come from the constants`);
          const key = /verbs\.(\w+)/.exec(String(n.verb))![1]!;
          assert.ok(key in VERBS, `${name} uses unknown verb constant ${key}`);
          used.add(key);
        }
      });
    }
    for (const verb of ALL_VERBS) assert.ok(ROUTES[verb], `no handler for ${verb}`);
  });
});
