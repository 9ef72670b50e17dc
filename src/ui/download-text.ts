/** Save text or bytes as a local file through a temporary blob URL (nothing leaves the page). */

/** Offer `blob` for download as `fileName`. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Offer `text` for download as `fileName` with MIME type `type`. */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  downloadBlob(fileName, new Blob([text], { type }));
}

/** Offer `bytes` for download as `fileName` with MIME type `type` (default: plain bytes). */
export function downloadBytes(
  fileName: string,
  bytes: Uint8Array | ArrayBuffer,
  type = 'application/octet-stream',
): void {
  downloadBlob(fileName, new Blob([bytes as BlobPart], { type }));
}
