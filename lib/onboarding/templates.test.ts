import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { validateFile, validateJsonObject } from "cfn-lint";
import { openFile } from "cfn-lint/lib/parser";
import { extendSpecification } from "cfn-lint/lib/resourcesSpec";
import { beforeAll, describe, expect, it } from "vitest";
import { ROLE_NAMES, ROLE_TYPES, permissionsPolicy, policyActions, type RoleType } from "./policies";
import { QUICK_CREATE_PARAMETERS, QUICK_CREATE_REGIONS } from "./quick-create";
import {
  PUMP_TOPIC_ACCOUNT,
  TEMPLATE_FILES,
  TEMPLATE_PARAMETER_PATTERNS,
  pumpTemplate,
  renderTemplateYaml,
  type PumpTemplate,
} from "./templates";
import { parseTemplate } from "./templates-yaml";

/*
 * The committed templates are the rendered output (drift fails here), read back to the template object by the
 * `yaml` package with CloudFormation's short-form tags and by a second, independent reader (cfn-lint's), and their
 * trust policy admits only Pump's principal, and only with the External ID
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html). cfn-lint (the npm
 * CloudFormation validator, an unmaintained port with a 2019 resource specification) stays as a smoke test, with the
 * parameters and pseudo parameters resolved; templates.schema.test.ts checks every resource and property against
 * CloudFormation's current resource schemas.
 */

const dir = path.resolve(import.meta.dirname, "../../public/templates");
const file = (t: RoleType) => path.join(dir, TEMPLATE_FILES[t]);

// A valid set of parameter values, one per template parameter (what a quick-create link fills in).
const parameterValues = (t: RoleType) => ({
  ExternalId: "pump-MVP2bpGejuaKNt51oO1SylCC7-_na4SA",
  PumpId: "PUMP-0042",
  RoleType: t,
  PumpPrincipalArn: "arn:aws:iam::222233334444:role/PumpConsoleOperator",
  OnboardingToken: "Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0",
});

beforeAll(() => {
  // cfn-lint's logger exits the process on an uncaught exception; in a test runner that would hide the failure.
  const require = createRequire(import.meta.url);
  (require("cfn-lint/lib/logger") as { unhandleExceptions: () => void; level: string }).unhandleExceptions();
  // Its bundled resource specification (2.29.0, 2019) predates AWS::IAM::Role's Description property; add exactly
  // that, as AWS's current specification defines it, rather than drop the role's description.
  extendSpecification({
    ResourceTypes: {
      "AWS::IAM::Role": {
        Properties: { Description: { PrimitiveType: "String", Required: false, UpdateType: "Mutable" } },
      },
    },
  });
});

/**
 * CloudFormation's evaluation of the ServiceToken (Fn::Sub with a variable map, Fn::FindInMap, Ref of a pseudo
 * parameter). cfn-lint checks these functions' targets but leaves `${…}` in its Sub results, so the value is
 * computed here, the way CloudFormation documents it; a missing map key fails like CloudFormation's validation.
 */
function resolve(
  value: unknown,
  region: string,
  mappings: Record<string, Record<string, Record<string, string>>>,
): string {
  if (typeof value === "string") return value;
  const fn = value as Record<string, unknown>;
  if (fn.Ref === "AWS::Region") return region;
  if ("Fn::FindInMap" in fn) {
    const [map, key, name] = (fn["Fn::FindInMap"] as unknown[]).map((v) => resolve(v, region, mappings));
    const found = mappings[map!]?.[key!]?.[name!];
    if (found === undefined) throw new Error(`Unable to get mapping for ${map}::${key}::${name}`);
    return found;
  }
  if ("Fn::Sub" in fn) {
    const [text, vars] = fn["Fn::Sub"] as [string, Record<string, unknown>];
    return text.replace(/\$\{([^}]+)\}/g, (_, name: string) =>
      name in vars ? resolve(vars[name], region, mappings) : resolve({ Ref: name }, region, mappings),
    );
  }
  throw new Error(`cannot resolve ${JSON.stringify(value)}`);
}

