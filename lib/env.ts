import { z } from "zod";
import { ONBOARDING_REGIONS } from "./regions";

export { ONBOARDING_REGIONS };

/**
 * The one place that reads `process.env`. Everything else asks `getEnv()`.
 * Validation happens once; a bad value throws an error that names the variable, and start-up stops.
 */

/** The sandbox's callback topics (its console account), one per region a link can target. */
export const SANDBOX_TOPIC_ACCOUNT = "111122223333";
const SANDBOX_TOPIC_ARNS = ONBOARDING_REGIONS.map(
  (r) => `arn:aws:sns:${r}:${SANDBOX_TOPIC_ACCOUNT}:pump-role-registration`,
);

const DEV_SECRET = "pump-console-dev-secret-not-for-production-use-000";

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    NEXTAUTH_URL: z.url({ protocol: /^https?$/ }).default("http://localhost:3000"),
    NEXTAUTH_SECRET: optionalString.pipe(z.string().min(32, "must be at least 32 characters").optional()),
    DATABASE_URL: optionalString.pipe(
      z
        .string()
        .regex(/^(postgres(ql)?:\/\/|file:)/, "must start with postgres://, postgresql:// or file:")
        .optional(),
    ),
    OIDC_ISSUER: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
    OIDC_CLIENT_ID: optionalString,
    OIDC_CLIENT_SECRET: optionalString,
    OIDC_NAME: z.string().default("Pump SSO"),
    AWS_MODE: z.enum(["auto", "sdk", "sandbox"]).default("auto"),
    AWS_REGION: z
      .string()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "must be a region code such as us-east-1")
      .default("us-east-1"),
    AWS_ACCESS_KEY_ID: optionalString,
    AWS_PROFILE: optionalString,
    AWS_WEB_IDENTITY_TOKEN_FILE: optionalString,
    AWS_CONTAINER_CREDENTIALS_FULL_URI: optionalString,
    AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: optionalString,
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: optionalString.pipe(
      z
        .string()
        .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes, base64-encoded")
        .optional(),
    ),
    // Onboarding: the SNS topics whose CloudFormation callbacks are accepted (comma-separated ARNs). Outside
    // production the sandbox's topics are the default; production must name its own.
    CALLBACK_TOPIC_ARNS: optionalString.pipe(
      z
        .string()
        .regex(
          /^arn:aws:sns:[a-z0-9-]+:\d{12}:[\w-]{1,256}(,arn:aws:sns:[a-z0-9-]+:\d{12}:[\w-]{1,256})*$/,
          "must be comma-separated SNS topic ARNs",
        )
        .optional(),
    ),
    SNS_MIN_SIGNATURE_VERSION: z.enum(["1", "2"]).default("2"),
    ONBOARDING_LINK_TTL_DAYS: z.coerce.number().int().min(1).max(30).default(7),
    TEMPLATE_BASE_URL: z
      .url({ protocol: /^https$/ })
      .default("https://pump-public-templates.s3.amazonaws.com/templates/"),
    TEST_DATABASE_URL: optionalString.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must start with postgres://")
        .optional(),
    ),
  })
  .superRefine((e, ctx) => {
    if (e.NODE_ENV !== "production") return;
    const need = (key: keyof typeof e, message: string) => {
      if (!e[key]) ctx.addIssue({ code: "custom", path: [key], message });
    };
    need("NEXTAUTH_SECRET", "is required in production");
    need("OIDC_ISSUER", "is required in production (staff sign in through OIDC)");
    need("OIDC_CLIENT_ID", "is required in production");
    need("OIDC_CLIENT_SECRET", "is required in production");
    need("CALLBACK_TOPIC_ARNS", "is required in production (the SNS topics CloudFormation reports to)");
    if (!e.NEXTAUTH_URL.startsWith("https://")) {
      ctx.addIssue({ code: "custom", path: ["NEXTAUTH_URL"], message: "must be https:// in production" });
    }
    if (e.NEXTAUTH_SECRET === DEV_SECRET) {
      ctx.addIssue({ code: "custom", path: ["NEXTAUTH_SECRET"], message: "must not be the development secret" });
    }
  });

export type Env = ReturnType<typeof parseEnv>;

export class EnvError extends Error {
  constructor(
    readonly variables: string[],
    message: string,
  ) {
    super(message);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>) {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".") || "(env)"}: ${i.message}`);
    const variables = result.error.issues.map((i) => String(i.path[0] ?? ""));
    throw new EnvError(variables, `Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = result.data;
  const hasAwsCredentials = Boolean(
    e.AWS_ACCESS_KEY_ID ||
    e.AWS_PROFILE ||
    e.AWS_WEB_IDENTITY_TOKEN_FILE ||
    e.AWS_CONTAINER_CREDENTIALS_FULL_URI ||
    e.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI,
  );
  const oidc =
    e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
      ? { issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID, clientSecret: e.OIDC_CLIENT_SECRET, name: e.OIDC_NAME }
      : undefined;
  return {
    nodeEnv: e.NODE_ENV,
    isProduction: e.NODE_ENV === "production",
    appUrl: new URL(e.NEXTAUTH_URL),
    authSecret: e.NEXTAUTH_SECRET ?? DEV_SECRET,
    database: databaseTarget(e.DATABASE_URL),
    oidc,
    // Local sign-in picks a seeded staff member with no password. It exists only outside production, and no
    // variable can turn it on there: the check is on NODE_ENV itself.
    localSignIn: e.NODE_ENV !== "production",
    aws: {
      mode: (e.AWS_MODE === "auto" ? (hasAwsCredentials ? "sdk" : "sandbox") : e.AWS_MODE) as "sdk" | "sandbox",
      region: e.AWS_REGION,
    },
    onboarding: {
      callbackTopicArns: e.CALLBACK_TOPIC_ARNS?.split(",") ?? SANDBOX_TOPIC_ARNS,
      minSignatureVersion: Number(e.SNS_MIN_SIGNATURE_VERSION) as 1 | 2,
      linkTtlDays: e.ONBOARDING_LINK_TTL_DAYS,
      templateBaseUrl: e.TEMPLATE_BASE_URL.endsWith("/") ? e.TEMPLATE_BASE_URL : `${e.TEMPLATE_BASE_URL}/`,
    },
    testDatabaseUrl: e.TEST_DATABASE_URL,
  };
}

function databaseTarget(url: string | undefined) {
  if (url && /^postgres(ql)?:\/\//.test(url)) return { driver: "pg" as const, url };
  const dir = url?.startsWith("file:") ? url.slice("file:".length) : ".data/pglite";
  return { driver: "pglite" as const, dir };
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** The environment for a child process this one starts (benchmark, scripts): ours plus `overrides`. */
export function childProcessEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}
