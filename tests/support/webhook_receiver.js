// A local HTTP server that plays a webhook receiver for the tests: it records every
// request (method, path, headers, raw body) and answers with the next status of a
// queue the test sets (200 once the queue is empty).
//
//   const receiver = await startReceiver();
//   receiver.answers.push(500, 500);          // the next two attempts fail
//   const hit = await receiver.waitFor((r) => r.headers['x-hawzu-delivery'] === id);
'use strict';

const http = require('node:http');

async function startReceiver() {
  const requests = [];
  const answers = [];
  const waiters = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const entry = {
        method: req.method,
        path: req.url,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      };
      requests.push(entry);
      const status = answers.length ? answers.shift() : 200;
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(status < 300 ? 'ok' : 'not now');
      for (const waiter of [...waiters]) waiter();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: (p = '/hook') => `http://127.0.0.1:${port}${p}`,
    requests,
    answers,
    /** Resolves the `count`-th request matching `predicate` (waits up to timeoutMs). */
    waitFor(predicate, { count = 1, timeoutMs = 15000 } = {}) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const matching = requests.filter(predicate);
          if (matching.length >= count) {
            waiters.splice(waiters.indexOf(check), 1);
            clearTimeout(timer);
            resolve(matching[count - 1]);
          }
        };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(check), 1);
          reject(new Error(`receiver: no matching request #${count} in ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.push(check);
        check();
      });
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

module.exports = { startReceiver };
