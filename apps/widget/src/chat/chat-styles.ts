/** Chat panel styles, added to the loader's shadow root on mount. */
export const CHAT_CSS = `
.sb-chat { display: flex; flex-direction: column; height: 100%; min-height: 0; }
.sb-head { background: var(--sb-accent, #2563eb); color: #fff; padding: 12px 14px; display: flex; align-items: center; gap: 8px; }
.sb-head h2 { font-size: 16px; margin: 0; flex: 1; font-weight: 600; min-width: 0; overflow-wrap: anywhere; }
.sb-head button { background: transparent; border: 0; color: inherit; font-size: 20px; cursor: pointer; line-height: 1; }
.sb-notice { background: #fef3c7; color: #78350f; padding: 6px 14px; font-size: 12px; white-space: pre-wrap; overflow-wrap: anywhere; }
.sb-log { list-style: none; margin: 0; padding: 12px; flex: 1; overflow-y: auto; display: flex; flex-direction: column; gap: 8px; background: #f9fafb; }
.sb-msg { max-width: 80%; padding: 8px 10px; border-radius: 10px; white-space: pre-wrap; overflow-wrap: anywhere; }
.sb-msg.operator { align-self: flex-start; background: #fff; border: 1px solid #e5e7eb; }
.sb-msg.visitor { align-self: flex-end; background: var(--sb-accent, #2563eb); color: #fff; }
.sb-msg.failed { opacity: .7; cursor: pointer; border: 1px dashed #dc2626; }
.sb-who { font-size: 11px; color: #6b7280; margin-bottom: 2px; }
.sb-meta { font-size: 11px; text-align: end; margin-top: 2px; }
.sb-file { display: block; color: inherit; text-decoration: underline; cursor: pointer; background: none; border: 0; padding: 0; font: inherit; text-align: start; }
.sb-file img { max-width: 100%; max-height: 180px; border-radius: 6px; display: block; }
.sb-typing { font-size: 12px; color: #6b7280; padding: 0 14px 4px; min-height: 16px; overflow-wrap: anywhere; }
.sb-email { display: flex; flex-wrap: wrap; gap: 6px; padding: 8px 12px; border-top: 1px solid #e5e7eb; font-size: 12px; }
.sb-email label { flex-basis: 100%; color: #374151; }
.sb-email input { flex: 1; min-width: 0; padding: 6px; border: 1px solid #858a93; border-radius: 6px; font: inherit; }
.sb-error { color: #b91c1c; font-size: 12px; padding: 0 12px; }
.sb-error:empty { display: none; }
.sb-compose { display: flex; gap: 6px; padding: 8px 12px 12px; border-top: 1px solid #e5e7eb; align-items: flex-end; }
.sb-compose textarea { flex: 1; resize: none; min-height: 38px; max-height: 120px; padding: 8px; border: 1px solid #858a93; border-radius: 8px; font: inherit; }
.sb-compose button, .sb-email button { background: var(--sb-accent, #2563eb); color: #fff; border: 0; border-radius: 8px; padding: 8px 12px; cursor: pointer; font: inherit; }
.sb-attach { cursor: pointer; padding: 8px 4px; color: #4b5563; position: relative; border-radius: 6px; }
.sb-attach input, .sb-hidden-text { position: absolute; width: 1px; height: 1px; opacity: 0; overflow: hidden; clip-path: inset(50%); }
.sb-attach:has(input:focus-visible) { outline: 2px solid var(--sb-accent, #2563eb); outline-offset: 2px; }
.sb-csat { align-self: flex-start; max-width: 90%; display: flex; flex-direction: column; gap: 6px; }
.sb-csat-scale { display: flex; flex-wrap: wrap; gap: 4px; }
.sb-csat-scale button { min-width: 32px; min-height: 32px; border: 1px solid #d1d5db; border-radius: 6px; background: #fff; color: #111827; cursor: pointer; font: inherit; }
.sb-csat-scale button[aria-pressed=true] { background: var(--sb-accent, #2563eb); border-color: var(--sb-accent, #2563eb); color: #fff; }
.sb-csat-scale button:focus-visible, .sb-csat-form button:focus-visible { outline: 2px solid var(--sb-accent, #2563eb); outline-offset: 2px; }
.sb-csat-hint { font-size: 11px; color: #6b7280; }
.sb-csat-form { display: flex; flex-direction: column; gap: 6px; }
.sb-csat-form[hidden] { display: none; }
.sb-csat-form textarea { resize: vertical; padding: 6px; border: 1px solid #858a93; border-radius: 6px; font: inherit; }
.sb-csat-form button { align-self: flex-start; background: var(--sb-accent, #2563eb); color: #fff; border: 0; border-radius: 8px; padding: 6px 12px; cursor: pointer; font: inherit; }
.sb-csat-error { color: #b91c1c; font-size: 12px; }
.sb-csat-error:empty { display: none; }
/* Icons that point a way (send, back) turn round in right-to-left languages. */
.sb-chat[dir=rtl] .sb-dir-icon, .sb-chat[dir=rtl] [data-icon=send] { transform: scaleX(-1); }
/* dir=auto sees no letters in an empty box and would lay the Arabic placeholder out left to right. */
.sb-chat[dir=rtl] textarea:placeholder-shown { direction: rtl; }
.sb-csat-done { font-size: 12px; color: #374151; font-style: italic; }
/* WCAG 2.2 AA: field edges ≥ 3:1 (#858a93 on white 3.5:1); a 2px focus ring on every control, white on the accent header. */
.sb-chat :focus-visible { outline: 2px solid var(--sb-accent, #2563eb); outline-offset: 2px; }
.sb-head :focus-visible { outline-color: #fff; outline-offset: -4px; }
`;
