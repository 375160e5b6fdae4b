// Every message exists in every language, says the same things (arguments and tags), is used by the
// code, and carries no platform markup.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { CATALOGUES } from "../../src/i18n/catalogue.ts";
import { LOCALES } from "../../src/i18n/locale.ts";

const en = CATALOGUES.en;
const keys = Object.keys(en).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "generated" ? [] : sourceFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

/** The argument names and tags of a message, with the kind of each argument. */
function signature(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]): void => {
    for (const el of elements) {
      if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) found.add(`${el.value}`);
      if (el.type === TYPE.plural || el.type === TYPE.select) {
        found.add(`${el.value}:${el.type === TYPE.plural ? "plural" : "select"}`);
        for (const option of Object.values(el.options)) walk(option.value);
      }
      if (el.type === TYPE.tag) {
        found.add(`<${el.value}>`);
        walk(el.children);
      }
    }
  };
  walk(parse(message));
  return [...found].sort();
}

describe("message catalogues", () => {
  it.each(LOCALES)("%s defines each key in one feature file only (a later file would silently win)", (locale) => {
    const dir = join("src", "i18n", locale);
    const owners = new Map<string, string[]>();
    for (const file of readdirSync(dir).filter((f) => f !== "index.ts")) {
      for (const m of readFileSync(join(dir, file), "utf8").matchAll(/^\s*"([\w.-]+)":/gm)) {
        owners.set(m[1]!, [...(owners.get(m[1]!) ?? []), file]);
      }
    }
    expect([...owners].filter(([, files]) => files.length > 1)).toEqual([]);
  });

  it.each(LOCALES.filter((l) => l !== "en"))("%s has exactly the English keys", (locale) => {
    expect(Object.keys(CATALOGUES[locale]).sort()).toEqual(keys);
  });

  it.each(LOCALES)("%s messages parse and use the same arguments and tags as English", (locale) => {
    const mismatched = keys.filter((key) => JSON.stringify(signature(CATALOGUES[locale][key as keyof typeof en])) !== JSON.stringify(signature(en[key as keyof typeof en])));
    expect(mismatched).toEqual([]);
  });

  it("has no key the code does not use", () => {
    const code = sourceFiles("src")
      .filter((f) => !f.startsWith(join("src", "i18n", "en")) && !f.startsWith(join("src", "i18n", "zh-CN")))
      .map((f) => readFileSync(f, "utf8"))
      .join("\n");
    const unused = keys.filter((key) => !code.includes(`"${key}"`));
    expect(unused).toEqual([]);
  });

  it.each(LOCALES)("%s messages carry no platform markup (mentions, emoji codes, slash commands)", (locale) => {
    const marked = Object.entries(CATALOGUES[locale]).filter(([, text]) => /<@|<#|:[a-z0-9_+-]+:|`\/[a-z]/.test(text));
    expect(marked).toEqual([]);
  });
});
