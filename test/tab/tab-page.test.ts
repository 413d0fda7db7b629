import assert from "node:assert/strict";
import { hostConfigFor, themeOf } from "../../src/tab/host-config";
import { markdownToHtml } from "../../src/tab/markdown";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the package's ESM entry does not load in Node
const AC = require("adaptivecards/dist/adaptivecards.js");

describe("tab page helpers", () => {
  it("turns the Markdown our cards use into HTML, and never lets text become markup", () => {
    assert.equal(markdownToHtml("**Step 1**: Choose"), "<p><strong>Step 1</strong>: Choose</p>");
    assert.equal(markdownToHtml("- one\n- two"), "<ul><li>one</li><li>two</li></ul>");
    const hostile = markdownToHtml(`<img src=x onerror="alert(1)"> **<script>x</script>**`);
    assert.doesNotMatch(hostile, /<img|<script/);
    assert.match(hostile, /&lt;img src=x onerror=&quot;alert\(1\)&quot;&gt;/);
  });

  it("has a host config for each Teams theme that the renderer reads", () => {
    const backgrounds = { default: "#FFFFFF", dark: "#292929", contrast: "#000000" } as const;
    for (const theme of ["default", "dark", "contrast"] as const) {
      const config = new AC.HostConfig(hostConfigFor(theme));
      assert.equal(config.containerStyles.default.backgroundColor, backgrounds[theme], theme);
      assert.equal(config.containerStyles.default.foregroundColors.default.default, theme === "default" ? "#242424" : "#FFFFFF", theme);
    }
    assert.equal(themeOf("dark"), "dark");
    assert.equal(themeOf("contrast"), "contrast");
    assert.equal(themeOf("<anything>"), "default");
    assert.equal(themeOf(null), "default");
  });
});
