// The private lead digest card, sent to a lead in their personal chat with Spur.
import { agentKpiPhrase, agentScorePhrase, pendingFeedbackPhrase, scorePct } from "../../core/digests/digest-wording.ts";
import type { LeadDigest } from "../../core/digests/lead-digest.ts";
import { card, type CardElement, escapeMarkdown, factSet, heading, listOf, periodLabel, type TeamsMessage, textBlock } from "./adaptive-card.ts";

const subheading = (text: string) => textBlock(text, { weight: "Bolder", spacing: "Medium" });

export function leadDigestCard(digest: LeadDigest): TeamsMessage {
  const title = `Lead digest — ${digest.teamName}, week ${periodLabel(digest.period)}`;
  const body: CardElement[] = [
    heading(escapeMarkdown(title)),
    textBlock(`Only you and the team's other leads get this. Team composite: ${digest.teamComposite === null ? "no score" : scorePct(digest.teamComposite)}.`, { isSubtle: true }),
  ];
  if (digest.agents.length > 0) {
    body.push(subheading("Agents (composite, then each KPI with its % of target)"));
    body.push(
      factSet(digest.agents.map((a) => [a.member.displayName, `${agentScorePhrase(a.composite, a.previousComposite)} · ${[...a.kpis.map(agentKpiPhrase), `${a.kudosReceived} kudos`].join(" · ")}`])),
    );
  }
  body.push(subheading("Under target"));
  body.push(
    digest.underTarget.length === 0
      ? textBlock("Nobody: every scored KPI is on target.")
      : factSet(digest.underTarget.map((u) => [u.member.displayName, u.missed.map(agentKpiPhrase).join(", ")])),
  );
  body.push(subheading("No recognition this week"));
  body.push(
    textBlock(
      digest.underRecognised.length === 0
        ? "Everyone received kudos."
        : `${escapeMarkdown(listOf(digest.underRecognised.map((m) => m.displayName)))} — who could thank them for something specific?`,
    ),
  );
  body.push(subheading("Pending feedback requests"));
  body.push(
    digest.pendingFeedback.length === 0
      ? textBlock("None open.")
      : factSet(digest.pendingFeedback.map((p) => [p.subject.displayName, pendingFeedbackPhrase(p, digest.period.timeZone)])),
  );
  return { text: title, card: card(body) };
}
