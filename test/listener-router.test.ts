import { App } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { ListenerRouter } from "../src/slack/listener-router.ts";

const app = () => new App({ token: "xoxb-test", signingSecret: "secret", tokenVerificationEnabled: false });

describe("the listener router", () => {
  const router = new ListenerRouter(app());
  const exact = async () => {};
  const pattern = async () => {};
  router.action("item_done", exact);
  router.action(/^filing_step:/, pattern);

  it.each([
    ["item_done", exact],
    ["filing_step:accepted", pattern],
    ["item_done_later", undefined],
    ["filing_step", undefined],
  ])("finds the handler of the button %s", (actionId, handler) => {
    expect(router.actionHandler(actionId)).toBe(handler);
  });

  it("refuses a second handler for one action_id or callback_id at start", () => {
    expect(() => router.action("item_done", async () => {})).toThrow("two listeners for the action item_done");
    router.view("reason", async () => {});
    expect(() => router.view("reason", async () => {})).toThrow("two listeners for the view reason");
  });
});
