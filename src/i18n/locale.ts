// The languages Spur speaks. A workspace picks one (admin setting); a member's own chat language
// (Slack's user locale, the Teams activity's locale) overrides it for what only they see.
export const LOCALES = ["en", "zh-CN"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** "zh", "zh-CN", "zh_CN", "zh-Hans-CN", "ZH-cn" → "zh-CN"; "en-US", "en" → "en"; anything else → null. */
export function parseLocale(tag: string | null | undefined): Locale | null {
  if (!tag) return null;
  const t = tag.trim().replace(/_/g, "-").toLowerCase();
  if (t === "zh" || t.startsWith("zh-cn") || t.startsWith("zh-hans") || t === "zh-sg") return "zh-CN";
  if (t === "en" || t.startsWith("en-")) return "en";
  return null;
}

/** The locale to speak to one member in: theirs if Spur speaks it, else the workspace's. */
export function localeFor(memberLocale: string | null | undefined, workspaceLocale: Locale | null | undefined): Locale {
  return parseLocale(memberLocale) ?? workspaceLocale ?? DEFAULT_LOCALE;
}
