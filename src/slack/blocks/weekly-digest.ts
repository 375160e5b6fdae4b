// The weekly team digest post.
import type { KnownBlock } from "./format.ts";
import type { WeeklyDigest } from "../../core/digest.ts";
import { escapeMrkdwn, mention, periodLabel, plural } from "./format.ts";
import type { SlackMessage } from "./replies.ts";

export function weeklyDigestMessage(digest: WeeklyDigest): SlackMessage {
  const { kudos } = digest;
  const title = `Weekly digest — ${digest.teamName}, week ${periodLabel(digest.period)}`;
  const summary =
    kudos.count === 0
      ? "No kudos this week. Who helped you? Try `/kudos @teammate what they did`."
      : `*${plural(kudos.count, "kudos", "kudos")}* worth *${plural(kudos.points, "point")}* from ${plural(kudos.givers, "person", "people")}.`;
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: title.slice(0, 150) } },
    { type: "section", text: { type: "mrkdwn", text: summary } },
  ];
  if (kudos.topRecipients.length > 0) {
    const medals = [":first_place_medal:", ":second_place_medal:", ":third_place_medal:"];
    const lines = kudos.topRecipients.map(
      (r, i) => `${medals[i] ?? `${i + 1}.`} ${mention(r)} — ${plural(r.points, "point")} (${plural(r.count, "kudos", "kudos")})`,
    );
    blocks.push({ type: "section", text: { type: "mrkdwn", text: `*Most recognised*\n${lines.join("\n")}` } });
  }
  if (kudos.values.length > 0) {
    const line = kudos.values.map((v) => `#${escapeMrkdwn(v.value)} ×${v.count}`).join("  ·  ");
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: `Values: ${line}` }] });
  }
  return { text: title, blocks };
}
