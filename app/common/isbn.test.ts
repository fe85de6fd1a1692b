import { describe, expect, test } from "vitest";
import { formatIsbn13, isbn13CheckDigit, parseIsbn13 } from "./isbn.ts";

describe("parseIsbn13", () => {
  // Real books: Introduction to Algorithms (3rd ed.), Design Patterns, Effective Java (3rd ed.),
  // and the examples the ISBN standard's users quote (978-0-306-40615-7, 978-3-16-148410-0).
  test.each([
    ["978-0-262-03384-8", "9780262033848"],
    ["978 0 201 63361 0", "9780201633610"],
    ["9780134685991", "9780134685991"],
    ["ISBN 978-0-306-40615-7", "9780306406157"],
    ["ISBN-13: 978-3-16-148410-0", "9783161484100"],
    ["  978‐90‐450‐3342‐6 ", "9789045033426"],
    ["979-10-90636-07-1", "9791090636071"],
  ])("accepts %s", (input, digits) => {
    expect(parseIsbn13(input)).toEqual({ ok: true, isbn: digits });
  });

  test.each([
    ["978-0-262-03384-9", "bookSettings.isbn.checksum"],
    ["9780201633611", "bookSettings.isbn.checksum"],
    // Two digits swapped: the weighting catches it.
    ["9780134689591", "bookSettings.isbn.checksum"],
    ["977-0-262-03384-8", "bookSettings.isbn.prefix"],
    ["979-0-2600-0043-8", "bookSettings.isbn.ismn"],
    ["0-262-03384-4", "bookSettings.isbn.format"],
    ["978-0-262-03384", "bookSettings.isbn.format"],
    ["978-0-262-0338X-8", "bookSettings.isbn.format"],
    ["", "bookSettings.isbn.format"],
  ])("refuses %s (%s)", (input, problem) => {
    expect(parseIsbn13(input)).toEqual({ ok: false, problem });
  });
});

describe("isbn13CheckDigit", () => {
  test("is the weighted sum's complement modulo 10", () => {
    expect(isbn13CheckDigit("978030640615")).toBe(7);
    expect(isbn13CheckDigit("978316148410")).toBe(0);
  });
});

describe("formatIsbn13", () => {
  test("separates prefix and check digit", () => {
    expect(formatIsbn13("9780262033848")).toBe("978-026203384-8");
  });
  test("leaves anything else alone", () => {
    expect(formatIsbn13("12345")).toBe("12345");
  });
  test("formats what parseIsbn13 accepts back into something it accepts", () => {
    const parsed = parseIsbn13("978-90-450-3342-6");
    expect(parsed.ok && parseIsbn13(formatIsbn13(parsed.isbn))).toEqual({ ok: true, isbn: "9789045033426" });
  });
});
