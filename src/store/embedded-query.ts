/**
 * A fix to the query engine of the embedded Cosmos server, so a query costs time in proportion to
 * the number of items rather than its square.
 *
 * @vercel/cosmosdb-server runs SQL through @zeit/cosmosdb-query, which compiles a query to
 * JavaScript. Its FROM and JOIN clauses become `collection.reduce(($, c) => [...$, { c }], [])`:
 * each item copies the whole array built so far, so a scan of n items copies n²/2 elements
 * (measured: the first page of 25 took 0.3 s at 10,000 items, 5.5 s at 15,000, over the SDK's 60 s
 * timeout at 25,000). Here every such reducer is rewritten, after the library's own compilation and
 * before its code is generated, to push onto the accumulator instead: the same results in the same
 * order, in linear time. The accumulator is always a fresh `[]` made by that one `reduce` call, so
 * nothing else can see it change.
 *
 * It relies on internals of @zeit/cosmosdb-query 0.7.x (pinned by @vercel/cosmosdb-server 1.0.x):
 * `lib/transformer` (its `default` export, looked up on every compile) and `lib/helpers` (the `$h`
 * of the generated code). test/store/journal.test.ts and the bench fail if a release moves them.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */

type Node = Record<string, any>;

const APPEND = "appendInPlace";
let installed = false;

const isAcc = (n: Node | undefined) => n?.type === "Identifier" && n.name === "$";
/** `[...$, a, ...b]`: an array literal that copies the accumulator first. */
const copiesAcc = (n: Node | undefined) => n?.type === "ArrayExpression" && n.elements[0]?.type === "SpreadElement" && isAcc(n.elements[0].argument);

/** `$h.appendInPlace($, [a, ...b])`: the same elements pushed onto the accumulator. */
function appendCall(array: Node): Node {
  return {
    type: "CallExpression",
    callee: { type: "MemberExpression", object: { type: "Identifier", name: "$h" }, property: { type: "Identifier", name: APPEND }, computed: false },
    arguments: [{ type: "Identifier", name: "$" }, { type: "ArrayExpression", elements: array.elements.slice(1) }],
  };
}

/** Rewrite every `x.reduce(($, …) => [...$, …], [])` (and its `cond ? [...$, …] : $` form) under `node`. */
export function linearReducers(node: unknown): number {
  let rewritten = 0;
  const visit = (n: unknown): void => {
    if (Array.isArray(n)) {
      for (const x of n) visit(x);
      return;
    }
    if (!n || typeof n !== "object") return;
    const node = n as Node;
    if (node.type === "CallExpression" && node.callee?.type === "MemberExpression" && node.callee.property?.name === "reduce") {
      const [fn, init] = node.arguments as Node[];
      if (fn?.type === "ArrowFunctionExpression" && isAcc(fn.params[0]) && init?.type === "ArrayExpression" && init.elements.length === 0) {
        if (copiesAcc(fn.body)) {
          fn.body = appendCall(fn.body);
          rewritten++;
        } else if (fn.body?.type === "ConditionalExpression" && copiesAcc(fn.body.consequent) && isAcc(fn.body.alternate)) {
          fn.body.consequent = appendCall(fn.body.consequent);
          rewritten++;
        }
      }
    }
    for (const [k, v] of Object.entries(node)) if (k !== "loc" && v && typeof v === "object") visit(v);
  };
  visit(node);
  return rewritten;
}

/** Install the rewrite once per process (before any query is compiled). */
export function installLinearQueries(): void {
  if (installed) return;
  installed = true;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const transformer = require("@zeit/cosmosdb-query/lib/transformer") as { default: (ast: unknown) => unknown };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const helpers = require("@zeit/cosmosdb-query/lib/helpers") as Record<string, unknown>;
  if (typeof transformer.default !== "function" || typeof helpers["paginate"] !== "function") {
    throw new Error("The embedded store could not reach its query engine (has @zeit/cosmosdb-query changed?)");
  }
  helpers[APPEND] = (acc: unknown[], items: unknown[]): unknown[] => {
    for (const x of items) acc.push(x);
    return acc;
  };
  const transform = transformer.default;
  transformer.default = (ast: unknown) => {
    const js = transform(ast);
    linearReducers(js);
    return js;
  };
}
