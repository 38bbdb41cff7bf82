import * as organizations from "@aws-sdk/client-organizations";
import * as sts from "@aws-sdk/client-sts";
import { describe, expect, it } from "vitest";
import { awsErrorCatalog } from "./error-catalog";
import { AwsDomainError, mapAwsError } from "./errors";

type ExceptionClass = new (opts: { message: string; $metadata: object }) => Error;

/** Every exported class of an SDK package that extends its ServiceException base: a new one fails the test below. */
function exceptionClasses(pkg: Record<string, unknown>, base: abstract new (...args: never[]) => unknown) {
  return Object.entries(pkg).filter(
    (entry): entry is [string, ExceptionClass] =>
      typeof entry[1] === "function" && entry[1] !== base && base.prototype.isPrototypeOf(entry[1].prototype),
  );
}

const unmodeled = (name: string, status: number, message = "aws message") =>
  new sts.STSServiceException({
    name,
    $fault: status >= 500 ? "server" : "client",
    $metadata: { httpStatusCode: status },
    message,
  });

describe.each([
  ["@aws-sdk/client-sts", exceptionClasses(sts, sts.STSServiceException), 12],
  ["@aws-sdk/client-organizations", exceptionClasses(organizations, organizations.OrganizationsServiceException), 50],
])("every modeled exception of %s maps to a specific code", (_pkg, classes, atLeast) => {
  it("finds the exception classes (the enumeration is not empty)", () => {
    expect(classes.length).toBeGreaterThanOrEqual(atLeast);
  });

  it.each(classes)("%s", (name, Exception) => {
    const error = mapAwsError(new Exception({ message: "from AWS", $metadata: { httpStatusCode: 400 } }));
    expect(Object.hasOwn(awsErrorCatalog, name), `${name} is missing from lib/aws error catalogs`).toBe(true);
    expect(error).toBeInstanceOf(AwsDomainError);
    expect(error.code).not.toBe("unknown");
    expect(error.awsErrorName).toBe(name);
    expect(error.message.trim().length).toBeGreaterThan(20);
  });
});

