// Builds the renderer and serves it on a free localhost port for the end-to-end tests, as `npm run web` would
// serve it to a person (the production build, under its strict Content Security Policy).
import type { TestProject } from 'vitest/node';
import { build, preview, type PreviewServer } from 'vite';

let server: PreviewServer | undefined;

export default async function setup(project: TestProject) {
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
  server = await preview({
    configFile: 'vite.config.ts',
    preview: { port: 0, host: '127.0.0.1' },
    logLevel: 'warn',
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('The preview server has no port');
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
