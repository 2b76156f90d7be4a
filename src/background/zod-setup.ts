// zod can compile schemas with `new Function` for speed. Extension pages and workers forbid
// eval under their CSP, and a CSP violation report for the probe is noise: never try.
import { z } from 'zod';

z.config({ jitless: true });
