/**
 * Hands a file that was fetched by script to the browser's own download.
 * Needed where a plain <a href download> cannot work: that link cannot carry
 * an Authorization header, so the file is fetched first and saved from memory.
 */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  // Some browsers only follow a download link that is in the document.
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download before the browser has read the blob.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The file name from a Content-Disposition header (`attachment; filename="x.csv"`), if it gives one. */
export function filenameFrom(contentDisposition: string | null): string | null {
  const match = contentDisposition?.match(/filename="([^"]+)"/);
  return match ? match[1] : null;
}
