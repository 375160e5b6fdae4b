// The neutral message model: what core and the use cases say, as catalogue keys with parameters and
// structured references — never platform markup. Each surface spells the result (Slack mrkdwn, Teams
// markdown with <at> mentions, plain text) after `localize` has put it into the reader's language.
import type { MessageKey } from "./catalogue.ts";

/** A member, by their chat platform user id; the name is what plain-text surfaces show. */
export interface MemberRef {
  ref: "member";
  id: string;
  name?: string | undefined;
}

/** A channel (Slack channel id, Teams conversation id). */
export interface ChannelRef {
  ref: "channel";
  id: string;
  name?: string | undefined;
  /** What surfaces that cannot link a channel write when its name is unknown ("this channel"); localize sets it. */
  unnamed?: string | undefined;
}

/** Spur's own commands, by name; Slack spells them `/kudos …`, Teams `kudos …`, and `spur` becomes `admin`. */
export type CommandName = "kudos" | "scorecard" | "leaderboard" | "feedback" | "spur";

export interface CommandRef {
  ref: "command";
  name: CommandName;
  /** What follows the command word, as typed (keywords stay English in every locale). */
  args?: string | undefined;
}

/** A link: each surface writes it its own way. */
export interface LinkRef {
  ref: "link";
  url: string;
  text: string;
}

/** A reaction emoji, by its name ("star"): Slack shows the emoji, other surfaces its name. */
export interface EmojiRef {
  ref: "emoji";
  name: string;
}

export type Ref = MemberRef | ChannelRef | CommandRef | LinkRef | EmojiRef;

export type RichKind = "strong" | "em" | "code" | "strike";

/** A translated message: a catalogue key and its parameters. */
export interface Msg {
  key: MessageKey;
  params?: Readonly<Record<string, Param>> | undefined;
}

/** A date or time shown in a time zone, formatted for the reader's locale. */
export interface DateParam {
  date: Date;
  timeZone: string;
  /** day: "Wed 25 Nov" · dayMonth: "25 Nov" · date: "25 Nov 2026" · time: "09:05" · dayTime: "09:05 Wed 25 Nov" · month: "November 2026" */
  style: "day" | "dayMonth" | "date" | "time" | "dayTime" | "month";
}

/** Several items joined the reader's way: "a, b and c" / "a、b和c". */
export interface ListParam {
  list: readonly Param[];
  style?: "and" | "or";
}

export interface RichParam {
  rich: RichKind;
  content: Param;
}

/** Text the user wrote (a reason, a name): shown as is, escaped by each renderer, never translated. */
export type Param = string | number | boolean | null | Ref | Msg | DateParam | ListParam | RichParam;

/** Localised output: text, references and emphasis; each renderer spells it. */
export type Inline = string | Ref | { rich: RichKind; children: Inline[] };

export function msg(key: MessageKey, params?: Readonly<Record<string, Param>>): Msg {
  return params ? { key, params } : { key };
}

export function member(id: string, name?: string): MemberRef {
  return { ref: "member", id, name };
}

export function channel(id: string, name?: string): ChannelRef {
  return { ref: "channel", id, name };
}

export function command(name: CommandName, args?: string): CommandRef {
  return { ref: "command", name, args };
}

export function emoji(name: string): EmojiRef {
  return { ref: "emoji", name };
}

export function link(url: string, text: string): LinkRef {
  return { ref: "link", url, text };
}

export function strong(content: Param): RichParam {
  return { rich: "strong", content };
}

export function em(content: Param): RichParam {
  return { rich: "em", content };
}

export function code(content: Param): RichParam {
  return { rich: "code", content };
}

export function list(items: readonly Param[], style: "and" | "or" = "and"): ListParam {
  return { list: items, style };
}

export function when(date: Date, timeZone: string, style: DateParam["style"]): DateParam {
  return { date, timeZone, style };
}

export function isMsg(p: unknown): p is Msg {
  return typeof p === "object" && p !== null && "key" in p;
}

export function isRef(p: unknown): p is Ref {
  return typeof p === "object" && p !== null && "ref" in p;
}
