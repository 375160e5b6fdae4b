// The words every named list of the workspace shares (teams, levels): `list` (or nothing), `<verb> <name>`
// (create, archive, remove …) and `rename <name> to <new name>`, parsed once for each.
import type { CommandToken } from "../shared/command-text.ts";
import type { SpurError } from "../shared/errors.ts";
import type { ParseResult } from "../recognition/kudos-command.ts";

export type NamedVerb<V extends string> = { kind: "list" } | { kind: V; name: string } | { kind: "rename"; name: string; newName: string };

const word = (t: CommandToken | undefined) => (t?.kind === "word" ? t.text.toLowerCase() : "");

/**
 * `rest`: the tokens after the command word. Null when they start with none of these verbs; `named` reads a
 * name (or says why it can't be one), `renameUsage` is what a rename without `to` is told.
 */
export function parseNamedVerb<V extends string>(
  rest: CommandToken[],
  verbs: readonly V[],
  named: (tokens: CommandToken[]) => ParseResult<string>,
  renameUsage: () => SpurError,
): ParseResult<NamedVerb<V>> | null {
  const verb = word(rest[0]);
  if (rest.length === 0 || (verb === "list" && rest.length === 1)) return { ok: true, command: { kind: "list" } };
  const named1 = verbs.find((v) => v === verb);
  if (named1) {
    const n = named(rest.slice(1));
    return n.ok ? { ok: true, command: { kind: named1, name: n.command } } : n;
  }
  if (verb !== "rename") return null;
  const to = rest.findIndex((t, i) => i > 1 && word(t) === "to");
  if (to < 0) return { ok: false, error: renameUsage() };
  const from = named(rest.slice(1, to));
  const into = named(rest.slice(to + 1));
  if (!from.ok) return from;
  if (!into.ok) return into;
  return { ok: true, command: { kind: "rename", name: from.command, newName: into.command } };
}
