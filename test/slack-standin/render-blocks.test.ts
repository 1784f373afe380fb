import { describe, expect, it } from "vitest";
import { displayWidth, renderMessage, renderMrkdwn, renderView } from "../../tools/slack-standin/index.ts";

const names: Record<string, string> = { U0TARO: "taro", U0HANAKO: "hanako" };
const userName = (id: string) => names[id];
const mrkdwn = (text: string) => ({ type: "mrkdwn", text });
const plain = (text: string) => ({ type: "plain_text", text });

describe("renderMrkdwn", () => {
  it.each([
    ["a known user mention", "担当: <@U0TARO>", "担当: @taro"],
    ["an unknown user mention", "<@U0GHOST>", "@U0GHOST"],
    ["a channel link with its label", "<#C0GENERAL|general> へ", "#general へ"],
    ["a labelled URL", "<https://example.jp/a|手順書>", "手順書 (https://example.jp/a)"],
    ["a bare URL", "<https://example.jp>", "https://example.jp"],
    ["@here", "<!here> 集合", "@here 集合"],
    ["a date with fallback", "<!date^1718900000^{date}|6月20日>", "6月20日"],
    ["escaped entities", "a &lt; b &amp;&amp; c &gt; d", "a < b && c > d"],
    ["emphasis, kept as is", "*太字* _斜体_ ~取消~", "*太字* _斜体_ ~取消~"],
  ])("shows %s readably", (_what, input, expected) => {
    expect(renderMrkdwn(input, { userName })).toBe(expected);
  });
});

describe("displayWidth", () => {
  it("counts CJK and emoji as two columns", () => {
    expect(displayWidth("abc")).toBe(3);
    expect(displayWidth("完成")).toBe(4);
    expect(displayWidth("ｱ")).toBe(1);
    expect(displayWidth("✅")).toBe(2);
    expect(displayWidth("✔")).toBe(1);
    expect(displayWidth("🚧")).toBe(2);
  });
});

describe("renderMessage", () => {
  const message = {
    text: "fallback",
    blocks: [
      { type: "header", block_id: "h", text: plain("閉庁のお知らせ") },
      {
        type: "section",
        block_id: "s1",
        text: mrkdwn("<@U0TARO> さん、*中央区役所* をお願いします"),
        accessory: { type: "button", action_id: "open", text: plain("開く"), value: "unit-1" },
      },
      { type: "divider" },
      { type: "context", elements: [mrkdwn("期限: 6/30"), { type: "image", image_url: "https://x/y.png", alt_text: "地図" }] },
      {
        type: "actions",
        block_id: "act",
        elements: [
          { type: "button", action_id: "done", text: plain("完成"), value: "unit-1", style: "primary" },
          { type: "button", action_id: "later", text: plain("保留") },
          { type: "static_select", action_id: "who", placeholder: plain("担当者") },
        ],
      },
      { type: "actions", block_id: "act2", elements: [{ type: "button", action_id: "help", text: plain("ヘルプ"), url: "https://example.jp/help" }] },
    ],
  };

  it("renders header, section, divider, context and actions as lines", () => {
    expect(renderMessage(message, { userName }).lines).toEqual([
      "■ 閉庁のお知らせ",
      "@taro さん、*中央区役所* をお願いします",
      "  [1] 開く",
      "─".repeat(40),
      "› 期限: 6/30  [image: 地図]",
      "[2] 完成  [3] 保留  [static_select: 担当者]",
      "[4] ヘルプ",
    ]);
  });

  it("numbers buttons across the whole message and returns them in that order", () => {
    expect(renderMessage(message).buttons).toEqual([
      { n: 1, text: "開く", action_id: "open", block_id: "s1", value: "unit-1" },
      { n: 2, text: "完成", action_id: "done", block_id: "act", value: "unit-1", style: "primary" },
      { n: 3, text: "保留", action_id: "later", block_id: "act" },
      { n: 4, text: "ヘルプ", action_id: "help", block_id: "act2", url: "https://example.jp/help" },
    ]);
  });

  it("can continue a numbering started by an earlier message", () => {
    const rendered = renderMessage(message, { firstButton: 10 });
    expect(rendered.buttons.map((b) => b.n)).toEqual([10, 11, 12, 13]);
    expect(rendered.lines).toContain("[11] 完成  [12] 保留  [static_select: 担当者]");
  });

  it("puts short fields in two columns aligned by display width", () => {
    const rendered = renderMessage(
      { blocks: [{ type: "section", fields: [mrkdwn("区役所"), mrkdwn("3件"), mrkdwn("abc"), mrkdwn("5件"), mrkdwn("残り")] }] },
      { width: 40 },
    );
    expect(rendered.lines).toHaveLength(3);
    const secondColumnAt = rendered.lines.slice(0, 2).map((l) => displayWidth(l.slice(0, l.lastIndexOf(" ") + 1)));
    expect(secondColumnAt[0]).toBe(secondColumnAt[1]);
    expect(rendered.lines[0]).toMatch(/^ {2}区役所 +3件$/);
    expect(rendered.lines[2]).toBe("  残り");
  });

  it("puts fields one per line when a pair does not fit", () => {
    const long = "とても長い説明文".repeat(4);
    const rendered = renderMessage({ blocks: [{ type: "section", fields: [mrkdwn(long), mrkdwn("短い")] }] }, { width: 40 });
    expect(rendered.lines).toEqual([`  ${long}`, "  短い"]);
  });

  it("falls back to the text when there are no blocks", () => {
    expect(renderMessage({ text: "<@U0HANAKO> 了解です\n2行目" }, { userName }).lines).toEqual(["@hanako 了解です", "2行目"]);
  });

  it("renders rich_text sections and lists", () => {
    const rendered = renderMessage({
      blocks: [
        {
          type: "rich_text",
          elements: [
            { type: "rich_text_section", elements: [{ type: "text", text: "担当 " }, { type: "user", user_id: "U0TARO" }] },
            { type: "rich_text_list", style: "bullet", elements: [{ type: "rich_text_section", elements: [{ type: "text", text: "一つ目" }] }] },
          ],
        },
      ],
    }, { userName });
    expect(rendered.lines).toEqual(["担当 @taro", "• 一つ目"]);
  });
});

describe("renderView", () => {
  it("frames a modal with its title and close / submit labels", () => {
    const rendered = renderView({
      type: "modal",
      title: plain("停止の報告"),
      close: plain("閉じる"),
      submit: plain("送信"),
      blocks: [
        { type: "section", text: mrkdwn("中央区役所") },
        { type: "input", block_id: "reason", label: plain("理由"), element: { type: "plain_text_input", action_id: "text", placeholder: plain("例: 工事") } },
        { type: "input", optional: true, block_id: "date", label: plain("日付"), element: { type: "datepicker", action_id: "d", initial_date: "2026-06-30" } },
      ],
    });
    expect(rendered.lines).toEqual([
      "[modal] 停止の報告",
      "中央区役所",
      "理由: [plain_text_input: 例: 工事]",
      "日付 (任意): [datepicker: 2026-06-30]",
      "[close: 閉じる]  [submit: 送信]",
    ]);
  });

  it("renders a home tab and numbers its buttons", () => {
    const rendered = renderView({
      type: "home",
      blocks: [{ type: "actions", block_id: "home", elements: [{ type: "button", action_id: "refresh", text: plain("更新") }] }],
    });
    expect(rendered.lines).toEqual(["[home]", "[1] 更新"]);
    expect(rendered.buttons[0]).toMatchObject({ n: 1, action_id: "refresh", block_id: "home" });
  });
});
