import { describe, expect, it } from "vitest";
import type { WeeklyDigest } from "../../src/core/digests/digest.ts";
import { agentWeeks, groupByMember, teamKpis, topMovers } from "../../src/core/digests/kpi-digest.ts";
import type { KpiTarget } from "../../src/core/kpi/kpi-ports.ts";
import { judgedSpan } from "../../src/core/kpi/target-span.ts";
import { weekByKey } from "../../src/core/shared/period.ts";
import { msg } from "../../src/i18n/message.ts";
import { renderBody } from "../../src/slack/render/blocks.ts";
import { renderCard } from "../../src/teams/render/card.ts";
import { weeklyDigestBody } from "../../src/use-cases/posts/weekly-digest-body.ts";
import { testAgent } from "../support/members.ts";

// Forty agents, half rising and half falling, with long names: the post must stay within Slack's limits.
const weeklyDigestMessage = (d: WeeklyDigest) => renderBody(weeklyDigestBody(d), "en");
const weeklyDigestCard = (d: WeeklyDigest) => renderCard(weeklyDigestBody(d), "en");
const members = Array.from({ length: 40 }, (_, i) => testAgent(`m${i}`, `Agent ${i} ${"x".repeat(60)}`));
const targets: KpiTarget[] = [{ metric: "qa_score", target: 90, weight: 1, period: "week", minVolume: null }];
const qa = (score: (i: number) => number) =>
  groupByMember({
    records: members.flatMap((m, i) => [0, 1, 2].map(() => ({ memberId: m.id, metric: "qa_score", value: score(i), numerator: null, denominator: null }))),
    kudosReceived: new Map(),
  });
const judged = (key: string) => judgedSpan(weekByKey(key, "UTC"), new Date("2026-11-23T09:00:00Z"));
const before = { inputs: qa(() => 70), span: judged("2026-W46") };
const now = { inputs: qa((i) => (i % 2 === 0 ? 90 : 50)), span: judged("2026-W47") };

function digest(nameFalls: boolean): WeeklyDigest {
  const agents = agentWeeks(targets, members, now, before, new Map());
  return {
    teamId: "t",
    teamName: "Support",
    period: now.span.period,
    span: now.span,
    kudos: { count: 0, points: 0, givers: 0, topRecipients: [], values: [] },
    kpis: teamKpis(targets, members.length, now, before),
    movers: topMovers(agents, { nameFalls }),
    rankingsHidden: false,
    customerKudos: [0, 2, 4].map((i) => ({ recipient: members[i]!, comment: `Thanks! ${"great ".repeat(800)}`, via: "zendesk" })),
    feedback: { requests: 0, asked: 0, answered: 0, promptsSent: 0, promptsAnswered: 0 },
    trend: { title: msg("post.text", { text: "t" }), weeks: [], series: [] },
  };
}

describe("weekly digest renderers", () => {
  it("keep falling agents' names out of the public post unless the lead opted in, on Slack and Teams", () => {
    const privately = JSON.stringify(weeklyDigestMessage(digest(false)).blocks) + JSON.stringify(weeklyDigestCard(digest(false)).card);
    expect(privately).toContain('"⬆️ Agent 0 ');
    expect(privately).toContain("⬆️ <@UM0> +22.2 pts (now 100%)");
    expect(privately).toContain("20 agents' composites fell this week (names go to leads only).");
    expect(privately).not.toContain("−");
    expect(privately).not.toContain("UM1>");
    expect(privately).not.toContain("Agent 1 x");
    const named = JSON.stringify(weeklyDigestMessage(digest(true)).blocks) + JSON.stringify(weeklyDigestCard(digest(true)).card);
    expect(named).toContain("⬇️ <@UM1> −22.2 pts (now 55.6%)");
    expect(named).toContain('"⬇️ Agent 1 ');
  });

  it("stays within Block Kit's limits: at most 50 blocks, 3000 characters per text", () => {
    const { blocks = [] } = weeklyDigestMessage(digest(true));
    expect(blocks.length).toBeLessThanOrEqual(50);
    const texts = JSON.stringify(blocks).match(/"text":"(?:[^"\\]|\\.)*"/g) ?? [];
    for (const t of texts) expect(JSON.parse(`{${t}}`).text.length).toBeLessThanOrEqual(3000);
  });
});
