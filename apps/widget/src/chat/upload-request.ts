/** What came back from an upload: the status and the parsed JSON body (null when not JSON). */
export interface UploadReply {
  status: number;
  statusText: string;
  body: unknown;
}

/**
 * POSTs a form with XMLHttpRequest: fetch reports no upload progress, and a visitor sending a
 * photo over a phone connection needs to see it moving. `onProgress` gets 0..1.
 */
export function uploadWithProgress(
  url: string,
  headers: Record<string, string>,
  body: FormData,
  onProgress: (fraction: number) => void,
): Promise<UploadReply> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = false;
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    });
    xhr.addEventListener('load', () => {
      let parsed: unknown = null;
      try {
        parsed = xhr.responseText ? (JSON.parse(xhr.responseText) as unknown) : null;
      } catch {
        parsed = null;
      }
      resolve({ status: xhr.status, statusText: xhr.statusText, body: parsed });
    });
    xhr.addEventListener('error', () => reject(new TypeError('Network error during upload')));
    xhr.addEventListener('abort', () => reject(new TypeError('Upload aborted')));
    xhr.send(body);
  });
}
