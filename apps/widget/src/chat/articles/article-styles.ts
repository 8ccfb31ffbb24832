/** The article search, suggestions and reader; logical properties, so Arabic mirrors them. */
export const ARTICLE_CSS = `
.sb-kb-search { padding: 8px 12px; background: #fff; border-block-end: 1px solid #e5e7eb; }
.sb-kb-search input { inline-size: 100%; font: inherit; font-size: 13px; padding: 6px 10px; border: 1px solid #6b7280; border-radius: 8px; }
.sb-kb-results, .sb-kb-reader { flex: 1; overflow-y: auto; padding: 12px; background: #fff; }
.sb-kb-results[hidden], .sb-kb-reader[hidden], .sb-kb-suggest[hidden], .sb-log[hidden] { display: none; }
.sb-kb-list { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 4px; }
.sb-kb-list button { inline-size: 100%; text-align: start; font: inherit; font-size: 13px; padding: 6px 8px; border: 1px solid #e5e7eb; border-radius: 6px; background: #fff; color: #1d4ed8; cursor: pointer; }
.sb-kb-list button:hover, .sb-kb-list button:focus-visible { background: #eff6ff; }
.sb-kb-suggest { padding: 6px 12px; background: #f9fafb; border-block-start: 1px solid #e5e7eb; font-size: 12px; }
.sb-kb-suggest p { margin: 0 0 4px; color: #374151; }
.sb-kb-back { font: inherit; font-size: 13px; padding: 4px 10px; border: 1px solid #d1d5db; border-radius: 6px; background: #fff; cursor: pointer; }
.sb-kb-reader h3 { margin: 10px 0 6px; font-size: 16px; }
.sb-kb-body { font-size: 14px; line-height: 1.5; overflow-wrap: anywhere; }
.sb-kb-body img { max-inline-size: 100%; block-size: auto; }
.sb-kb-body pre { overflow: auto; background: #f3f4f6; padding: 8px; border-radius: 6px; }
.sb-kb-full { font-size: 12px; }
`;
