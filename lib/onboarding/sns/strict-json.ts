// Strict JSON for signed payloads: `JSON.parse` silently keeps the LAST of two equal keys, while another parser (or
// a human reading a log) may keep the first. If the verifier and the consumer could see different values for
// `Message` or `TopicArn`, a signature over one would vouch for the other, so a duplicate key anywhere is a rejection.
// Keys are compared after unescaping: `"Message"` and `"\u004dessage"` are the same key.

export type StrictJsonResult = { ok: true; value: unknown } | { ok: false; detail: string };

export function parseStrictJson(text: string): StrictJsonResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, detail: "body is not valid JSON" };
  }
  const duplicate = findDuplicateJsonKey(text);
  if (duplicate !== null) return { ok: false, detail: `duplicate JSON key ${JSON.stringify(duplicate)}` };
  return { ok: true, value };
}

type Frame = { isObject: boolean; keys: Set<string>; expectsKey: boolean };

/**
 * Returns the first key that occurs twice in one object of `text`, or null. Only call it on text `JSON.parse`
 * accepted: the scan trusts the syntax and only tracks nesting, string boundaries and key positions. Iterative, so
 * deeply nested input cannot overflow the stack.
 */
export function findDuplicateJsonKey(text: string): string | null {
  const stack: Frame[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    const top = stack.at(-1);
    if (ch === "{" || ch === "[") {
      stack.push({ isObject: ch === "{", keys: new Set(), expectsKey: ch === "{" });
      i += 1;
    } else if (ch === "}" || ch === "]") {
      stack.pop();
      i += 1;
    } else if (ch === ",") {
      if (top?.isObject) top.expectsKey = true;
      i += 1;
    } else if (ch === ":") {
      if (top) top.expectsKey = false;
      i += 1;
    } else if (ch === '"') {
      const end = endOfString(text, i);
      if (top?.isObject && top.expectsKey) {
        // The token is a valid JSON string literal (JSON.parse accepted the document), so this cannot throw.
        const key = JSON.parse(text.slice(i, end)) as string;
        if (top.keys.has(key)) return key;
        top.keys.add(key);
      }
      i = end;
    } else {
      i += 1;
    }
  }
  return null;
}

/** Index just past the closing quote of the string literal that opens at `start`. */
function endOfString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === "\\") i += 2;
    else if (ch === '"') return i + 1;
    else i += 1;
  }
  return text.length;
}
