/** Small stroke icons used across the app; decorative, labels come from the surrounding control. */
const ICONS = {
  check: 'M5 12.5 10 17l9-10',
  checks: 'M2.5 12.5 7 17l9-10M11 16l1 1 9-10',
  clock: 'M12 7v5l3 2M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18Z',
  alert: 'M12 8v5m0 3.5v.5M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18Z',
  archive: 'M4 7h16M6 7v11a1 1 0 0 0 1 1h10a1 1 0 0 0 1-1V7M9.5 11.5l2.5 2.5 2.5-2.5M12 14V9',
  snooze: 'M12 21a8 8 0 1 0 0-16 8 8 0 0 0 0 16ZM12 9v4l2.5 1.5M5 3 2 6M19 3l3 3',
  reopen: 'M4 12a8 8 0 1 0 2.3-5.7M4 4v4.5h4.5',
  back: 'M15 5 8 12l7 7',
  bell: 'M6 16V11a6 6 0 1 1 12 0v5l1.5 2h-15ZM10 20.5a2 2 0 0 0 4 0',
  keyboard: 'M3 7h18v10H3zM7 14h10M7 10.5h.01M10.5 10.5h.01M14 10.5h.01M17.5 10.5h.01',
  logout: 'M14 4h5v16h-5M10 8l-4 4 4 4M6 12h10',
  key: 'M15 3.5a5.5 5.5 0 1 1-4.9 8L4 17.5V20h3v-2h2v-2h2l1.5-1.5M16.5 7.5h.01',
  send: 'M4 12 20 4l-6 16-3-7-7-1Z',
  note: 'M6 4h9l4 4v12H6zM14.5 4v4.5H19M9 12h7M9 15.5h5',
  user: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8ZM4.5 20a7.5 7.5 0 0 1 15 0',
  users:
    'M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7ZM2.5 20a6.5 6.5 0 0 1 13 0M16 4.3a3.5 3.5 0 0 1 0 6.4M18 14a6.5 6.5 0 0 1 3.5 6',
  inbox: 'M3 13h5l1.5 3h5L16 13h5M5 5h14l2 8v6H3v-6Z',
  task: 'M9 6h11M9 12h11M9 18h11M4 5.5l1 1 2-2M4 11.5l1 1 2-2M4 17.5l1 1 2-2',
  bolt: 'M13 3 5 14h6l-1 7 8-11h-6Z',
  chart: 'M4 4v16h16M8 16v-4M12 16V8M16 16v-6',
  book: 'M4 5.5A1.5 1.5 0 0 1 5.5 4H11v16H5.5A1.5 1.5 0 0 1 4 18.5ZM20 5.5A1.5 1.5 0 0 0 18.5 4H13v16h5.5a1.5 1.5 0 0 0 1.5-1.5Z',
  download: 'M12 4v11M7.5 10.5 12 15l4.5-4.5M5 19h14',
} as const;

export type IconName = keyof typeof ICONS;

export function Icon({
  name,
  size = 16,
  className,
}: {
  name: IconName;
  size?: number;
  className?: string;
}) {
  return (
    <svg
      className={className}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={ICONS[name]}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
