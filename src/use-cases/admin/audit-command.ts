// spur audit [period] [@member] [page N] (Teams `admin audit …`): who changed what, newest first, for admins.
// A full page ends with the command that shows the next one.
import { auditPeriodText, parseAuditCommand } from "../../core/admin/audit-command.ts";
import { type AuditLogDeps, type AuditPage, auditLogPage } from "../../core/admin/audit-log.ts";
import { auditLine } from "../../core/admin/audit-wording.ts";
import { command, member, msg, type Msg, when } from "../../i18n/message.ts";
import { type Body, heading, subtle } from "../body.ts";
import type { Confidential, Interaction } from "../interaction.ts";
import type { SpurArgs } from "./admin-settings.ts";

/** Who changed what is for the admin who asked: on Teams, a channel's reply goes to their personal chat instead. */
const AUDIT_CONFIDENTIAL: Confidential = { why: msg("audit.private.why"), command: command("spur", "audit") };

export const auditCommand: Interaction<AuditLogDeps, SpurArgs> = {
  name: "spur.audit",
  async run(deps, req) {
    const parsed = parseAuditCommand(req.args.tokens);
    if (!parsed.ok) throw parsed.error;
    const page = await auditLogPage(deps, { workspace: req.workspace, team: req.team, actor: req.actor, command: parsed.command });
    return [{ kind: "private", body: auditBody(page, req.team.timeZone, nextPageArgs(page, parsed.command.period)), confidential: AUDIT_CONFIDENTIAL }];
  },
};

function nextPageArgs(page: AuditPage, period: Parameters<typeof auditPeriodText>[0]): string | null {
  if (page.offset + page.entries.length >= page.total) return null;
  const words = ["audit", auditPeriodText(period), page.member ? `@${page.member.name}` : "", `page ${page.page + 1}`];
  return words.filter((w) => w !== "").join(" ");
}

function auditTitle(page: AuditPage, timeZone: string): Msg {
  const period = page.period;
  return msg("audit.title", {
    scope: period ? "period" : "all",
    from: period ? when(period.start, timeZone, "date") : "",
    to: period ? when(new Date(period.end.getTime() - 1), timeZone, "date") : "",
    about: page.member ? "yes" : "no",
    who: page.member ? member(page.member.userId, page.member.name) : "",
  });
}

export function auditBody(page: AuditPage, timeZone: string, next: string | null): Body {
  const title = auditTitle(page, timeZone);
  const blocks: Body["blocks"] = [
    heading(title),
    { kind: "lines", lines: page.entries.map((e) => auditLine(e, page.names, timeZone)), empty: msg("audit.empty") },
  ];
  if (page.total > 0) {
    blocks.push(subtle(msg("audit.shown", { from: page.entries.length === 0 ? 0 : page.offset + 1, to: page.offset + page.entries.length, total: page.total })));
  }
  if (next) blocks.push(subtle(msg("audit.more", { command: command("spur", next) })));
  return { summary: title, blocks };
}
