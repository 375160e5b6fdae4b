// The scenario driver's vocabulary (see surface.ts): platforms, what people say, replies and the driver itself.
import type { TestClock } from "./clock.ts";
import type { Harness } from "./spur-harness.ts";
import type { Locale } from "../../src/i18n/locale.ts";
import type { CommandName } from "../../src/i18n/message.ts";
import type { RecognitionSettings } from "../../src/core/recognition/recognition-settings.ts";
import type { Person } from "./surface-people.ts";

export type Platform = "slack" | "teams";

/** What a person types after the command word: text and the people they @mention. */
export type Said = (string | Person)[];

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

export interface StartOptions {
  clock?: TestClock;
  /** People whose own chat language differs from the workspace's (Slack users.info `locale`, Teams activity `locale`). */
  memberLocales?: Partial<Record<Person["key"], string>>;
}

export interface Surface {
  platform: Platform;
  /** The harness underneath (database, fake platform API) for what a scenario checks beyond the replies. */
  h: Harness;
  workspaceId: string;
  /** Runs a command as `who` in the team's channel and returns Spur's private reply. */
  say(who: Person, command: CommandName, said: Said): Promise<SurfaceReply>;
  /** Delivers the same command twice (the platform's retry: same trigger id / activity id) and returns both replies. */
  sayTwice(who: Person, command: CommandName, said: Said): Promise<[SurfaceReply, SurfaceReply]>;
  /** Clicks the button labelled `label` of a reply Spur gave `who`; returns what replaced it or the message shown. */
  click(who: Person, reply: SurfaceReply, label: string): Promise<SurfaceReply>;
  /** Direct messages Spur sent `who`, as plain text, oldest first. */
  dms(who: Person): Promise<string[]>;
  /** Spur's own posts (not replies) in the team's channel, as plain text, oldest first. */
  posts(): Promise<string[]>;
  /** The workspace's language (through the WorkspaceRepository port). */
  setLocale(locale: Locale): Promise<void>;
  settings(patch: Partial<RecognitionSettings>): Promise<void>;
  stop(): Promise<void>;
}
