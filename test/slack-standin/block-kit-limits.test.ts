import { describe, expect, it } from "vitest";
import {
  BLOCK_KIT_LIMITS,
  blocksTextLength,
  blocksTooLong,
  checkBlocks,
  checkView,
  formatProblem,
  messageTextTooLong,
  type BlockProblem,
  type Surface,
} from "../../tools/slack-standin/index.ts";

const x = (n: number) => "x".repeat(n);
const mrkdwn = (text: string) => ({ type: "mrkdwn", text });
const plain = (text: string) => ({ type: "plain_text", text });
const section = (text: string) => ({ type: "section", text: mrkdwn(text) });
const button = (over: Record<string, unknown> = {}) => ({ type: "button", text: plain("完成"), action_id: "done", ...over });
const many = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));
const problem = (message: string, pointer: string): BlockProblem => ({ message, pointer });

interface BlockCase {
  name: string;
  blocks: unknown;
  surface?: Surface;
  expected: BlockProblem[];
}

const blockCases: BlockCase[] = [
  {
    name: "accepts a message using each common block at its limits",
    blocks: [
      { type: "header", text: plain(x(150)) },
      { type: "section", text: mrkdwn(x(3000)), accessory: button({ text: plain(x(75)) }) },
      { type: "section", fields: many(10, () => mrkdwn(x(2000))) },
      { type: "divider" },
      { type: "context", elements: many(10, () => mrkdwn("note")) },
      { type: "actions", elements: many(25, (i) => button({ action_id: `a${i}`, value: x(2000) })) },
      { type: "image", image_url: "https://example.com/a.png", alt_text: "map" },
    ],
    expected: [],
  },
  { name: "accepts exactly 50 blocks in a message", blocks: many(50, () => ({ type: "divider" })), expected: [] },
  {
    name: "rejects 51 blocks in a message",
    blocks: many(51, () => ({ type: "divider" })),
    expected: [problem("no more than 50 items allowed", "/blocks")],
  },
  { name: "accepts 100 blocks in a modal", blocks: many(100, () => ({ type: "divider" })), surface: "modal", expected: [] },
  {
    name: "rejects 101 blocks in a home tab",
    blocks: many(101, () => ({ type: "divider" })),
    surface: "home",
    expected: [problem("no more than 100 items allowed", "/blocks")],
  },
  {
    name: "rejects section text over 3000 characters",
    blocks: [section(x(3001))],
    expected: [problem("must be less than 3001 characters", "/blocks/0/text/text")],
  },
  {
    name: "rejects empty section text",
    blocks: [section("")],
    expected: [problem("must be more than 0 characters", "/blocks/0/text/text")],
  },
  {
    name: "rejects more than 10 section fields",
    blocks: [{ type: "section", fields: many(11, () => mrkdwn("f")) }],
    expected: [problem("no more than 10 items allowed", "/blocks/0/fields")],
  },
  {
    name: "rejects a section field over 2000 characters",
    blocks: [{ type: "section", fields: [mrkdwn("ok"), mrkdwn(x(2001))] }],
    expected: [problem("must be less than 2001 characters", "/blocks/0/fields/1/text")],
  },
  {
    name: "rejects a section with neither text nor fields",
    blocks: [{ type: "section" }],
    expected: [problem("missing required field: text", "/blocks/0")],
  },
  {
    name: "rejects header text over 150 characters",
    blocks: [{ type: "header", text: plain(x(151)) }],
    expected: [problem("must be less than 151 characters", "/blocks/0/text/text")],
  },
  {
    name: "rejects a mrkdwn header",
    blocks: [{ type: "header", text: mrkdwn("*見出し*") }],
    expected: [problem("must be a valid enum value", "/blocks/0/text/type")],
  },
  {
    name: "rejects more than 10 context elements",
    blocks: [{ type: "context", elements: many(11, () => mrkdwn("c")) }],
    expected: [problem("no more than 10 items allowed", "/blocks/0/elements")],
  },
  {
    name: "rejects more than 25 elements in an actions block",
    blocks: [{ type: "actions", elements: many(26, (i) => button({ action_id: `a${i}` })) }],
    expected: [problem("no more than 25 items allowed", "/blocks/0/elements")],
  },
  {
    name: "rejects an empty actions block",
    blocks: [{ type: "actions", elements: [] }],
    expected: [problem("must provide at least 1 items", "/blocks/0/elements")],
  },
  {
    name: "rejects button text over 75 characters",
    blocks: [{ type: "actions", elements: [button({ text: plain(x(76)) })] }],
    expected: [problem("must be less than 76 characters", "/blocks/0/elements/0/text/text")],
  },
  {
    name: "rejects an action_id over 255 characters",
    blocks: [{ type: "actions", elements: [button({ action_id: x(256) })] }],
    expected: [problem("must be less than 256 characters", "/blocks/0/elements/0/action_id")],
  },
  {
    name: "rejects a button value over 2000 characters",
    blocks: [{ type: "actions", elements: [button({ value: x(2001) })] }],
    expected: [problem("must be less than 2001 characters", "/blocks/0/elements/0/value")],
  },
  {
    name: "rejects a too long button used as a section accessory",
    blocks: [{ type: "section", text: mrkdwn("s"), accessory: button({ text: plain(x(80)) }) }],
    expected: [problem("must be less than 76 characters", "/blocks/0/accessory/text/text")],
  },
  {
    name: "rejects a button style other than primary or danger",
    blocks: [{ type: "actions", elements: [button({ style: "green" })] }],
    expected: [problem("must be a valid enum value", "/blocks/0/elements/0/style")],
  },
  {
    name: "rejects a block_id used twice in one message",
    blocks: [
      { ...section("a"), block_id: "unit" },
      { ...section("b"), block_id: "unit" },
    ],
    expected: [problem("duplicate block_id: unit", "/blocks/1/block_id")],
  },
  {
    name: "rejects an unknown block type",
    blocks: [{ type: "sectoin", text: mrkdwn("typo") }],
    expected: [problem("unsupported type: sectoin", "/blocks/0/type")],
  },
  {
    name: "rejects a block without a type",
    blocks: [{ text: mrkdwn("no type") }],
    expected: [problem("missing required field: type", "/blocks/0")],
  },
  {
    name: "rejects a text object without type",
    blocks: [{ type: "section", text: { text: "hi" } }],
    expected: [problem("missing required field: type", "/blocks/0/text")],
  },
  {
    name: "rejects a text object without text",
    blocks: [{ type: "section", text: { type: "mrkdwn" } }],
    expected: [problem("missing required field: text", "/blocks/0/text")],
  },
  {
    name: "rejects a bare string where a text object belongs",
    blocks: [{ type: "section", text: "hi" }],
    expected: [problem("must be an object", "/blocks/0/text")],
  },
  {
    name: "rejects a button without text",
    blocks: [{ type: "actions", elements: [{ type: "button", action_id: "a" }] }],
    expected: [problem("missing required field: text", "/blocks/0/elements/0")],
  },
  {
    name: "rejects an image without alt_text",
    blocks: [{ type: "image", image_url: "https://example.com/a.png" }],
    expected: [problem("missing required field: alt_text", "/blocks/0")],
  },
  {
    name: "rejects an overflow menu with a single option",
    blocks: [{ type: "actions", elements: [{ type: "overflow", action_id: "o", options: [{ text: plain("1"), value: "1" }] }] }],
    expected: [problem("must provide at least 2 items", "/blocks/0/elements/0/options")],
  },
  {
    name: "rejects two elements with one action_id in a block",
    blocks: [{ type: "actions", elements: [button({ action_id: "item_done", value: "a" }), button({ action_id: "item_done", value: "b" })] }],
    expected: [problem("duplicate action_id: item_done", "/blocks/0/elements/1/action_id")],
  },
  {
    name: "accepts one action_id in different blocks",
    blocks: [
      { type: "actions", elements: [button({ action_id: "item_done", value: "a" })] },
      { type: "actions", elements: [button({ action_id: "item_done", value: "b" })] },
    ],
    expected: [],
  },
  ...[1, 3000].map((max_length) => ({
    name: `accepts a text input with max_length ${max_length}`,
    blocks: [{ type: "input", label: plain("备注"), element: { type: "plain_text_input", action_id: "v", max_length } }],
    surface: "modal" as const,
    expected: [],
  })),
  ...[0, 3001, 2.5].map((max_length) => ({
    name: `rejects a text input with max_length ${max_length}`,
    blocks: [{ type: "input", label: plain("备注"), element: { type: "plain_text_input", action_id: "v", max_length } }],
    surface: "modal" as const,
    expected: [problem("must be an integer between 1 and 3000", "/blocks/0/element/max_length")],
  })),
  {
    name: "rejects a text input with min_length over 3000",
    blocks: [{ type: "input", label: plain("备注"), element: { type: "plain_text_input", action_id: "v", min_length: 3001 } }],
    surface: "modal",
    expected: [problem("must be an integer between 0 and 3000", "/blocks/0/element/min_length")],
  },
  {
    name: "accepts an initial_value exactly max_length long",
    blocks: [{ type: "input", label: plain("备注"), element: { type: "plain_text_input", action_id: "v", max_length: 500, initial_value: x(500) } }],
    surface: "modal",
    expected: [],
  },
  {
    name: "rejects an initial_value longer than max_length",
    blocks: [{ type: "input", label: plain("备注"), element: { type: "plain_text_input", action_id: "v", max_length: 500, initial_value: x(600) } }],
    surface: "modal",
    expected: [problem("initial_value must not be longer than max_length (500)", "/blocks/0/element/initial_value")],
  },
  {
    name: "accepts a select whose initial_option is one of its options (emoji flag aside)",
    blocks: [
      {
        type: "input",
        label: plain("状态"),
        element: {
          type: "static_select",
          action_id: "v",
          options: [{ text: { ...plain("未开始"), emoji: true }, value: "todo" }, { text: plain("完成"), value: "done" }],
          initial_option: { text: plain("未开始"), value: "todo" },
        },
      },
    ],
    surface: "modal",
    expected: [],
  },
  {
    name: "accepts an initial_option found in option_groups",
    blocks: [
      {
        type: "section",
        text: mrkdwn("选"),
        accessory: {
          type: "static_select",
          action_id: "v",
          option_groups: [{ label: plain("组"), options: [{ text: plain("完成"), value: "done" }] }],
          initial_option: { text: plain("完成"), value: "done" },
        },
      },
    ],
    expected: [],
  },
  ...[
    ["a value it does not list", { text: plain("已取消"), value: "cancelled" }],
    ["a listed value shown with other text", { text: plain("完了"), value: "done" }],
  ].map(([what, initial_option]) => ({
    name: `rejects a select whose initial_option is ${what as string}`,
    blocks: [
      {
        type: "input",
        label: plain("状态"),
        element: { type: "static_select", action_id: "v", options: [{ text: plain("完成"), value: "done" }], initial_option },
      },
    ],
    surface: "modal" as const,
    expected: [problem("initial option must exactly match one of the options", "/blocks/0/element/initial_option")],
  })),
  {
    name: "rejects radio buttons and checkboxes whose initial options are not among theirs",
    blocks: [
      {
        type: "input",
        label: plain("方式"),
        element: { type: "radio_buttons", action_id: "v", options: [{ text: plain("注销"), value: "cancel" }], initial_option: { text: plain("删除解析"), value: "dns" } },
      },
      {
        type: "input",
        label: plain("项"),
        element: {
          type: "checkboxes",
          action_id: "v",
          options: [{ text: plain("一"), value: "1" }],
          initial_options: [{ text: plain("一"), value: "1" }, { text: plain("二"), value: "2" }],
        },
      },
    ],
    surface: "modal",
    expected: [
      problem("initial option must exactly match one of the options", "/blocks/0/element/initial_option"),
      problem("initial option must exactly match one of the options", "/blocks/1/element/initial_options/1"),
    ],
  },
  { name: "rejects blocks that are not an array", blocks: { type: "divider" }, expected: [problem("must be an array", "/blocks")] },
  {
    name: "reports every problem in block order",
    blocks: [{ type: "header", text: plain(x(200)) }, { type: "bogus" }, section(x(3001))],
    expected: [
      problem("must be less than 151 characters", "/blocks/0/text/text"),
      problem("unsupported type: bogus", "/blocks/1/type"),
      problem("must be less than 3001 characters", "/blocks/2/text/text"),
    ],
  },
];

