// Makes sure the system programs the test suite drives are installed: Debian's Chromium for
// the browser tests (and for DAISY Ace), epubcheck for the EPUB export, poppler-utils
// (pdfinfo, pdffonts, pdftotext) for the PDF export, and PostgreSQL for the second pass of the
// database tests (tests/postgresql/cluster.ts starts a throwaway server of its own), and
// redis-server for the tests of several processes (tests/redis/server.ts starts a throwaway one).
// As root it installs what is missing with apt-get; otherwise it stops and names the packages to
// install.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";

/** Whether any Debian PostgreSQL server version is installed (/usr/lib/postgresql/<n>/bin/initdb). */
const hasPostgresql = () =>
  existsSync("/usr/lib/postgresql") && readdirSync("/usr/lib/postgresql").some((version) => existsSync(`/usr/lib/postgresql/${version}/bin/initdb`));

const needed = [
  { file: "/usr/bin/chromium", pkg: "chromium" },
  { file: "/usr/bin/epubcheck", pkg: "epubcheck" },
  { file: "/usr/bin/pdfinfo", pkg: "poppler-utils" },
  { file: "/usr/bin/redis-server", pkg: "redis-server" },
];
const missing = needed.filter(({ file }) => !existsSync(file));
if (!hasPostgresql()) missing.push({ file: "/usr/lib/postgresql", pkg: "postgresql" });
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
