// `npm run schema`: prints the JSON Schema of the report file, made from its zod schema.
import { z } from 'zod';
import { reportFileSchema } from '@/domain/report/report-schema';

const schema = z.toJSONSchema(reportFileSchema, { target: 'draft-2020-12' });
process.stdout.write(
  `${JSON.stringify({ $id: 'https://so-ket.invalid/schemas/report-file-v1.json', ...schema }, null, 2)}\n`,
);