describe("checkBlocks", () => {
  it.each(blockCases)("$name", ({ blocks, surface, expected }) => {
    expect(checkBlocks(blocks, surface ?? "message")).toEqual(expected);
  });

  it("points into /view/blocks when checking a view's blocks", () => {
    expect(checkBlocks([section(x(3001))], "modal", "/view/blocks")).toEqual([
      problem("must be less than 3001 characters", "/view/blocks/0/text/text"),
    ]);
  });
});

const modal = (over: Record<string, unknown> = {}) => ({
  type: "modal",
  title: plain("停止の報告"),
  submit: plain("送信"),
  close: plain("閉じる"),
  blocks: [section("本文")],
  ...over,
});

interface ViewCase {
  name: string;
  view: unknown;
  expectedType?: "modal" | "home";
  expected: BlockProblem[];
}

const viewCases: ViewCase[] = [
  { name: "accepts a modal with a 24-character title", view: modal({ title: plain(x(24)) }), expected: [] },
  {
    name: "rejects a modal title over 24 characters",
    view: modal({ title: plain(x(25)) }),
    expected: [problem("must be less than 25 characters", "/view/title/text")],
  },
  {
    name: "rejects a modal without a title",
    view: modal({ title: undefined }),
    expected: [problem("missing required field: title", "/view")],
  },
  {
    name: "rejects a submit label over 24 characters",
    view: modal({ submit: plain(x(25)) }),
    expected: [problem("must be less than 25 characters", "/view/submit/text")],
  },
  {
    name: "rejects an input block in a modal without submit",
    view: modal({
      submit: undefined,
      blocks: [{ type: "input", label: plain("理由"), element: { type: "plain_text_input", action_id: "reason" } }],
    }),
    expected: [problem("must define `submit` to use an `input` block in modals", "/view/blocks/0/input")],
  },
  {
    name: "rejects private_metadata over 3000 characters",
    view: modal({ private_metadata: x(3001) }),
    expected: [problem("must be less than 3001 characters", "/view/private_metadata")],
  },
  {
    name: "accepts a home tab with 100 blocks",
    view: { type: "home", blocks: many(100, () => ({ type: "divider" })) },
    expectedType: "home",
    expected: [],
  },
  {
    name: "rejects a home tab with 101 blocks",
    view: { type: "home", blocks: many(101, () => ({ type: "divider" })) },
    expectedType: "home",
    expected: [problem("no more than 100 items allowed", "/view/blocks")],
  },
  {
    name: "rejects a modal where a home tab is expected",
    view: modal(),
    expectedType: "home",
    expected: [problem("must be a valid enum value", "/view/type")],
  },
  {
    name: "points block problems inside the view",
    view: modal({ blocks: [{ type: "header", text: plain(x(151)) }] }),
    expected: [problem("must be less than 151 characters", "/view/blocks/0/text/text")],
  },
];

