'use strict';
// A grpc-js server of the test service, for our client to call. Usage: node server.js <proto path>
// Prints {"port": N} once listening on 127.0.0.1, and serves until stdin closes.
const { grpc, loadPackage } = require('./load');

const pkg = loadPackage(process.argv[2]);

function echo(call, callback) {
  const request = call.request;
  const answer = () => {
    const header = call.metadata.get('x-test-header')[0];
    const trailers = new grpc.Metadata();
    if (header) {
      const headers = new grpc.Metadata();
      headers.set('x-reply-header', header);
      call.sendMetadata(headers);
      trailers.set('x-reply-trailer', header);
    }
    const bin = call.metadata.get('x-test-bin')[0];
    if (bin) trailers.set('x-reply-bin', bin);
    if (request.failCode) {
      trailers.set('x-fail-trailer', 'failed');
      return callback({ code: request.failCode, details: request.failMessage, metadata: trailers });
    }
    const requestMetadata = {};
    for (const [key, values] of Object.entries(call.metadata.getMap())) {
      if (key.startsWith('x-') && typeof values === 'string') requestMetadata[key] = values;
    }
    const payload = request.replyPayloadSize > 0 ? Buffer.alloc(request.replyPayloadSize) : request.payload;
    callback(null, { message: request.message, payload, requestMetadata }, trailers);
  };
  if (request.delayMs > 0) {
    const timer = setTimeout(answer, request.delayMs);
    call.on('cancelled', () => clearTimeout(timer));
  } else {
    answer();
  }
}

function count(call) {
  const { count: total, failAfter } = call.request;
  for (let i = 1; i <= total; i++) {
    if (failAfter > 0 && i > failAfter) {
      call.emit('error', { code: grpc.status.ABORTED, details: `stopped after ${failAfter}` });
      return;
    }
    call.write({ number: i });
  }
  call.end();
}

const server = new grpc.Server();
server.addService(pkg.saasmdm.testing.v1.TestService.service, {
  Echo: echo,
  Count: count,
  Stats: (call, callback) => callback(null, { allocatedBytes: 0, calls: 0 }),
});
server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, port) => {
  if (err) {
    process.stderr.write(String(err) + '\n');
    process.exit(1);
  }
  process.stdout.write(JSON.stringify({ port }) + '\n');
});
process.stdin.on('end', () => server.forceShutdown());
process.stdin.resume();
