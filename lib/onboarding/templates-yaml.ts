import { Document, parse, Scalar, YAMLMap, YAMLSeq, type CollectionTag, type ScalarTag } from "yaml";

/**
 * CloudFormation YAML by the `yaml` package: templates are written and read with the short-form intrinsic tags
 * (`!Ref PumpId`, `!GetAtt Role.Arn`, `!Sub [...]`) that AWS's documentation and console show, while the objects in
 * code keep the long form (`{ Ref: "PumpId" }`, `{ "Fn::GetAtt": ["Role", "Arn"] }`) that CloudFormation, cfn-lint
 * and the schema check read. One table of tags serves both directions, so what is written is what is read back.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html
 * Pure.
 */

// Every intrinsic function with a documented short form; `Ref` and `Condition` are the two without `Fn::`.
const FUNCTIONS = [
  "Ref",
  "Condition",
  "Base64",
  "Cidr",
  "FindInMap",
  "GetAtt",
  "GetAZs",
  "ImportValue",
  "Join",
  "Select",
  "Split",
  "Sub",
  "Transform",
  "And",
  "Equals",
  "If",
  "Not",
  "Or",
] as const;

const longName = (fn: string) => (fn === "Ref" || fn === "Condition" ? fn : `Fn::${fn}`);

const isCall = (key: string) => (value: unknown) =>
  typeof value === "object" &&
  value !== null &&
  !Array.isArray(value) &&
  Object.keys(value).length === 1 &&
  Object.hasOwn(value, key);

// `!GetAtt Role.Arn` is the list form's two items joined at the first dot (attribute names may hold dots).
const splitGetAtt = (text: string) => {
  const dot = text.indexOf(".");
  return dot < 0 ? [text] : [text.slice(0, dot), text.slice(dot + 1)];
};

/**
 * The tags, three per function: the scalar, sequence and mapping forms a reader may meet. The scalar one also
 * writes: it recognises a one-key `{ "Fn::X": argument }` object and emits the argument under `!X`, in whatever
 * node (scalar, sequence, mapping) the argument needs.
 */
const TAGS = FUNCTIONS.flatMap((fn): (ScalarTag | CollectionTag)[] => {
  const key = longName(fn);
  const tag = `!${fn}`;
  const scalar: ScalarTag = {
    tag,
    identify: isCall(key),
    createNode: (schema, value, ctx) => {
      const arg = (value as Record<string, unknown>)[key];
      if (fn === "GetAtt" && Array.isArray(arg) && arg.every((a) => typeof a === "string")) {
        return new Scalar(arg.join("."));
      }
      if (Array.isArray(arg)) return YAMLSeq.from(schema, arg, ctx);
      if (typeof arg === "object" && arg !== null) return YAMLMap.from(schema, arg, ctx);
      return new Scalar(arg);
    },
    resolve: (text) => ({ [key]: fn === "GetAtt" ? splitGetAtt(text) : text }),
  };
  const collection = (kind: "seq" | "map"): CollectionTag => ({
    tag,
    collection: kind,
    resolve: (node) => ({ [key]: node.toJSON() }),
  });
  return [scalar, collection("seq"), collection("map")];
});

/**
 * The template as YAML text. YAML 1.1 because CloudFormation reads YAML 1.1: strings 1.1 would take for something
 * else (`2010-09-09`, `yes`, `0755`) get quoted. No anchors or aliases, which CloudFormation does not support; no
 * folding of long lines, so each value stays on its line.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-formats.html
 */
export function stringifyTemplate(template: object, header: string[]): string {
  const doc = new Document(template, { version: "1.1", customTags: TAGS, aliasDuplicateObjects: false });
  doc.commentBefore = header.map((line) => ` ${line}`).join("\n");
  return doc.toString({ lineWidth: 0 });
}

/** A CloudFormation YAML template as the object CloudFormation reads (long-form intrinsic functions). */
export function parseTemplate(text: string): unknown {
  return parse(text, { version: "1.1", customTags: TAGS });
}
