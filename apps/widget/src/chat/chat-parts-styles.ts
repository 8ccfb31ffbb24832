/**
 * Styles of the panel's newer parts: icons, the availability line, the pre-chat form, the file
 * preview and upload progress. Logical properties throughout, so Arabic mirrors them.
 */
export const CHAT_PARTS_CSS = `
.sb-head-text { flex: 1; min-inline-size: 0; }
.sb-availability { margin: 2px 0 0; font-size: 12px; overflow-wrap: anywhere; }
.sb-availability[hidden], .sb-compose[hidden], .sb-email[hidden], .sb-prechat-slot[hidden], .sb-preview[hidden] { display: none; }
.sb-icon { inline-size: 16px; block-size: 16px; fill: currentColor; flex: none; }
.sb-head button { display: flex; padding: 4px; border-radius: 6px; }
.sb-head button .sb-icon { inline-size: 22px; block-size: 22px; }
.sb-head button:focus-visible { outline: 2px solid #fff; outline-offset: 1px; }
.sb-head .sb-portal { font: inherit; font-size: 13px; text-decoration: underline; white-space: nowrap; padding-inline: 6px; }
.sb-head .sb-portal[hidden] { display: none; }
.sb-attach { display: flex; align-items: center; }
.sb-attach .sb-icon { inline-size: 22px; block-size: 22px; }
.sb-send, .sb-preview-send { display: inline-flex; align-items: center; gap: 4px; }
.sb-meta { display: flex; justify-content: flex-end; align-items: center; gap: 3px; }
.sb-meta .sb-icon { inline-size: 14px; block-size: 14px; }
.sb-file { display: inline-flex; align-items: center; gap: 4px; }
.sb-local-image { max-inline-size: 100%; max-block-size: 180px; border-radius: 6px; display: block; }
.sb-progress { margin-block-start: 4px; display: flex; flex-direction: column; gap: 2px; font-size: 11px; min-inline-size: 140px; }
.sb-progress-track { display: block; block-size: 4px; background: rgba(255,255,255,.4); border-radius: 2px; overflow: hidden; }
.sb-progress-fill { display: block; block-size: 100%; background: currentColor; transition: inline-size .15s linear; }
.sb-log { overscroll-behavior: contain; }
.sb-log:focus-visible { outline: 2px solid var(--sb-accent, #2563eb); outline-offset: -2px; }
.sb-prechat-slot { padding: 12px; border-block-start: 1px solid #e5e7eb; overflow-y: auto; max-block-size: 65%; }
.sb-prechat { display: flex; flex-direction: column; gap: 10px; font-size: 13px; }
.sb-prechat-intro { margin: 0; color: #374151; }
.sb-prechat-row { display: flex; flex-direction: column; gap: 3px; }
.sb-prechat-row label { color: #374151; font-weight: 500; }
.sb-prechat input, .sb-preview input { padding: 8px; border: 1px solid #858a93; border-radius: 6px; font: inherit; min-inline-size: 0; }
.sb-prechat input[aria-invalid=true] { border-color: #b91c1c; }
.sb-prechat-error { color: #b91c1c; margin: 0; font-size: 12px; }
.sb-prechat-error:empty { display: none; }
.sb-prechat button, .sb-preview-send { background: var(--sb-accent, #2563eb); color: #fff; border: 0; border-radius: 8px; padding: 9px 14px; cursor: pointer; font: inherit; }
.sb-preview { display: flex; flex-direction: column; gap: 6px; padding: 8px 12px; border-block-start: 1px solid #e5e7eb; }
.sb-preview-thumb { display: flex; align-items: center; gap: 6px; overflow-wrap: anywhere; }
.sb-preview-thumb img { max-inline-size: 100%; max-block-size: 160px; border-radius: 6px; display: block; }
.sb-preview-actions { display: flex; justify-content: flex-end; gap: 6px; }
.sb-preview-cancel { background: #fff; color: #374151; border: 1px solid #858a93; border-radius: 8px; padding: 8px 12px; cursor: pointer; font: inherit; }
.sb-prechat input:focus-visible, .sb-preview input:focus-visible, .sb-prechat button:focus-visible, .sb-preview button:focus-visible { outline: 2px solid var(--sb-accent, #2563eb); outline-offset: 2px; }
`;
