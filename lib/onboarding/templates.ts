import {
  MAX_SESSION_SECONDS,
  POLICY_NAMES,
  ROLE_NAMES,
  permissionsPolicy,
  trustPolicyDocument,
  type RoleType,
} from "./policies";
import { QUICK_CREATE_REGIONS } from "./quick-create";
import { stringifyTemplate } from "./templates-yaml";

/**
 * The CloudFormation templates customers deploy, as objects rendered from policies.ts. The committed files in
 * public/templates/ are this module's output: templates.test.ts fails when they differ, and regenerates them with
 * `npx vitest run --config .ci/vitest.config.ts --project unit lib/onboarding/templates -u`. Pure.
 */

/**
 * The account that owns Pump's `pump-role-registration` SNS topics, one per region in QUICK_CREATE_REGIONS.
 * Today the sandbox's console account (the callback topics lib/env.ts accepts by default); production's account
 * is set here, in a reviewed change, because it is printed in a public template.
 */
export const PUMP_TOPIC_ACCOUNT = "111122223333";
export const PUMP_TOPIC_NAME = "pump-role-registration";

export const TEMPLATE_FILES = {
  read_only: "pump-read-only.yaml",
  autopilot: "pump-autopilot.yaml",
} as const satisfies Record<RoleType, string>;

// Parameter constraints, in CloudFormation's (Java) regex dialect; CloudFormation anchors the whole value.
export const TEMPLATE_PARAMETER_PATTERNS = {
  ExternalId: "[\\w+=,.@:/-]*",
  PumpId: "PUMP-[0-9]{4,}",
  PumpPrincipalArn: "arn:aws:iam::[0-9]{12}:role/([\\w+=,.@-]+/)*[\\w+=,.@-]{1,64}",
  OnboardingToken: "[\\w-]*",
} as const;

const ref = (name: string) => ({ Ref: name });
const getAtt = (resource: string, attribute: string) => ({ "Fn::GetAtt": [resource, attribute] });

const LABELS = { read_only: "read-only", autopilot: "autopilot" } as const;
const DESCRIPTIONS = {
  read_only: "lets Pump read this account's cost, billing and reservation data",
  autopilot:
    "lets Pump read this account's cost, billing and reservation data and buy or modify Reserved Instances and Savings Plans",
} as const;

function parameters(roleType: RoleType) {
  return {
    ExternalId: {
      Type: "String",
      Description: "Pump's External ID for this account. Pump must present it to assume the role.",
      AllowedPattern: TEMPLATE_PARAMETER_PATTERNS.ExternalId,
      MinLength: 2,
      MaxLength: 1224,
      ConstraintDescription: "2-1224 characters from A-Z a-z 0-9 _ + = , . @ : / -",
    },
    PumpId: {
      Type: "String",
      Description: "Your Pump ID.",
      AllowedPattern: TEMPLATE_PARAMETER_PATTERNS.PumpId,
      MaxLength: 32,
      ConstraintDescription: "PUMP- followed by at least four digits",
    },
    RoleType: {
      Type: "String",
      Description: "The kind of role this template creates.",
      AllowedValues: [roleType],
      Default: roleType,
    },
    PumpPrincipalArn: {
      Type: "String",
      Description: "The Pump role allowed to assume this role.",
      AllowedPattern: TEMPLATE_PARAMETER_PATTERNS.PumpPrincipalArn,
      MaxLength: 2048,
      ConstraintDescription: "an IAM role ARN",
    },
    OnboardingToken: {
      Type: "String",
      Description: "Single-use token of your onboarding link; it ties this stack to the link Pump issued.",
      AllowedPattern: TEMPLATE_PARAMETER_PATTERNS.OnboardingToken,
      MinLength: 16,
      MaxLength: 128,
      ConstraintDescription: "16-128 characters from A-Z a-z 0-9 _ -",
    },
  };
}

/** The template for one role type, as the object CloudFormation reads (long-form intrinsic functions). */
export function pumpTemplate(roleType: RoleType) {
  return {
    AWSTemplateFormatVersion: "2010-09-09",
    Description: `Pump ${LABELS[roleType]} role: ${DESCRIPTIONS[roleType]}. It creates the IAM role ${ROLE_NAMES[roleType]}, which only Pump's role can assume and only with your External ID, and reports the role's ARN to Pump.`,
    Metadata: {
      "AWS::CloudFormation::Interface": {
        ParameterGroups: [
          {
            Label: { default: "Filled in by your Pump onboarding link: keep these values" },
            Parameters: Object.keys(parameters(roleType)),
          },
        ],
      },
    },
    Parameters: parameters(roleType),
    // The SNS topic that receives the registration must be in the stack's region. A region without a Pump topic
    // has no entry, so the stack fails before it creates anything rather than leave a role Pump never hears of.
    Mappings: {
      PumpRegistrationTopic: Object.fromEntries(QUICK_CREATE_REGIONS.map((r) => [r, { Account: PUMP_TOPIC_ACCOUNT }])),
    },
    Resources: {
      Role: {
        Type: "AWS::IAM::Role",
        Properties: {
          RoleName: ROLE_NAMES[roleType],
          Description: `Pump ${LABELS[roleType]} access (${DESCRIPTIONS[roleType]}).`,
          MaxSessionDuration: MAX_SESSION_SECONDS,
          AssumeRolePolicyDocument: trustPolicyDocument({
            pumpPrincipalArn: ref("PumpPrincipalArn"),
            externalId: ref("ExternalId"),
          }),
          Policies: [{ PolicyName: POLICY_NAMES[roleType], PolicyDocument: permissionsPolicy(roleType) }],
        },
      },
      // Reports the new role to Pump (CloudFormation publishes the request to the topic; Pump answers it).
      // Every value arrives as a string; Pump checks each against the link it issued before trusting it.
      Registration: {
        Type: "Custom::PumpRoleRegistration",
        Properties: {
          ServiceToken: {
            "Fn::Sub": [
              `arn:aws:sns:\${AWS::Region}:\${TopicAccount}:${PUMP_TOPIC_NAME}`,
              { TopicAccount: { "Fn::FindInMap": ["PumpRegistrationTopic", ref("AWS::Region"), "Account"] } },
            ],
          },
          PumpId: ref("PumpId"),
          RoleArn: getAtt("Role", "Arn"),
          ExternalId: ref("ExternalId"),
          AccountId: ref("AWS::AccountId"),
          RoleType: ref("RoleType"),
          OnboardingToken: ref("OnboardingToken"),
        },
      },
    },
    Outputs: {
      RoleArn: { Description: "The ARN of the role Pump assumes.", Value: getAtt("Role", "Arn") },
    },
  };
}
export type PumpTemplate = ReturnType<typeof pumpTemplate>;

/** The template as committed in public/templates/ (YAML, short-form intrinsic functions). */
export function renderTemplateYaml(roleType: RoleType): string {
  return stringifyTemplate(pumpTemplate(roleType), [
    `Pump ${LABELS[roleType]} role for AWS CloudFormation.`,
    "Generated by the Pump Console from its policy source; do not edit by hand.",
  ]);
}
