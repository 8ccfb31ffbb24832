import { useEffect, useRef, useState, type ClipboardEvent, type FormEvent } from 'react';
import { t } from '../../../i18n/i18n';
import { uploadFile } from '../../composer/api/files-api';
import { useToastStore } from '../../../shared/ui/toast-store';
import { cleanHtml, safeLinkUrl, textToHtml } from '../utils/clean-html';
import { errorText } from '../../../shared/api/error-text';

type Block = 'h2' | 'h3' | 'pre' | 'blockquote';

interface Props {
  /** The starting HTML; the editor is re-mounted (by key) for another article or language. */
  initialHtml: string;
  onChange: (html: string) => void;
  dir: 'ltr' | 'rtl';
  lang: string;
  readOnly?: boolean;
}

// The browser's editing commands (execCommand): deprecated on paper, but the one way to edit
// contenteditable with undo history in every browser; what they produce is cleaned on change.
function run(command: string, value?: string): void {
  document.execCommand(command, false, value);
}

function currentBlock(): string | null {
  const node = window.getSelection()?.anchorNode ?? null;
  const el = node instanceof Element ? node : (node?.parentElement ?? null);
  return el?.closest('h2,h3,pre,blockquote,p')?.tagName.toLowerCase() ?? null;
}

/**
 * A small, safe rich-text editor: headings, bold, italic, lists, links, images, code and quotes.
 * Pasted content is rebuilt from the allowlist (cleanHtml) before it enters the page.
 */
export function RichTextEditor({ initialHtml, onChange, dir, lang, readOnly }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const saved = useRef<Range | null>(null);
  const [linking, setLinking] = useState(false);
  const [linkUrl, setLinkUrl] = useState('');
  const [linkError, setLinkError] = useState(false);
  const [uploading, setUploading] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (ref.current) ref.current.innerHTML = cleanHtml(initialHtml);
    // Only on mount: the key changes for another article or language.
  }, []);

  const changed = () => onChange(ref.current?.innerHTML ?? '');

  const saveSelection = () => {
    const sel = window.getSelection();
    const range = sel && sel.rangeCount > 0 ? sel.getRangeAt(0) : null;
    saved.current = range && ref.current?.contains(range.commonAncestorContainer) ? range : null;
  };
  const restoreSelection = () => {
    ref.current?.focus();
    const sel = window.getSelection();
    if (saved.current && sel) {
      sel.removeAllRanges();
      sel.addRange(saved.current);
    }
  };

  const block = (tag: Block) => {
    ref.current?.focus();
    run('formatBlock', currentBlock() === tag ? 'p' : tag);
    changed();
  };
  const inline = (command: string) => {
    ref.current?.focus();
    run(command);
    changed();
  };

  const applyLink = (event: FormEvent) => {
    event.preventDefault();
    const url = safeLinkUrl(linkUrl);
    if (!url) {
      setLinkError(true);
      return;
    }
    restoreSelection();
    if (window.getSelection()?.isCollapsed) {
      const a = document.createElement('a');
      a.href = url;
      a.textContent = url;
      run('insertHTML', a.outerHTML);
    } else run('createLink', url);
    setLinking(false);
    setLinkUrl('');
    changed();
  };

  const insertImage = async (file: File) => {
    setUploading(true);
    try {
      const uploaded = await uploadFile(file);
      const img = document.createElement('img');
      img.src = uploaded.url;
      img.alt = file.name.replace(/\.[^.]+$/, '');
      restoreSelection();
      run('insertHTML', img.outerHTML);
      changed();
    } catch (error) {
      useToastStore.getState().show(errorText(error), 'error');
    } finally {
      setUploading(false);
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLDivElement>) => {
    event.preventDefault();
    const html = event.clipboardData.getData('text/html');
    const clean = html ? cleanHtml(html) : textToHtml(event.clipboardData.getData('text/plain'));
    run('insertHTML', clean);
    changed();
  };

  const tool = (label: string, testId: string, action: () => void, text: string) => (
    <button
      type="button"
      className="kb-toolbar__button"
      data-testid={`kb-tool-${testId}`}
      aria-label={label}
      data-tooltip={label}
      disabled={readOnly}
      // Keep the text selection: the command applies to it.
      onMouseDown={(e) => e.preventDefault()}
      onClick={action}
      // The glyph is drawn by CSS: the button's name is its label, in the operator's language.
      data-glyph={text}
    />
  );

  return (
    <div className="kb-editor__rich">
      <div className="kb-toolbar" role="toolbar" aria-label={t('kb.toolbar.label')}>
        {tool(t('kb.toolbar.h2'), 'h2', () => block('h2'), 'H2')}
        {tool(t('kb.toolbar.h3'), 'h3', () => block('h3'), 'H3')}
        {tool(t('kb.toolbar.bold'), 'bold', () => inline('bold'), 'B')}
        {tool(t('kb.toolbar.italic'), 'italic', () => inline('italic'), 'I')}
        {tool(t('kb.toolbar.bullets'), 'bullets', () => inline('insertUnorderedList'), '•')}
        {tool(t('kb.toolbar.numbers'), 'numbers', () => inline('insertOrderedList'), '1.')}
        {tool(
          t('kb.toolbar.link'),
          'link',
          () => {
            saveSelection();
            setLinkError(false);
            setLinking(true);
          },
          '🔗',
        )}
        {tool(
          t('kb.toolbar.image'),
          'image',
          () => {
            saveSelection();
            fileRef.current?.click();
          },
          '🖼',
        )}
        {tool(t('kb.toolbar.code'), 'code', () => block('pre'), '</>')}
        {tool(t('kb.toolbar.quote'), 'quote', () => block('blockquote'), '❝')}
        <input
          ref={fileRef}
          type="file"
          accept="image/png,image/jpeg,image/gif,image/webp"
          hidden
          data-testid="kb-image-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void insertImage(file);
          }}
        />
        {uploading && <span className="kb-toolbar__status">{t('kb.toolbar.uploading')}</span>}
      </div>
      {linking && (
        <form className="kb-link-form" onSubmit={applyLink}>
          <input
            type="text"
            dir="ltr"
            autoFocus
            data-testid="kb-link-url"
            aria-label={t('kb.toolbar.link_url')}
            placeholder="https://"
            value={linkUrl}
            onChange={(e) => setLinkUrl(e.target.value)}
            aria-invalid={linkError}
          />
          <button type="submit" className="button" data-testid="kb-link-apply">
            {t('kb.toolbar.link_apply')}
          </button>
          <button type="button" className="link-button" onClick={() => setLinking(false)}>
            {t('kb.toolbar.link_cancel')}
          </button>
          {linkError && (
            <span className="form-error" role="alert">
              {t('kb.toolbar.link_invalid')}
            </span>
          )}
        </form>
      )}
      <div
        ref={ref}
        className="kb-editor__body"
        data-testid="kb-body"
        contentEditable={!readOnly}
        suppressContentEditableWarning
        role="textbox"
        aria-multiline="true"
        aria-label={t('kb.editor.body')}
        dir={dir}
        lang={lang}
        onInput={changed}
        onPaste={onPaste}
      />
    </div>
  );
}
