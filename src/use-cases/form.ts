// A neutral form (Slack modal, Teams input card): fields with labels, initial values and per-field errors.
import type { Msg } from "../i18n/message.ts";

/** What a channel field with a `none` choice submits for it where the surface lists the channels (Teams). */
export const NO_CHANNEL = "none";

export interface Choice {
  value: string;
  label: Msg;
}

export type Field =
  /** People to pick: the platform's own people picker, or `choices` where the platform has none (Teams). */
  | { kind: "members"; id: string; label: Msg; initial: string[]; max: number; hint?: Msg; placeholder?: Msg; choices?: { id: string; name: string }[] }
  | { kind: "text"; id: string; label: Msg; initial?: string; multiline?: boolean; maxLength?: number; placeholder?: Msg; optional?: boolean; hint?: Msg }
  /** A number; whole unless `decimal`. */
  | { kind: "number"; id: string; label: Msg; initial?: number; min?: number; max?: number; decimal?: boolean; optional?: boolean; hint?: Msg }
  | { kind: "select"; id: string; label: Msg; choices: Choice[]; initial?: string; optional?: boolean; hint?: Msg }
  | { kind: "multiselect"; id: string; label: Msg; choices: Choice[]; initial: string[]; optional?: boolean; hint?: Msg }
  | { kind: "radio"; id: string; label: Msg; choices: Choice[]; initial?: string; hint?: Msg }
  /**
   * A channel to pick: the platform's own channel picker, or `choices` where the platform has none (Teams: the
   * channels Spur has been added to, the only ones it can post in). `none` labels the empty choice.
   */
  | { kind: "channel"; id: string; label: Msg; initial: string | null; optional?: boolean; hint?: Msg; none?: Msg; choices?: { id: string; name: Msg | string }[] }
  /** Yes or no: `text` beside the box (Slack checkbox, Teams toggle); submitted as "true" or "false". */
  | { kind: "checkbox"; id: string; label: Msg; text: Msg; initial: boolean; hint?: Msg };

export interface Form {
  /** Which interaction its submission runs (Slack callback_id, Teams Action.Execute verb). */
  id: string;
  title: Msg;
  /** The title where space is short (Slack's modal title: 24 characters); `title` when absent. */
  shortTitle?: Msg;
  submit: Msg;
  /** Opaque JSON the submission carries back (where it was opened, what it is about). */
  state: string;
  fields: Field[];
  /** A message above the fields (e.g. why the last submission was refused). */
  notice?: Msg;
  /**
   * Teams: Send carries the state's fields flat beside the inputs (the kudos card's data has always been read
   * so) instead of one `formState` string.
   */
  flatState?: boolean;
  /** Per-field messages from a refused submission, by field id. */
  errors?: Partial<Record<string, Msg>>;
}
