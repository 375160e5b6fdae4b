// The private lead digest, sent to each lead by direct message: every agent's numbers, who needs attention.
import type { KnownBlock } from "./format.ts";
import { agentKpiPhrase, agentScorePhrase, chunkLines, pendingFeedbackPhrase, scorePct } from "../../core/digests/digest-wording.ts";
import type { LeadDigest } from "../../core/digests/lead-digest.ts";
import { listOf, mention, periodLabel } from "./format.ts";
import type { SlackMessage } from "./replies.ts";

const MAX_BLOCKS = 50;
const sections = (heading: string, lines: string[]): KnownBlock[] =>
  chunkLines([heading, ...lines]).map((text) => ({ type: "section", text: { type: "mrkdwn", text } }));

export function leadDigestMessage(digest: LeadDigest): SlackMessage {
  const title = `Lead digest — ${digest.teamName}, week ${periodLabel(digest.period)}`;
  const tz = digest.period.timeZone;
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: title.slice(0, 150) } },
    {
      type: "context",
      elements: [{ type: "mrkdwn", text: `Only you and the team's other leads get this. Team composite: ${digest.teamComposite === null ? "no score" : scorePct(digest.teamComposite)}.` }],
    },
  ];
  if (digest.agents.length > 0) {
    blocks.push(
      ...sections(
        "*Agents* (composite, then each KPI with its % of target)",
        digest.agents.map((a) => `• ${mention(a.member)} — *${agentScorePhrase(a.composite, a.previousComposite)}* · ${[...a.kpis.map(agentKpiPhrase), `${a.kudosReceived} kudos`].join(" · ")}`),
      ),
    );
  }
  blocks.push(
    ...(digest.underTarget.length === 0
      ? sections("*Under target*", ["Nobody: every scored KPI is on target."])
      : sections("*Under target*", digest.underTarget.map((u) => `• ${mention(u.member)}: ${u.missed.map(agentKpiPhrase).join(", ")}`))),
  );
  blocks.push(
    ...sections("*No recognition this week*", [
      digest.underRecognised.length === 0 ? "Everyone received kudos." : `${listOf(digest.underRecognised.map(mention))} — who could thank them for something specific?`,
    ]),
  );
  blocks.push(
    ...sections(
      "*Pending feedback requests*",
      digest.pendingFeedback.length === 0 ? ["None open."] : digest.pendingFeedback.map((p) => `• ${mention(p.subject)} — ${pendingFeedbackPhrase(p, tz)}`),
    ),
  );
  if (blocks.length > MAX_BLOCKS) {
    blocks.length = MAX_BLOCKS - 1;
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: "… more than fits in one message: see `/scorecard @agent` for the rest." }] });
  }
  return { text: title, blocks };
}
