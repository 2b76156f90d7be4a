// Payload schemas shared by several handlers. Strict objects: unknown keys are rejected.
import { z } from 'zod';

export const empty = z.strictObject({});
export const id = z.string().min(1).max(100);
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
export const connectionName = z.string().max(200);
