import { db } from "#app/utils/db.server.ts";

/** Who sells the books, as printed on every invoice (an admin setting). */
export type SellerDetails = {
  name: string;
  /** Street, postcode and town, one per line. */
  address: string;
  chamberOfCommerce: string;
  vatNumber: string;
  iban: string;
  email: string;
  paymentTermDays: number;
};

const SELLER_KEY = "orders.seller";

/** What a new installation prints until an admin fills in the real details. */
export const DEFAULT_SELLER: SellerDetails = {
  name: "Future City Foundation",
  address: "",
  chamberOfCommerce: "",
  vatNumber: "",
  iban: "",
  email: "",
  paymentTermDays: 30,
};

export async function getSellerDetails(): Promise<SellerDetails> {
  const row = await db.siteSetting.findUnique({ where: { key: SELLER_KEY } });
  if (!row) return DEFAULT_SELLER;
  try {
    return { ...DEFAULT_SELLER, ...(JSON.parse(row.value) as Partial<SellerDetails>) };
  } catch {
    return DEFAULT_SELLER;
  }
}

export async function saveSellerDetails(details: SellerDetails): Promise<void> {
  const value = JSON.stringify(details);
  await db.siteSetting.upsert({ where: { key: SELLER_KEY }, create: { key: SELLER_KEY, value }, update: { value } });
}
