// Prints the store's OpenAPI document (npm run openapi > openapi.json).
import { buildOpenApi } from '../api/openapi.ts';

process.stdout.write(`${JSON.stringify(buildOpenApi(), null, 2)}\n`);
