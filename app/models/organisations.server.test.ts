import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, test } from "vitest";
import { formatEuros } from "#app/common/format.ts";
import { translate } from "#app/common/i18n/catalogue.ts";
import {
  OrganisationSchema,
  PARTNERSHIP_FEE_MAX_EUR,
  PARTNERSHIP_FEE_MIN_EUR,
  type OrganisationInput,
} from "#app/common/organisations.ts";
import {
  createOrganisation,
  getOrganisation,
  listOrganisations,
  slugify,
  summariseOrganisations,
  updateOrganisation,
} from "#app/models/organisations.server.ts";
import { db } from "#app/utils/db.server.ts";
import { createUser } from "#tests/factories.ts";

let counter = 0;
/** A valid organisation with a name no other test uses. */
function organisation(overrides: Partial<OrganisationInput> = {}): OrganisationInput {
  counter += 1;
  return { name: `Gemeente Voorbeeld ${counter}`, kind: "municipality", tier: "partner", feeEuros: 9000, ...overrides };
}

/** A form as the browser posts it. */
function formData(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
}

describe("the partnership fee", () => {
  test.each([PARTNERSHIP_FEE_MIN_EUR, 9000, PARTNERSHIP_FEE_MAX_EUR])("accepts %i euros", async (fee) => {
    const result = await createOrganisation(organisation({ feeEuros: fee }));
    expect(result.status).toBe("saved");
  });

  test.each([6000, PARTNERSHIP_FEE_MIN_EUR - 1, PARTNERSHIP_FEE_MAX_EUR + 1, 9000.5])("refuses %d euros and stores nothing", async (fee) => {
    const before = await db.organisation.count();
    await expect(createOrganisation(organisation({ feeEuros: fee }))).rejects.toThrow(/organisation\.fee\.range/);
    expect(await db.organisation.count()).toBe(before);
  });

  test("may be left empty: no fee agreed", async () => {
    const result = await createOrganisation(organisation({ feeEuros: undefined }));
    if (result.status !== "saved") throw new Error("not saved");
    expect((await db.organisation.findUniqueOrThrow({ where: { id: result.id } })).feeEuros).toBeNull();
  });

  test("is refused in the form with a catalogue message next to the field", () => {
    const base = { name: "Provincie Test", kind: "province", tier: "premium" };
    const tooLow = parseWithZod(formData({ ...base, feeEuros: "6000" }), { schema: OrganisationSchema });
    expect(tooLow.status).toBe("error");
    expect(tooLow.reply().error).toEqual({ feeEuros: ["organisation.fee.range"] });
    const words = parseWithZod(formData({ ...base, feeEuros: "negenduizend" }), { schema: OrganisationSchema });
    expect(words.reply().error).toEqual({ feeEuros: ["organisation.fee.notANumber"] });
    const empty = parseWithZod(formData({ ...base, feeEuros: "" }), { schema: OrganisationSchema });
    expect(empty.status === "success" && empty.value.feeEuros).toBeUndefined();
    const good = parseWithZod(formData({ ...base, feeEuros: "9000", feePaid: "on" }), { schema: OrganisationSchema });
    expect(good.status === "success" && good.value).toMatchObject({ feeEuros: 9000, feePaid: true, description: "" });
  });

  test("names the range the constants set, in both languages", () => {
    const plain = (text: string) => text.replace(/\s/g, " ");
    expect(plain(translate("nl", "organisation.fee.range"))).toContain(plain(formatEuros(PARTNERSHIP_FEE_MIN_EUR)));
    expect(plain(translate("nl", "organisation.fee.range"))).toContain(plain(formatEuros(PARTNERSHIP_FEE_MAX_EUR)));
    expect(translate("en", "organisation.fee.range")).toContain("7,500");
    expect(translate("en", "organisation.fee.range")).toContain("12,500");
  });

  test("is shown as Dutch euros", () => {
    expect(formatEuros(9000).replace(/\s/g, " ")).toBe("€ 9.000");
  });
});

describe("the website", () => {
  test.each(["https://www.amersfoort.nl", "http://civity.nl/over-ons"])("accepts %s", (website) => {
    const result = OrganisationSchema.safeParse({ ...organisation(), website });
    expect(result.success).toBe(true);
  });

  test.each(["javascript:alert(1)", "ftp://files.example.nl", "www.amersfoort.nl", "https://localhost"])("refuses %s", (website) => {
    const result = OrganisationSchema.safeParse({ ...organisation(), website });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("organisation.website.invalid");
  });
});

