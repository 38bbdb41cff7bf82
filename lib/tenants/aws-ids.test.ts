import { describe, expect, it, vi } from "vitest";
import { formatAccountId, normaliseAccountId, parseRoleArn } from "./aws-ids";

describe("AWS account IDs", () => {
  it("normalises dashes and spaces, and formats 12 digits the way AWS shows them", () => {
    expect(normaliseAccountId(" 1234-5678 9012 ")).toBe("123456789012");
    expect(formatAccountId("123456789012")).toBe("1234-5678-9012");
    expect(formatAccountId("12345")).toBe("12345");
  });
});

describe("parseRoleArn", () => {
  it.each([
    [
      "arn:aws:iam::123456789012:role/PumpCustomerAccess",
      { accountId: "123456789012", path: "", name: "PumpCustomerAccess" },
    ],
    [
      "arn:aws:iam::123456789012:role/pump/PumpCustomerAccess",
      { accountId: "123456789012", path: "pump/", name: "PumpCustomerAccess" },
    ],
    ["arn:aws:iam::123456789012:role/a/b/c+=,.@-_1", { accountId: "123456789012", path: "a/b/", name: "c+=,.@-_1" }],
  ])("accepts %s", (arn, parts) => {
    expect(parseRoleArn(arn)).toEqual(parts);
  });

  it.each([
    "arn:aws:iam::12345678901:role/Name", // 11 digits
    "arn:aws:iam::123456789012:user/Name", // not a role
    "arn:aws:sts::123456789012:role/Name",
    "arn:aws:iam::123456789012:role/",
    "arn:aws:iam::123456789012:role/has space",
    `arn:aws:iam::123456789012:role/${"n".repeat(65)}`,
    "arn:aws:iam::123456789012:role//Name", // a one-character path is refused by the database too
    " arn:aws:iam::123456789012:role/Name",
  ])("refuses %s", (arn) => {
    expect(parseRoleArn(arn)).toBeNull();
  });

  // No catastrophic backtracking, proven by the shape of what runs rather than by a stopwatch (which flakes on a busy
  // machine): every regex the parser executes has star height 1 (no quantifier inside a quantified group, the shape
  // that backtracks exponentially), and the number of regex runs does not grow with the input.
  it("runs only regexes that cannot backtrack catastrophically, a fixed number of times, on hostile input", () => {
    const hostile = (n: number) => `arn:aws:iam::123456789012:role/${"a/".repeat(n)}!`;
    // Shape first, on an input small enough to answer even if a vulnerable regex came back.
    const small = regexesRunBy(() => expect(parseRoleArn(hostile(10))).toBeNull());
    expect(small.length).toBeGreaterThan(0);
    for (const source of small) expect(starHeight(source), source).toBeLessThanOrEqual(1);
    const large = regexesRunBy(() => expect(parseRoleArn(hostile(1000))).toBeNull());
    expect(large).toEqual(small);
  });

  it("measures star height the way the check above needs", () => {
    // The single-regex parser this one replaced: a repeated group of repeated characters.
    expect(starHeight(String.raw`^arn:aws:iam::(\d{12}):role\/((?:[\x21-\x7e]+\/)*)([\w+=,.@-]{1,64})$`)).toBe(2);
    expect(starHeight(String.raw`^(a|aa)+$`)).toBe(1);
    expect(starHeight(String.raw`^((a+)?)*$`)).toBe(2);
    expect(starHeight(String.raw`^[(+*]+\(+$`)).toBe(1);
    expect(starHeight(String.raw`^(?:ab){2}(c)?$`)).toBe(1);
    expect(starHeight(String.raw`^abc$`)).toBe(0);
    expect(starHeight(String.raw`^(?<name>a)(?<=b)(?:c{0,1})$`)).toBe(0);
    expect(starHeight(String.raw`^(?<name>(?:a*b)+)$`)).toBe(2);
  });
});

/** The sources of every regex executed while `run` runs (`test`, `replace`, `match`… all go through `exec`). */
function regexesRunBy(run: () => void): string[] {
  const exec = vi.spyOn(RegExp.prototype, "exec");
  try {
    run();
    return exec.mock.contexts.map((re) => (re as RegExp).source);
  } finally {
    exec.mockRestore();
  }
}

/**
 * Star height of a regex source: how deeply repetitions nest (`a+` is 1, `(a+)*` is 2). `?` and `{0,1}` do not
 * repeat. Enough of the syntax for the check above: escapes, classes, groups, quantifiers.
 */
function starHeight(source: string): number {
  const heights = [0]; // the deepest nesting seen in each open group
  let last = 0; // star height of the atom just read, which a quantifier would repeat
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === "\\") {
      i++;
      last = 0;
    } else if (c === "[") {
      for (i++; i < source.length && source[i] !== "]"; i++) if (source[i] === "\\") i++;
      last = 0;
    } else if (c === "(") {
      heights.push(0);
      // The prefix of (?:…) (?=…) (?!…) (?<=…) (?<!…) (?<name>…) is no atom.
      if (source[i + 1] === "?") {
        const named = source[i + 2] === "<" && source[i + 3] !== "=" && source[i + 3] !== "!";
        i = named ? source.indexOf(">", i) : i + (source[i + 2] === "<" ? 3 : 2);
      }
    } else if (c === ")") {
      last = heights.pop()!;
      heights[heights.length - 1] = Math.max(heights.at(-1)!, last);
    } else if (c === "*" || c === "+" || c === "?" || (c === "{" && /^\{\d+(,\d*)?\}/.test(source.slice(i)))) {
      const bound = c === "{" ? /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i))! : null;
      if (bound) i += bound[0].length - 1;
      const repeats =
        c === "*" ||
        c === "+" ||
        (bound !== null && (bound[2] === undefined ? Number(bound[1]) > 1 : bound[3] !== "1"));
      if (repeats) {
        last += 1;
        heights[heights.length - 1] = Math.max(heights.at(-1)!, last);
      }
      if (source[i + 1] === "?") i++;
    } else {
      last = 0;
    }
  }
  return heights[0]!;
}
