// Teams mentions → the core's command text. Teams sends `<at>Ana Alves</at>` in the text and the person in
// `entities[].mentioned`; the core parses Slack-style escaped mentions. Each mentioned person becomes a
// placeholder `<@UTM1>` the core can tokenise, and is mapped back to the Teams user id after parsing.
import { type CommandToken, wordOrHandle } from "../core/shared/command-text.ts";

interface ActivityLike {
  text?: string | undefined;
  recipient?: { id?: string } | undefined;
  entities?: { type?: string; [key: string]: unknown }[] | undefined;
}

interface MentionEntity {
  text: string;
  id: string;
  name: string;
}

export interface TeamsCommandText {
  /** The message with the bot's own mention removed and people's mentions as core-parsable placeholders. */
  text: string;
  /** The message as the domain's tokens: words, and the people mentioned (by Teams user id and name). */
  tokens: CommandToken[];
}

const PLACEHOLDER_PREFIX = "UTM";

function mentionEntities(activity: ActivityLike): MentionEntity[] {
  const found: MentionEntity[] = [];
  const entities: unknown = activity.entities;
  for (const entity of Array.isArray(entities) ? (entities as (ActivityLike["entities"] & object)[number][]) : []) {
    // Entities come from the sender: anything not shaped like a mention is skipped.
    if (typeof entity !== "object" || entity === null || entity.type !== "mention") continue;
    const mentioned = entity.mentioned as { id?: unknown; name?: unknown } | undefined;
    if (typeof mentioned?.id !== "string" || typeof entity.text !== "string") continue;
    found.push({ text: entity.text, id: mentioned.id, name: typeof mentioned.name === "string" ? mentioned.name : mentioned.id });
  }
  return found;
}

/** Plain text of a Teams message: HTML line breaks and paragraphs become spaces, entities are decoded. */
function plainText(html: string): string {
  return html
    .replace(/<(?:br|\/p|p)\s*\/?>/gi, " ")
    .replace(/<\/?(?!@)[a-z][^<>]*>/gi, "")
    .replaceAll("&nbsp;", " ")
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'");
}

export function teamsCommandText(activity: ActivityLike): TeamsCommandText {
  const botId = activity.recipient?.id;
  const entities = mentionEntities(activity);
  const placeholderToTeams = new Map<string, string>();
  const teamsToPlaceholder = new Map<string, string>();
  const names = new Map<string, string>();
  let text = typeof activity.text === "string" ? activity.text : "";
  for (const entity of entities) {
    if (entity.id === botId) {
      text = text.replace(entity.text, " ");
      continue;
    }
    names.set(entity.id, entity.name);
    let placeholder = teamsToPlaceholder.get(entity.id);
    if (!placeholder) {
      placeholder = `${PLACEHOLDER_PREFIX}${teamsToPlaceholder.size + 1}`;
      teamsToPlaceholder.set(entity.id, placeholder);
      placeholderToTeams.set(placeholder, entity.id);
    }
    text = text.replace(entity.text, ` <@${placeholder}> `);
  }
  text = plainText(text).replace(/\s+/g, " ").trim();
  const tokens = (text.match(/<@[^<>\s]+>|\S+/g) ?? []).map((raw): CommandToken => {
    const placeholder = /^<@([^<>\s]+)>$/.exec(raw)?.[1];
    const id = placeholder ? placeholderToTeams.get(placeholder) : undefined;
    if (id) return { kind: "member", ref: { kind: "id", id, name: names.get(id) ?? id }, text: `@${names.get(id) ?? id}` };
    return wordOrHandle(raw);
  });
  return {
    text,
    tokens,
  };
}
