import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

const production = {
  NODE_ENV: "production",
  NEXTAUTH_URL: "https://console.pump.test",
  NEXTAUTH_SECRET: "x".repeat(40),
  OIDC_ISSUER: "https://login.pump.test",
  OIDC_CLIENT_ID: "console",
  OIDC_CLIENT_SECRET: "s3cret",
  CALLBACK_TOPIC_ARNS: "arn:aws:sns:us-east-1:999988887777:pump-role-registration",
};

function failure(source: Record<string, string>) {
  try {
    parseEnv(source);
  } catch (e) {
    if (e instanceof EnvError) return e;
    throw e;
  }
  throw new Error("expected parseEnv to fail");
}

describe("parseEnv", () => {
  it("runs with no configuration at all: PGlite, sandbox AWS, local sign-in", () => {
    const env = parseEnv({});
    expect(env.database).toEqual({ driver: "pglite", dir: ".data/pglite" });
    expect(env.aws.mode).toBe("sandbox");
    expect(env.localSignIn).toBe(true);
    expect(env.appUrl.origin).toBe("http://localhost:3000");
  });

  it("switches to node-postgres for postgres:// and to a PGlite folder for file:", () => {
    expect(parseEnv({ DATABASE_URL: "postgres://u@db:5432/pump" }).database).toEqual({
      driver: "pg",
      url: "postgres://u@db:5432/pump",
    });
    expect(parseEnv({ DATABASE_URL: "file:.data/e2e" }).database).toEqual({ driver: "pglite", dir: ".data/e2e" });
  });

  it("uses the SDK gateway when AWS credentials are configured, unless told otherwise", () => {
    expect(parseEnv({ AWS_PROFILE: "pump" }).aws.mode).toBe("sdk");
    expect(parseEnv({ AWS_PROFILE: "pump", AWS_MODE: "sandbox" }).aws.mode).toBe("sandbox");
  });

  it.each([
    ["DATABASE_URL", { DATABASE_URL: "mysql://x" }],
    ["NEXTAUTH_URL", { NEXTAUTH_URL: "not a url" }],
    ["AWS_MODE", { AWS_MODE: "real" }],
    ["AWS_REGION", { AWS_REGION: "Mars" }],
    ["NODE_ENV", { NODE_ENV: "staging" }],
    ["NEXTAUTH_SECRET", { NEXTAUTH_SECRET: "short" }],
    ["NEXT_SERVER_ACTIONS_ENCRYPTION_KEY", { NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "dG9vIHNob3J0" }],
    ["TEST_DATABASE_URL", { TEST_DATABASE_URL: "file:x" }],
    ["CALLBACK_TOPIC_ARNS", { CALLBACK_TOPIC_ARNS: "arn:aws:sqs:us-east-1:1:q" }],
    ["SNS_MIN_SIGNATURE_VERSION", { SNS_MIN_SIGNATURE_VERSION: "3" }],
    ["ONBOARDING_LINK_TTL_DAYS", { ONBOARDING_LINK_TTL_DAYS: "90" }],
    ["TEMPLATE_BASE_URL", { TEMPLATE_BASE_URL: "http://templates.example" }],
  ])("names %s when its value is bad", (name, source) => {
    const error = failure(source);
    expect(error.variables).toContain(name);
    expect(error.message).toContain(name);
  });

  it("accepts a complete production configuration and turns local sign-in off", () => {
    const env = parseEnv(production);
    expect(env.localSignIn).toBe(false);
    expect(env.oidc?.clientId).toBe("console");
  });

  it.each(["NEXTAUTH_SECRET", "OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "CALLBACK_TOPIC_ARNS"])(
    "requires %s in production",
    (name) => {
      const source: Record<string, string> = { ...production };
      delete source[name];
      expect(failure(source).variables).toContain(name);
    },
  );

  it("refuses plain http and the development secret in production", () => {
    expect(failure({ ...production, NEXTAUTH_URL: "http://console.pump.test" }).variables).toContain("NEXTAUTH_URL");
    expect(
      failure({ ...production, NEXTAUTH_SECRET: "pump-console-dev-secret-not-for-production-use-000" }).variables,
    ).toContain("NEXTAUTH_SECRET");
  });

  it("offers no way to enable local sign-in in production", () => {
    expect(parseEnv({ ...production, LOCAL_SIGN_IN: "true", AUTH_LOCAL: "1" }).localSignIn).toBe(false);
  });
});
