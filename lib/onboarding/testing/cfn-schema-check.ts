import type { PropertyType, Resource, ResourceProperties, SpecDatabase } from "@aws-cdk/service-spec-types";

/*
 * A CloudFormation template against the CloudFormation registry's resource schemas, as @aws-cdk/aws-service-spec
 * loads them (`loadAwsServiceSpecSync()`): every resource type exists; every property (nested property types too)
 * exists on its type; every required property is there; every literal fits its property's type (string, number,
 * boolean, list, object); every Ref and GetAtt names something that exists (attributes from the schema). A custom
 * resource (`Custom::Name`) is checked as AWS::CloudFormation::CustomResource: ServiceToken required, an SNS topic or
 * Lambda function ARN, and any further properties allowed, since CloudFormation hands them to the provider.
 * https://docs.aws.amazon.com/cloudformation-cli/latest/userguide/resource-type-schema.html
 */

type Json = unknown;
type Template = {
  Parameters?: Record<string, unknown>;
  Mappings?: Record<string, unknown>;
  Resources?: Record<string, { Type?: unknown; Properties?: Json }>;
  Outputs?: Record<string, { Value?: Json }>;
};

// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/pseudo-parameter-reference.html
const PSEUDO_PARAMETERS = new Set([
  "AWS::AccountId",
  "AWS::NotificationARNs",
  "AWS::NoValue",
  "AWS::Partition",
  "AWS::Region",
  "AWS::StackId",
  "AWS::StackName",
  "AWS::URLSuffix",
]);
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cloudformation-customresource.html
const CUSTOM_TYPE = /^Custom::[A-Za-z0-9_@-]{1,60}$/;
const SERVICE_TOKEN_ARN = /^arn:(aws[a-z-]*|\$\{AWS::Partition\}):(sns|lambda):/;

const isObject = (v: Json): v is Record<string, Json> => typeof v === "object" && v !== null && !Array.isArray(v);
const isIntrinsic = (v: Json): v is Record<string, Json> =>
  isObject(v) && Object.keys(v).length === 1 && /^(Ref|Condition|Fn::\w+)$/.test(Object.keys(v)[0]!);

const findResource = (db: SpecDatabase, type: string): Resource | undefined =>
  db.lookup("resource", "cloudFormationType", "equals", type)[0];

/** What kind of literal a schema type takes, to pick the union members a value could be meant for. */
function shapeOfType(type: PropertyType): string {
  if (type.type === "integer" || type.type === "number") return "number";
  if (type.type === "date-time") return "string";
  if (type.type === "array") return "list";
  if (type.type === "ref" || type.type === "map" || type.type === "json" || type.type === "tag") return "object";
  return type.type;
}
const shapeOfValue = (v: Json) => (Array.isArray(v) ? "list" : v === null ? "null" : typeof v);

function describeType(db: SpecDatabase, type: PropertyType): string {
  if (type.type === "union") return type.types.map((t) => describeType(db, t)).join(" | ");
  if (type.type === "array") return `list of ${describeType(db, type.element)}`;
  if (type.type === "map") return `map of ${describeType(db, type.element)}`;
  if (type.type === "ref") return db.get("typeDefinition", type.reference).name;
  return type.type;
}

class Checker {
  readonly problems: string[] = [];
  /** Every property path the check looked at, nested ones included. */
  readonly checked: string[] = [];
  constructor(
    private readonly template: Template,
    private readonly db: SpecDatabase,
  ) {}

  run() {
    for (const [name, resource] of Object.entries(this.template.Resources ?? {})) this.resource(name, resource);
    for (const [name, output] of Object.entries(this.template.Outputs ?? {})) {
      this.value(output.Value, undefined, `Outputs.${name}.Value`);
    }
    return this;
  }

  private resource(name: string, resource: { Type?: unknown; Properties?: Json }) {
    const at = `Resources.${name}`;
    const type = String(resource.Type);
    const properties = resource.Properties ?? {};
    if (type.startsWith("Custom::") || type === "AWS::CloudFormation::CustomResource") {
      if (type !== "AWS::CloudFormation::CustomResource" && !CUSTOM_TYPE.test(type)) {
        this.problems.push(`${at}.Type: ${type} is not a valid custom resource type name`);
      }
      // The schema's properties (ServiceToken, required), and any others: CloudFormation hands them to the provider.
      const spec = findResource(this.db, "AWS::CloudFormation::CustomResource")!;
      this.properties(properties, spec.properties, `${at}.Properties`, type, { allowOthers: true });
      this.serviceToken(isObject(properties) ? properties.ServiceToken : undefined, `${at}.Properties.ServiceToken`);
      return;
    }
    const spec = findResource(this.db, type);
    if (!spec) {
      this.problems.push(`${at}.Type: ${type} is not a CloudFormation resource type`);
      return;
    }
    this.properties(properties, spec.properties, `${at}.Properties`, type);
  }

  private properties(
    value: Json,
    spec: ResourceProperties,
    at: string,
    typeName: string,
    { allowOthers = false } = {},
  ) {
    if (!isObject(value) || isIntrinsic(value)) {
      if (isIntrinsic(value)) this.intrinsic(value, at);
      else this.problems.push(`${at}: expected the properties of ${typeName}, got ${shapeOfValue(value)}`);
      return;
    }
    for (const [key, v] of Object.entries(value)) {
      const property = spec[key];
      if (property) {
        this.checked.push(`${at}.${key}`);
        this.value(v, property.type, `${at}.${key}`);
      } else if (allowOthers) {
        this.checked.push(`${at}.${key}`);
        this.value(v, undefined, `${at}.${key}`);
      } else {
        this.problems.push(`${at}.${key}: ${typeName} has no property ${key}`);
      }
    }
    for (const [key, property] of Object.entries(spec)) {
      if (property.required && !(key in value)) this.problems.push(`${at}: required property ${key} is missing`);
    }
  }

