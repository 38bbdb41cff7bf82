import { describe, expect, it } from "vitest";
import { accountIdFromHash } from "./landing";
import { searchResultHref } from "./types";

describe("account landing", () => {
  it("reads the account a result's link lands on back from its hash", () => {
    const href = searchResultHref({ pumpId: "PUMP-0054", accountId: "610000000020" });
    expect(href).toBe("/tenants/PUMP-0054#account-610000000020");
    expect(accountIdFromHash(new URL(href, "http://localhost").hash)).toBe("610000000020");
  });

  it.each(["", "#", "#account-", "#account-12345", "#account-6100000000201", "#top", "#account-61000000002x"])(
    "lands nowhere for %j",
    (hash) => {
      expect(accountIdFromHash(hash)).toBeNull();
    },
  );
});
