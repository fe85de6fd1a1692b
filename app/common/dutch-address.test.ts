import { expect, test } from "vitest";
import { isDutchHouseNumber, normaliseDutchPostcode } from "./dutch-address.ts";

test("Dutch postcodes are written as 1234 AB; anything else is refused", () => {
  expect(normaliseDutchPostcode("3811lp")).toBe("3811 LP");
  expect(normaliseDutchPostcode(" 3811 LP ")).toBe("3811 LP");
  for (const bad of ["0811 LP", "381 LP", "3811 L", "3811 SS", "3811 SA", "3811 SD", "ABCD 12", "", "3811  LP"]) expect(normaliseDutchPostcode(bad), bad).toBeNull();
});

test("house numbers with and without an addition", () => {
  for (const good of ["1", "12", "12A", "12 a", "12-3", "12 bis", "12345"]) expect(isDutchHouseNumber(good), good).toBe(true);
  for (const bad of ["0", "", "A12", "12 <script>", "123456"]) expect(isDutchHouseNumber(bad), bad).toBe(false);
});
