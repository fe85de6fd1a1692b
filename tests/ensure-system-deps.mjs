// Makes sure the system programs the test suite drives are installed: Debian's Chromium for
// the browser tests (and for DAISY Ace), epubcheck for the EPUB export, and poppler-utils
// (pdfinfo, pdffonts, pdftotext) for the PDF export. As root it installs what is missing with apt-get; otherwise it stops and
// names the packages to install.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const needed = [
  { file: "/usr/bin/chromium", pkg: "chromium" },
  { file: "/usr/bin/epubcheck", pkg: "epubcheck" },
  { file: "/usr/bin/pdfinfo", pkg: "poppler-utils" },
];
const missing = needed.filter(({ file }) => !existsSync(file));
if (missing.length === 0) process.exit(0);

const packages = missing.map(({ pkg }) => pkg);
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
if (!isRoot) {
  console.error(`The tests need these Debian packages: ${packages.join(" ")}\nInstall them with: sudo apt-get install -y ${packages.join(" ")}`);
  process.exit(1);
}
console.log(`Installing ${packages.join(", ")} with apt-get …`);
const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...packages], { stdio: "inherit", env });
