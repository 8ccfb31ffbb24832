import type { RoutingOperatorLoadDto } from '@switchboard/contracts';
import { t } from '../../../i18n/i18n';
import { useRoutingStore } from '../store/routing-store';

const state = (l: RoutingOperatorLoadDto) =>
  l.available ? 'available' : !l.connected ? 'offline' : 'away';

/** Who routing can give work to now, and how full each operator is (open assigned / maximum). */
export function OperatorLoadPanel() {
  const loads = useRoutingStore((s) => s.loads);
  return (
    <section className="routing-load" data-testid="routing-load">
      <h3>{t('routing.load.title')}</h3>
      <p className="settings-hint">{t('routing.load.hint')}</p>
      <ul className="routing-load__list">
        {loads.map((l) => (
          <li
            key={l.operatorId}
            className="routing-load__row"
            data-testid="routing-load-row"
            data-state={state(l)}
          >
            <bdi className="routing-load__name">{l.name}</bdi>
            <span className="routing-load__state">{t(`routing.load.${state(l)}`)}</span>
            <span className="routing-load__count" data-testid="routing-load-count">
              {l.maxOpen === null
                ? String(l.openAssigned)
                : t('routing.load.of', { open: l.openAssigned, max: l.maxOpen })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
