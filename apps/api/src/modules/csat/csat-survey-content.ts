import type { OutboundButton } from '@switchboard/channels-core';
import { csatRatings, type ChannelKind, type CsatScale } from '@switchboard/contracts';
import type { CsatLinks } from './csat-links';

/** What goes out for a survey on one channel, or why it cannot. */
export type SurveyContent =
  | { kind: 'send'; text: string; buttons: OutboundButton[][] | null }
  | { kind: 'skip'; reason: string };

export const CSAT_BUTTON_PREFIX = 'csat:';

/** Telegram's callback_data: `csat:<survey id>:<rating>`, 44 bytes at most (Telegram allows 64). */
export function buttonData(surveyId: string, rating: number): string {
  return `${CSAT_BUTTON_PREFIX}${surveyId}:${rating}`;
}

export function parseButtonData(data: string): { surveyId: string; rating: number } | null {
  if (!data.startsWith(CSAT_BUTTON_PREFIX)) return null;
  const rest = data.slice(CSAT_BUTTON_PREFIX.length);
  const colon = rest.lastIndexOf(':');
  if (colon !== 36) return null;
  const rating = Number(rest.slice(colon + 1));
  return Number.isInteger(rating) ? { surveyId: rest.slice(0, colon), rating } : null;
}

/** One row for 1–5; 0–10 in two rows, so the buttons stay wide enough to press on a phone. */
function keyboard(surveyId: string, scale: CsatScale): OutboundButton[][] {
  const buttons = csatRatings(scale).map((r) => ({
    label: String(r),
    data: buttonData(surveyId, r),
  }));
  return scale === 'csat' ? [buttons] : [buttons.slice(0, 6), buttons.slice(6)];
}

/**
 * The survey message for the customer's channel: the widget renders its own buttons under the
 * question; Telegram gets an inline keyboard; email one link per rating to the rating page (no
 * script needed); WhatsApp one link to the same page.
 */
export function surveyContent(input: {
  channel: ChannelKind;
  surveyId: string;
  scale: CsatScale;
  question: string;
  token: string;
  links: CsatLinks;
}): SurveyContent {
  const { channel, surveyId, scale, question, token, links } = input;
  switch (channel) {
    case 'webchat':
      return { kind: 'send', text: question, buttons: null };
    case 'telegram':
      return { kind: 'send', text: question, buttons: keyboard(surveyId, scale) };
    case 'email': {
      const lines = csatRatings(scale).map((r) => `${r}: ${links.url(token, r)}`);
      const hint =
        scale === 'csat'
          ? '1 = poor, 5 = excellent'
          : '0 = not at all likely, 10 = extremely likely';
      return {
        kind: 'send',
        text: `${question}\n\nChoose your rating (${hint}):\n${lines.join('\n')}`,
        buttons: null,
      };
    }
    case 'whatsapp':
      return { kind: 'send', text: `${question}\n${links.url(token)}`, buttons: null };
    default:
      return { kind: 'skip', reason: `the ${channel} channel cannot carry a survey` };
  }
}
