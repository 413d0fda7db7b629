import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { projectRoot as ROOT } from "../../src/paths";

/**
 * Issue 16: no English left in code. Every word a person reads comes from a catalogue
 * (src/i18n/locales/<lang>/<area>.json). This test reads the code (with the TypeScript parser, not
 * regular expressions) and reports string literals that look like English words in the places a
 * person would read them:
 *  - the argument of `text(...)`, `textMessage(...)` or a raw HTTP body (`sendRaw(...)`),
 *  - the message of a zod check (`.min(1, "...")`, `.regex(re, "...")`, `{ message: "..." }`),
 *  - a field of a card model or an API answer: message, error, notice, title, heading, label, ...
 * A catalogue key ("menu.problem.number") is not English; a literal with two or more words, or one
 * capitalised word, is.
 */

/** Not scanned (yet). Each line says why; remove a line when its files are converted. */
const EXCLUDED: readonly { path: RegExp; why: string }[] = [
  { path: /^src\/i18n\//, why: "the catalogues and their machinery" },
  { path: /^src\/faq\//, why: "the FAQ's knowledge content and its language detection" },
  { path: /^src\/demo\//, why: "seed data for local development (the demo people and their records)" },
  { path: /^src\/log\.ts$|^src\/telemetry\.ts$/, why: "log and telemetry output, read by engineers, never by people using the app" },
];

/**
 * English the test finds that people using the app never read, each with its reason. An entry names
 * a file and, optionally, the place (`label:`, `.max(...)`) or the literal itself.
 */
const ALLOWED: readonly { file: string; where?: string; literal?: string; why: string }[] = [
  { file: "bot/activity-envelope.ts", why: "checks of incoming activities: answered to the Bot Connector service and logged, never shown to a person" },
  { file: "bot/app.ts", where: "error:", why: "HTTP answers to the Bot Connector service (shutting down, not an activity), not to a person" },
  { file: "src/config.ts", why: "settings checked at start-up: read by whoever deploys the app, in the log, before any person is known" },
  { file: "src/port-in-use.ts", why: "the start-up message in the terminal when the port is taken, for the engineer running the app" },
  {
    file: "src/privacy/registry.ts",
    where: "sentence",
    why: "the record of processing (what each container holds and keeps), for the data protection officer and engineers; people see privacy.* messages",
  },
  { file: "src/outbox/outbox.ts", why: "checks of the app's own queued activities: an engineer's error, never shown to a person" },
  { file: "src/store/embedded.ts", where: "message:", why: "the embedded Cosmos store's protocol answer to the SDK, in local development only" },
  {
    file: "src/domain/options.ts",
    where: "label:",
    why: "the id lists' readable names for engineers; people see the catalogue's choice.<list>.<id> through choicesIn(lang, ...)",
  },
  {
    file: "src/domain/skills.ts",
    where: "label:",
    why: "curated skills' readable names, used to recognise a typed skill; people see choice.skill.<id> through choicesIn(lang, ...)",
  },
];

/** Calls whose string arguments a person reads. */
const USER_CALLS = new Set(["text", "textMessage", "sendRaw"]);
/** zod checks whose string argument is the message shown for a problem. */
const ZOD_CHECKS = new Set(["min", "max", "length", "regex", "int", "refine", "superRefine", "email", "url", "uuid", "positive", "nonnegative", "nonempty", "startsWith", "endsWith", "includes", "gte", "lte", "gt", "lt", "multipleOf", "date"]);
/** Fields of card models, replies and API answers that a person reads. */
const USER_FIELDS = new Set(["message", "error", "notice", "title", "heading", "subtitle", "summary", "label", "placeholder", "problem", "hint", "body", "question", "answer", "prompt", "description", "statusLabel", "empty", "intro"]);

const KEY = /^[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_-]+)+$/;
const WORD = /[A-Za-z][a-z']+/g;

/** True when `s` reads as English words rather than a key, an id, a path or a pattern. */
export function looksEnglish(s: string): boolean {
  const v = s.replace(/\$\{[^}]*\}/g, " ").trim();
  if (!v || KEY.test(v) || /^[a-z0-9:_/.-]+$/.test(v) || /^https?:|^[#.]?[a-z-]+(?:\s*[:{])/.test(v)) return false;
  const words = v.match(WORD) ?? [];
  if (words.length >= 2 && /[A-Za-z]\s+[A-Za-z]/.test(v)) return true;
  return words.length === 1 && /^[A-Z][a-z]{2,}[.!?]?$/.test(v);
}

interface Finding {
  file: string;
  line: number;
  where: string;
  literal: string;
}

/** The string literals an expression is made of: itself, both sides of a `?:` or `??`/`||`, a `+` chain, a template's fixed text. */
function literalsOf(e: ts.Expression): string[] {
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [e.text];
  if (ts.isTemplateExpression(e)) return [[e.head.text, ...e.templateSpans.map((s) => s.literal.text)].join("${}")];
  if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e)) return literalsOf(e.expression);
  if (ts.isConditionalExpression(e)) return [...literalsOf(e.whenTrue), ...literalsOf(e.whenFalse)];
  if (ts.isBinaryExpression(e) && [ts.SyntaxKind.PlusToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(e.operatorToken.kind)) return [...literalsOf(e.left), ...literalsOf(e.right)];
  return [];
}

/** The literal nodes literalsOf reads, so a literal already reported in its place is not reported again as a sentence. */
function partsOf(e: ts.Expression): ts.Node[] {
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e) || ts.isTemplateExpression(e)) return [e];
  if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e)) return partsOf(e.expression);
  if (ts.isConditionalExpression(e)) return [...partsOf(e.whenTrue), ...partsOf(e.whenFalse)];
  if (ts.isBinaryExpression(e)) return [...partsOf(e.left), ...partsOf(e.right)];
  return [];
}

