// The chart's fonts, and which one draws each character: DejaVu Sans for everything it covers (the chart's look
// so far), Noto Sans SC for the CJK characters DejaVu lacks (Chinese titles and series names). Noto is 10 MB of
// outlines: parsing it takes about 0.3-0.5 s and keeps about 40 MB (bench/chart-fonts.ts), so it is loaded once per
// process, the first time a string needs it: a process that only draws Latin text never loads it.
import { createRequire } from "node:module";
import * as PImage from "pureimage";

const LATIN = "SpurSans";
const CJK = "SpurSansCJK";
const resolve = createRequire(import.meta.url).resolve;
const LATIN_FILE = "dejavu-fonts-ttf/ttf/DejaVuSans.ttf";
const CJK_FILE = "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf";

/** What this module uses of an opentype.js font (the 0.4 API that pureimage bundles; it leaves the font untyped). */
interface OpentypeFont {
  unitsPerEm: number;
  /** 0 (.notdef) where the font has no glyph. (Its hasChar answers true for every character.) */
  charToGlyphIndex(char: string): number;
  forEachGlyph(text: string, x: number, y: number, size: number, options: undefined, each: (glyph: { advanceWidth?: number }, x: number) => void): void;
}

const has = (f: OpentypeFont, char: string) => f.charToGlyphIndex(char) > 0;

const loaded = new Map<string, OpentypeFont>();
function font(family: string): OpentypeFont {
  let f = loaded.get(family);
  if (!f) {
    f = PImage.registerFont(resolve(family === CJK ? CJK_FILE : LATIN_FILE), family).loadSync().font as OpentypeFont;
    loaded.set(family, f);
  }
  return f;
}

// Han, kana, bopomofo, CJK symbols and punctuation, and fullwidth forms: the scripts Noto Sans SC is for. Only
// these load it, so that a character neither font has (an emoji, say) stays DejaVu's .notdef box as before.
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uffef]/u;

export interface TextRun {
  text: string;
  family: string;
}

/** Splits `text` into runs of one font each: DejaVu wherever it has the glyph, Noto Sans SC for CJK it lacks. */
export function fontRuns(text: string): TextRun[] {
  const latin = font(LATIN);
  const runs: TextRun[] = [];
  for (const char of text) {
    const family = !has(latin, char) && CJK_CHAR.test(char) && has(font(CJK), char) ? CJK : LATIN;
    const last = runs.at(-1);
    if (last?.family === family) last.text += char;
    else runs.push({ text: char, family });
  }
  return runs;
}

/** Draws `text` with its baseline starting at (x, y), `size` pt, each font's run starting where the last ended. */
export function fillChartText(ctx: PImage.Context, text: string, x: number, y: number, size: number): void {
  for (const run of fontRuns(text)) {
    ctx.font = `${size}pt ${run.family}`;
    ctx.fillText(run.text, x, y);
    x += advance(font(run.family), run.text, size);
  }
}

/** How far drawing `text` moves the pen, kerning included, as opentype.js lays the glyphs out. */
function advance(f: OpentypeFont, text: string, size: number): number {
  let end = 0;
  f.forEachGlyph(text, 0, 0, size, undefined, (glyph, glyphX) => {
    end = glyphX + ((glyph.advanceWidth ?? 0) * size) / f.unitsPerEm;
  });
  return end;
}