describe("mapAwsError", () => {
  it("explains AssumeRole's AccessDenied by listing every cause AWS folds into it", () => {
    const roleArn = "arn:aws:iam::444455556666:role/PumpCustomerAccess";
    const error = mapAwsError(unmodeled("AccessDenied", 403, "User: x is not authorized"), {
      operation: "AssumeRole",
      roleArn,
    });
    expect(error).toMatchObject({ code: "access_denied", httpStatus: 403, retryable: false, operation: "AssumeRole" });
    expect(error.message).toContain(roleArn);
    expect(error.message).toMatch(/role does not exist/);
    expect(error.message).toMatch(/typo in the role ARN/);
    expect(error.message).toMatch(/External ID does not match/);
    expect(error.message).toMatch(/trust policy does not name Pump's principal/);
    expect(error.message).toMatch(/denies sts:AssumeRole/);
    expect(error.message).toContain('AWS said: "User: x is not authorized"');
  });

  it("keeps AccessDenied on other operations short", () => {
    const error = mapAwsError(unmodeled("AccessDenied", 403), { operation: "GetCallerIdentity" });
    expect(error.code).toBe("access_denied");
    expect(error.message).not.toMatch(/External ID/);
  });

  it.each([
    ["ExpiredToken", 403, "expired_token"],
    ["InvalidClientTokenId", 403, "invalid_client_token"],
    ["SignatureDoesNotMatch", 403, "invalid_client_token"],
    ["UnrecognizedClientException", 400, "invalid_client_token"],
    ["ValidationError", 400, "invalid_input"],
    ["Throttling", 400, "throttled"],
    ["InternalFailure", 500, "service_error"],
    ["SomethingNewFrom2030", 503, "service_error"],
    ["SomethingNewFrom2030", 429, "throttled"],
    ["SomethingNewFrom2030", 400, "unknown"],
  ])("maps unmodeled %s (HTTP %i) to %s", (name, status, code) => {
    const error = mapAwsError(unmodeled(name, status));
    expect(error.code).toBe(code);
    expect(error.httpStatus).toBe(status);
    if (code === "unknown") expect(error.message).toContain(name);
  });

  it.each([
    ["ECONNREFUSED", Object.assign(new Error("connect ECONNREFUSED 52.94.0.1:443"), { code: "ECONNREFUSED" })],
    ["ETIMEDOUT", Object.assign(new Error("connect ETIMEDOUT"), { code: "ETIMEDOUT" })],
    ["ECONNRESET", Object.assign(new Error("socket hang up"), { code: "ECONNRESET" })],
    [
      "TimeoutError",
      Object.assign(new Error("request timed out"), { name: "TimeoutError", $metadata: { attempts: 3 } }),
    ],
    ["AggregateError", Object.assign(new AggregateError([], "all addresses failed"), { code: "ECONNREFUSED" })],
  ])("maps a network failure (%s) to a retryable network error", (_case, cause) => {
    const error = mapAwsError(cause, { operation: "AssumeRole" });
    expect(error).toMatchObject({ code: "network", retryable: true });
    expect(error.message).toMatch(/check the current state/);
    expect(error.cause).toBe(cause);
  });

  it("carries Organizations' Reason and explains known reasons", () => {
    const error = mapAwsError(
      new organizations.HandshakeConstraintViolationException({
        message: "already in an org",
        Message: "already in an org",
        Reason: "ALREADY_IN_AN_ORGANIZATION",
        $metadata: { httpStatusCode: 400 },
      }),
      { operation: "InviteAccountToOrganization" },
    );
    expect(error).toMatchObject({ code: "handshake_constraint_violation", reason: "ALREADY_IN_AN_ORGANIZATION" });
    expect(error.message).toContain("ALREADY_IN_AN_ORGANIZATION");
    expect(error.message).toMatch(/already a member of an organization/);
  });

  it.each([
    ["ACCOUNT_NUMBER_LIMIT_EXCEEDED", /account quota/],
    ["HANDSHAKE_RATE_LIMIT_EXCEEDED", /in one day/],
    ["A_REASON_AWS_ADDS_LATER", /A_REASON_AWS_ADDS_LATER/],
  ])("keeps ConstraintViolation reason %s", (reason, meaning) => {
    const error = mapAwsError(
      new organizations.ConstraintViolationException({ message: "m", Reason: reason as never, $metadata: {} }),
    );
    expect(error).toMatchObject({ code: "constraint_violation", reason, retryable: false });
    expect(error.message).toMatch(meaning);
  });

  it("marks throttling and concurrent modification as retryable, denials as not", () => {
    const meta = { message: "m", $metadata: {} };
    expect(mapAwsError(new organizations.TooManyRequestsException(meta)).retryable).toBe(true);
    expect(mapAwsError(new organizations.ConcurrentModificationException(meta)).retryable).toBe(true);
    expect(mapAwsError(new organizations.AccessDeniedException(meta)).retryable).toBe(false);
  });

  it("never repeats an External ID that AWS echoed in a validation message", () => {
    const echoed =
      "2 validation errors detected: Value 'bad name' at 'roleSessionName' failed to satisfy constraint: x; " +
      "Value 'customer ext id' at 'externalId' failed to satisfy constraint: y";
    const error = mapAwsError(unmodeled("ValidationError", 400, echoed), { operation: "AssumeRole" });
    expect(error.code).toBe("invalid_input");
    expect(error.message).not.toContain("customer ext id");
    expect(error.message).toContain("Value '[redacted]' at 'externalId'");
    expect(error.message).toContain("Value 'bad name' at 'roleSessionName'");
    expect(error.cause).toBeUndefined();
  });

  it("returns an AwsDomainError unchanged and wraps non-errors", () => {
    const original = mapAwsError(unmodeled("Throttling", 400));
    expect(mapAwsError(original)).toBe(original);
    expect(mapAwsError("boom")).toMatchObject({ code: "unknown", awsErrorName: "NonError" });
  });
});
