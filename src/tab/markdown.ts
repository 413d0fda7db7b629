/**
 * The small part of Markdown our card templates use (bold, italics, bullet lists, line breaks),
 * turned into HTML for the Adaptive Cards renderer. Everything is escaped first, so text typed by
 * people can never become markup.
 */
const escape = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

const inline = (t: string) =>
  escape(t)
    .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
    .replace(/(^|[\s(])_(.+?)_(?=$|[\s).,])/g, "$1<em>$2</em>");

export function markdownToHtml(text: string): string {
  const out: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (list.length) out.push(`<ul>${list.map((i) => `<li>${i}</li>`).join("")}</ul>`);
    list = [];
  };
  for (const line of text.split(/\r?\n/)) {
    const item = /^\s*[-*] (.*)$/.exec(line);
    if (item) {
      list.push(inline(item[1]!));
      continue;
    }
    flush();
    if (line.trim()) out.push(`<p>${inline(line)}</p>`);
  }
  flush();
  return out.join("");
}
