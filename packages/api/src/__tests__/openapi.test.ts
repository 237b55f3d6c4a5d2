import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../openapi.ts';
import { routes as allRoutes } from '../routes.ts';

describe('buildOpenApiDocument', () => {
  const doc = buildOpenApiDocument() as {
    openapi: string;
    paths: Record<string, Record<string, Record<string, unknown>>>;
  };

  it('is OpenAPI 3.1 with one operation per route', () => {
    expect(doc.openapi).toBe('3.1.0');
    const operations = Object.values(doc.paths).flatMap((p) => Object.keys(p));
    expect(operations).toHaveLength(allRoutes.length);
  });

  it('includes the connection-history routes', () => {
    expect(doc.paths['/api/v1/devices/{deviceID}/history']?.get?.operationId).toBe(
      'history.device',
    );
  });

  it('describes path parameters and request bodies', () => {
    const connect = doc.paths['/api/v1/gateways/{gatewayID}/connect']?.post;
    expect(connect?.operationId).toBe('gateways.connect');
    expect(connect?.parameters).toEqual([
      expect.objectContaining({ name: 'gatewayID', in: 'path', required: true }),
    ]);
    expect(JSON.stringify(connect?.requestBody)).toContain('IPAddr');
  });

  it('has unique route ids and method+path pairs', () => {
    expect(new Set(allRoutes.map((r) => r.id)).size).toBe(allRoutes.length);
    expect(new Set(allRoutes.map((r) => `${r.method} ${r.path}`)).size).toBe(allRoutes.length);
  });
});