/** A sentence: starts with a capital letter, three or more words, and ends like one (or has one inside). */
export function looksLikeSentence(s: string): boolean {
  const v = s.replace(/\$\{[^}]*\}/g, "X").trim();
  if ((v.match(WORD) ?? []).length < 3 || !/\s/.test(v)) return false;
  return /^[A-Z"'(]/.test(v) && /[a-z)][.!?:]["')]?$|[a-z][.!?] [A-Z]/.test(v);
}

/** Log lines, thrown errors and console output: read by engineers, in English. */
function isEngineersOnly(node: ts.Node): boolean {
  if (ts.isThrowStatement(node) || ts.isNewExpression(node)) return true;
  if (!ts.isCallExpression(node)) return false;
  const callee = node.expression.getText();
  return /(^|\.)log(\.child\([^)]*\))?\.(info|warn|error|debug)$|^console\.|^assert/.test(callee);
}

const calleeName = (c: ts.CallExpression): string | undefined =>
  ts.isIdentifier(c.expression) ? c.expression.text : ts.isPropertyAccessExpression(c.expression) ? c.expression.name.text : undefined;

/** English in the places a person reads, in one file's source. */
export function findEnglish(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: Finding[] = [];
  const reported = new Set<number>();
  const report = (node: ts.Node, where: string, e: ts.Expression) => {
    for (const part of partsOf(e)) reported.add(part.getStart());
    for (const literal of literalsOf(e)) {
      if (looksEnglish(literal)) out.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, where, literal });
    }
  };
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const name = calleeName(node);
      // Errors thrown for engineers (new Error, assert) are not read by people using the app.
      if (name && USER_CALLS.has(name)) for (const a of node.arguments) report(node, `${name}(...)`, a);
      if (name && ZOD_CHECKS.has(name) && ts.isPropertyAccessExpression(node.expression)) for (const a of node.arguments.slice(name === "refine" || name === "regex" || ZOD_CHECKS.has(name) ? 0 : 1)) if (!ts.isObjectLiteralExpression(a)) report(node, `.${name}(...)`, a);
    }
    if (ts.isPropertyAssignment(node) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) && USER_FIELDS.has(node.name.text)) report(node, `${node.name.text}:`, node.initializer);
    // Anywhere else: a whole English sentence (kept in a variable, returned, passed on), except in a
    // log line or an engineer's error, where English is expected.
    if (isEngineersOnly(node)) return;
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) && !reported.has(node.getStart())) {
      for (const literal of literalsOf(node)) if (looksLikeSentence(literal)) out.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, where: "sentence", literal });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function scanned(): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const visit = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) {
        if (name !== "node_modules" && name !== "locales") visit(p);
        continue;
      }
      if (!name.endsWith(".ts") || name.endsWith(".d.ts") || /\.(test|spec)\.ts$/.test(name)) continue;
      const rel = relative(ROOT, p).split("\\").join("/");
      if (EXCLUDED.some((x) => x.path.test(rel))) continue;
      out.push({ path: rel, text: readFileSync(p, "utf8") });
    }
  };
  for (const dir of ["bot", "src"]) visit(join(ROOT, dir));
  return out;
}

