"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/auth/action";
import { addAwsAccount as addAwsAccountUseCase } from "./add-aws-account";
import { createTenant as createTenantUseCase } from "./create-tenant";
import { revealExternalId as revealExternalIdUseCase } from "./reveal-external-id";
import {
  addAwsAccountSchema,
  createTenantSchema,
  revealExternalIdSchema,
  updateAwsAccountSchema,
  updateTenantSchema,
} from "./schemas";
import { updateAwsAccount as updateAwsAccountUseCase } from "./update-aws-account";
import { updateTenant as updateTenantUseCase } from "./update-tenant";

// Every export here is a public POST endpoint; each is built by authorizedAction and nothing else lives here.

export const createTenant = authorizedAction(
  {
    name: "tenants.create",
    permission: "tenants.write",
    schema: createTenantSchema,
    // No tenant row exists yet: a refusal names the Pump ID that was asked for.
    target: (i) => ({ type: "tenant_pump_id", id: i.pumpId }),
  },
  async (input, ctx) => {
    const result = await createTenantUseCase(input, ctx);
    revalidatePath("/tenants");
    return result;
  },
);

export const updateTenant = authorizedAction(
  {
    name: "tenants.update",
    permission: "tenants.write",
    schema: updateTenantSchema,
    target: (i) => ({ type: "tenant", id: i.tenantId }),
  },
  async (input, ctx) => {
    const result = await updateTenantUseCase(input, ctx);
    revalidatePath("/tenants", "layout");
    return result;
  },
);

export const addAwsAccount = authorizedAction(
  {
    name: "tenants.add_aws_account",
    permission: "tenants.write",
    schema: addAwsAccountSchema,
    target: (i) => ({ type: "tenant", id: i.tenantId }),
  },
  async (input, ctx) => {
    const result = await addAwsAccountUseCase(input, ctx);
    revalidatePath("/tenants", "layout");
    return result;
  },
);

export const updateAwsAccount = authorizedAction(
  {
    name: "tenants.update_aws_account",
    permission: "tenants.write",
    schema: updateAwsAccountSchema,
    target: (i) => ({ type: "aws_account", id: i.awsAccountId }),
  },
  async (input, ctx) => {
    const result = await updateAwsAccountUseCase(input, ctx);
    revalidatePath("/tenants", "layout");
    return result;
  },
);

export const revealExternalId = authorizedAction(
  {
    name: "tenants.reveal_external_id",
    permission: "tenants.reveal_external_id",
    schema: revealExternalIdSchema,
    target: (i) => ({ type: "aws_account", id: i.awsAccountId }),
  },
  (input, ctx) => revealExternalIdUseCase(input, ctx),
);
