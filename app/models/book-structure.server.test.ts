import { expect, test } from "vitest";
import { db } from "#app/utils/db.server.ts";
import { createBook, createUser } from "#tests/factories.ts";
import { addPart } from "./book-structure.server.ts";

test("parts added with the same title at the same moment get their own slugs and places", async () => {
  const { book } = await createBook();
  const editor = await createUser({ role: "editor" });
  await Promise.all([0, 1, 2].map(() => addPart(book.id, "Bijlagen", editor.id)));
  const parts = await db.part.findMany({ where: { bookId: book.id }, orderBy: { position: "asc" }, select: { slug: true, position: true } });
  expect(parts.map((part) => part.position)).toEqual([1, 2, 3, 4]);
  expect(parts.map((part) => part.slug).sort()).toEqual(["bijlagen", "bijlagen-2", "bijlagen-3", "deel-1"]);
});
