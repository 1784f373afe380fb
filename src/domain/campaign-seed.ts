// The shape of the seed data file (prisma/seed/campaign.json).
import { z } from "zod";
import { TASK_KEYS, UNIT_GROUPS } from "./model/tasks.ts";

export const CampaignSeedSchema = z.object({
  source: z.string(),
  units: z
    .array(
      z.object({
        key: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
        name: z.string().min(1),
        group: z.enum(UNIT_GROUPS),
        governmentRoom: z.boolean(),
        domains: z.array(z.object({ name: z.string().min(3), isSubdomain: z.boolean() })).min(1),
      }),
    )
    .min(1),
  deadlines: z.array(
    z.object({
      key: z.string().regex(/^[a-z]+$/),
      title: z.string(),
      opens: z.string().nullable(),
      due: z.string(),
      tasks: z.array(z.enum(TASK_KEYS)).min(1),
    }),
  ),
});

export type CampaignSeed = z.infer<typeof CampaignSeedSchema>;
