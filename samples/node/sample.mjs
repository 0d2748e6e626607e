// Calls the SaaS MDM API the way an MSP integration would: gets an access token with its client
// credentials, lists the tenant's devices, queues a DeviceInformation command for the first one and
// watches the tenant's events. Configuration comes from the environment (see README.md); output is one
// line per thing that happened, errors go to stderr and make the exit code 1.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';

const here = path.dirname(fileURLToPath(import.meta.url));

class ConfigurationError extends Error {}

class TokenError extends Error {}

function readConfig(env) {
  const missing = ['CLIENT_ID', 'CLIENT_SECRET', 'TENANT_ID'].filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new ConfigurationError(`missing environment variables: ${missing.join(', ')}`);
  }

  const watchSeconds = Number(env.WATCH_SECONDS ?? 10);
  if (!Number.isFinite(watchSeconds) || watchSeconds < 0) {
    throw new ConfigurationError(`WATCH_SECONDS must be a number of seconds, not '${env.WATCH_SECONDS}'`);
  }

  return {
    server: grpcServer(env.CORE_GRPC ?? '127.0.0.1:5100'),
    tokenUrl: new URL('/oauth2/token', env.CORE_HTTP ?? 'http://127.0.0.1:5101'),
    clientId: env.CLIENT_ID,
    clientSecret: env.CLIENT_SECRET,
    tenantId: env.TENANT_ID,
    protoRoot: path.resolve(env.PROTO_ROOT ?? path.join(here, '..', '..', 'protos')),
    caFile: env.CORE_CA_FILE,
    watchSeconds,
  };
}

// "host:port" and "http://host:port" are cleartext HTTP/2; "https://host:port" is TLS.
function grpcServer(address) {
  const match = /^(?:(https?):\/\/)?([^/]+?)\/?$/.exec(address);
  if (!match) {
    throw new ConfigurationError(`CORE_GRPC must be host:port, http://host:port or https://host:port, not '${address}'`);
  }
  return { target: match[2], secure: match[1] === 'https' };
}

// Access tokens from the client-credentials grant, renewed before they expire, shared by concurrent calls.
class ClientCredentialsTokens {
  constructor({ tokenUrl, clientId, clientSecret }) {
    this.tokenUrl = tokenUrl;
    // RFC 6749 §2.3.1: each part is form-encoded before the pair goes into HTTP Basic.
    this.basic = Buffer.from(`${formEncode(clientId)}:${formEncode(clientSecret)}`).toString('base64');
    this.pending = null;
    this.renewAt = 0;
  }

  async authorization() {
    if (this.pending === null || Date.now() >= this.renewAt) {
      this.pending = this.request();
      this.renewAt = Number.POSITIVE_INFINITY;
      this.pending.catch(() => { this.pending = null; });
    }
    return `Bearer ${(await this.pending).access_token}`;
  }