  /** A value against its schema type (none: anything goes, but its Refs and GetAtts must still resolve). */
  private value(value: Json, type: PropertyType | undefined, at: string) {
    if (isIntrinsic(value)) return this.intrinsic(value, at);
    if (!type) {
      if (Array.isArray(value)) value.forEach((v, i) => this.value(v, undefined, `${at}[${i}]`));
      else if (isObject(value)) for (const [k, v] of Object.entries(value)) this.value(v, undefined, `${at}.${k}`);
      return;
    }
    const candidates = (type.type === "union" ? type.types : [type]).filter(
      (t) => shapeOfType(t) === shapeOfValue(value),
    );
    if (candidates.length === 0) {
      this.problems.push(`${at}: expected ${describeType(this.db, type)}, got ${shapeOfValue(value)}`);
      return;
    }
    // A union fits when one member fits; report the first member's problems when none does.
    const attempts = candidates.map((t) => {
      const inner = new Checker(this.template, this.db);
      inner.literal(value, t, at);
      return inner;
    });
    const fit = attempts.find((a) => a.problems.length === 0) ?? attempts[0]!;
    this.problems.push(...fit.problems);
    this.checked.push(...fit.checked);
  }

  private literal(value: Json, type: PropertyType, at: string) {
    switch (type.type) {
      case "integer":
        if (!Number.isInteger(value)) this.problems.push(`${at}: expected an integer, got ${String(value)}`);
        else if (type.allowedValues && !type.allowedValues.includes(value as number)) {
          this.problems.push(`${at}: ${String(value)} is not one of ${type.allowedValues.join(", ")}`);
        }
        return;
      case "string":
        if (type.allowedValues && !type.allowedValues.includes(value as string)) {
          this.problems.push(`${at}: ${String(value)} is not one of ${type.allowedValues.join(", ")}`);
        }
        return;
      case "array":
        return (value as Json[]).forEach((v, i) => this.value(v, type.element, `${at}[${i}]`));
      case "map":
        return Object.entries(value as object).forEach(([k, v]) => this.value(v, type.element, `${at}.${k}`));
      case "ref": {
        const definition = this.db.get("typeDefinition", type.reference);
        return this.properties(value, definition.properties, at, definition.name);
      }
      case "json":
        return this.value(value, undefined, at);
      case "tag":
        return this.properties(
          value,
          { Key: { type: { type: "string" }, required: true }, Value: { type: { type: "string" }, required: true } },
          at,
          "Tag",
        );
      default:
        return;
    }
  }

  private intrinsic(call: Record<string, Json>, at: string) {
    const [fn, arg] = Object.entries(call)[0]!;
    if (fn === "Ref") return this.ref(String(arg), at);
    if (fn === "Fn::GetAtt") {
      const [resource, attribute] = typeof arg === "string" ? arg.split(/\.(.*)/) : (arg as string[]);
      return this.getAtt(String(resource), String(attribute), at);
    }
    if (fn === "Fn::Sub") {
      const [text, vars = {}] = typeof arg === "string" ? [arg, {}] : (arg as [string, Record<string, Json>]);
      for (const [, name] of text.matchAll(/\$\{(?!!)([^}]+)\}/g)) {
        if (name! in vars) continue;
        if (name!.includes(".")) this.getAtt(name!.slice(0, name!.indexOf(".")), name!.split(/\.(.*)/)[1]!, at);
        else this.ref(name!, at);
      }
      for (const [k, v] of Object.entries(vars)) this.value(v, undefined, `${at}.${k}`);
      return;
    }
    if (fn === "Fn::FindInMap" && Array.isArray(arg) && typeof arg[0] === "string") {
      if (!this.template.Mappings?.[arg[0]]) this.problems.push(`${at}: FindInMap names no mapping ${arg[0]}`);
    }
    this.value(arg, undefined, at);
  }

  private ref(name: string, at: string) {
    const known = PSEUDO_PARAMETERS.has(name) || name in (this.template.Parameters ?? {});
    if (!known && !(name in (this.template.Resources ?? {}))) this.problems.push(`${at}: Ref to unknown ${name}`);
  }

  private getAtt(resource: string, attribute: string, at: string) {
    const target = this.template.Resources?.[resource];
    if (!target) return void this.problems.push(`${at}: GetAtt of unknown resource ${resource}`);
    const spec = findResource(this.db, String(target.Type));
    // A custom resource's attributes are whatever its provider returns; a registry type lists its own.
    if (spec && !String(target.Type).startsWith("Custom::") && !(attribute in spec.attributes)) {
      this.problems.push(`${at}: ${String(target.Type)} has no attribute ${attribute}`);
    }
  }

  private serviceToken(token: Json, at: string) {
    const fn = isObject(token) ? token["Fn::Sub"] : undefined;
    const text = typeof token === "string" ? token : typeof fn === "string" ? fn : Array.isArray(fn) ? fn[0] : null;
    if (text === null) return; // another intrinsic: only CloudFormation knows its value
    if (!SERVICE_TOKEN_ARN.test(String(text))) {
      this.problems.push(`${at}: ${String(text)} is not an SNS topic or Lambda function ARN`);
    }
  }
}

/** The template's problems against the schemas (none: it fits), and every property path the check looked at. */
export function checkTemplate(template: unknown, db: SpecDatabase): { problems: string[]; checked: string[] } {
  const { problems, checked } = new Checker(template as Template, db).run();
  return { problems, checked };
}
