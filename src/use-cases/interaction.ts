// The contract between every surface and the use cases: a platform-neutral request in, neutral replies out.
// Adapters parse platform payloads (zod) into requests and render replies; only use cases decide.
import type { Locale } from "../i18n/locale.ts";
import type { Member, Platform, Team, Workspace } from "../core/shared/model.ts";
import type { MentionRef } from "../core/shared/command-text.ts";
import type { Body } from "./body.ts";
import type { Form } from "./form.ts";
import type { CommandRef, Msg } from "../i18n/message.ts";

/** Where an interaction happened: the channel or chat, and whether others read it. */
export interface Place {
  channelId: string | null;
  kind: "channel" | "group" | "personal";
  /** What holds the channel on the platform: the Teams team id; null on Slack and outside Teams channels. */
  groupId: string | null;
}

export interface Request<Args> {
  platform: Platform;
  workspace: Workspace;
  /** The workspace's default team (where members are placed when first seen). */
  team: Team;
  /**
   * The team the channel the request was made in is mapped to (`team <name> here`), looked up once by the runner;
   * a lead's or admin's command acts on it when it names no team. Null elsewhere.
   */
  channelTeam: Team | null;
  /** The acting member, looked up once by the runner. */
  actor: Member;
  locale: Locale;
  place: Place;
  args: Args;
  /** Unique per delivery of the request: a platform retry carries the same key. */
  idempotencyKey: string;
}

/**
 * For the actor's eyes only, even where a surface's private reply is seen by others (Teams has no ephemeral
 * messages): there it goes to the actor's personal chat, saying `why`, or is refused naming `command` to send
 * there when they have none yet. Slack's ephemeral replies and modals are private already.
 */
export interface Confidential {
  why: Msg;
  command: CommandRef;
}

export type Reply =
  /** Only the actor sees it (Slack ephemeral, Teams reply in the conversation). */
  | { kind: "private"; body: Body; confidential?: Confidential }
  /** Open a form (Slack modal, Teams card), or show a submitted form again with its field errors. */
  | { kind: "form"; form: Form; confidential?: Confidential }
  /** Replace the message or card the click came from. */
  | { kind: "update"; body: Body }
  /** Close the submitted form. */
  | { kind: "close" }
  /** A direct message to another member (Slack DM, Teams personal chat), in their language. */
  | { kind: "direct"; to: Member; body: Body };

/** One interaction (a command, a click, a form submission), the same on every surface. */
export interface Interaction<Deps, Args> {
  /** Stable name, for metrics and logs ("kudos.command"). */
  name: string;
  /**
   * "provisional": an actor Spur has never met need not be looked up on the platform before this runs (their
   * profile is filled in in the background); for interactions that do not depend on the actor's role, such as
   * giving kudos. Default: looked up first.
   */
  unknownActor?: "provisional";
  /**
   * Reads `channelTeam` (the team the request's channel is mapped to): only then does the runner look it up, so
   * a request that ignores it (every /kudos) costs no query for it.
   */
  readsChannelTeam?: true;
  /** With a provisional actor: the people the request names, resolved in the same statement as the actor. */
  peopleNamed?(args: Args): MentionRef[];
  /**
   * What makes this request itself confidential (it holds a secret, or its answer does), if anything: then it
   * only runs where nobody but the actor reads the request and its replies. Slack's slash commands and their
   * ephemeral replies are private already; Teams runs it only in a personal chat and refuses it elsewhere,
   * naming `command` to send there, without running it.
   */
  confidential?(args: Args): Confidential | null;
  run(deps: Deps, request: Request<Args>): Promise<Reply[]>;
}

export function privately(body: Body): Reply {
  return { kind: "private", body };
}
