// Messages Slack refused for good are never lost silently: the next digest lists them, and when
// the digest itself is refused, every coordinator gets a DM saying so (once).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runDigest } from "../src/schedule/digest-pass.ts";
import { runReminderPass } from "../src/schedule/reminder-pass.ts";
import { renderMessage, DEFAULT_BOT_USER_ID, startSlackStandin, type SlackStandin } from "../tools/slack-standin/index.ts";
import { addContact } from "./helpers/campaign-script.ts";
import { COORD_CHANNEL, TEST_POSTING, outgoingDeps } from "./helpers/outgoing-fixture.ts";
import { createTestStore, type TestStore } from "./helpers/test-store.ts";

const COORDS = ["U0COORD", "U0COORD2"];
let standin: SlackStandin;
let store: TestStore;
beforeAll(async () => {
  standin = await startSlackStandin({ channels: [{ id: COORD_CHANNEL, name: "coordinators", members: [DEFAULT_BOT_USER_ID] }], rateClockMs: TEST_POSTING.now });
});
afterAll(async () => {
  await standin.close();
});
beforeEach(async () => {
  standin.reset();
  for (const id of ["U0LI", ...COORDS]) standin.addUser({ id, name: id.toLowerCase() });
  store = await createTestStore();
  await addContact(store.db, "jtsf", { name: "李明", slackUserId: "U0LI" });
  // The provider is known, so no 是否区电信接入？ question comes before the messages these tests count.
  await store.db.unit.update({ where: { key: "jtsf" }, data: { localTelecom: false } });
});
afterEach(async () => {
  await store.cleanup();
});

const deps = () => {
  const base = outgoingDeps(store, standin);
  return { ...base, config: { ...base.config, COORDINATOR_USER_IDS: COORDS } };
};
const textOf = (m: { text: string; blocks?: unknown[] }) => renderMessage(m as never).lines.join("\n");

describe("a message Slack refused for good", () => {
  it("is listed in the next digest, with what to do about it", async () => {
    standin.failNext("chat.postMessage", { kind: "error", error: "user_disabled" }, 1);
    await runReminderPass(deps(), new Date("2027-06-20T09:00:00+08:00"));
    const report = await runDigest(deps(), new Date("2027-06-20T17:00:00+08:00"));
    expect(report.results[0]?.outcome).toBe("sent");
    const digest = textOf(standin.messages(COORD_CHANNEL).find((m) => m.metadata?.event_payload.key === "digest:2027-06-20")!);
    expect(digest).toContain("未能发送的消息（1）");
    expect(digest).toContain("的提醒（2027-06-20）：该用户不存在或已停用，请更换单位联系人（user_disabled）");
  });

  it("when it is the digest: each coordinator hears of it by DM, once", async () => {
    standin.failNext("chat.postMessage", { kind: "error", error: "not_in_channel" }, 1);
    const first = await runDigest(deps(), new Date("2027-06-20T17:00:00+08:00"));
    expect(first.results.map((r) => [r.key, r.outcome])).toEqual([
      ["digest:2027-06-20", "undeliverable"],
      ["notice:digest:2027-06-20:U0COORD", "sent"],
      ["notice:digest:2027-06-20:U0COORD2", "sent"],
    ]);
    for (const id of COORDS) {
      const dms = standin.dmMessages(id);
      expect(dms).toHaveLength(1);
      expect(textOf(dms[0]!)).toContain(`2027-06-20 的网站关停日报没能发到 #${COORD_CHANNEL}：机器人不在该频道中，请在频道里输入 /invite @关停协调（not_in_channel）`);
    }
    await runDigest(deps(), new Date("2027-06-20T18:00:00+08:00"));
    for (const id of COORDS) expect(standin.dmMessages(id)).toHaveLength(1);
    expect(standin.callsTo("chat.postMessage").filter((c) => c.args.channel === COORD_CHANNEL)).toHaveLength(1);
  });
});
