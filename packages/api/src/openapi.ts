import { z } from 'zod';
import { problem } from './common.ts';
import { API_PREFIX, routes, type RouteDef } from './routes.ts';

type JsonSchema = Record<string, unknown>;

function schemaOf(type: z.ZodType, io: 'input' | 'output'): JsonSchema {
  // 'input' describes what a client sends (before defaults/transforms); 'output' what it receives.
  return z.toJSONSchema(type, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
  }) as JsonSchema;
}

function parametersOf(route: RouteDef): unknown[] {
  const out: unknown[] = [];
  for (const [where, type] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (!type) continue;
    const json = schemaOf(type, 'input');
    const props = (json.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((json.required as string[] | undefined) ?? []);
    for (const [name, schema] of Object.entries(props)) {
      out.push({ name, in: where, required: where === 'path' || required.has(name), schema });
    }
  }
  return out;
}

/** The OpenAPI 3.1 document of /api/v1, generated from the route table. */
export function buildOpenApiDocument(info: { version: string } = { version: '0.1.0' }): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  const problemSchema = schemaOf(problem, 'output');
  for (const route of routes as readonly RouteDef[]) {
    const status = String(route.status ?? 200);
    const responses: Record<string, unknown> = {
      [status]: route.produces
        ? {
            description: 'Success (a file)',
            content: { [route.produces]: { schema: { type: 'string' } } },
          }
        : route.response
          ? {
              description: 'Success',
              content: { 'application/json': { schema: schemaOf(route.response, 'output') } },
            }
          : { description: 'Success (no content)' },
      default: {
        description: 'Error',
        content: { 'application/problem+json': { schema: problemSchema } },
      },
    };
    const operation: Record<string, unknown> = {
      operationId: route.id,
      summary: route.summary,
      tags: [route.tag],
      'x-access': route.access,
      parameters: parametersOf(route),
      responses,
    };
    if (route.body) {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: schemaOf(route.body, 'input') } },
      };
    }
    if (route.access !== 'public') operation.security = [{ session: [] }];
    const key = API_PREFIX + route.path;
    paths[key] = { ...paths[key], [route.method]: operation };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Connect Master Console API', version: info.version },
    components: {
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'cmc_session',
          description: 'State-changing requests also need the x-csrf-token header.',
        },
      },
    },
    paths,
  };
}