describe("checkView", () => {
  it.each(viewCases)("$name", ({ view, expectedType, expected }) => {
    expect(checkView(view, expectedType)).toEqual(expected);
  });
});

describe("message text and formatting", () => {
  it("treats top-level text as too long only past 40000 characters", () => {
    expect(BLOCK_KIT_LIMITS.messageText).toBe(40000);
    expect(messageTextTooLong(x(40000))).toBe(false);
    expect(messageTextTooLong(x(40001))).toBe(true);
  });

  it("counts the text of every block toward the 12,000 characters across a message", () => {
    const blocks = [
      { type: "header", text: plain(x(100)) },
      { type: "section", text: mrkdwn(x(3000)), fields: [mrkdwn(x(50))], accessory: button({ text: plain(x(10)) }) },
      { type: "context", elements: [mrkdwn(x(20))] },
      { type: "rich_text", elements: [{ type: "rich_text_section", elements: [{ type: "text", text: x(30) }] }] },
      { type: "markdown", text: x(40) },
    ];
    expect(BLOCK_KIT_LIMITS.messageBlocksText).toBe(12000);
    expect(blocksTextLength(blocks)).toBe(100 + 3000 + 50 + 10 + 20 + 30 + 40);
    const atLimit = [...many(4, () => section(x(3000)))];
    expect(blocksTooLong(atLimit)).toBe(false);
    expect(blocksTooLong([...atLimit, { type: "context", elements: [mrkdwn("x")] }])).toBe(true);
  });

  it("formats a problem the way Slack words it", () => {
    expect(formatProblem(problem("no more than 50 items allowed", "/blocks"))).toBe(
      "no more than 50 items allowed [json-pointer:/blocks]",
    );
  });
});
