// The scenario driver's vocabulary (see surface.ts): platforms, what people say, replies and the driver itself.
import type { TestClock } from "./clock.ts";
import type { Harness } from "./spur-harness.ts";
import type { Locale } from "../../src/i18n/locale.ts";
import type { CommandName } from "../../src/i18n/message.ts";
import type { RecognitionSettings } from "../../src/core/recognition/recognition-settings.ts";
import type { Person } from "./surface-people.ts";

export type Platform = "slack" | "teams";

/**
 * The channel the command is sent in, named in it (Slack: a #channel link; Teams has none to type, and reads
 * `admin channel` alone as the channel it is sent in).
 */
export const HERE = { channel: "here" } as const;

/** What a person types after the command word: text, the people they @mention, and the channel they are in. */
export type Said = (string | Person | typeof HERE)[];

/**
 * Another channel of the workspace, by its name (Slack `C` + the name in capitals, without dashes; on Teams a
 * channel of the same team beside General).
 */
export interface NamedChannel {
  channelName: string;
}

export const channelNamed = (channelName: string): NamedChannel => ({ channelName });

/**
 * Where a command is sent: the team's channel (default), the person's own chat with Spur (Slack DM, Teams
 * personal chat), or another channel (where HERE then names that channel).
 */
export type Where = "channel" | "personal" | NamedChannel;

export interface SurfaceButton {
  /** The button's label, as shown. */
  label: string;
  /** What the platform needs to click it (Slack action id and value, Teams verb and data). */
  ref: unknown;
}

export interface SurfaceReply {
  /** Everything the reply says, as plain text, one line per paragraph or row. */
  text: string;
  buttons: SurfaceButton[];
  /** The payload as the platform got it (Slack ack body or response_url body, Teams activity or invoke response). */
  raw: unknown;
}

export interface SurfaceField {
  id: string;
  /** The label as shown, "(optional)" included. */
  label: string;
  /** A pick's choices (a yes/no field's one "yes"): the value sent and the label shown. */
  choices: { value: string; label: string }[];
  /** What it holds when opened (and is sent unless changed), as the value a submission carries. */
  value: string | null;
}

/** A form Spur opened (Slack modal, Teams input card). Titles differ by design (Slack's are 24 characters at most). */
export interface SurfaceForm {
  /** The message above the fields. */
  notice: string | null;
  fields: SurfaceField[];
  /** The Send button's label. */
  submit: string;
  /** The view (Slack) or card (Teams), for what the platform needs to send it. */
  raw: unknown;
}

export interface Submitted {
  /** Messages under the fields of a refused submission (the form stays open), by field id. */
  errors: Record<string, string>;
  /** What Spur said about it: a private reply (Slack) or the card in the form's place (Teams); null when it only closed. */
  reply: SurfaceReply | null;
}

export interface StartOptions {
  clock?: TestClock;
  /** People whose own chat language differs from the workspace's (Slack users.info `locale`, Teams activity `locale`). */
  memberLocales?: Partial<Record<Person["key"], string>>;
  /**
   * Everyone has a personal chat with Spur from the start, where confidential replies (scorecards, feedback
   * results) go on Teams when asked for in a channel (Teams: each person writes in the channel, then installs
   * Spur personally; Slack's DMs need nothing).
   */
  personalChats?: boolean;
  /** People also in the workspace beyond the usual four (see MORE_PEOPLE). */
  morePeople?: Person[];
}

export interface Surface {
  platform: Platform;
  /** The harness underneath (database, fake platform API) for what a scenario checks beyond the replies. */
  h: Harness;
  workspaceId: string;
  /**
   * Runs a command as `who` in the team's channel (or `where`) and returns Spur's private reply (on Teams, a confidential
   * one as it reached their personal chat; the channel's note is not returned).
   */
  say(who: Person, command: CommandName, said: Said, where?: Where): Promise<SurfaceReply>;
  /** Delivers the same command twice (the platform's retry: same trigger id / activity id) and returns both replies. */
  sayTwice(who: Person, command: CommandName, said: Said): Promise<[SurfaceReply, SurfaceReply]>;
  /** Clicks the button labelled `label` of a reply Spur gave `who`; returns what replaced it or the message shown. */
  click(who: Person, reply: SurfaceReply, label: string): Promise<SurfaceReply>;
  /** Runs a command that opens a form (on Teams, a confidential one as it reached their personal chat). */
  open(who: Person, command: CommandName, said: Said): Promise<SurfaceForm>;
  /** Clicks a button that opens a form. */
  clickForm(who: Person, reply: SurfaceReply, label: string): Promise<SurfaceForm>;
  /** Submits a form with `values` by field id (a pick's value, as in `choices`); other fields keep theirs. */
  submit(who: Person, form: SurfaceForm, values: Record<string, string>): Promise<Submitted>;
  /** Direct messages Spur sent `who` (Slack DMs, Teams personal chat), oldest first. */
  dms(who: Person): Promise<SurfaceReply[]>;
  /** Waits for the newest direct message to `who` whose text contains `contains` (one a job sends, say). */
  dm(who: Person, contains: string): Promise<SurfaceReply>;
  /** Spur's own posts (not replies) in the team's channel (or `channel`), as plain text, oldest first. */
  posts(channel?: NamedChannel): Promise<string[]>;
  /** The workspace's language (through the WorkspaceRepository port). */
  setLocale(locale: Locale): Promise<void>;
  settings(patch: Partial<RecognitionSettings>): Promise<void>;
  stop(): Promise<void>;
}