describe("slugs", () => {
  test("are made from the name: lower case, accents dropped, words joined by hyphens", () => {
    expect(slugify("Gemeente 's-Hertogenbosch")).toBe("gemeente-s-hertogenbosch");
    expect(slugify("ELBA\\REC")).toBe("elba-rec");
    expect(slugify("Café Noord — Zuid")).toBe("cafe-noord-zuid");
    expect(slugify("!!!")).toBe("organisatie");
    expect(slugify("x".repeat(100))).toHaveLength(60);
  });

  test("are generated when left empty, and stay unique for the same name", async () => {
    const first = await createOrganisation({ name: "Gemeente Dubbel", kind: "municipality", tier: "partner" });
    const second = await createOrganisation({ name: "Gemeente Dubbel", kind: "municipality", tier: "partner" });
    const third = await createOrganisation({ name: "Gemeente Dubbel", kind: "municipality", tier: "partner" });
    expect([first, second, third].map((result) => result.status === "saved" && result.slug)).toEqual([
      "gemeente-dubbel",
      "gemeente-dubbel-2",
      "gemeente-dubbel-3",
    ]);
  });

  test("given explicitly must be free", async () => {
    expect((await createOrganisation(organisation({ slug: "bezet" }))).status).toBe("saved");
    const before = await db.organisation.count();
    expect(await createOrganisation(organisation({ slug: "bezet" }))).toEqual({ status: "slug-taken" });
    expect(await db.organisation.count()).toBe(before);
  });

  test("must look like a slug", () => {
    for (const slug of ["Hoofdletters", "met spatie", "-rand", "dubbel--streep", "ë"]) {
      const result = OrganisationSchema.safeParse({ ...organisation(), slug });
      expect(result.error?.issues[0]?.message, slug).toBe("organisation.slug.invalid");
    }
  });
});

describe("updateOrganisation", () => {
  test("replaces the details, including whether the fee is paid", async () => {
    const created = await createOrganisation(organisation({ name: "Kadaster Test", feePaid: false }));
    if (created.status !== "saved") throw new Error("not saved");
    const input = organisation({ name: "Kadaster Test", slug: created.slug, feeEuros: 11000, feePaid: true, website: "https://www.kadaster.nl" });
    expect(await updateOrganisation(created.id, input)).toEqual({ status: "saved", id: created.id, slug: created.slug });
    expect(await db.organisation.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      feeEuros: 11000,
      feePaid: true,
      website: "https://www.kadaster.nl",
    });
    await updateOrganisation(created.id, { ...input, feePaid: false, website: undefined, feeEuros: undefined });
    expect(await db.organisation.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      feeEuros: null,
      feePaid: false,
      website: null,
    });
  });

  test("keeps the organisation's own slug when it is regenerated from an unchanged name", async () => {
    const created = await createOrganisation({ name: "Provincie Eigen", kind: "province", tier: "premium" });
    if (created.status !== "saved") throw new Error("not saved");
    const result = await updateOrganisation(created.id, { name: "Provincie Eigen", kind: "province", tier: "premium" });
    expect(result).toEqual({ status: "saved", id: created.id, slug: "provincie-eigen" });
  });

  test("refuses another organisation's slug, and answers null for an unknown organisation", async () => {
    await createOrganisation(organisation({ slug: "al-van-een-ander" }));
    const mine = await createOrganisation(organisation());
    if (mine.status !== "saved") throw new Error("not saved");
    expect(await updateOrganisation(mine.id, organisation({ slug: "al-van-een-ander" }))).toEqual({ status: "slug-taken" });
    expect(await updateOrganisation("bestaat-niet", organisation())).toBeNull();
  });
});

describe("reading organisations", () => {
  test("lists them with their member count and shows one with its members", async () => {
    const created = await createOrganisation(organisation({ name: "AAA Eerste Organisatie" }));
    if (created.status !== "saved") throw new Error("not saved");
    const member = await createUser({ role: "author", organisationIds: [created.id], name: "Anouk Auteur" });
    const listed = (await listOrganisations()).find((entry) => entry.id === created.id);
    expect(listed).toMatchObject({ name: "AAA Eerste Organisatie", memberCount: 1, feeEuros: 9000, feePaid: false });
    const detail = await getOrganisation(created.id);
    expect(detail?.members).toEqual([{ id: member.id, name: "Anouk Auteur", email: member.email, role: "author" }]);
    expect(await getOrganisation("bestaat-niet")).toBeNull();
  });

  test("sums the agreed and the paid fees", async () => {
    const before = await summariseOrganisations();
    await createOrganisation(organisation({ feeEuros: 8000, feePaid: true }));
    await createOrganisation(organisation({ feeEuros: 10000, feePaid: false }));
    await createOrganisation(organisation({ feeEuros: undefined }));
    const after = await summariseOrganisations();
    expect(after.count - before.count).toBe(3);
    expect(after.withFee - before.withFee).toBe(2);
    expect(after.paid - before.paid).toBe(1);
    expect(after.feeTotal - before.feeTotal).toBe(18000);
    expect(after.feePaidTotal - before.feePaidTotal).toBe(8000);
  });
});
