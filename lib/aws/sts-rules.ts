/**
 * STS AssumeRole parameter rules, the one-hour cap on chained sessions included, from the API reference
 * (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html), shared by the sandbox (which enforces them
 * like AWS) and by code that builds parameters (role-chain.ts) so it never produces a value AWS would refuse.
 */

export const roleSessionNamePattern = /^[\w+=,.@-]*$/;
export const roleSessionNameLength = { min: 2, max: 64 } as const;
export const externalIdPattern = /^[\w+=,.@:/-]*$/;
export const externalIdLength = { min: 2, max: 1224 } as const;
export const roleArnLength = { min: 20, max: 2048 } as const;
export const durationSeconds = { min: 900, max: 43200, default: 3600, chainedMax: 3600 } as const;

// AWS's own wording, so sandbox messages read like the real ones.
export const chainedDurationMessage =
  "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.";
export const maxSessionDurationMessage =
  "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.";

type AssumeRoleInput = { roleArn: string; sessionName: string; externalId?: string; durationSeconds?: number };

/**
 * The model-level checks AWS runs before looking at the role, worded like AWS's ValidationError
 * ("Value 'x' at 'roleSessionName' failed to satisfy constraint: …"). The External ID's value is never echoed:
 * it must not reach logs or screens.
 */
export function assumeRoleValidationErrors(p: AssumeRoleInput): string[] {
  const errors: string[] = [];
  const fail = (field: string, value: string, constraint: string) =>
    errors.push(`Value '${value}' at '${field}' failed to satisfy constraint: Member must ${constraint}`);
  const checkString = (
    field: string,
    value: string,
    shown: string,
    length: { min: number; max: number },
    pattern?: RegExp,
  ) => {
    if (value.length < length.min) fail(field, shown, `have length greater than or equal to ${length.min}`);
    else if (value.length > length.max) fail(field, shown, `have length less than or equal to ${length.max}`);
    if (pattern && !pattern.test(value))
      fail(field, shown, `satisfy regular expression pattern: ${pattern.source.slice(1, -1)}`);
  };

  checkString("roleArn", p.roleArn, p.roleArn.slice(0, 100), roleArnLength);
  checkString("roleSessionName", p.sessionName, p.sessionName, roleSessionNameLength, roleSessionNamePattern);
  if (p.externalId !== undefined) {
    checkString("externalId", p.externalId, "[redacted]", externalIdLength, externalIdPattern);
  }
  const d = p.durationSeconds;
  if (d !== undefined) {
    if (!Number.isInteger(d)) fail("durationSeconds", String(d), "be an integer");
    else if (d < durationSeconds.min)
      fail("durationSeconds", String(d), `have value greater than or equal to ${durationSeconds.min}`);
    else if (d > durationSeconds.max)
      fail("durationSeconds", String(d), `have value less than or equal to ${durationSeconds.max}`);
  }
  return errors;
}

/** AWS's summary line: "1 validation error detected: …" / "2 validation errors detected: …; …". */
export function validationErrorMessage(errors: string[]) {
  return `${errors.length} validation error${errors.length === 1 ? "" : "s"} detected: ${errors.join("; ")}`;
}
