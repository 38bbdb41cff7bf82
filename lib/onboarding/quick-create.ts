import { ONBOARDING_REGIONS } from "@/lib/env";

/**
 * CloudFormation quick-create links, in AWS's documented form (CloudFormation User Guide, "Creating quick-create
 * links for stacks"):
 * `https://<region>.console.aws.amazon.com/cloudformation/home?region=<region>#/stacks/create/review?templateURL=…&stackName=…&param_<Name>=…`
 * Everything after `#` is read by the console's router, so every value is percent-encoded. Pure.
 */

/**
 * Commercial regions where Pump runs a `pump-role-registration` topic (the custom resource's ServiceToken must be
 * in the stack's region). The same list the issue form offers and the templates map to a topic.
 */
export const QUICK_CREATE_REGIONS: readonly string[] = ONBOARDING_REGIONS;

export const QUICK_CREATE_PARAMETERS = [
  "ExternalId",
  "PumpId",
  "RoleType",
  "PumpPrincipalArn",
  "OnboardingToken",
] as const;
export type QuickCreateParams = Record<(typeof QUICK_CREATE_PARAMETERS)[number], string>;

export type QuickCreateInput = {
  region: string;
  templateUrl: string;
  stackName: string;
  params: QuickCreateParams;
};

/** AWS: alphanumerics and hyphens, starting with a letter, at most 128 characters. */
export const STACK_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9-]{0,127}$/;
/** AWS: the template URL is at most 1,024 characters and must be an S3 object over HTTPS. */
const TEMPLATE_URL_MAX = 1024;
const S3_HOST = /^(?:[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\.)?s3(?:[.-][a-z0-9-]+)?\.amazonaws\.com$/;

export class QuickCreateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "QuickCreateError";
  }
}

function checkTemplateUrl(value: string) {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new QuickCreateError("The template URL is not a URL.");
  }
  if (value.length > TEMPLATE_URL_MAX) throw new QuickCreateError("The template URL is longer than 1,024 characters.");
  if (url.protocol !== "https:" || url.username || url.password || url.port || !S3_HOST.test(url.hostname)) {
    throw new QuickCreateError("The template URL must be an https:// Amazon S3 URL.");
  }
}

const CONSOLE = (region: string) => `https://${region}.console.aws.amazon.com/cloudformation/home`;

/** The link a customer opens to create Pump's stack; refuses a region without a Pump topic or a malformed value. */
export function quickCreateUrl(input: QuickCreateInput): string {
  if (!QUICK_CREATE_REGIONS.includes(input.region)) {
    throw new QuickCreateError(`Pump receives no registrations in ${JSON.stringify(input.region)}.`);
  }
  if (!STACK_NAME_PATTERN.test(input.stackName)) {
    throw new QuickCreateError(
      "A stack name has letters, digits and hyphens, starts with a letter and has at most 128 characters.",
    );
  }
  checkTemplateUrl(input.templateUrl);
  const query = [
    `templateURL=${encodeURIComponent(input.templateUrl)}`,
    `stackName=${encodeURIComponent(input.stackName)}`,
    ...QUICK_CREATE_PARAMETERS.map((name) => {
      const value = input.params[name];
      if (typeof value !== "string" || value === "") throw new QuickCreateError(`Parameter ${name} is missing.`);
      return `param_${name}=${encodeURIComponent(value)}`;
    }),
  ];
  const region = encodeURIComponent(input.region);
  return `${CONSOLE(input.region)}?region=${region}#/stacks/create/review?${query.join("&")}`;
}

/** Reads a link back (tests, and checks of a link pasted from a ticket). Null when it is not a Pump quick-create link. */
export function parseQuickCreateUrl(link: string): QuickCreateInput | null {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  const region = url.searchParams.get("region");
  if (!region || url.origin + url.pathname !== CONSOLE(region)) return null;
  const prefix = "#/stacks/create/review?";
  if (!url.hash.startsWith(prefix)) return null;
  const query = new URLSearchParams(url.hash.slice(prefix.length));
  const templateUrl = query.get("templateURL");
  const stackName = query.get("stackName");
  if (!templateUrl || !stackName) return null;
  const params = {} as QuickCreateParams;
  for (const name of QUICK_CREATE_PARAMETERS) {
    const value = query.get(`param_${name}`);
    if (value === null) return null;
    params[name] = value;
  }
  return { region, templateUrl, stackName, params };
}
