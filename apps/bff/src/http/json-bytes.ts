// A reply that is already UTF-8 JSON, for a response assembled from cached fragments (the device
// list): defineRoute sends the bytes as they are instead of serialising an object.
export class JsonBytes {
  constructor(readonly bytes: Buffer) {}
}
