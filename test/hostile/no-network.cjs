// Preloaded into a CLI run or a language-server session by the hostile tests
// (`NODE_OPTIONS=--require …/no-network.cjs`, so worker threads get it too):
// every way Node has to reach the network — sockets, TLS, DNS, http(s),
// fetch — throws and is recorded in the file TDE_NETWORK_LOG names, one JSON
// line per attempt. Pipes (stdio, IPC) are not touched: they are not opened
// with connect(). The first line a process writes says the guard is on, so a
// test can tell "no attempt" from "no guard".
'use strict';
const fs = require('node:fs');
const { threadId } = require('node:worker_threads');

const logFile = process.env.TDE_NETWORK_LOG;

function record(event, detail) {
  if (!logFile) return;
  const line = JSON.stringify({ event, detail, pid: process.pid, thread: threadId }) + '\n';
  try {
    fs.appendFileSync(logFile, line);
  } catch {
    // the log is best effort; the attempt still throws
  }
}

function describe(args) {
  try {
    return JSON.stringify(args, (_key, value) => (typeof value === 'function' ? '[function]' : value)).slice(0, 300);
  } catch {
    return String(args[0]).slice(0, 300);
  }
}

function blocker(name) {
  return function blocked(...args) {
    record('blocked', `${name} ${describe(args)}`);
    throw new Error(`tde hostile tests: network access is not allowed (${name})`);
  };
}

const net = require('node:net');
net.Socket.prototype.connect = blocker('net.Socket.connect');
net.connect = blocker('net.connect');
net.createConnection = blocker('net.createConnection');

const tls = require('node:tls');
tls.connect = blocker('tls.connect');

const dgram = require('node:dgram');
dgram.createSocket = blocker('dgram.createSocket');

const dns = require('node:dns');
for (const name of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveNs', 'resolveTxt', 'resolveSrv', 'reverse']) {
  if (typeof dns[name] === 'function') dns[name] = blocker(`dns.${name}`);
  if (dns.promises && typeof dns.promises[name] === 'function') dns.promises[name] = blocker(`dns.promises.${name}`);
}

for (const moduleName of ['node:http', 'node:https', 'node:http2']) {
  const mod = require(moduleName);
  for (const name of ['request', 'get', 'connect']) {
    if (typeof mod[name] === 'function') mod[name] = blocker(`${moduleName.slice(5)}.${name}`);
  }
}

if (typeof globalThis.fetch === 'function') globalThis.fetch = blocker('fetch');
if (typeof globalThis.WebSocket === 'function') globalThis.WebSocket = blocker('WebSocket');

record('guard', process.argv.slice(1, 3).join(' '));
