import { describe, expect, it } from "vitest";
import type { ResponseUrlPost } from "../../tools/slack-standin/index.ts";
import { clientFor, HANAKO, TARO, useStandin } from "./standin-fixture.ts";

const standin = useStandin();

/** Posts the way Bolt's respond() does: JSON body, Content-Type application/json. */
async function respond(url: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
}

describe("response_url", () => {
  it("captures what is posted and shows an ephemeral reply to the user by default", async () => {
    const { url, id } = standin().createResponseUrl({ userId: TARO.id, channelId: "C0GENERAL" });
    expect(url).toBe(`${standin().baseUrl}/response/${id}`);
    const res = await respond(url, { text: "受け付けました" });
    expect(res).toEqual({ status: 200, json: { ok: true } });
    expect(standin().responses(id)).toEqual([expect.objectContaining({ id, body: { text: "受け付けました" }, status: 200 })]);
    expect(standin().ephemerals(TARO.id)).toEqual([
      expect.objectContaining({ text: "受け付けました", channel: "C0GENERAL", via: "response_url" }),
    ]);
    expect(standin().ephemerals(HANAKO.id)).toEqual([]);
    expect(standin().messages("C0GENERAL")).toEqual([]);
  });

  it("posts in_channel replies into the channel", async () => {
    const { url } = standin().createResponseUrl({ userId: TARO.id, channelId: "C0GENERAL" });
    await respond(url, { response_type: "in_channel", text: "全体に共有" });
    expect(standin().messages("C0GENERAL")).toEqual([expect.objectContaining({ text: "全体に共有", user: standin().botUserId })]);
  });

  it("replace_original rewrites the message the interaction came from", async () => {
    const posted = await clientFor(standin()).chat.postMessage({ channel: "C0GENERAL", text: "未完了" });
    const { url } = standin().createResponseUrl({ userId: TARO.id, channelId: "C0GENERAL", messageTs: posted.ts! });
    await respond(url, { replace_original: true, text: "完了", blocks: [{ type: "section", text: { type: "mrkdwn", text: "✅ 完了" } }] });
    const [message] = standin().messages("C0GENERAL");
    expect(message).toMatchObject({ ts: posted.ts, text: "完了", blocks: [{ type: "section", text: { text: "✅ 完了" } }] });
    expect(message!.edited).toBeDefined();
  });

  it("delete_original removes the message the interaction came from", async () => {
    const posted = await clientFor(standin()).chat.postMessage({ channel: "C0GENERAL", text: "消える" });
    const { url } = standin().createResponseUrl({ channelId: "C0GENERAL", messageTs: posted.ts! });
    await respond(url, { delete_original: true });
    expect(standin().messages("C0GENERAL")).toEqual([]);
  });

  it("checks blocks like chat.postMessage and keeps nothing when they are invalid", async () => {
    const { url, id } = standin().createResponseUrl({ userId: TARO.id });
    const res = await respond(url, { text: "x", blocks: [{ type: "header", text: { type: "plain_text", text: "x".repeat(151) } }] });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      ok: false,
      error: "invalid_blocks",
      errors: ["must be less than 151 characters [json-pointer:/blocks/0/text/text]"],
    });
    expect(standin().ephemerals()).toEqual([]);
    expect(standin().responses(id)[0]).toMatchObject({ status: 200, reply: { ok: false, error: "invalid_blocks" } });
  });

  it("answers 404 for a URL it never handed out", async () => {
    const res = await respond(`${standin().baseUrl}/response/nope`, { text: "x" });
    expect(res).toEqual({ status: 404, json: { ok: false, error: "expired_url" } });
  });

  it("accepts five posts per URL and refuses the sixth", async () => {
    const { url } = standin().createResponseUrl({ userId: TARO.id });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await respond(url, { text: `${i}` })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 404]);
    expect(standin().ephemerals(TARO.id)).toHaveLength(5);
  });

  it("can be made to fail, and still records the post", async () => {
    standin().failNext("response_url", { kind: "http", status: 500 });
    const { url, id } = standin().createResponseUrl({ userId: TARO.id });
    const res = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ text: "x" }) });
    expect(res.status).toBe(500);
    expect(standin().responses(id)).toEqual([expect.objectContaining({ status: 500 })]);
    expect(standin().ephemerals()).toEqual([]);
  });

  it("tells onResponse subscribers about each post", async () => {
    const seen: ResponseUrlPost[] = [];
    const stop = standin().onResponse((p) => seen.push(p));
    const { url } = standin().createResponseUrl({ userId: TARO.id });
    await respond(url, { text: "one" });
    stop();
    await respond(url, { text: "two" });
    expect(seen.map((p) => p.body)).toEqual([{ text: "one" }]);
  });
});
