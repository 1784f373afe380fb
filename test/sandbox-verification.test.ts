// The verification rehearsed in the sandbox against its simulated internet: a report the
// internet contradicts, the DM and the digest section, the site going down, 已核实 after three
// passes, and the export carrying the evidence. Every probe asks a server on loopback.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { outputOf, useRehearsal } from "./helpers/sandbox-process.ts";
import { startScript } from "./helpers/script-process.ts";

const SCRIPT = fs.readFileSync(new URL("./fixtures/verification-rehearsal.txt", import.meta.url), "utf8");

describe("a verification rehearsal in the sandbox", () => {
  const rehearsal = useRehearsal(SCRIPT);

  it("runs every line of the script", () => {
    expect(rehearsal.run().stderr).toBe("");
    expect(rehearsal.run().stdout).not.toContain("✗");
    expect(rehearsal.run().code).toBe(0);
  });

  it("tells the contact when the site still answers after they reported it shut, with the evidence and what to do", () => {
    const dm = outputOf(rehearsal.run().stdout, "协调员（你）> :dm 王芳");
    expect(dm).toContain("核查结果与报告不符");
    expect(dm).toContain("你报告「档案局 网站关停」已完成，但机器人上网核查的结果不同");
    expect(dm).toContain("6月21日 09:30 jtda.gov.cn 仍可访问（HTTP 200，标题「金坛档案局」）");
    expect(dm).toContain("请关闭原网站");
  });

  it("lists the contradicted report in the digest's 核查不符 section", () => {
    const digest = outputOf(rehearsal.run().stdout, "协调员（你）> /shutdown digest preview");
    expect(digest).toContain("核查不符（1 项）");
    expect(digest).toContain("档案局 网站关停：6月21日 09:30 jtda.gov.cn 仍可访问");
  });

  it("answers /shutdown verify with every question asked and its answer", () => {
    const reply = outputOf(rehearsal.run().stdout, "协调员（你）> /shutdown verify jtda.gov.cn");
    expect(reply).toContain("核查 jtda.gov.cn");
    expect(reply).toContain("• 网站关停：不符 — 6月21日 09:30 jtda.gov.cn 仍可访问（HTTP 200，标题「金坛档案局」）");
    expect(reply).toContain("• 解除绑定：仍存在 — 6月21日 09:30 jtda.gov.cn 仍绑定在原服务器 127.0.0.19（返回原网站页面）");
    expect(reply).toMatch(/DNS A jtda\.gov\.cn @ 127\.0\.0\.1:\d+ → 127\.0\.0\.19 \(TTL 600\)/);
    expect(reply).toMatch(/UNBIND GET http:\/\/127\.0\.0\.19\/ Host: jtda\.gov\.cn/);
  });

  it("confirms the site after three passes that find it down, and shows it beside the reported state", () => {
    const status = outputOf(rehearsal.run().stdout, "王芳> /shutdown status");
    expect(status).toContain("🔍 核查：已核实 — 6月21日 12:30 jtda.gov.cn 已无法访问（连接被拒绝）");
    // Still resolving: the domain item is not done, nor does the bot say so.
    expect(status).toContain("🔍 核查 — 6月21日 12:30 jtda.gov.cn 仍能解析到 127.0.0.19");
  });

  it("asks the contact to confirm an unbinding the probes found done but nobody reported, with a button", () => {
    const dm = outputOf(rehearsal.run().stdout.slice(rehearsal.run().stdout.indexOf(":now 2027-06-21 12:30")), "协调员（你）> :dm 王芳");
    expect(dm).toContain("核查发现事项似乎已完成");
    expect(dm).toContain("「档案局 解除绑定」似乎已经完成");
    expect(dm).toContain("是，已解绑");
  });

  it("records a coordinator's judgement over the probes", () => {
    const reply = outputOf(rehearsal.run().stdout, "协调员（你）> /shutdown accept 档案局 domain 域名已交市局统一注销，注册局数据待同步");
    expect(reply).toContain("由协调人认可为已完成");
  });

  it("carries the verification and its evidence in npm run export, existing columns unchanged", async () => {
    const child = startScript("scripts/export.ts", [], { DATABASE_URL: `file:${rehearsal.dbPath()}`, CAMPAIGN_YEAR: "2027" });
    const code = await new Promise((resolve) => child.child.on("close", resolve));
    expect(code, child.err()).toBe(0);
    const stdout = child.out();
    const [head, ...rows] = stdout.replace(/^\uFEFF/, "").trim().split(/\r?\n/);
    expect(head).toBe("unit_name,unit_key,task,domain,state,method,note,updated_at,updated_by,deadline,due_at,batch,verification,verified_at,evidence");
    const site = rows.find((r) => r.startsWith("档案局,jtda,site,"))!;
    expect(site).toContain(",confirmed,2027-06-21T12:30:00+08:00,6月21日 12:30 jtda.gov.cn 已无法访问（连接被拒绝）");
    expect(rows.find((r) => r.startsWith("档案局,jtda,domain,"))).toContain(",accepted,");
    expect(rows.find((r) => r.startsWith("档案局,jtda,column,"))).toMatch(/,第一批,,,$/);
  });
});
