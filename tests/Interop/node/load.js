'use strict';
// Loads a .proto file the way a grpc-js application would, independently of our C# code generation.
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

function loadPackage(protoPath) {
  const definition = protoLoader.loadSync(protoPath, {
    keepCase: false,
    longs: String,
    enums: String,
    defaults: true,
    oneofs: true,
  });
  return grpc.loadPackageDefinition(definition);
}

module.exports = { grpc, loadPackage };
