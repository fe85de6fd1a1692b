import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { DEFAULT_DATABASE_URL, isPostgresqlUrl } from "#app/common/database-url.ts";
import { singleton } from "./singleton.server.ts";

/** Empty variables count as unset, so `PORT= npm start` falls back to the default. */
const optional = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema);

const envSchema = z.object({
  NODE_ENV: optional(z.enum(["production", "development", "test"]).default("production")),
  PORT: optional(z.coerce.number({ error: "must be a number" }).int().min(0).max(65535).default(3000)),
  HOST: optional(z.string().min(1).default("127.0.0.1")),
  DATABASE_URL: optional(
    z
      .string()
      .refine((url) => url.startsWith("file:") || isPostgresqlUrl(url), {
        message: "must be a SQLite URL such as file:./data/kapittel.db or a PostgreSQL URL such as postgresql://user:password@host/kapittel",
      })
      .default(DEFAULT_DATABASE_URL),
  ),
  /** Signs cookies. When unset, a random secret is created once and kept in DATA_DIR. */
  SESSION_SECRET: optional(z.string().min(32, { message: "must be at least 32 characters" }).optional()),
  DATA_DIR: optional(z.string().min(1).default("data")),
  /** The public address, used in e-mail links and accepted as Origin; defaults to http://HOST:PORT. */
  APP_URL: optional(z.url({ message: "must be an absolute URL such as https://kapittel.example" }).optional()),
  /** smtp://user:pass@host:port or smtps://…; when unset e-mail stays in the outbox. */
  SMTP_URL: optional(
    z
      .url({ message: "must be a URL such as smtp://user:password@mail.example:587" })
      .refine((url) => /^smtps?:\/\//.test(url), { message: "must start with smtp:// or smtps://" })
      .optional(),
  ),
  MAIL_FROM: optional(z.string().min(3).default("Kapittel <noreply@kapittel.example>")),
  /**
   * redis://host:port (or rediss://): several Kapittel processes share live collaboration and
   * rate limits through it (docs/decisions/022-several-processes.md). Unset: one process, in memory.
   */
  REDIS_URL: optional(
    z
      .string()
      .refine((url) => /^rediss?:\/\/[^/]/.test(url), { message: "must be a URL such as redis://127.0.0.1:6379" })
      .optional(),
  ),
  /** Set to 1 behind a reverse proxy so the client address comes from X-Forwarded-For. */
  TRUST_PROXY: optional(z.enum(["0", "1"]).default("0")),
});

export type Env = z.infer<typeof envSchema> & { SESSION_SECRET: string };

/** A configuration problem, with one line per variable that names it. */
export class ConfigError extends Error {}

/** Reads and validates the process environment; throws a ConfigError naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const parsed = result.data;
  return { ...parsed, SESSION_SECRET: parsed.SESSION_SECRET ?? persistentSecret(parsed.DATA_DIR) };
}

/** The validated configuration, read once per process. */
export function getEnv(): Env {
  return singleton("env", () => parseEnv());
}

/** The address people reach this server at, for links in e-mail. */
export function appUrl(env: Env = getEnv()): string {
  return (env.APP_URL ?? `http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${env.PORT}`).replace(/\/$/, "");
}

// A zero-configuration install still needs a secret that survives restarts (or every restart
// would log everyone out), so one is generated on first start and kept beside the database.
function persistentSecret(dataDir: string): string {
  const file = path.resolve(dataDir, "session-secret");
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}
