import { describe, expect, it } from "vitest";
import { EXPECTED_PERMISSIONS } from "../../test/fixtures/permissions-expected";
import { PERMISSIONS } from "./permissions";

describe("permission table", () => {
  it("is, permission by permission and role by role, the hand-written matrix of reference B.2", () => {
    expect(PERMISSIONS).toEqual(EXPECTED_PERMISSIONS);
  });
});
