export * from "./staff";
export * from "./audit";
export * from "./organizations";
export * from "./sandbox";
export * from "./tenants";
export * from "./invites";
export * from "./onboarding";
