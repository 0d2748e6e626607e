'use strict';
// A grpc-js client that calls our server. Usage: node client.js <host:port> <scenario> <proto path>
// Prints one JSON line describing what it saw, so the C# test can assert on it.
const { grpc, loadPackage } = require('./load');

const [address, scenario, protoPath] = process.argv.slice(2);

function print(result) {
  process.stdout.write(JSON.stringify(result) + '\n');
}

function errorResult(err, extra) {
  return {
    code: err.code,
    details: err.details,
    trailers: err.metadata ? err.metadata.getMap() : {},
    ...extra,
  };
}

function testClient(options) {
  const pkg = loadPackage(protoPath);
  return new pkg.saasmdm.testing.v1.TestService(address, grpc.credentials.createInsecure(), options || {});
}

const scenarios = {
  unary() {
    testClient().Echo({ message: 'hello from node', payload: Buffer.from([1, 2, 3]) }, (err, reply) => {
      if (err) return print(errorResult(err));
      print({ code: 0, message: reply.message, payload: reply.payload.toString('hex') });
    });
  },

  metadata() {
    const metadata = new grpc.Metadata();
    metadata.set('x-test-header', 'from-node');
    metadata.set('x-test-bin', Buffer.from([0, 1, 2, 255]));
    const result = {};
    const call = testClient().Echo({ message: 'metadata' }, metadata, (err, reply) => {
      if (err) return print(errorResult(err));
      result.requestMetadata = reply.requestMetadata;
    });
    call.on('metadata', (headers) => { result.replyHeader = headers.get('x-reply-header')[0]; });
    call.on('status', (status) => {
      result.code = status.code;
      result.replyTrailer = status.metadata.get('x-reply-trailer')[0];
      const bin = status.metadata.get('x-reply-bin')[0];
      result.replyBin = bin ? Buffer.from(bin).toString('hex') : null;
      setImmediate(() => print(result));
    });
  },

  stream() {
    const numbers = [];
    const call = testClient().Count({ count: 5 });
    call.on('data', (reply) => numbers.push(reply.number));
    call.on('error', (err) => print(errorResult(err, { numbers })));
    call.on('status', (status) => { if (status.code === 0) print({ code: 0, numbers }); });
  },

  streamError() {
    const numbers = [];
    const call = testClient().Count({ count: 5, failAfter: 2 });
    call.on('data', (reply) => numbers.push(reply.number));
    call.on('error', (err) => print(errorResult(err, { numbers })));
    call.on('status', (status) => { if (status.code === 0) print({ code: 0, numbers }); });
  },

  error() {
    testClient().Echo({ failCode: 5, failMessage: 'no such device: ünïcode 100%' }, (err) => {
      print(err ? errorResult(err) : { code: 0 });
    });
  },

  unexpected() {
    testClient().Echo({ throwUnexpected: true }, (err) => {
      print(err ? errorResult(err) : { code: 0 });
    });
  },

  deadline() {
    // Connect first: on a loaded machine the 300 ms could otherwise pass before the call reaches the server at all.
    const client = testClient();
    client.waitForReady(Date.now() + 10000, (readyError) => {
      if (readyError) {
        print(errorResult(readyError));
        return;
      }

      const started = Date.now();
      client.Echo({ message: 'deadline-node', delayMs: 10000 }, { deadline: Date.now() + 300 }, (err) => {
        print(err ? errorResult(err, { elapsedMs: Date.now() - started }) : { code: 0 });
      });
    });
  },

  oversized() {
    testClient().Echo({ payload: Buffer.alloc(5 * 1024 * 1024) }, (err) => {
      print(err ? errorResult(err) : { code: 0 });
    });
  },

  gzip() {
    const client = testClient({ 'grpc.default_compression_algorithm': 2, 'grpc.default_compression_level': 2 });
    client.Echo({ message: 'compressed', payload: Buffer.alloc(100 * 1024, 7) }, (err, reply) => {
      if (err) return print(errorResult(err));
      print({ code: 0, message: reply.message, payloadLength: reply.payload.length });
    });
  },

  unimplemented() {
    const client = new grpc.Client(address, grpc.credentials.createInsecure());
    const identity = (buffer) => buffer;
    client.makeUnaryRequest('/saasmdm.testing.v1.TestService/NoSuchMethod', identity, identity, Buffer.alloc(0), (err) => {
      print(err ? errorResult(err) : { code: 0 });
    });
  },

  health() {
    const pkg = loadPackage(protoPath);
    const client = new pkg.grpc.health.v1.Health(address, grpc.credentials.createInsecure());
    client.Check({ service: '' }, (err, reply) => {
      if (err) return print(errorResult(err));
      print({ code: 0, status: reply.status });
    });
  },
};

if (!scenarios[scenario]) {
  process.stderr.write(`unknown scenario '${scenario}'; one of: ${Object.keys(scenarios).join(', ')}\n`);
  process.exit(2);
}
scenarios[scenario]();
