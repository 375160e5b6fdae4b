// Text people send that Spur cannot store: PostgreSQL refuses NUL bytes, a lone UTF-16 surrogate (half an
// emoji) is not text at all, and other C0 control characters have no place in a reason or a comment. Every
// boundary — chat commands and forms on every surface, the KPI API, CSV and helpdesk webhooks — checks with
// these functions, so the same input gets the same specific answer everywhere.
import { z } from "zod";
import { msg, type Msg } from "../../i18n/message.ts";
import { ErrorCode, SpurError } from "./errors.ts";

export type TextFaultKind = "nul" | "control" | "surrogate";

export interface TextFault {
  kind: TextFaultKind;
  /** 1-based position of the character, counted as the person sees characters. */
  position: number;
  /** "U+0000" */
  codePoint: string;
}

/** The first character of `text` that cannot be stored, or null. Tab, newline and carriage return are fine. */
export function textFault(text: string): TextFault | null {
  let position = 0;
  for (let i = 0; i < text.length; i++) {
    position++;
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return fault(c === 0 ? "nul" : "control", position, c);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return fault("surrogate", position, c);
    }
    if (c >= 0xdc00 && c <= 0xdfff) return fault("surrogate", position, c);
  }
  return null;
}

function fault(kind: TextFaultKind, position: number, code: number): TextFault {
  return { kind, position, codePoint: `U+${code.toString(16).toUpperCase().padStart(4, "0")}` };
}

/** For API answers (English, like every reason the KPI API gives). */
export function describeTextFault(f: TextFault): string {
  const what = { nul: "a NUL character", control: "a control character", surrogate: "half of a character, a lone surrogate" }[f.kind];
  return `contains ${what} (${f.codePoint}) at character ${f.position}`;
}

/** A zod string that refuses unstorable characters, with the reason naming the character and where it is. */
export function storableText(): z.ZodString {
  return z.string().superRefine((text, ctx) => {
    const f = textFault(text);
    if (f) ctx.addIssue({ code: "custom", message: describeTextFault(f), params: { textFault: f } });
  });
}

const FAULT_KEYS = { nul: "input.fault.nul", control: "input.fault.control", surrogate: "input.fault.surrogate" } as const;

/** What a person in the chat is told: the form field they typed it in and where, or that it is in their message. */
export function invalidTextReply(field: Msg | null, f: TextFault): Msg {
  const what = msg(FAULT_KEYS[f.kind], { codePoint: f.codePoint });
  return field ? msg("input.invalidText", { field, fault: what, position: f.position }) : msg("input.invalidTextInMessage", { fault: what });
}

export class InvalidTextError extends SpurError {
  constructor(
    reply: Msg,
    /** The form field it was typed in, when it came from a form. */
    readonly field: string | null,
  ) {
    super(ErrorCode.InvalidText, reply);
  }
}

/**
 * The first unstorable text anywhere in an interaction's arguments, as a refusal: a form's values name their
 * field (`values.<field>`), anything else is the person's message.
 */
export function checkStorableText(args: unknown): void {
  const found = firstFault(args, []);
  if (!found) return;
  const [top, key] = found.path;
  const field = top === "values" && typeof key === "string" ? key : null;
  throw new InvalidTextError(invalidTextReply(field ? msg("input.field.named", { field }) : null, found.fault), field);
}

/** For API answers: the first unstorable text in a JSON document, with its path ("ticket.comment contains …"). */
export function storableTextIssue(document: unknown): string | null {
  const found = firstFault(document, []);
  return found ? `${found.path.join(".") || "the body"} ${describeTextFault(found.fault)}` : null;
}

function firstFault(value: unknown, path: (string | number)[]): { fault: TextFault; path: (string | number)[] } | null {
  if (typeof value === "string") {
    const f = textFault(value);
    return f ? { fault: f, path } : null;
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = firstFault(item, [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, item] of Object.entries(value)) {
      const found = firstFault(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}
