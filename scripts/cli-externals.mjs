// Packages every bundle of the CLI leaves to Node's own resolution instead of inlining (scripts/build.mjs,
// the attack suite's and the e2e suite's CLI bundles): the gRPC packages read their own .proto files
// next to their code, and ws loads optional native helpers with require().
export const CLI_EXTERNALS = [
  '@grpc/grpc-js',
  '@grpc/proto-loader',
  '@grpc/reflection',
  'grpc-health-check',
  'ws',
];
