import { describe, expect, it } from "vitest";
import {
  QUICK_CREATE_REGIONS,
  QuickCreateError,
  parseQuickCreateUrl,
  quickCreateUrl,
  type QuickCreateInput,
} from "./quick-create";

const input: QuickCreateInput = {
  region: "eu-west-1",
  templateUrl: "https://pump-public-templates.s3.amazonaws.com/templates/pump-read-only.yaml",
  stackName: "Pump-PUMP-0042-ReadOnly",
  params: {
    ExternalId: "pump-MVP2bpGejuaKNt51oO1SylCC7-_na4SA",
    PumpId: "PUMP-0042",
    RoleType: "read_only",
    PumpPrincipalArn: "arn:aws:iam::222233334444:role/PumpConsoleOperator",
    OnboardingToken: "Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0",
  },
};

describe("quickCreateUrl", () => {
  it("builds AWS's documented form: console of the region, region= and the create/review route", () => {
    const url = quickCreateUrl(input);
    expect(
      url.startsWith(
        "https://eu-west-1.console.aws.amazon.com/cloudformation/home?region=eu-west-1#/stacks/create/review?templateURL=",
      ),
    ).toBe(true);
    expect(url).toContain("&stackName=Pump-PUMP-0042-ReadOnly&");
    expect(url).toContain(`&param_PumpPrincipalArn=${encodeURIComponent(input.params.PumpPrincipalArn)}`);
    // One `#`, one `?` before it and one after it: nothing a value carried split the URL.
    expect(url.split("#")).toHaveLength(2);
    expect(url.split("?")).toHaveLength(3);
  });

  it("round-trips through parseQuickCreateUrl", () => {
    expect(parseQuickCreateUrl(quickCreateUrl(input))).toEqual(input);
  });

  it.each([..."+=,.@:/-_", "a", "Z", "0"])("encodes the External ID character %j so it survives the trip", (ch) => {
    const externalId = `x${ch}${ch}y`;
    const url = quickCreateUrl({ ...input, params: { ...input.params, ExternalId: externalId } });
    expect(parseQuickCreateUrl(url)?.params.ExternalId).toBe(externalId);
    // Only unreserved characters appear raw: `+` would read back as a space, `&`/`=`/`#` would split the query.
    const raw = url.split("param_ExternalId=")[1]!.split("&")[0]!;
    expect(raw).toMatch(/^[A-Za-z0-9\-_.%]+$/);
  });

  it("encodes every character of the External ID charset at once", () => {
    const externalId = "AZaz09_+=,.@:/-".repeat(80); // 1,200 characters
    const url = quickCreateUrl({ ...input, params: { ...input.params, ExternalId: externalId } });
    expect(parseQuickCreateUrl(url)?.params.ExternalId).toBe(externalId);
  });

  it("accepts every region with a Pump topic", () => {
    for (const region of QUICK_CREATE_REGIONS) {
      expect(parseQuickCreateUrl(quickCreateUrl({ ...input, region }))?.region).toBe(region);
    }
  });

  it.each([
    "sa-east-1",
    "cn-north-1",
    "us-gov-west-1",
    "",
    "US-EAST-1",
    "us-east-1.evil.com",
    "us-east-1/",
    "us-east-1#",
  ])("refuses the region %j", (region) => {
    expect(() => quickCreateUrl({ ...input, region })).toThrow(QuickCreateError);
  });

  it.each(["", "1Pump", "Pump_0042", "Pump 0042", "Pump-ü", "P".repeat(129), "Pump&param_PumpId=X"])(
    "refuses the stack name %j",
    (stackName) => {
      expect(() => quickCreateUrl({ ...input, stackName })).toThrow(QuickCreateError);
    },
  );

  it("accepts a 128-character stack name", () => {
    expect(() => quickCreateUrl({ ...input, stackName: `P${"a".repeat(127)}` })).not.toThrow();
  });

  it.each([
    "http://pump-public-templates.s3.amazonaws.com/t.yaml",
    "https://example.com/t.yaml",
    "https://s3.amazonaws.com.evil.com/t.yaml",
    "https://user:pw@pump-public-templates.s3.amazonaws.com/t.yaml",
    "https://pump-public-templates.s3.amazonaws.com:8443/t.yaml",
    `https://pump-public-templates.s3.amazonaws.com/${"a".repeat(1024)}`,
    "not a url",
  ])("refuses the template URL %j", (templateUrl) => {
    expect(() => quickCreateUrl({ ...input, templateUrl })).toThrow(QuickCreateError);
  });

  it("accepts regional S3 URLs", () => {
    for (const templateUrl of [
      "https://s3.eu-central-1.amazonaws.com/bucket/t.yaml",
      "https://bucket.s3.eu-west-1.amazonaws.com/t.yaml",
    ]) {
      expect(() => quickCreateUrl({ ...input, templateUrl })).not.toThrow();
    }
  });

  it("refuses a missing parameter", () => {
    expect(() => quickCreateUrl({ ...input, params: { ...input.params, OnboardingToken: "" } })).toThrow(
      /OnboardingToken/,
    );
  });
});

describe("parseQuickCreateUrl", () => {
  it.each([
    "not a url",
    "https://evil.example/cloudformation/home?region=eu-west-1#/stacks/create/review?templateURL=x&stackName=y",
    "https://eu-west-1.console.aws.amazon.com/cloudformation/home?region=us-east-1#/stacks/create/review?templateURL=x&stackName=y",
    "https://eu-west-1.console.aws.amazon.com/cloudformation/home?region=eu-west-1#/stacks/new?templateURL=x&stackName=y",
  ])("returns null for %j", (link) => {
    expect(parseQuickCreateUrl(link)).toBeNull();
  });
});
