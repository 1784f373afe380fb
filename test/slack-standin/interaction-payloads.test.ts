import { describe, expect, it } from "vitest";
import { buildMessageBlockActions, buildViewBlockActions, buildViewSubmission, viewStateFrom } from "../../tools/slack-standin/index.ts";

const TARO = { id: "U0TARO", name: "taro" };
const plain = (text: string) => ({ type: "plain_text", text });
const option = (text: string, value: string) => ({ text: plain(text), value });

const view = {
  id: "V0REPORT",
  type: "modal",
  callback_id: "report",
  hash: "1718900000.abcd",
  title: plain("報告"),
  blocks: [
    { type: "input", block_id: "reason", label: plain("理由"), element: { type: "plain_text_input", action_id: "text" } },
    { type: "input", block_id: "kind", label: plain("種別"), element: { type: "static_select", action_id: "pick", options: [option("閉鎖", "close"), option("縮小", "shrink")] } },
    { type: "input", block_id: "when", label: plain("日付"), element: { type: "datepicker", action_id: "date" } },
    { type: "input", block_id: "who", label: plain("担当"), element: { type: "multi_users_select", action_id: "users" } },
    { type: "input", block_id: "note", optional: true, label: plain("備考"), element: { type: "plain_text_input", action_id: "memo" } },
    { type: "section", block_id: "info", text: { type: "mrkdwn", text: "説明" } },
  ],
};

describe("viewStateFrom", () => {
  it("reports each input the way Slack does for its element type, untouched ones as null", () => {
    const values = viewStateFrom(view, {
      reason: { text: "工事" },
      kind: { pick: "shrink" },
      when: { date: "2026-06-30" },
      who: { users: ["U0TARO", "U0HANAKO"] },
    });
    expect(values).toEqual({
      reason: { text: { type: "plain_text_input", value: "工事" } },
      kind: { pick: { type: "static_select", selected_option: { text: plain("縮小"), value: "shrink" } } },
      when: { date: { type: "datepicker", selected_date: "2026-06-30" } },
      who: { users: { type: "multi_users_select", selected_users: ["U0TARO", "U0HANAKO"] } },
      note: { memo: { type: "plain_text_input", value: null } },
    });
  });

  it("refuses an option the select does not offer, and a block the view does not have", () => {
    expect(() => viewStateFrom(view, { kind: { pick: "explode" } })).toThrow(/no option with value "explode"/);
    expect(() => viewStateFrom(view, { nosuch: { x: "1" } })).toThrow(/no input block "nosuch"/);
  });
});

describe("payload builders", () => {
  it("builds a view_submission carrying the view with its state", () => {
    const payload = buildViewSubmission({ user: TARO, view, inputs: { reason: { text: "工事" } }, triggerId: "1.2.abc" });
    expect(payload).toMatchObject({
      type: "view_submission",
      user: { id: "U0TARO", username: "taro", name: "taro", team_id: "T0STANDIN" },
      team: { id: "T0STANDIN", domain: "standin" },
      api_app_id: "A0STANDINAPP",
      trigger_id: "1.2.abc",
      view: { id: "V0REPORT", callback_id: "report", hash: "1718900000.abcd", state: { values: { reason: { text: { value: "工事" } } } } },
      response_urls: [],
    });
  });

  it("builds a message block_actions with container, channel, message, response_url and the action", () => {
    const message = { ts: "1718900000.000100", text: "未完了", user: "U0STANDINBOT", blocks: [{ type: "divider", block_id: "d" }] };
    const payload = buildMessageBlockActions({
      user: TARO,
      button: { action_id: "done", block_id: "act", text: "完成", value: "unit-1" },
      message,
      channel: { id: "C0GENERAL", name: "general" },
      responseUrl: "http://127.0.0.1:1/response/x",
    });
    expect(payload).toMatchObject({
      type: "block_actions",
      container: { type: "message", message_ts: message.ts, channel_id: "C0GENERAL", is_ephemeral: false },
      channel: { id: "C0GENERAL", name: "general" },
      message: { type: "message", ts: message.ts, text: "未完了", blocks: message.blocks },
      response_url: "http://127.0.0.1:1/response/x",
      trigger_id: expect.stringMatching(/^\d+\.\d+\.[0-9a-f]+$/),
      actions: [{ type: "button", action_id: "done", block_id: "act", value: "unit-1", text: { type: "plain_text", text: "完成" }, action_ts: expect.stringMatching(/^\d+\.\d{6}$/) }],
    });
  });

  it("builds a view block_actions with the view and no response_url", () => {
    const payload = buildViewBlockActions({ user: TARO, button: { action_id: "refresh", block_id: "home", text: "更新" }, view });
    expect(payload).toMatchObject({ type: "block_actions", container: { type: "view", view_id: "V0REPORT" }, view: { id: "V0REPORT" } });
    expect(payload).not.toHaveProperty("response_url");
  });
});