  async request() {
    let response;
    try {
      response = await fetch(this.tokenUrl, {
        method: 'POST',
        headers: { authorization: `Basic ${this.basic}` },
        body: new URLSearchParams({ grant_type: 'client_credentials' }),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      throw new TokenError(`token error: cannot reach ${this.tokenUrl} (${error.cause?.code ?? error.cause?.message ?? error.message})`);
    }
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      const description = body.error_description ?? 'no description';
      throw new TokenError(`token error ${body.error ?? 'invalid_response'}: ${description} (HTTP ${response.status})`);
    }

    // Renew a little before expiry (at most 30 s, at most half the lifetime) so no call carries a stale token.
    const lifetimeMs = body.expires_in * 1000;
    this.renewAt = Date.now() + lifetimeMs - Math.min(30_000, lifetimeMs / 2);
    console.log(`token ok expires_in=${body.expires_in} scope=${JSON.stringify(body.scope ?? '')}`);
    return body;
  }
}

function formEncode(value) {
  return new URLSearchParams({ v: value }).toString().slice(2);
}

// The API's services from the repository's .proto files, loaded as any grpc-js application would.
function loadServices(protoRoot) {
  const files = ['devices', 'commands', 'events'].map((name) => `saasmdm/v1/${name}.proto`);
  const definition = protoLoader.loadSync(files, {
    includeDirs: [protoRoot],
    keepCase: true,
    longs: String,
    enums: String,
    defaults: true,
    oneofs: true,
  });
  return grpc.loadPackageDefinition(definition).saasmdm.v1;
}

// Over TLS the channel's credentials add the token to every call. grpc-js refuses to combine call credentials
// with a cleartext channel (loopback, or inside a cluster), so there each call's metadata carries it instead.
function connect(config, tokens) {
  const services = loadServices(config.protoRoot);
  let credentials;
  let metadata;
  if (config.server.secure) {
    const ca = config.caFile ? readFileSync(config.caFile) : null;
    const bearer = grpc.credentials.createFromMetadataGenerator((_context, callback) => {
      tokens.authorization().then((value) => callback(null, withAuthorization(new grpc.Metadata(), value)), callback);
    });
    credentials = grpc.credentials.combineChannelCredentials(grpc.credentials.createSsl(ca), bearer);
    metadata = async () => new grpc.Metadata();
  } else {
    credentials = grpc.credentials.createInsecure();
    metadata = async () => withAuthorization(new grpc.Metadata(), await tokens.authorization());
  }

  const devices = new services.Devices(config.server.target, credentials);
  const channel = { channelOverride: devices.getChannel() };
  return {
    devices,
    commands: new services.Commands(config.server.target, credentials, channel),
    events: new services.Events(config.server.target, credentials, channel),
    metadata,
    close: () => devices.close(),
  };
}

function withAuthorization(metadata, value) {
  metadata.set('authorization', value);
  return metadata;
}

async function unary(api, client, method, request) {
  const metadata = await api.metadata();
  return new Promise((resolve, reject) => {
    client[method](request, metadata, { deadline: Date.now() + 30_000 }, (error, reply) => (error ? reject(error) : resolve(reply)));
  });
}

async function listDevices(api, tenantId) {
  const devices = [];
  let pageToken = '';
  do {
    const page = await unary(api, api.devices, 'ListDevices', { tenant_id: tenantId, page_size: 1000, page_token: pageToken });
    devices.push(...page.devices);
    pageToken = page.next_page_token;
  } while (pageToken);
  return devices;
}

async function enqueueDeviceInformation(api, tenantId, device) {
  return unary(api, api.commands, 'EnqueueCommand', {
    tenant_id: tenantId,
    device_ids: [device.id],
    device_information: { queries: ['DeviceName', 'OSVersion', 'BuildVersion', 'ModelName', 'SerialNumber'] },
  });
}

// Watches until the time is up. A stream the server ends, or a lost connection, resumes after the last
// event seen (with a fresh token if the old one is due for renewal), so no event is missed or repeated.
async function watchEvents(api, tenantId, seconds) {
  const until = Date.now() + seconds * 1000;
  const seen = { count: 0, cursor: '' };
  while (Date.now() < until) {
    const status = await watchOnce(api, { tenant_id: tenantId, after_cursor: seen.cursor }, until, seen);
    if (status.code === grpc.status.DEADLINE_EXCEEDED) {
      break;
    }
    if (status.code === grpc.status.UNIMPLEMENTED) {
      console.log(`events unavailable: this server does not implement WatchEvents (${status.details})`);
      return;
    }
    if (status.code !== grpc.status.OK && status.code !== grpc.status.UNAVAILABLE) {
      throw Object.assign(new Error(status.details), status);
    }
    console.log(`events reconnecting after ${grpc.status[status.code]}`);
    await new Promise((resolve) => setTimeout(resolve, Math.min(1000, Math.max(0, until - Date.now()))));
  }
  console.log(`events done count=${seen.count} cursor=${seen.cursor || '-'}`);
}

async function watchOnce(api, request, until, seen) {
  const metadata = await api.metadata();
  return new Promise((resolve) => {
    const call = api.events.WatchEvents(request, metadata, { deadline: until });
    call.on('data', (event) => {
      seen.count += 1;
      seen.cursor = event.cursor;
      console.log(`event ${event.type} ${event.cursor} device=${event.device_id || '-'}`);
    });
    // 'status' reports every ending; errors are read from it, so 'error' needs no handling of its own.
    call.on('error', () => {});
    call.on('status', resolve);
  });
}

function describe(error) {
  if (error instanceof ConfigurationError || error instanceof TokenError) {
    return error.message;
  }
  if (typeof error.code === 'number' && grpc.status[error.code]) {
    return `rpc error ${grpc.status[error.code]}: ${error.details}`;
  }
  return error.stack ?? String(error);
}

async function main() {
  const config = readConfig(process.env);
  const tokens = new ClientCredentialsTokens(config);
  await tokens.authorization();
  const api = connect(config, tokens);
  try {
    const devices = await listDevices(api, config.tenantId);
    console.log(`devices ${devices.length}`);
    for (const device of devices) {
      console.log(`device ${device.id} ${device.serial_number || '-'} ${JSON.stringify(device.device_name)} ${device.os_version || '-'}`);
    }

    if (devices.length > 0) {
      const queued = await enqueueDeviceInformation(api, config.tenantId, devices[0]);
      console.log(`enqueued ${queued.command_uuid} ${queued.request_type} devices=${queued.device_count}`);
    } else {
      console.log('enqueued nothing: the tenant has no devices');
    }

    if (config.watchSeconds > 0) {
      console.log(`watching events for ${config.watchSeconds}s`);
      await watchEvents(api, config.tenantId, config.watchSeconds);
    }
  } finally {
    api.close();
  }
}

try {
  await main();
} catch (error) {
  console.error(describe(error));
  process.exitCode = 1;
}
