// Slack's command text → the domain's tokens. Slack escapes mentions (<@U123|ana>), channel links
// (<#C123|general>), user group mentions (<!subteam^S123|@tier1>), links (<https://…|label>) and &, < and > in what people typed.
import { type CommandToken, wordOrHandle } from "../core/shared/command-text.ts";

const TOKEN = /<[^<>\s][^<>]*>|\S+/g;
const USER = /^<@([UW][A-Z0-9]+)(?:\|([^>]*))?>[,;:]*$/;
const CHANNEL = /^<#([CG][A-Z0-9]+)(?:\|([^>]*))?>([.,;:!?)]*)$/;
const GROUP = /^<!subteam\^(S[A-Z0-9]+)(?:\|@?([^>]*))?>[,;:]*$/;
const LINK = /^<([^|<>]+)(?:\|([^<>]+))?>$/;

/** Slack escapes &, < and > in message text; turn them back into what the person typed. */
export function unescapeSlack(text: string): string {
  return text.replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");
}

export function slackCommandTokens(text: string): CommandToken[] {
  return (text.match(TOKEN) ?? []).map((raw): CommandToken => {
    const user = USER.exec(raw);
    // Its text stays Slack's own mention, so a mention inside a kudos reason still names the person there.
    if (user?.[1]) return { kind: "member", ref: { kind: "id", id: user[1] }, text: raw };
    const channel = CHANNEL.exec(raw);
    if (channel?.[1]) return { kind: "channel", id: channel[1], name: channel[2] || null, text: `#${channel[2] || channel[1]}${channel[3] ?? ""}` };
    const group = GROUP.exec(raw);
    // Its text stays Slack's own mention, as a person's does.
    if (group?.[1]) return { kind: "group", id: group[1], handle: group[2] ? unescapeSlack(group[2]) : null, text: raw };
    const link = LINK.exec(raw);
    if (link?.[1] && !raw.startsWith("<!")) return { kind: "word", text: unescapeSlack(link[2] ?? link[1]) };
    return wordOrHandle(unescapeSlack(raw));
  });
}
