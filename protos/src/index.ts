export { loaderOptions } from './loader-options.ts';
export { loadGsdk, protoDir, protoFiles, type GsdkGrpc } from './load.ts';
