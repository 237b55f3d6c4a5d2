// Serves the built web app from WEB_DIST_DIR on the API's port: hashed assets cached for a year,
// index.html never cached, client-side routes fall back to index.html. Without a build, a short
// page says how to make one.
import fs from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';

const missingBuildPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Connect Master Console</title></head>
<body><h1>Connect Master Console</h1><p>The web app is not built yet. Run <code>pnpm -F @cmc/web build</code> and reload.</p>
<p>The API is up at <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.</p></body></html>`;

export function webAppRouter(distDir: string): Router {
  const router = Router();
  const index = path.join(distDir, 'index.html');
  router.use(
    '/assets',
    express.static(path.join(distDir, 'assets'), {
      immutable: true,
      maxAge: '365d',
      index: false,
      fallthrough: false,
    }),
  );
  router.use(express.static(distDir, { index: false, maxAge: 0 }));
  router.get(/^(?!\/api\/|\/socket\.io\/).*/, (req, res, next) => {
    if (!req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    if (fs.existsSync(index)) return res.sendFile(index);
    res.status(200).type('html').send(missingBuildPage);
  });
  return router;
}
