/**
 * The SDK's floor: a trivial HTTP server (its own process) that reads each request body and answers every
 * request with the same canned getDocument reply, taken from the CANNED_REPLY environment variable.
 *
 *   CANNED_REPLY='{"requestId":"x","data":{"list":["{...}"]}}' node --import tsx bench/canned-server.ts
 *
 * Prints `canned ready: http://127.0.0.1:<port>` once it accepts requests; stops on SIGINT / SIGTERM.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const reply = Buffer.from(process.env['CANNED_REPLY'] ?? '{"requestId":"x","data":{"list":[]}}', 'utf8');
const headers = { 'content-type': 'application/json; charset=utf-8', 'content-length': reply.length };

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, headers);
    res.end(reply);
  });
});
// Same keep-alive policy as the local cloud: the SDKs keep idle sockets for 4.8 s.
server.keepAliveTimeout = 10_000;
server.listen(0, '127.0.0.1', () => {
  console.log(`canned ready: http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
