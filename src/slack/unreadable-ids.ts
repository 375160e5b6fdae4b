// A signed payload whose identifiers (workspace, user, channel, app) hold text no Slack id can hold — a NUL,
// a control character, half a surrogate pair — cannot name anything Spur stores; looking it up would only make
// PostgreSQL refuse the query. Such a payload is answered 400 (see event-errors.ts), never retried.
import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import { textFault } from "../core/shared/user-text.ts";

export class UnreadableSlackIds extends Error {
  readonly code = "slack_unreadable_ids";
  constructor(readonly field: string) {
    super(`a Slack payload's ${field} is not an id`);
  }
}

/** Where a Slack payload names a workspace, user, channel or app. */
const ID_PATHS: readonly (readonly string[])[] = [
  ["team_id"],
  ["enterprise_id"],
  ["api_app_id"],
  ["user_id"],
  ["channel_id"],
  ["team", "id"],
  ["user", "id"],
  ["user", "team_id"],
  ["channel", "id"],
  ["event", "user"],
  ["event", "channel"],
  ["event", "team"],
  ["event", "item_user"],
  ["event", "item", "channel"],
];

const MAX_ID_LENGTH = 255;

function at(body: unknown, path: readonly string[]): unknown {
  let value = body;
  for (const key of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** The first identifier in `body` that no Slack id could be, as its dotted path; null when all are readable. */
export function unreadableId(body: unknown): string | null {
  for (const path of ID_PATHS) {
    const value = at(body, path);
    if (typeof value === "string" && (value.length > MAX_ID_LENGTH || textFault(value))) return path.join(".");
  }
  return null;
}

/** Global Bolt middleware: refuses a payload with an unreadable identifier before any listener looks it up. */
export const refuseUnreadableIds: Middleware<AnyMiddlewareArgs> = async ({ body, next }) => {
  const field = unreadableId(body);
  if (field) throw new UnreadableSlackIds(field);
  await next();
};
