// `npm run schema`: prints the JSON Schema of the report file (as read: version 1 or 2,
// photos optional), made from its zod schema.
import { z } from 'zod';
import { reportFileSchema } from '@/domain/report/report-schema';

const schema = z.toJSONSchema(reportFileSchema, { target: 'draft-2020-12', io: 'input' });
process.stdout.write(
  `${JSON.stringify({ $id: 'https://so-ket.invalid/schemas/report-file-v2.json', ...schema }, null, 2)}\n`,
);
