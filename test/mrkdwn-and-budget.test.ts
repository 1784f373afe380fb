// The one escaping step (user text → Slack mrkdwn), slash text decoded at the edge, and the
// per-message budget that cuts lists at an entry boundary.
import { describe, expect, it } from "vitest";
import { clipMrkdwn, code, escapeMrkdwn, joinMd, md, mention, mrkdwnAsSent, toMrkdwn } from "../src/messages/mrkdwn.ts";
import { context, fields, section } from "../src/slack/blocks/block-kit.ts";
import { message } from "../src/slack/blocks/slack-message.ts";
import { blockChars, fitBlockList, fitTextList, keepWithinBudget, roomFor, shareRoom, type TextList } from "../src/slack/blocks/message-budget.ts";
import { typedText } from "../src/slack/slash-text.ts";
import { escapeMentions } from "../tools/sandbox/mentions.ts";

const HOSTILE = "等待 <!channel> <!here> 回复 <@U0COORD> 1<2 & 3>2 <http://evil.example|点我>";
const HOSTILE_ESCAPED = "等待 &lt;!channel&gt; &lt;!here&gt; 回复 &lt;@U0COORD&gt; 1&lt;2 &amp; 3&gt;2 &lt;http://evil.example|点我&gt;";

describe("user text becoming mrkdwn", () => {
  it.each([
    ["1<2 & 3>2", "1&lt;2 &amp; 3&gt;2"],
    [HOSTILE, HOSTILE_ESCAPED],
    ["&amp; typed as is", "&amp;amp; typed as is"],
    ["*粗体* _斜体_ `代码`", "*粗体* _斜体_ `代码`"],
    ["全角，标点。", "全角，标点。"],
  ])("escapes %j once", (typed, sent) => {
    expect(escapeMrkdwn(typed)).toBe(sent);
    expect(md`${typed}`.text).toBe(sent);
    expect(section(typed)).toMatchObject({ text: { type: "mrkdwn", text: sent, verbatim: true } });
  });

  it("keeps the literals of md`` and Mrkdwn values as markup, and escapes what is interpolated", () => {
    const note = HOSTILE;
    expect(md`*${"档案局"}* · ${note}（${mention("U0LI")}）`.text).toBe(`*档案局* · ${HOSTILE_ESCAPED}（<@U0LI>）`);
    expect(md`${md`${"<b>"}`}`.text).toBe("&lt;b&gt;");
    expect(joinMd(["a<b", mention("U0X1")], "、").text).toBe("a&lt;b、<@U0X1>");
    expect(code("/shutdown done `x` <y>").text).toBe("`/shutdown done 'x' &lt;y&gt;`");
  });

  it("never mentions what is not a Slack user id", () => {
    expect(mention("U0LI").text).toBe("<@U0LI>");
    expect(mention("!channel").text).toBe("!channel");
    expect(mention("U0X><!here").text).toBe("U0X&gt;&lt;!here");
  });

  it("refuses to be turned back into a string, so nothing is escaped twice", () => {
    const m = md`${"1<2"}`;
    expect(() => `${m as unknown as string}`).toThrow(/Mrkdwn is not a string/);
    expect(toMrkdwn(m)).toBe(m);
    expect(section(m)).toMatchObject({ text: { text: "1&lt;2" } });
  });

  it("plain-text fields stay as typed", () => {
    const msg = message(HOSTILE, [{ type: "header", text: { type: "plain_text", text: HOSTILE } }]);
    expect(msg.text).toBe(HOSTILE_ESCAPED);
    expect(msg.blocks[0]).toMatchObject({ text: { type: "plain_text", text: HOSTILE } });
  });

  it.each([
    ["&lt;&lt;&lt;&lt;", 6],
    ["a&amp;b&amp;c", 6],
    ["x <@U0LI> y", 6],
    ["😀😀😀😀", 4],
  ])("clips %j without breaking an entity, a mention or a character", (text, max) => {
    const clipped = clipMrkdwn(mrkdwnAsSent(text), max).text;
    expect(clipped.length).toBeLessThanOrEqual(max);
    expect(clipped.endsWith("…")).toBe(true);
    expect(clipped).not.toMatch(/&(a|am|amp|l|lt|g|gt)?…$/);
    expect(clipped).not.toMatch(/<[^>]*…$/);
    expect(clipped).not.toMatch(/[\ud800-\udbff]…$/);
  });
});

describe("slash command text, decoded once at the edge", () => {
  it.each([
    ["1&lt;2 &amp; 3&gt;2", "1<2 & 3>2"],
    ["&amp;lt; 原样", "&lt; 原样"],
    ["blocked icp 等 <!here> 回复", "blocked icp 等 @here 回复"],
    ["assign 档案局 <@U0WANG|wangfang>", "assign 档案局 <@U0WANG|wangfang>"],
    ["done domain <http://jtda.gov.cn|jtda.gov.cn>", "done domain jtda.gov.cn"],
    ["note <https://a.example/x>", "note https://a.example/x"],
    ["见 <#C0GENERAL|general>", "见 #general"],
    ["邮件 <mailto:a@b.cn|a@b.cn>", "邮件 a@b.cn"],
  ])("%j is %j", (sent, typed) => {
    expect(typedText(sent)).toBe(typed);
  });

  it("gives back exactly what was typed, for the hostile note as Slack sends it", () => {
    expect(typedText(escapeMentions(HOSTILE, []))).toBe(HOSTILE);
  });
});

