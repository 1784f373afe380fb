// The reply of `/shutdown verify` at the worst sizes: every list cut at an entry, saying how many
// more, within Slack's limits, and what the internet answered shown as text, never as markup.
import { describe, expect, it } from "vitest";
import { verifyReplyMessage } from "../src/slack/blocks/verification-blocks.ts";
import type { DomainReport, VerificationRunReport } from "../src/verification/run-report.ts";
import { checkBlocks, formatProblem } from "../tools/slack-standin/index.ts";

const AT = new Date("2027-06-21T09:30:00+08:00");
const HOSTILE = "<!channel> *粗体* <https://evil.example|点我>";

function domain(n: number, evidence: number): DomainReport {
  const name = `site${n}.jt.gov.cn`;
  return {
    domain: name,
    unitKey: `u${n}`,
    unitName: `单位${n}`,
    outcomes: { dns: "present", http: "present", unbind: "present", registry: "inconclusive" },
    tasks: (["site", "unbind", "domain"] as const).map((task) => ({
      task,
      itemKey: `u${n}/${task}`,
      verification: "contradicted" as const,
      summary: `${name} 仍可访问（HTTP 200，标题「${HOSTILE}」）`.repeat(3),
      reportedDone: true,
    })),
    summary: `${name} 仍可访问（标题「${HOSTILE}」）`,
    evidence: Array.from({ length: evidence }, (_, i) => ({
      probe: "http" as const,
      asked: `GET https://${name}/page/${i}`,
      of: "127.0.0.9:443",
      at: "2027-06-21T09:30:00+08:00",
      answer: `HTTP 200 「${HOSTILE}」${"很长的标题".repeat(20)}`,
      outcome: "present" as const,
      elapsedMs: 12,
    })),
  };
}

function report(domains: DomainReport[], notes = 0): VerificationRunReport {
  return {
    at: AT,
    kind: "manual",
    offline: false,
    dryRun: false,
    domains,
    counts: { confirmed: 0, contradicted: domains.length * 3, present: 0, inconclusive: 0, unverified: 0 },
    notes: Array.from({ length: notes }, (_, i) => `注意：单位${i} 登记的备案号是 苏ICP备1234567${i}号，网站页脚显示的是 ${HOSTILE}。`),
    elapsedMs: 1_000,
  };
}

const textOf = (blocks: unknown) => JSON.stringify(blocks);

describe("the reply of /shutdown verify", () => {
  it.each([
    { what: "a unit of three domains, 300 questions each, and 20 notes", r: report([domain(1, 300), domain(2, 300), domain(3, 300)], 20), detailed: true },
    { what: "a pass over 5,000 domains", r: report(Array.from({ length: 5_000 }, (_, i) => domain(i, 4))), detailed: false },
  ])("$what: within Slack's limits, each list cut at an entry with how many more", ({ r, detailed }) => {
    const { blocks } = verifyReplyMessage(r, "全部");
    expect(checkBlocks(blocks, "message").map(formatProblem)).toEqual([]);
    const text = textOf(blocks);
    expect(text).toMatch(/…及其他 \d+ 项/);
    // The last guard of message() never had to cut: the lists were fitted first.
    expect(text).not.toContain("内容太多");
    expect(text).not.toContain("<!channel>");
    expect(text).toContain("&lt;!channel&gt;");
    // Each domain of a unit is shown with its verdicts, not crowded out by the first's questions.
    if (detailed) for (const d of r.domains) expect(text).toContain(`*${d.domain}*（${d.unitName}）`);
  });

  it("shows a small report whole: every verdict and every question", () => {
    const r = report([domain(1, 5)], 2);
    const text = textOf(verifyReplyMessage(r, "site1.jt.gov.cn").blocks);
    expect(text).not.toContain("…及其他");
    for (const e of r.domains[0]!.evidence) expect(text).toContain(e.asked);
    expect(text).toContain("单位1 登记的备案号");
  });
});
