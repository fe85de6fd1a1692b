import { db, type Db } from "#app/utils/db.server.ts";

/**
 * Site-wide settings an admin can change while the site runs (stored as text in SiteSetting, by
 * key). Each setting is declared here once with its type and default, so callers get a typed
 * value and a missing or unreadable row simply means "the default".
 */
const SETTINGS = {
  /** Reactions of signed-in readers appear at once; when false they wait for moderation too. */
  "readerComments.autoApproveSignedIn": { kind: "boolean", default: true },
} as const satisfies Record<string, { kind: "boolean"; default: boolean }>;

export type SiteSettingKey = keyof typeof SETTINGS;
export type SiteSettingValue<K extends SiteSettingKey> = (typeof SETTINGS)[K]["default"] extends boolean ? boolean : never;

export const SITE_SETTING_KEYS = Object.keys(SETTINGS) as SiteSettingKey[];

export function isSiteSettingKey(value: unknown): value is SiteSettingKey {
  return typeof value === "string" && Object.hasOwn(SETTINGS, value);
}

function decode<K extends SiteSettingKey>(key: K, stored: string | undefined): SiteSettingValue<K> {
  const fallback = SETTINGS[key].default as SiteSettingValue<K>;
  if (stored === undefined) return fallback;
  // A hand-edited or outdated value falls back to the default rather than breaking a page.
  if (stored === "true") return true as SiteSettingValue<K>;
  if (stored === "false") return false as SiteSettingValue<K>;
  return fallback;
}

/** The current value of one setting (its default until an admin changes it). */
export async function getSiteSetting<K extends SiteSettingKey>(key: K, client: Pick<Db, "siteSetting"> = db): Promise<SiteSettingValue<K>> {
  const row = await client.siteSetting.findUnique({ where: { key } });
  return decode(key, row?.value);
}

/** Every setting with its current value, for the admin page. */
export async function getAllSiteSettings(): Promise<{ [K in SiteSettingKey]: SiteSettingValue<K> }> {
  const rows = await db.siteSetting.findMany({ where: { key: { in: SITE_SETTING_KEYS } } });
  const stored = new Map(rows.map((row) => [row.key, row.value]));
  return Object.fromEntries(SITE_SETTING_KEYS.map((key) => [key, decode(key, stored.get(key))])) as {
    [K in SiteSettingKey]: SiteSettingValue<K>;
  };
}

/** Stores a new value for one setting. */
export async function setSiteSetting<K extends SiteSettingKey>(key: K, value: SiteSettingValue<K>): Promise<void> {
  const text = String(value);
  await db.siteSetting.upsert({ where: { key }, create: { key, value: text }, update: { value: text } });
}
