import { describe, expect, it } from "vitest";
import { findDuplicateJsonKey, parseStrictJson } from "./strict-json";

describe("findDuplicateJsonKey", () => {
  it.each([
    ["top-level repeat", '{"Message":"a","Message":"b"}', "Message"],
    ["escaped spelling of the same key", '{"Message":"a","\\u004dessage":"b"}', "Message"],
    ["escaped slash in a key", '{"a/b":1,"a\\/b":2}', "a/b"],
    ["nested object", '{"x":{"k":1,"k":2}}', "k"],
    ["object inside an array", '[{"k":1},{"k":1,"k":2}]', "k"],
    ["after a nested object closes", '{"a":{"b":1},"a":2}', "a"],
    ["whitespace around tokens", '{ "k" : 1 ,\n "k" : 2 }', "k"],
    ["empty key twice", '{"":1,"":2}', ""],
  ])("finds a %s", (_name, text, key) => {
    expect(findDuplicateJsonKey(text)).toBe(key);
  });

  it.each([
    ["same key in sibling objects", '[{"k":1},{"k":2}]'],
    ["same key at different depths", '{"k":{"k":{"k":1}}}'],
    ["a key-like value", '{"a":"b","b":"a"}'],
    ["quotes and braces inside strings", '{"a":"\\"b\\":{\\"a\\":1}","b":"}{,:"}'],
    ["keys differing only in case", '{"Message":1,"message":2}'],
    ["arrays of strings", '{"a":["a","a"],"b":["b"]}'],
    ["scalars", '"x"'],
  ])("accepts %s", (_name, text) => {
    expect(findDuplicateJsonKey(text)).toBeNull();
  });

  it("handles 100,000 levels of nesting without overflowing the stack", () => {
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    expect(findDuplicateJsonKey(deep)).toBeNull();
    expect(parseStrictJson(deep).ok).toBe(true);
  });
});

describe("parseStrictJson", () => {
  it("returns the value when there is no duplicate", () => {
    expect(parseStrictJson('{"a":[1,{"b":null}]}')).toEqual({ ok: true, value: { a: [1, { b: null }] } });
  });

  it("rejects a duplicate even though JSON.parse would accept it", () => {
    const text = '{"TopicArn":"arn:aws:sns:us-east-1:123456789012:ours","TopicArn":"theirs"}';
    expect(JSON.parse(text)).toEqual({ TopicArn: "theirs" });
    expect(parseStrictJson(text)).toEqual({ ok: false, detail: 'duplicate JSON key "TopicArn"' });
  });

  it.each(["", "{", "{'a':1}", '{"a":1,}', "NaN", "\uFEFF{}", '{"a":1} x'])("rejects invalid JSON %j", (text) => {
    expect(parseStrictJson(text)).toEqual({ ok: false, detail: "body is not valid JSON" });
  });
});
