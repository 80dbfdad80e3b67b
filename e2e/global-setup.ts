import type { PreviewServer } from 'vite';
import { preview } from 'vite';
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';

/**
 * Serves the built app (dist/) with `vite preview` on 127.0.0.1 and a free port chosen by the OS,
 * for the browser tests; the URL reaches them through `inject('baseUrl')`. Stopped after the run.
 */
let server: PreviewServer | undefined;

export default async function setup(project: TestProject) {
  server = await preview({
    configFile: false,
    root: process.cwd(),
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('vite preview did not bind a TCP port');
  project.provide('baseUrl', `http://127.0.0.1:${address.port}/`);
  return async () => {
    await server?.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
