import { z } from 'zod';

export const loginBody = z.strictObject({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(128),
  channel: z.enum(['console', 'app']).default('console'),
});

export const profileSchema = z.object({
  id: z.number().int(),
  kind: z.enum(['employee', 'platform']),
  name: z.string(),
  username: z.string(),
  channel: z.enum(['console', 'app']),
  orgId: z.number().int().nullable(),
  orgName: z.string().nullable(),
  permissions: z.array(z.string()),
  allProjects: z.boolean(),
  projects: z.array(z.object({ id: z.number().int(), name: z.string(), code: z.string() })),
});

export const loginResponse = z.object({
  /** Only for the app channel; the console gets an httpOnly cookie instead. */
  token: z.string().optional(),
  profile: profileSchema,
});

export const passwordChangeBody = z.strictObject({
  currentPassword: z.string().min(1).max(128),
  newPassword: z.string().min(1).max(128),
});

export const sessionSchema = z.object({
  id: z.string(),
  channel: z.enum(['console', 'app']),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  current: z.boolean(),
});

export const sessionList = z.object({ items: z.array(sessionSchema) });
export const sessionParams = z.object({ id: z.string().regex(/^[0-9a-f]{64}$/) });

export type Profile = z.infer<typeof profileSchema>;
