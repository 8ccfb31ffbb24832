import type { KbLocale } from '@switchboard/contracts';

/**
 * The one place that knows where a published article lives in the public help centre (served by
 * apps/api/src/modules/help-centre): `/help/<locale>/<slug>`, e.g. `/help/ru/как-оплатить`.
 * The slug is written as it is (an IRI): kbSlugSchema allows only letters, digits and hyphens,
 * and a customer reads `как-оплатить` better than its percent-encoding. `base` is PUBLIC_URL for
 * an absolute link, '' for a relative one.
 */
export function kbArticleUrl(base: string, locale: KbLocale, slug: string): string {
  return `${base.replace(/\/$/, '')}/help/${locale}/${slug}`;
}

/** An editor-uploaded file in a sanitised body: `"/api/files/<uuid>` plus its optional `/<name>`. */
const OWN_FILE_REF =
  /(["'])\/api\/files\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(\/[^"'?#\s]*)?/gi;

/**
 * A published body as readers get it: its uploaded images point at `/help/files/<id>/<name>`,
 * which serves files published articles show, instead of `/api/files/…`, which only operators
 * may read. `base` as for kbArticleUrl (PUBLIC_URL where the body leaves our origin: the widget).
 */
export function kbPublicBodyHtml(base: string, html: string): string {
  const root = base.replace(/\/$/, '');
  return html.replace(
    OWN_FILE_REF,
    (_all, quote: string, id: string, name: string | undefined) =>
      `${quote}${root}/help/files/${id.toLowerCase()}${name && name.length > 1 ? name : '/image'}`,
  );
}
