/** Regions where Pump has a callback topic, so where a quick-create link may send the customer. */
export const ONBOARDING_REGIONS = [
  "us-east-1",
  "us-east-2",
  "us-west-2",
  "eu-west-1",
  "eu-central-1",
  "ap-southeast-2",
] as const;
export type OnboardingRegion = (typeof ONBOARDING_REGIONS)[number];
