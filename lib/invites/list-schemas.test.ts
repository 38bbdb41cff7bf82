import { describe, expect, it } from "vitest";
import {
  INVITE_FILTERS,
  loadExceptionList,
  loadInviteList,
  serializeExceptionList,
  serializeInviteList,
} from "./list-schemas";

const org = "0b0e7b52-6c2a-4a53-9f0a-2f8b8f1b7c11";

describe("the Invites page's URL", () => {
  it.each(INVITE_FILTERS)("round-trips the %s filter", (state) => {
    const view = { page: 2, cols: ["tenant", "state"], state, org };
    expect(loadInviteList(serializeInviteList(view))).toEqual(view);
  });

  it("falls back to every invite, page 1, for junk", () => {
    expect(loadInviteList({ state: "accepted", org: "pump-main", page: "0", cols: "," })).toEqual({
      page: 1,
      cols: null,
      state: "all",
      org: null,
    });
  });
});

describe("the Exceptions page's URL", () => {
  it("links the open view without a query, and round-trips the other", () => {
    expect(serializeExceptionList("/exceptions", { view: "open" })).toBe("/exceptions");
    expect(serializeExceptionList("/exceptions", { view: "all" })).toBe("/exceptions?view=all");
    expect(loadExceptionList(serializeExceptionList({ view: "all", page: 3 }))).toMatchObject({ view: "all", page: 3 });
  });

  it("falls back to open cases, page 1, for junk", () => {
    expect(loadExceptionList({ view: "closed", page: "-1" })).toMatchObject({ view: "open", page: 1 });
  });
});
