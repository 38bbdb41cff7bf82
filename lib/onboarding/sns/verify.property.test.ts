import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { isTrustedSigningCertUrl, isTrustedUnsubscribeUrl } from "@/lib/aws/sns-urls";
import { buildStringToSign } from "./string-to-sign";
import {
  confirmationFields,
  createSnsTestKit,
  notificationFields,
  NOW,
  SECOND_TOPIC_ARN,
  type SnsTestKit,
  subscribeUrl,
  unsubscribeUrl,
} from "./testing/sns-test-kit";
import { verifySnsMessage, type VerifySnsOptions } from "./verify";

// Property-based forgeries, part 1: random mutations of VALID signed messages. The claim under test: whatever an
// attacker changes, the verifier accepts only a body that means exactly what SNS signed; it never throws, and it
// fetches nothing but pinned certificate URLs.

type Base = { body: string; value: Record<string, unknown>; options: Partial<VerifySnsOptions>; editable: number[] };
const MESSAGE = 'line 1\nline 2 "quoted" \\ é 😀 {"RequestType":"Create"}';
let kit: SnsTestKit;
let bases: Base[];

beforeAll(async () => {
  kit = await createSnsTestKit();
  const v1 = { minSignatureVersion: 1 as const };
  const make = (body: string, options: Partial<VerifySnsOptions> = {}): Base => {
    // Raw-text edits skip the UnsubscribeURL value: it is unsigned by SNS's design (its own property below).
    const start = body.indexOf('"UnsubscribeURL":"');
    const end = start < 0 ? -1 : body.indexOf('"', start + 18);
    const editable = [...body].map((_, i) => i).filter((i) => start < 0 || i < start || i > end);
    return { body, value: JSON.parse(body) as Record<string, unknown>, options, editable };
  };
  bases = [
    make(kit.sign(notificationFields({ Message: MESSAGE }))),
    make(kit.sign(notificationFields({ Message: MESSAGE, Subject: undefined }))),
    make(kit.sign(notificationFields({ Message: MESSAGE }), 1), v1),
    make(kit.sign(confirmationFields("SubscriptionConfirmation", { Message: MESSAGE }))),
    make(kit.sign(confirmationFields("UnsubscribeConfirmation"))),
    make(kit.sign(confirmationFields("SubscriptionConfirmation"), 1), v1),
  ];
});

const SIGNED_AND_ENVELOPE_KEYS = [
  "Type",
  "MessageId",
  "TopicArn",
  "Subject",
  "Message",
  "Timestamp",
  "SignatureVersion",
  "Signature",
  "SigningCertURL",
  "Token",
  "SubscribeURL",
];
const INTERESTING = ['"', "\\", "{", "}", "[", "]", ",", ":", " ", "\n", "\u0000", "é", "\u2028", "A", "0", "="];

/** Near misses of a string: the edits most likely to slip past a sloppy check. */
const nearMiss = (original: string) =>
  fc.oneof(
    fc.tuple(fc.nat(), fc.constantFrom(...INTERESTING)).map(([i, c]) => {
      const at = original.length ? i % original.length : 0;
      return original.slice(0, at) + c + original.slice(at + 1);
    }),
    fc.tuple(fc.nat(), fc.string({ maxLength: 4 })).map(([i, s]) => {
      const at = original.length ? i % (original.length + 1) : 0;
      return original.slice(0, at) + s + original.slice(at);
    }),
    fc.nat().map((i) => (original.length ? original.slice(0, i % original.length) : "x")),
    fc.constant(original.toUpperCase()),
    fc.constant(` ${original}`),
  );

