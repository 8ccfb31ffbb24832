import type { ApiErrorDto, AttachmentDto } from '@switchboard/contracts';
import { t } from '../../../i18n/i18n';
import { ApiError, sessionHeaders, sessionRejected } from '../../../shared/api/http-client';

/**
 * POST /api/files as multipart (field `file`); the JSON client does not do forms. The answer's id
 * goes into `attachmentIds` when the message is sent.
 */
export async function uploadFile(file: File, signal?: AbortSignal): Promise<AttachmentDto> {
  const form = new FormData();
  form.set('file', file, file.name);
  let response: Response;
  try {
    response = await fetch('/api/files', {
      method: 'POST',
      headers: { Accept: 'application/json', ...sessionHeaders('POST') },
      credentials: 'same-origin',
      body: form,
      signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', t('errors.network'));
  }
  const body = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    if (response.status === 401) sessionRejected();
    const err = body as Partial<ApiErrorDto> | null;
    throw new ApiError(
      response.status,
      typeof err?.code === 'string' ? err.code : `HTTP_${response.status}`,
      typeof err?.message === 'string'
        ? err.message
        : t('errors.upload_failed', { status: response.status }),
    );
  }
  return body as AttachmentDto;
}
