import { ApiError } from './client';

interface BlobResult {
  data?: Blob;
  error?: unknown;
  response: Response;
}

function fileNameOf(response: Response, fallback: string): string {
  const disposition = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) return decodeURIComponent(encoded);

  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? fallback;
}

/** Saves an export the API answered as a file, under the name the server chose. */
export async function saveDownload(call: Promise<BlobResult>, fallbackName: string) {
  const { data, error, response } = await call;
  if (!response.ok || !data) throw ApiError.from(response, error);

  const url = URL.createObjectURL(data);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileNameOf(response, fallbackName);
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
