import { createLoader, createSerializer } from "nuqs/server";
import { describe, expect, it } from "vitest";
import {
  formValues,
  parseAsColumnIds,
  parseAsSearchText,
  parseAsUtcDate,
  parseAsUtcDateTime,
  parseAsUuid,
  sortableTableParams,
} from "./params";

const table = sortableTableParams(["name", "created"], "created");
const load = createLoader(table);
const serialize = createSerializer(table);

describe("a table's URL state", () => {
  it("round-trips: what the shell writes, the page reads back", () => {
    const state = { page: 3, size: 100, sort: "name" as const, dir: "asc" as const, cols: ["name", "created"] };
    const query = serialize(state);
    expect(query).toBe("?page=3&size=100&sort=name&dir=asc&cols=name,created");
    expect(load(query)).toEqual(state);
  });

  it("leaves defaults out of the URL, and reads a missing key as its default", () => {
    expect(serialize({ page: 1, size: 25, sort: "created", dir: "desc", cols: null })).toBe("");
    expect(load("")).toEqual({ page: 1, size: 25, sort: "created", dir: "desc", cols: null });
  });

  it.each([
    ["page=0", { page: 1 }],
    ["page=-3", { page: 1 }],
    ["page=2.5", { page: 1 }],
    ["page=abc", { page: 1 }],
    ["page=100001", { page: 1 }],
    ["size=7", { size: 25 }],
    ["size=1e9", { size: 25 }],
    ["sort=name;drop table tenants", { sort: "created" }],
    ["sort=NAME", { sort: "created" }],
    ["dir=sideways", { dir: "desc" }],
    ["cols=", { cols: null }],
    ["cols=,,", { cols: null }],
  ])("falls back to the default for junk: %s", (query, expected) => {
    expect(load(query)).toMatchObject(expected);
  });

  it("reads the first of repeated keys, as Next hands them to the page", () => {
    expect(load({ page: ["2", "9"], sort: ["name", "created"] })).toMatchObject({ page: 2, sort: "name" });
  });
});

describe("filter parsers", () => {
  it("trims free text and refuses what no one types", () => {
    expect(parseAsSearchText.parse("  acme ")).toBe("acme");
    expect(parseAsSearchText.parse("   ")).toBeNull();
    expect(parseAsSearchText.parse("x".repeat(201))).toBeNull();
  });

  it("accepts only UUIDs", () => {
    expect(parseAsUuid.parse("0b0e7b52-6c2a-4a53-9f0a-2f8b8f1b7c11")).toBe("0b0e7b52-6c2a-4a53-9f0a-2f8b8f1b7c11");
    expect(parseAsUuid.parse("1 or 1=1")).toBeNull();
  });

  it("drops empty column ids", () => {
    expect(parseAsColumnIds.parse("a,,b")).toEqual(["a", "b"]);
  });

  it.each([
    ["2025-03-10", "2025-03-10T00:00:00.000Z"],
    ["2025-03-10T12:30", "2025-03-10T12:30:00.000Z"],
    ["2025-03-10T12:30:00+02:00", "2025-03-10T10:30:00.000Z"],
    ["2025-03-10T12:30:00Z", "2025-03-10T12:30:00.000Z"],
  ])("reads %s as UTC unless it names its zone", (input, instant) => {
    expect(parseAsUtcDate.parse(input)?.toISOString()).toBe(instant);
    expect(parseAsUtcDateTime.parse(input)?.toISOString()).toBe(instant);
  });

  it.each(["2025-13-45", "yesterday", "10/03/2025", ""])("refuses %o as a date", (input) => {
    expect(parseAsUtcDate.parse(input)).toBeNull();
  });

  it.each([
    [parseAsUtcDate, "2025-03-10T00:00:00Z", "2025-03-10"],
    [parseAsUtcDate, "2025-03-10T08:15:00Z", "2025-03-10T08:15"],
    [parseAsUtcDateTime, "2025-03-10T00:00:00Z", "2025-03-10T00:00"],
    [parseAsUtcDateTime, "2025-03-10T08:15:30.250Z", "2025-03-10T08:15:30.250"],
  ])("writes a date as its input shows it, losing nothing", (parser, instant, written) => {
    const date = new Date(instant);
    expect(parser.serialize(date)).toBe(written);
    expect(parser.parse(written)?.getTime()).toBe(date.getTime());
  });
});

it("turns a serialized query into a GET form's field values", () => {
  expect(formValues(serialize({ sort: "name", cols: ["a", "b"] }))).toEqual({ sort: "name", cols: "a,b" });
  expect(formValues("")).toEqual({});
});
