import { readFileSync } from "node:fs";
import path from "node:path";
import { loadAwsServiceSpecSync } from "@aws-cdk/aws-service-spec";
import type { SpecDatabase } from "@aws-cdk/service-spec-types";
import { beforeAll, describe, expect, it } from "vitest";
import { ROLE_TYPES } from "./policies";
import { TEMPLATE_FILES, pumpTemplate } from "./templates";
import { parseTemplate } from "./templates-yaml";
import { checkTemplate } from "./testing/cfn-schema-check";

/*
 * The committed templates against CloudFormation's current resource schemas: the CloudFormation registry schemas
 * as @aws-cdk/aws-service-spec ships them (its db.json.gz, rebuilt from the registry every week by the CDK team),
 * not cfn-lint's 2019 specification. What is checked: testing/cfn-schema-check.ts.
 */

let db: SpecDatabase;
beforeAll(() => {
  db = loadAwsServiceSpecSync();
});

const committed = (t: (typeof ROLE_TYPES)[number]) =>
  parseTemplate(readFileSync(path.resolve(import.meta.dirname, "../../public/templates", TEMPLATE_FILES[t]), "utf8"));

describe.each(ROLE_TYPES)("the committed %s template, against CloudFormation's current resource schemas", (t) => {
  it("has only existing resource types and properties, every required one, each literal of its type", () => {
    const result = checkTemplate(committed(t), db);
    expect(result.problems).toEqual([]);
    // The check reaches into nested property types (Policies → Policy) and custom resource properties.
    expect(result.checked).toEqual(
      expect.arrayContaining([
        "Resources.Role.Properties.AssumeRolePolicyDocument",
        "Resources.Role.Properties.MaxSessionDuration",
        "Resources.Role.Properties.Policies[0].PolicyName",
        "Resources.Role.Properties.Policies[0].PolicyDocument",
        "Resources.Registration.Properties.ServiceToken",
        "Resources.Registration.Properties.OnboardingToken",
      ]),
    );
  });
});

describe("the schema check", () => {
  // A check that cannot fail proves nothing: it must reject broken variants of our template, naming the fault.
  type Editable = {
    Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
    Outputs: { RoleArn: { Value: unknown } };
  };
  const role = (x: Editable) => x.Resources.Role!.Properties;
  const registration = (x: Editable) => x.Resources.Registration!.Properties;
  const broken: [string, (x: Editable) => void, string][] = [
    [
      "a misspelt property",
      (x) => (role(x).AssumeRolePolicyDocumnt = {}),
      "Resources.Role.Properties.AssumeRolePolicyDocumnt: AWS::IAM::Role has no property AssumeRolePolicyDocumnt",
    ],
    [
      "a misspelt nested property",
      (x) => ((role(x).Policies as Record<string, unknown>[])[0]!.PolicyNmae = "x"),
      "Resources.Role.Properties.Policies[0].PolicyNmae: Policy has no property PolicyNmae",
    ],
    [
      "a missing required property",
      (x) => delete role(x).AssumeRolePolicyDocument,
      "Resources.Role.Properties: required property AssumeRolePolicyDocument is missing",
    ],
    [
      "a missing nested required property",
      (x) => delete (role(x).Policies as Record<string, unknown>[])[0]!.PolicyName,
      "Resources.Role.Properties.Policies[0]: required property PolicyName is missing",
    ],
    [
      "a string for an integer",
      (x) => (role(x).MaxSessionDuration = "an hour"),
      "Resources.Role.Properties.MaxSessionDuration: expected integer, got string",
    ],
    [
      "an object for a list",
      (x) => (role(x).Policies = { PolicyName: "x" }),
      "Resources.Role.Properties.Policies: expected list of Policy, got object",
    ],
    [
      "a list for a string",
      (x) => (role(x).RoleName = ["PumpReadOnlyRole"]),
      "Resources.Role.Properties.RoleName: expected string, got list",
    ],
    [
      "an unknown resource type",
      (x) => (x.Resources.Role!.Type = "AWS::IAM::Rol"),
      "Resources.Role.Type: AWS::IAM::Rol is not a CloudFormation resource type",
    ],
    [
      "a custom resource without a ServiceToken",
      (x) => delete registration(x).ServiceToken,
      "Resources.Registration.Properties: required property ServiceToken is missing",
    ],
    [
      "a custom resource whose ServiceToken is no ARN",
      (x) => (registration(x).ServiceToken = "pump-role-registration"),
      "Resources.Registration.Properties.ServiceToken: pump-role-registration is not an SNS topic or Lambda function ARN",
    ],
    [
      "a bad custom resource type name",
      (x) => (x.Resources.Registration!.Type = "Custom::Pump Role"),
      "Resources.Registration.Type: Custom::Pump Role is not a valid custom resource type name",
    ],
    [
      "an attribute the type does not have",
      (x) => (x.Outputs.RoleArn.Value = { "Fn::GetAtt": ["Role", "Nope"] }),
      "Outputs.RoleArn.Value: AWS::IAM::Role has no attribute Nope",
    ],
    [
      "a dangling Ref",
      (x) => (registration(x).PumpId = { Ref: "Nope" }),
      "Resources.Registration.Properties.PumpId: Ref to unknown Nope",
    ],
  ];
  it.each(broken)("rejects %s", (_, breakIt, problem) => {
    const template = structuredClone(pumpTemplate("read_only")) as unknown as Editable;
    breakIt(template);
    expect(checkTemplate(template, db).problems).toEqual([problem]);
  });
});