const allowed = (f: Finding) => ALLOWED.some((a) => a.file === f.file && (a.where === undefined || a.where === f.where) && (a.literal === undefined || a.literal === f.literal));

describe("no English left in code (issue 16)", () => {
  it("finds no English where a person would read it, outside the listed exclusions", () => {
    const files = scanned();
    assert.ok(files.length > 50, "the scan reads the app's code");
    const found = files.flatMap((f) => findEnglish(f.path, f.text)).filter((f) => !allowed(f));
    assert.deepEqual(
      found.map((f) => `${f.file}:${f.line} ${f.where} ${JSON.stringify(f.literal)}`),
      [],
      "put these words in a catalogue (src/i18n/locales/<lang>/<area>.json) and use t(lang, key)",
    );
  });

  it("lists each exclusion and allowance with a reason, and every allowance is still needed", () => {
    for (const x of EXCLUDED) assert.ok(x.why.length > 10, `${x.path}: say why it is not scanned`);
    const files = scanned();
    const found = files.flatMap((f) => findEnglish(f.path, f.text));
    for (const a of ALLOWED) {
      assert.ok(a.why.length > 10, `${a.file}: say why it is allowed`);
      assert.ok(found.some((f) => f.file === a.file && (a.where === undefined || a.where === f.where)), `${a.file} ${a.where ?? ""}: no longer needed, remove it`);
    }
  });

  it("can fail: a planted English sentence in each kind of place is found", () => {
    const planted = [
      'reply = text("Your request has been sent.");',
      'const S = z.string().min(1, "Enter your name");',
      'const S = z.number({ message: "must be a number" });',
      'const card = { title: "Your matches", notice: ok ? "Saved" : "Something went wrong" };',
      'send(res, 404, { error: "Not found." });',
      'const m = { heading: `Match for ${name} in ${role}` };',
      'res.sendRaw(404, "Not found.");',
      'const said = ok ? `Good news: ${name} agreed.` : "They did not agree this time.";',
    ].join("\n");
    const found = findEnglish("planted.ts", planted).map((f) => f.literal);
    assert.deepEqual(found, [
      "Your request has been sent.",
      "Enter your name",
      "must be a number",
      "Your matches",
      "Saved",
      "Something went wrong",
      "Not found.",
      "Match for ${} in ${}",
      "Not found.",
      "Good news: ${} agreed.",
      "They did not agree this time.",
    ]);
  });

  it("does not object to keys, ids, patterns, log lines or engineers' errors", () => {
    const fine = [
      'reply = text(t(lang, "menu.problem.number"));',
      'const S = z.string().regex(/^role-/, "menu.problem.roleId");',
      'const card = { title: t(lang, "plan.title"), verb: "plan.show", style: "good" };',
      's.log.info("card action refused", { verb });',
      'throw new Error("No message in the catalogue");',
      'const headers = { "content-type": "text/plain; charset=utf-8" };',
      'const e = { error: "invalid_request" };',
      's.log.warn("The outbox could not send a message.", { id });',
      'throw new Error("The store did not answer in time.");',
      'const commands = ["show my plan", "delete my data"];',
    ].join("\n");
    assert.deepEqual(findEnglish("fine.ts", fine), []);
  });
});