function lint(target: string | object, t: RoleType, region = "us-east-1") {
  const options = {
    parameters: parameterValues(t),
    pseudoParameters: { "AWS::Region": region, "AWS::AccountId": "444455556666" },
  };
  return typeof target === "string" ? validateFile(target, options) : validateJsonObject(target, options);
}

describe.each(ROLE_TYPES)("the %s template", (t) => {
  it("is committed exactly as rendered from policies.ts (run with -u to regenerate)", async () => {
    await expect(renderTemplateYaml(t)).toMatchFileSnapshot(file(t));
  });

  it("stays inside CloudFormation's size limits (template body, template and role descriptions)", () => {
    expect(Buffer.byteLength(renderTemplateYaml(t))).toBeLessThanOrEqual(51_200);
    expect(Buffer.byteLength(pumpTemplate(t).Description)).toBeLessThanOrEqual(1024);
    expect(pumpTemplate(t).Resources.Role.Properties.Description.length).toBeLessThanOrEqual(1000);
  });

  it("parses (with CloudFormation's short-form tags) to the template object, by two independent readers", () => {
    expect(parseTemplate(readFileSync(file(t), "utf8"))).toEqual(pumpTemplate(t));
    expect(openFile(file(t))).toEqual(pumpTemplate(t));
  });

  it.each(QUICK_CREATE_REGIONS)("passes cfn-lint in %s", (region) => {
    const result = lint(file(t), t, region);
    expect(result.errors.crit).toEqual([]);
    expect(result.errors.warn).toEqual([]);
    expect(result.templateValid).toBe(true);
  });

  it("carries the parameters a quick-create link fills in, with AWS's constraints", () => {
    const params = pumpTemplate(t).Parameters;
    expect(Object.keys(params).sort()).toEqual([...QUICK_CREATE_PARAMETERS].sort());
    expect(params.ExternalId).toMatchObject({ AllowedPattern: "[\\w+=,.@:/-]*", MinLength: 2, MaxLength: 1224 });
    expect(params.PumpId.AllowedPattern).toBe("PUMP-[0-9]{4,}");
    expect(params.RoleType).toMatchObject({ AllowedValues: [t], Default: t });
    // The CloudFormation patterns accept what the console issues and refuse a wildcard principal.
    const whole = (p: string) => new RegExp(`^(?:${p})$`);
    expect(parameterValues(t).PumpPrincipalArn).toMatch(whole(TEMPLATE_PARAMETER_PATTERNS.PumpPrincipalArn));
    expect("*").not.toMatch(whole(TEMPLATE_PARAMETER_PATTERNS.PumpPrincipalArn));
    expect("arn:aws:iam::222233334444:root").not.toMatch(whole(TEMPLATE_PARAMETER_PATTERNS.PumpPrincipalArn));
    for (const [name, value] of Object.entries(parameterValues(t))) {
      const pattern = (TEMPLATE_PARAMETER_PATTERNS as Record<string, string>)[name];
      if (pattern) expect(value, name).toMatch(whole(pattern));
    }
  });

  describe("its trust policy, as parsed from the committed file", () => {
    const role = () => (parseTemplate(readFileSync(file(t), "utf8")) as PumpTemplate).Resources.Role.Properties;

    it("has one Allow statement for Pump's principal parameter, sts:AssumeRole, bound to the ExternalId parameter", () => {
      const statements = role().AssumeRolePolicyDocument.Statement;
      expect(statements).toHaveLength(1);
      const [s] = statements;
      expect(s).toMatchObject({
        Effect: "Allow",
        Action: "sts:AssumeRole",
        Principal: { AWS: { Ref: "PumpPrincipalArn" } },
      });
      expect(s!.Condition).toEqual({ StringEquals: { "sts:ExternalId": { Ref: "ExternalId" } } });
    });

    it("has no wildcard principal and no NotPrincipal", () => {
      const text = JSON.stringify(role().AssumeRolePolicyDocument);
      expect(text).not.toContain("NotPrincipal");
      expect(text).not.toContain('"*"');
    });

    it("names the role and attaches this type's permissions", () => {
      expect(role().RoleName).toBe(ROLE_NAMES[t]);
      expect(role().Policies[0]!.PolicyDocument).toEqual(permissionsPolicy(t));
    });
  });

  it("reports the role to Pump's topic in the stack's region, with every property the callback needs", () => {
    const registration = pumpTemplate(t).Resources.Registration;
    expect(registration.Type).toBe("Custom::PumpRoleRegistration");
    expect(Object.keys(registration.Properties).sort()).toEqual(
      ["AccountId", "ExternalId", "OnboardingToken", "PumpId", "RoleArn", "RoleType", "ServiceToken"].sort(),
    );
    expect(registration.Properties.ServiceToken).toEqual({
      "Fn::Sub": [
        "arn:aws:sns:${AWS::Region}:${TopicAccount}:pump-role-registration",
        { TopicAccount: { "Fn::FindInMap": ["PumpRegistrationTopic", { Ref: "AWS::Region" }, "Account"] } },
      ],
    });
    expect(Object.keys(pumpTemplate(t).Mappings.PumpRegistrationTopic)).toEqual([...QUICK_CREATE_REGIONS]);
    expect(pumpTemplate(t).Outputs.RoleArn.Value).toEqual({ "Fn::GetAtt": ["Role", "Arn"] });
  });

  it.each(QUICK_CREATE_REGIONS)("resolves the ServiceToken in %s to Pump's topic there", (region) => {
    const tpl = pumpTemplate(t);
    expect(resolve(tpl.Resources.Registration.Properties.ServiceToken, region, tpl.Mappings)).toBe(
      `arn:aws:sns:${region}:${PUMP_TOPIC_ACCOUNT}:pump-role-registration`,
    );
  });

  it("fails in a region without a Pump topic (before any resource is created)", () => {
    const tpl = pumpTemplate(t);
    expect(() => resolve(tpl.Resources.Registration.Properties.ServiceToken, "sa-east-1", tpl.Mappings)).toThrow(
      /Unable to get mapping/,
    );
  });
});

