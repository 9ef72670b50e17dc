/**
 * Module worker that writes an archive into the origin-private file system through a sync access
 * handle (for browsers without `createWritable` there). Requests are served one at a time, in order;
 * each written block's buffer is handed back for reuse.
 */
import type { WriterReply, WriterRequest } from './export-writer-protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

let folder: FileSystemDirectoryHandle | null = null;
let fileName = '';
let handle: FileSystemSyncAccessHandle | null = null;
let offset = 0;
let queue: Promise<void> = Promise.resolve();

async function serve(request: WriterRequest): Promise<void> {
  switch (request.type) {
    case 'open': {
      const root = await navigator.storage.getDirectory();
      folder = await root.getDirectoryHandle(request.folder, { create: true });
      fileName = request.name;
      const file = await folder.getFileHandle(fileName, { create: true });
      handle = await file.createSyncAccessHandle();
      handle.truncate(0);
      offset = 0;
      return;
    }
    case 'write': {
      if (!handle) throw new Error('write before open');
      let done = 0;
      while (done < request.bytes.length) {
        done += handle.write(request.bytes.subarray(done), { at: offset + done });
      }
      offset += done;
      return;
    }
    case 'close':
      handle?.close();
      handle = null;
      return;
    case 'abort':
      handle?.close();
      handle = null;
      if (folder && fileName !== '') await folder.removeEntry(fileName).catch(() => {});
      return;
  }
}

self.onmessage = (event: MessageEvent<WriterRequest>) => {
  const request = event.data;
  queue = queue.then(async () => {
    let reply: WriterReply;
    const transfer: ArrayBuffer[] = [];
    try {
      await serve(request);
      reply = { type: 'ok' };
      if (request.type === 'write') {
        // The block goes back to the page to be refilled (new memory for every block costs more).
        reply.written = request.bytes.buffer as ArrayBuffer;
        reply.adopted = request.adopted;
        transfer.push(reply.written);
      }
    } catch (e) {
      reply = { type: 'error', message: e instanceof Error ? e.message : String(e) };
    }
    self.postMessage(reply, transfer);
  });
};
