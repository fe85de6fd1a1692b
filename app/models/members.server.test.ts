import { describe, expect, test } from "vitest";
import { addMemberByEmail, changeRole, countPeopleByRole, listPeople, removeMember } from "#app/models/members.server.ts";
import { db } from "#app/utils/db.server.ts";
import { createOrganisation, createUser } from "#tests/factories.ts";

describe("changeRole", () => {
  test("gives another user a new role", async () => {
    const admin = await createUser({ role: "admin" });
    const reader = await createUser({ role: "reader" });
    expect(await changeRole(admin.id, reader.id, "author")).toBe("changed");
    expect((await db.user.findUniqueOrThrow({ where: { id: reader.id } })).role).toBe("author");
  });

  test("refuses to change one's own role, so the last admin cannot demote themselves", async () => {
    const admin = await createUser({ role: "admin" });
    expect(await changeRole(admin.id, admin.id, "reader")).toBe("own-role");
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("admin");
  });

  test("answers unknown-user for an account that does not exist", async () => {
    const admin = await createUser({ role: "admin" });
    expect(await changeRole(admin.id, "bestaat-niet", "editor")).toBe("unknown-user");
  });
});

describe("memberships", () => {
  test("an existing account is added by its e-mail address, once, and can be removed again", async () => {
    const organisation = await createOrganisation();
    const user = await createUser({ role: "reader" });
    expect(await addMemberByEmail(organisation.id, user.email)).toEqual({ status: "added", role: "reader" });
    expect(await addMemberByEmail(organisation.id, user.email)).toEqual({ status: "already-member" });
    expect(await db.membership.count({ where: { organisationId: organisation.id } })).toBe(1);

    expect(await removeMember(organisation.id, user.id)).toBe(true);
    expect(await removeMember(organisation.id, user.id)).toBe(false);
    expect(await db.user.count({ where: { id: user.id } })).toBe(1);
  });

  test("an address without an account, or an organisation that is gone, adds nothing", async () => {
    const organisation = await createOrganisation();
    const user = await createUser();
    expect(await addMemberByEmail(organisation.id, "niemand@kapittel.test")).toEqual({ status: "no-account" });
    expect(await addMemberByEmail("weg", user.email)).toEqual({ status: "unknown-organisation" });
    expect(await db.membership.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("reading people", () => {
  test("lists every account with its role and organisations, and counts them per role", async () => {
    const before = await countPeopleByRole();
    const organisation = await createOrganisation({ name: "Civity Test" });
    const author = await createUser({ role: "author", name: "Cas Civity", organisationIds: [organisation.id] });
    await createUser({ role: "editor" });

    const person = (await listPeople()).find((entry) => entry.id === author.id);
    expect(person).toMatchObject({ name: "Cas Civity", role: "author", organisations: [{ id: organisation.id, name: "Civity Test" }] });
    const after = await countPeopleByRole();
    expect(after.author - before.author).toBe(1);
    expect(after.editor - before.editor).toBe(1);
    expect(after.admin - before.admin).toBe(0);
  });
});
