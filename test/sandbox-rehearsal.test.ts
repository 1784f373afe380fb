// The whole campaign rehearsed in the sandbox, June 12 to 25: reminders, reports, escalation and
// the digest, day by day, until every unit is done and the digest says so.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { outputOf, useRehearsal } from "./helpers/sandbox-process.ts";

const SCRIPT = fs.readFileSync(new URL("./fixtures/rehearsal.txt", import.meta.url), "utf8");

describe("a rehearsal of the campaign from June 12 to June 25", () => {
  const rehearsal = useRehearsal(SCRIPT);

  it("runs every line of the script", () => {
    expect(rehearsal.run().stdout).not.toContain("✗");
    expect(rehearsal.run().stdout).not.toContain("没看懂");
    expect(rehearsal.run().code).toBe(0);
  });

  it("reminds the contacts by DM before the transition deadline, and a click in the DM updates it in place", () => {
    const morning = outputOf(rehearsal.run().stdout, "协调员（你）> :now 2027-06-13 09:00");
    expect(morning).toContain("✉ 私信 → 陈静 (U0CHENJING) (DM)");
    expect(morning).toContain("✉ 私信 → 李强 (U0LIQIANG) (DM)");
    expect(morning).toContain("• *过渡栏目*（当前：进行中，正在套用统一模板） · 截止 6月20日 23:59 · 还剩 7 天");
    // 档案局 reported both transition items on June 12, so 王芳 has nothing to be reminded of.
    expect(morning).not.toContain("✉ 私信 → 王芳");
    const click = outputOf(rehearsal.run().stdout, "陈静> :click 1");
    expect(click).toContain("✎ 陈静 (U0CHENJING) 的消息已更新");
    expect(click).toContain("✅ 已完成  *过渡栏目*");
  });

  it("shows a blocked item in the digest with its reason", () => {
    const evening = outputOf(rehearsal.run().stdout, "协调员（你）> :now 2027-06-22 17:00");
    expect(evening).toContain("*⛔ 受阻事项（1 项）*");
    expect(evening).toContain("*档案局* · 备案注销：附件4已交中心 等待电信回复");
  });

  it("escalates the two units still open after the shutdown window, without IP备案 for units that have no second-level systems", () => {
    const morning = outputOf(rehearsal.run().stdout, "协调员（你）> :now 2027-06-24 09:00");
    expect(morning).toContain("*⚠️ 逾期未完成的单位（2 个）*");
    expect(morning).toContain("*区公安分局* · 网站关停（6月21日–6月23日）：已逾期 1 天");
    expect(morning).toContain("*公积金中心* · 网站关停（6月21日–6月23日）：已逾期 1 天");
    expect(morning).toContain("网站关停、解除绑定、域名注销 jtgjj.com、备案注销");
    // Both registered「没有二级域名系统」: IP备案 was 不适用 by then, so nothing escalates it.
    expect(morning).not.toContain("IP备案");
  });

  it("makes IP备案 不适用 when a unit says it has no second-level systems, as the system, with the reason", () => {
    const reply = outputOf(rehearsal.run().stdout, "协调员（你）> /shutdown 区公安分局 set secondlevel no");
    expect(reply).toContain("已记录：区公安分局 二级域名系统 → 没有");
    expect(reply).toContain("「IP备案」已改为不适用");
    const icp = outputOf(rehearsal.run().stdout, "协调员（你）> /shutdown 区公安分局 na icp 备案属于上级域名 czsga.gov.cn 的主办单位");
    expect(icp).toContain("已记录：区公安分局「备案注销」未开始 → ➖ 不适用");
  });

  it("understands contacts in their own words, and tells the coordinators at once when a unit is done", () => {
    expect(outputOf(rehearsal.run().stdout, "王芳> /shutdown 栏目已上线")).toContain("已记录：档案局「过渡栏目」未开始 → ✅ 已完成");
    expect(outputOf(rehearsal.run().stdout, "王芳> /shutdown 无需迁移")).toContain("已记录：档案局「数据备份/迁移」未开始 → ➖ 不适用（无需迁移）");
    expect(outputOf(rehearsal.run().stdout, "王芳> /shutdown 域名 已注销")).toContain("✅ 已注销");
    // Right after the report that finished it (the sandbox waits for the bot's follow-ups).
    expect(outputOf(rehearsal.run().stdout, "协调员（你）> /shutdown 法制办 done ipicp 已改用 IP 访问并完成 IP 备案")).toContain(
      "# #shutdown-coordinators 新消息 (channel post)\n  🎉 法制办 已全部完成（38 个单位中已有 1 个全部完成）",
    );
    // The first unit to finish (June 21, 09:00), announced once; the last one makes 38.
    expect(rehearsal.run().stdout.match(/🎉 法制办 已全部完成（38 个单位中已有 1 个全部完成）/g)).toHaveLength(1);
    expect(rehearsal.run().stdout.match(/🎉 \S+ 已全部完成/g)).toHaveLength(38);
    expect(rehearsal.run().stdout).toContain("🎉 公积金中心 已全部完成（38 个单位中已有 38 个全部完成）");
  });

  it("sends a local-telecom unit's contact the 附件4 form, and the coordinator records the center's steps", () => {
    const form = outputOf(rehearsal.run().stdout, "王芳> /shutdown 申请表");
    expect(form).toContain("📎");
    expect(form).toContain("jtda-");
    expect(form).toContain("已把 1 份附件4申请表");
    expect(outputOf(rehearsal.run().stdout, "王芳> /shutdown 已送达")).toContain("已送达");
    const list = outputOf(rehearsal.run().stdout, "协调员（你）> /shutdown forms");
    expect(list).toContain("附件4 申请表汇总");
    expect(list).toContain("已送达 1");
    expect(outputOf(rehearsal.run().stdout, "协调员（你）> :click 1")).toContain("已送达 → 中心已受理");
    expect(outputOf(rehearsal.run().stdout, "协调员（你）> /shutdown 档案局 icp 完成 中心已办理注销")).toContain("已提交管局 → 完成");
  });

  it("ends with every unit done, and the digest saying so", () => {
    const last = outputOf(rehearsal.run().stdout, "协调员（你）> :now 2027-06-25 17:00");
    expect(last).toContain("■ 网站关停日报 · 6月25日 17:00");
    expect(last).toContain("38 个单位中 *38* 个已全部完成。");
    expect(last).toContain("*✅ 没有逾期的单位。*");
    expect(last).toContain("*✅ 没有受阻的事项。*");
    const rows = outputOf(rehearsal.run().stdout, "协调员（你）> :export").trim().split("\n").slice(1);
    expect(rows).toHaveLength(269);
    expect(rows.filter((r) => !/^[^,]+,[^,]+,\w+,[^,]*,(done|na),/.test(r))).toEqual([]);
  });
});
