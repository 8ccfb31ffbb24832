import {
  headerParams,
  MalformedFormError,
  multipartBoundary,
  parseMultipart,
} from './multipart-form';

const boundary = '----------abc123';

function body(...parts: (string | Buffer)[]): Buffer {
  return Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : part)));
}

describe('parseMultipart', () => {
  it("reads grammY's encoding: unquoted file names with spaces and non-ASCII, binary content", () => {
    const bytes = Buffer.from([0, 13, 10, 45, 45, 255]);
    const form = parseMultipart(
      body(
        `--${boundary}\r\ncontent-disposition:form-data;name="chat_id"\r\n\r\n42`,
        `\r\n--${boundary}\r\ncontent-disposition:form-data;name="photo"\r\n\r\nattach://k9`,
        `\r\n--${boundary}\r\ncontent-disposition:form-data;name="k9";filename=Rechnung März 1.pdf\r\n`,
        'content-type:application/octet-stream\r\n\r\n',
        bytes,
        `\r\n--${boundary}--\r\n`,
      ),
      boundary,
    );
    expect(form.fields).toEqual({ chat_id: '42', photo: 'attach://k9' });
    expect(form.files.get('k9')).toEqual({
      name: 'k9',
      filename: 'Rechnung März 1.pdf',
      contentType: 'application/octet-stream',
      bytes,
    });
  });

  it('reads quoted names with escapes and RFC 5987 file names', () => {
    const form = parseMultipart(
      body(
        `--${boundary}\r\nContent-Disposition: form-data; name="doc"; filename="a \\"b\\".txt"; filename*=UTF-8''%C3%A9t%C3%A9.txt\r\n\r\nx`,
        `\r\n--${boundary}--`,
      ),
      boundary,
    );
    expect(form.files.get('doc')?.filename).toBe('été.txt');
    expect(headerParams('form-data; name="doc"; filename="a \\"b\\".txt"').get('filename')).toBe(
      'a "b".txt',
    );
  });

  it('finds the boundary and refuses broken bodies', () => {
    expect(multipartBoundary('multipart/form-data; boundary=----------abc123')).toBe(boundary);
    expect(multipartBoundary('multipart/form-data')).toBeNull();
    expect(() => parseMultipart(Buffer.from('nothing'), boundary)).toThrow(MalformedFormError);
    expect(() =>
      parseMultipart(
        Buffer.from(`--${boundary}\r\ncontent-disposition:form-data;name="a"\r\n\r\nno end`),
        boundary,
      ),
    ).toThrow('part never ends');
  });
});
