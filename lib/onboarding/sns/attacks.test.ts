import { beforeAll, describe, expect, it } from "vitest";
import { URL_AND_TOPIC_ATTACKS } from "./testing/attack-corpus-urls";
import { MESSAGE_ATTACKS } from "./testing/attack-corpus-messages";
import { STRUCTURE_ATTACKS } from "./testing/attack-corpus-structure";
import { isTrustedSigningCertUrl } from "@/lib/aws/sns-urls";
import { confirmationFields, createSnsTestKit, notificationFields, type SnsTestKit } from "./testing/sns-test-kit";
import { verifySnsMessage, type VerifySnsResult } from "./verify";

// The curated forgery corpus (the figures to reach: ≥200 curated attacks → 0 accepted, 0 outbound requests for anything
// rejected before the certificate step, never an exception). One table, one row per named attack.

const ATTACKS = [...URL_AND_TOPIC_ATTACKS, ...MESSAGE_ATTACKS, ...STRUCTURE_ATTACKS];
// Reasons decided before the certificate fetch: such a rejection must have cost no request at all.
const PRE_FETCH = new Set(["malformed", "untrusted_topic", "signature_version", "stale", "cert_url"]);

let kit: SnsTestKit;
beforeAll(async () => {
  kit = await createSnsTestKit();
});

describe("curated SNS forgery corpus", () => {
  it("has at least 200 uniquely named attacks", () => {
    expect(ATTACKS.length).toBeGreaterThanOrEqual(200);
    expect(new Set(ATTACKS.map((a) => a.name)).size).toBe(ATTACKS.length);
  });

  // The rows are edits of these messages; if these were rejected, every row would pass for the wrong reason.
  it.each([
    ["Notification v2", () => kit.sign(notificationFields()), {}],
    ["Notification v2 without Subject", () => kit.sign(notificationFields({ Subject: undefined })), {}],
    ["Notification v1, v1 allowed", () => kit.sign(notificationFields(), 1), { minSignatureVersion: 1 as const }],
    ["SubscriptionConfirmation v2", () => kit.sign(confirmationFields("SubscriptionConfirmation")), {}],
    ["UnsubscribeConfirmation v2", () => kit.sign(confirmationFields("UnsubscribeConfirmation")), {}],
  ])("baseline %s is accepted", async (_name, body, options) => {
    expect(await verifySnsMessage(body(), kit.options(options))).toMatchObject({ ok: true });
  });

  it.each(ATTACKS)("$name → $reason", async (attack) => {
    kit.fetches.length = 0;
    const body = attack.body(kit);
    const serve = attack.serve;
    const fetchCertificate = serve ? async (url: string) => (kit.fetches.push(url), serve(kit)) : kit.fetchCertificate;
    let result: VerifySnsResult | undefined;
    let thrown: unknown;
    try {
      result = await verifySnsMessage(body, kit.options({ fetchCertificate, ...attack.options }));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeUndefined();
    expect(result).toMatchObject({ ok: false, reason: attack.reason });
    expect(kit.fetches).toHaveLength(PRE_FETCH.has(attack.reason) ? 0 : 1);
    expect(kit.fetches.every(isTrustedSigningCertUrl)).toBe(true);
  });
});