const lines = (n: number, size: number) => Array.from({ length: n }, (_, i) => `${String(i).padStart(3, "0")} ${"因".repeat(size)}`);

function listOf(entries: string[], extra: Partial<TextList> = {}): TextList {
  return { heading: "*清单*", count: entries.length, entry: (i) => entries[i]!, more: (n) => `…及其他 ${n} 项`, ...extra };
}

const textsOf = (blocks: unknown[]) => blocks.map((b) => (b as { text?: { text: string }; elements?: { text: string }[] }).text?.text ?? (b as { elements: { text: string }[] }).elements[0]!.text);

describe("the per-message budget", () => {
  it("shows a short list whole, in one section", () => {
    const fitted = fitTextList(listOf(lines(5, 10)), roomFor("message"));
    expect(fitted).toMatchObject({ shown: 5, omitted: 0 });
    expect(textsOf(fitted.blocks)).toEqual([["*清单*", ...lines(5, 10)].join("\n")]);
  });

  it.each([
    [53, 260, { blocks: 50, chars: 12_000 }],
    [53, 260, { blocks: 3, chars: 12_000 }],
    [1000, 40, { blocks: 50, chars: 5_000 }],
    [3, 2_990, { blocks: 50, chars: 12_000 }],
  ])("cuts %i entries of %i characters at an entry boundary, ending with …及其他 N 项, within %j", (n, size, room) => {
    const entries = lines(n, size);
    const fitted = fitTextList(listOf(entries), room);
    const texts = textsOf(fitted.blocks);
    expect(fitted.blocks.length).toBeLessThanOrEqual(room.blocks);
    expect(blockChars(fitted.blocks)).toBeLessThanOrEqual(room.chars);
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(3000);
    const shownLines = texts.join("\n").split("\n").filter((l) => /^\d{3} /.test(l));
    // Whole entries, in order, except one longer than a section can hold.
    shownLines.forEach((l, i) => expect(entries[i]!.startsWith(l.replace(/…$/, ""))).toBe(true));
    expect(shownLines.length).toBe(fitted.shown);
    expect(fitted.shown + fitted.omitted).toBe(n);
    if (fitted.omitted > 0) expect(texts.at(-1)!.endsWith(`…及其他 ${fitted.omitted} 项`)).toBe(true);
  });

  it("puts names on one line and ends them with the count of the rest", () => {
    const names = Array.from({ length: 100 }, (_, i) => `单位${i}`);
    const fitted = fitTextList(listOf(names, { separator: "、", more: (n) => `…及其他 ${n} 个单位` }), { blocks: 1, chars: 200 });
    const [text] = textsOf(fitted.blocks);
    expect(text).toMatch(/^\*清单\*\n单位0、单位1、.*单位\d+…及其他 \d+ 个单位$/);
    expect(text!.length).toBeLessThanOrEqual(200);
  });

  it("shares a room so that short lists stay whole and long ones split the rest", () => {
    const short = listOf(lines(3, 10));
    const long1 = listOf(lines(60, 200));
    const long2 = listOf(lines(60, 200));
    const [a, b, c] = shareRoom({ blocks: 45, chars: 11_000 }, [short, long1, long2]);
    expect(a!.omitted).toBe(0);
    expect(b!.omitted).toBeGreaterThan(0);
    expect(c!.omitted).toBeGreaterThan(0);
    expect(Math.abs(b!.shown - c!.shown)).toBeLessThanOrEqual(1);
    expect(blockChars([...a!.blocks, ...b!.blocks, ...c!.blocks])).toBeLessThanOrEqual(11_000);
  });

  it("keeps block entries whole and always has room to say what was left out", () => {
    const render = (i: number) => [section(`单位 ${i}`), context("按钮")];
    const fitted = fitBlockList({ blocks: 10, chars: 12_000 }, 20, render, (n) => [context(`…及其他 ${n} 个单位`)]);
    expect(fitted.blocks).toHaveLength(9);
    expect(fitted).toMatchObject({ shown: 4, omitted: 16 });
    expect(textsOf([fitted.blocks.at(-1)!])[0]).toBe("…及其他 16 个单位");
  });

  it("counts every text of a block, and the last guard cuts what its builder let through, saying so", () => {
    expect(blockChars([section("abc"), fields(["de", "f"]), context("gh")])).toBe(8);
    const blocks = Array.from({ length: 60 }, (_, i) => section(`第 ${i} 段`));
    const kept = keepWithinBudget(blocks, "message");
    expect(kept).toHaveLength(50);
    expect(textsOf([kept.at(-1)!])[0]).toContain("…及其他 11 项");
  });
});