describe("the linter", () => {
  // A check that cannot fail proves nothing: the same linter must reject broken variants of our template.
  type Editable = {
    Resources: { Role: { Properties: Record<string, unknown> }; Registration: { Properties: Record<string, unknown> } };
    Outputs: { RoleArn: { Value: unknown } };
  };
  const broken: [string, (tpl: Editable) => void, RegExp][] = [
    ["a misspelt property", (x) => (x.Resources.Role.Properties.AssumeRolePolicyDocumnt = {}), /not a valid property/],
    ["a missing trust policy", (x) => delete x.Resources.Role.Properties.AssumeRolePolicyDocument, /Required property/],
    ["a missing ServiceToken", (x) => delete x.Resources.Registration.Properties.ServiceToken, /ServiceToken/],
    ["a bad attribute", (x) => (x.Outputs.RoleArn.Value = { "Fn::GetAtt": ["Role", "Nope"] }), /No such attribute/],
    ["a dangling Ref", (x) => (x.Resources.Registration.Properties.PumpId = { Ref: "Nope" }), /does not exist/],
    ["a wrong type", (x) => (x.Resources.Role.Properties.MaxSessionDuration = "an hour"), /Expecting an integer/],
  ];
  it.each(broken)("rejects %s", (_, breakIt, message) => {
    const tpl = structuredClone(pumpTemplate("read_only")) as unknown as Editable;
    breakIt(tpl);
    const result = lint(tpl, "read_only");
    expect(result.templateValid).toBe(false);
    expect(result.errors.crit.map((e) => e.message).join("\n")).toMatch(message);
  });

  it("read-only has none of autopilot's purchase actions", () => {
    const ro = policyActions(permissionsPolicy("read_only"));
    expect(ro.filter((a) => /:(Purchase|Modify|Create|Accept|Cancel|Delete)/.test(a))).toEqual([]);
  });
});