type Mutation = (body: string, value: Record<string, unknown>) => string;
function mutationOf(base: Base): fc.Arbitrary<Mutation> {
  const keys = Object.keys(base.value);
  const setField = fc.constantFrom(...SIGNED_AND_ENVELOPE_KEYS).chain((key) =>
    fc.oneof(nearMiss(String(base.value[key] ?? "")), fc.string(), fc.jsonValue()).map(
      (v): Mutation =>
        (_b, value) =>
          JSON.stringify({ ...value, [key]: v }),
    ),
  );
  const deleteField = fc.constantFrom(...keys).map((key): Mutation => (_b, value) => {
    const copy = { ...value };
    delete copy[key];
    return JSON.stringify(copy);
  });
  const addField = fc
    .tuple(fc.oneof(fc.constantFrom(...SIGNED_AND_ENVELOPE_KEYS), fc.string({ maxLength: 12 })), fc.jsonValue())
    .filter(([key]) => key !== "UnsubscribeURL" && key !== "MessageAttributes")
    .map(
      ([key, v]): Mutation =>
        (_b, value) =>
          JSON.stringify({ ...value, [key]: v }),
    );
  const rawEdit = fc
    .tuple(
      fc.constantFrom(...base.editable),
      fc.nat(5),
      fc.oneof(fc.constantFrom(...INTERESTING), fc.string({ maxLength: 3 })),
    )
    .map(
      ([at, cut, insert]): Mutation =>
        (body) =>
          body.slice(0, at) + insert + body.slice(at + cut),
    );
  const duplicate = fc
    .tuple(fc.constantFrom(...keys), fc.oneof(fc.jsonValue(), fc.constant(null)), fc.boolean())
    .map(([key, v, first]): Mutation => (body, value) => {
      const entry = `${JSON.stringify(key)}:${JSON.stringify(v ?? value[key])}`;
      return first ? body.replace("{", `{${entry},`) : body.replace(/}$/, `,${entry}}`);
    });
  // Changes that keep the message schema-valid, so they travel all the way to the RSA check and must die there.
  const inWindow = fc
    .integer({ min: -3_000_000, max: 200_000 })
    .map((ms) => new Date(NOW.getTime() + ms).toISOString());
  const token = fc.stringMatching(/^[0-9a-f]{16,64}$/);
  const validChange = fc
    .oneof(
      fc.record({ Message: fc.string() }),
      fc.record({ MessageId: fc.uuid() }),
      fc.record({ Timestamp: inWindow }),
      fc.record({
        TopicArn: fc.constant(SECOND_TOPIC_ARN),
        UnsubscribeURL: fc.constant(unsubscribeUrl(SECOND_TOPIC_ARN)),
      }),
      ...(base.value.Type === "Notification"
        ? [fc.record({ Subject: fc.stringMatching(/^[ -~]{1,100}$/) })]
        : [
            token.map((t) => ({ Token: t, SubscribeURL: subscribeUrl(undefined, t) })),
            fc.record({ Type: fc.constantFrom("SubscriptionConfirmation", "UnsubscribeConfirmation") }),
          ]),
    )
    .map(
      (change): Mutation =>
        (_b, value) =>
          JSON.stringify({ ...value, ...change }),
    );
  return fc.oneof(
    { arbitrary: validChange, weight: 3 },
    { arbitrary: setField, weight: 2 },
    { arbitrary: deleteField, weight: 1 },
    { arbitrary: addField, weight: 1 },
    { arbitrary: rawEdit, weight: 2 },
    { arbitrary: duplicate, weight: 1 },
  );
}

const parseOrUndefined = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

describe("mutations of valid signed messages", () => {
  it("6,000 mutants: none accepted unless it means exactly the signed message; no throws; pinned fetches only", async () => {
    const stats = { runs: 0, accepted: 0, equivalent: 0, fetches: 0 };
    // Built once per base: some arbitraries (stringMatching) compile a regex when constructed.
    const mutations = new Map(bases.map((base) => [base, mutationOf(base)]));
    const scenario = fc.nat().chain((i) => {
      const base = bases[i % bases.length]!;
      return fc.tuple(fc.constant(base), fc.array(mutations.get(base)!, { minLength: 1, maxLength: 3 }));
    });
    await fc.assert(
      fc.asyncProperty(scenario, async ([base, mutations]) => {
        let body = base.body;
        for (const mutate of mutations) body = mutate(body, (parseOrUndefined(body) ?? {}) as Record<string, unknown>);
        kit.fetches.length = 0;
        const result = await verifySnsMessage(body, kit.options(base.options));
        const isEquivalent = isDeepStrictEqual(parseOrUndefined(body), base.value);
        stats.runs += 1;
        if (isEquivalent) stats.equivalent += 1;
        if (result.ok) stats.accepted += 1;
        stats.fetches += kit.fetches.length;
        expect(!result.ok || isEquivalent).toBe(true);
        expect(kit.fetches.every(isTrustedSigningCertUrl)).toBe(true);
      }),
      { numRuns: 6_000 },
    );
    expect(stats.runs).toBe(6_000);
    // Semantically identical re-spellings (whitespace, `\/`) may be accepted; nothing else ever is.
    expect(stats.accepted).toBeLessThanOrEqual(stats.equivalent);
    expect(stats.equivalent).toBeLessThan(stats.runs / 10);
  });

  it("1,000 mutants of the unsigned fields: if accepted, the signed content is untouched and the URL still pinned", async () => {
    const notifications = () => bases.filter((b) => b.value.Type === "Notification");
    const unsignedValue = fc.oneof(
      fc.record({
        UnsubscribeURL: fc.oneof(
          fc.string(),
          fc.webUrl(),
          fc.constant(String(bases[0]!.value.UnsubscribeURL)).chain(nearMiss),
        ),
      }),
      fc.record({
        MessageAttributes: fc.oneof(
          fc.jsonValue(),
          fc.dictionary(fc.string({ maxLength: 8 }), fc.record({ Type: fc.constant("String"), Value: fc.string() })),
        ),
      }),
    );
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat(), unsignedValue, async (i, change) => {
        const list = notifications();
        const base = list[i % list.length]!;
        const body = JSON.stringify({ ...base.value, ...change });
        kit.fetches.length = 0;
        const result = await verifySnsMessage(body, kit.options(base.options));
        if (result.ok) {
          accepted += 1;
          expect(result.message.Type).toBe("Notification");
          expect(buildStringToSign(result.message)).toBe(buildStringToSign(base.value as never));
          if (result.message.Type === "Notification") {
            expect(isTrustedUnsubscribeUrl(result.message.UnsubscribeURL, result.message.TopicArn)).toBe(true);
          }
        }
        expect(kit.fetches.every(isTrustedSigningCertUrl)).toBe(true);
      }),
      { numRuns: 1_000 },
    );
    expect(accepted).toBeGreaterThan(0); // attribute-only changes do pass: they are unsigned by design
  });
});
