import { describe, expect, it } from "vitest";
import { awsAccounts } from "@/db/schema";
import { loadTenantList, serializeTenantList, tenantListParams, type TenantListQuery } from "./list-schemas";

const everything: TenantListQuery = {
  page: 4,
  size: 50,
  sort: "name",
  dir: "asc",
  cols: ["pumpId", "name"],
  state: "joined",
  roleType: "autopilot",
  membership: "other_member",
  manager: "0b0e7b52-6c2a-4a53-9f0a-2f8b8f1b7c11",
  exception: "yes",
  failing: "yes",
  createdFrom: new Date("2025-03-10T00:00:00Z"),
  createdTo: new Date("2025-03-11T00:00:00Z"),
  q: "acme corp",
};

describe("the tenants list's URL", () => {
  it("round-trips every key: a link reopens the same view", () => {
    expect(loadTenantList(serializeTenantList(everything))).toEqual(everything);
    expect(loadTenantList(serializeTenantList({ manager: "none" }))).toMatchObject({ manager: "none" });
  });

  it("reads what the filter form sends: empty fields are no filter", () => {
    const form = "?q=&state=joined&roleType=&membership=&manager=&exception=&failing=&createdFrom=&createdTo=";
    expect(loadTenantList(form)).toMatchObject({ state: "joined", roleType: null, q: null, createdFrom: null });
  });

  it("falls back to the default view for junk instead of failing", () => {
    const junk = {
      page: "x",
      size: "1000",
      sort: "tenants.name",
      dir: "up",
      state: "bogus",
      roleType: "admin",
      membership: "standalone'--",
      manager: "someone",
      exception: "no",
      failing: "1",
      createdFrom: "last week",
      createdTo: "2025-99-99",
    };
    expect(loadTenantList(junk)).toEqual(loadTenantList(""));
  });

  it.each([
    ["state", awsAccounts.onboardingState.enumValues],
    ["roleType", awsAccounts.roleType.enumValues],
    ["membership", awsAccounts.membership.enumValues],
  ] as const)("accepts exactly the schema's values for %s", (key, values) => {
    for (const value of values) expect(tenantListParams[key].parse(value)).toBe(value);
    expect(tenantListParams[key].parse(`${values[0]} `)).toBeNull();
  });
});
