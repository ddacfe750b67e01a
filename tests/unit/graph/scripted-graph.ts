import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';

/**
 * A scripted Graph on plain HTTP at 127.0.0.1 for the tests of one file: `answer` replies to each request with
 * its whole body read. `baseUrl` (…/v1.0) is set once the file's beforeAll ran.
 */
export function useScriptedGraph(answer: (request: IncomingMessage, response: ServerResponse, body: string) => void): { readonly baseUrl: string } {
  const graph = { baseUrl: '' };
  let server: Server;
  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => answer(request, response, body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    graph.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return graph;
}
