import { z } from 'zod';

// Keys of records read from files: bounded, and never a name that reaches an object's
// prototype when assigned.
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

export const safeKeySchema = z
  .string()
  .min(1)
  .max(200)
  .refine((key) => !FORBIDDEN.has(key), { message: 'reserved key' });
