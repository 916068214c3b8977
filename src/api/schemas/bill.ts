/**
 * Bill and Account, read to say what a run history is about (docs/m3ter-api.md §6.5). Loose: the
 * console reads a few fields and must not reject a Bill for the many it ignores.
 */
import { z } from 'zod/mini';
import { auditFieldsSchema } from './common';

/** `BillResponse`: the fields the run history's header shows. */
export const billSchema = z.looseObject({
  ...auditFieldsSchema.shape,
  accountId: z.optional(z.string()),
  accountCode: z.optional(z.string()),
  startDate: z.optional(z.string()),
  endDate: z.optional(z.string()),
  billDate: z.optional(z.string()),
  dueDate: z.optional(z.string()),
  currency: z.optional(z.string()),
  billTotal: z.optional(z.number()),
  sequentialInvoiceNumber: z.optional(z.string()),
  status: z.optional(z.string()),
  locked: z.optional(z.boolean()),
});

export type Bill = z.infer<typeof billSchema>;

/** `AccountResponse`: who the Bill is for. */
export const accountSchema = z.looseObject({
  ...auditFieldsSchema.shape,
  name: z.optional(z.string()),
  code: z.optional(z.string()),
  currency: z.optional(z.string()),
  emailAddress: z.optional(z.string()),
});

export type Account = z.infer<typeof accountSchema>;
