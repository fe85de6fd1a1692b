import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/**
 * The book's typography: EB Garamond (SIL Open Font License 1.1, from the registry package
 * @expo-google-fonts/eb-garamond, so every export embeds the same font whatever the host has) and
 * one stylesheet for all content documents.
 */

export type EmbeddedFont = { file: string; bytes: Uint8Array; weight: string; style: string };

const FACES = [
  { folder: "400Regular", name: "EBGaramond_400Regular.ttf", weight: "normal", style: "normal" },
  { folder: "400Regular_Italic", name: "EBGaramond_400Regular_Italic.ttf", weight: "normal", style: "italic" },
  { folder: "600SemiBold", name: "EBGaramond_600SemiBold.ttf", weight: "bold", style: "normal" },
  { folder: "600SemiBold_Italic", name: "EBGaramond_600SemiBold_Italic.ttf", weight: "bold", style: "italic" },
] as const;

let loaded: { fonts: EmbeddedFont[]; licence: string } | null = null;

/** The font files and their licence text, read once per process. */
export function bookFonts(): { fonts: EmbeddedFont[]; licence: string } {
  if (loaded) return loaded;
  const packageDir = path.dirname(createRequire(import.meta.url).resolve("@expo-google-fonts/eb-garamond/package.json"));
  const fonts = FACES.map((face) => ({
    file: `fonts/${face.name}`,
    bytes: new Uint8Array(readFileSync(path.join(packageDir, face.folder, face.name))),
    weight: face.weight,
    style: face.style,
  }));
  loaded = { fonts, licence: readFileSync(path.join(packageDir, "LICENSE_FONT"), "utf8") };
  return loaded;
}

export function stylesheet(fonts: EmbeddedFont[]): string {
  const faces = fonts
    .map((font) => `@font-face {\n  font-family: "EB Garamond";\n  font-weight: ${font.weight};\n  font-style: ${font.style};\n  src: url("../${font.file}");\n}`)
    .join("\n");
  return `${faces}
html { font-size: 100%; }
body { font-family: "EB Garamond", Garamond, Georgia, serif; line-height: 1.45; margin: 0 4%; color: #1a1a1a; hyphens: auto; -webkit-hyphens: auto; font-variant-numeric: oldstyle-nums; font-kerning: normal; }
p { margin: 0; text-indent: 1.3em; orphans: 2; widows: 2; }
h1 + p, h2 + p, h3 + p, h4 + p, .credit + p, blockquote + p, ul + p, ol + p, table + p, .figure + p, .tool-card + p, hr + p, p:first-child { text-indent: 0; }
h1, h2, h3, h4 { font-weight: normal; line-height: 1.2; hyphens: manual; -webkit-hyphens: manual; page-break-after: avoid; break-after: avoid; }
h1 { font-size: 1.9em; margin: 2.5em 0 0.4em; }
h2 { font-size: 1.35em; margin: 1.8em 0 0.5em; }
h3 { font-size: 1.15em; font-style: italic; margin: 1.4em 0 0.4em; }
h4 { font-size: 1em; font-variant: small-caps; letter-spacing: 0.04em; margin: 1.2em 0 0.3em; }
strong { font-weight: bold; }
a { color: #1d4a6e; }
sup { font-size: 0.7em; line-height: 0; vertical-align: super; }
.credit p { font-style: italic; text-indent: 0; margin: 0 0 2em; color: #3d3d3d; }
blockquote { margin: 1em 1.5em; font-size: 0.95em; }
blockquote p { text-indent: 0; margin-bottom: 0.5em; }
ul, ol { margin: 0.6em 0 0.8em; padding-left: 1.6em; }
li { margin: 0.2em 0; }
li p { text-indent: 0; }
hr { border: 0; margin: 1.5em auto; width: 30%; border-top: 1px solid #8a8a8a; }
table { border-collapse: collapse; width: 100%; margin: 1.2em 0; font-size: 0.9em; line-height: 1.3; }
th, td { border-top: 1px solid #8a8a8a; border-bottom: 1px solid #8a8a8a; padding: 0.35em 0.5em; text-align: left; vertical-align: top; }
th { font-weight: bold; }
td p, th p { text-indent: 0; }
.figure { margin: 1.2em 0; text-align: center; text-indent: 0; }
img { max-width: 100%; height: auto; }
.tool-card { border: 1px solid #7a6a4f; border-radius: 0.3em; background: #f7f3ea; color: #1a1a1a; padding: 0.6em 1em; margin: 1.4em 0; page-break-inside: avoid; break-inside: avoid; }
.tool-card p { text-indent: 0; margin: 0.2em 0; }
.tool-card-label { font-variant: small-caps; letter-spacing: 0.05em; color: #4d3f27; }
.footnotes { margin-top: 3em; border-top: 1px solid #8a8a8a; font-size: 0.9em; }
.footnotes h2 { font-size: 1.1em; margin-top: 1em; }
.footnote p { text-indent: 0; margin: 0.4em 0; }
.cover { margin: 0; padding: 0; text-align: center; }
.cover-image { max-width: 100%; max-height: 100vh; }
.title-page { text-align: center; margin-top: 20%; }
.title-page .title { font-size: 2.4em; margin: 0 0 0.5em; }
.title-page p { text-indent: 0; margin: 0.6em 0; }
.title-page .subtitle { font-size: 1.3em; font-style: italic; }
.title-page .publisher { margin-top: 4em; font-variant: small-caps; letter-spacing: 0.08em; }
.colophon { font-size: 0.9em; }
.colophon h1, .back-matter h1, nav h1 { font-size: 1.5em; margin-top: 1em; }
.colophon p { text-indent: 0; margin: 0 0 1em; }
.part { text-align: center; margin-top: 30%; }
.part-number { text-indent: 0; font-variant: small-caps; letter-spacing: 0.1em; font-size: 1.1em; }
.part h1 { margin-top: 0.3em; }
.back-matter p { text-indent: 0; margin: 0 0 0.6em; }
.back-matter h2 { font-size: 1.2em; }
.licence { white-space: pre-wrap; font-family: "EB Garamond", Garamond, Georgia, serif; font-size: 0.85em; }
nav ol { list-style: none; padding-left: 0; }
nav ol ol { padding-left: 1.5em; }
nav li { margin: 0.3em 0; }
nav a { text-decoration: none; }
`;
}
