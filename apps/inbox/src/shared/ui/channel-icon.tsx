import type { ChannelKind } from '@switchboard/contracts';
import { t } from '../../i18n/i18n';

const PATHS: Record<ChannelKind, string> = {
  api: 'M8.5 7 4 12l4.5 5M15.5 7 20 12l-4.5 5',
  webchat: 'M5 5h14a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1h-7l-4 3.5V16H5a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1Z',
  email: 'M4 6h16v12H4zM4.5 6.5 12 13l7.5-6.5',
  telegram: 'm20.5 4.5-17 6.6 5.4 1.9 2 6.1 3-3.9 4.6 3.4 2-14.1ZM8.9 13l9.1-6.1-6.9 8.4',
  whatsapp:
    'M4.5 19.5 5.7 16A8 8 0 1 1 8.3 18.4Zm5-11c-.6 0-1 .8-1 1.5 0 2.5 3 5.5 5.5 5.5.7 0 1.5-.4 1.5-1l-1.6-.9-.9.8c-1-.4-2.2-1.6-2.6-2.6l.8-.9-.8-1.6Z',
};

/**
 * The channel's mark, drawn inline so it costs no request and follows currentColor. It names the
 * channel, unless `decorative`: beside the channel's name written out, it would say it twice.
 */
export function ChannelIcon({
  channel,
  size = 16,
  decorative = false,
}: {
  channel: ChannelKind;
  size?: number;
  decorative?: boolean;
}) {
  if (decorative)
    return (
      <span className={`channel-icon channel-icon--${channel}`} aria-hidden="true">
        <ChannelMark channel={channel} size={size} />
      </span>
    );
  return (
    <span className={`channel-icon channel-icon--${channel}`} title={t(`channel.${channel}`)}>
      <ChannelMark channel={channel} size={size} />
      <span className="visually-hidden">{t(`channel.${channel}`)}</span>
    </span>
  );
}

function ChannelMark({ channel, size }: { channel: ChannelKind; size: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d={PATHS[channel]}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
