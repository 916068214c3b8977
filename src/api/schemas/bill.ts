/**
 * Bill and Account, read to say what a run history is about (docs/m3ter-api.md §6.5). Loose: the
 * console reads a few fields and must not reject a Bill for the many it ignores.
 */
import { z } from 'zod';
import { auditFieldsSchema } from './common';

/** `BillResponse`: the fields the run history's header shows. */
export const billSchema = z.looseObject({
  ...auditFieldsSchema.shape,
  accountId: z.string().optional(),
  accountCode: z.string().optional(),
  startDate: z.string().optional(),
  endDate: z.string().optional(),
  billDate: z.string().optional(),
  dueDate: z.string().optional(),
  currency: z.string().optional(),
  billTotal: z.number().optional(),
  sequentialInvoiceNumber: z.string().optional(),
  status: z.string().optional(),
  locked: z.boolean().optional(),
});

export type Bill = z.infer<typeof billSchema>;

/** `AccountResponse`: who the Bill is for. */
export const accountSchema = z.looseObject({
  ...auditFieldsSchema.shape,
  name: z.string().optional(),
  code: z.string().optional(),
  currency: z.string().optional(),
  emailAddress: z.string().optional(),
});

export type Account = z.infer<typeof accountSchema>;
