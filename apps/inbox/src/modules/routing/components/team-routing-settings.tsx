import { MAX_OPEN_PER_OPERATOR, MIN_OPEN_PER_OPERATOR } from '@switchboard/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { t } from '../../../i18n/i18n';
import { useToastStore } from '../../../shared/ui/toast-store';
import { routingApi } from '../api/routing-api';
import { useRoutingStore } from '../store/routing-store';
import { errorText } from '../../../shared/api/error-text';

/**
 * A team's routing (Settings → Teams, admins): round-robin on or off, the most open conversations
 * per member, hand back on going away. The server's refusal (no members) is shown as it says it.
 */
export function TeamRoutingSettings({ teamId }: { teamId: string }) {
  const saved = useRoutingStore((s) => s.teams.find((team) => team.teamId === teamId));
  const [roundRobin, setRoundRobin] = useState(false);
  const [maxOpen, setMaxOpen] = useState('10');
  const [handBackOnAway, setHandBackOnAway] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!saved) return;
    setRoundRobin(saved.roundRobin);
    setMaxOpen(String(saved.maxOpenPerOperator));
    setHandBackOnAway(saved.handBackOnAway);
  }, [saved]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const team = await routingApi.updateTeam(teamId, {
        roundRobin,
        maxOpenPerOperator: Number(maxOpen),
        handBackOnAway,
        memberMaxOpen: saved?.members
          .filter((m) => m.maxOpen !== null)
          .map((m) => ({ operatorId: m.operatorId, maxOpen: m.maxOpen })),
      });
      useRoutingStore.getState().receiveTeam(team);
      useToastStore.getState().show(t('routing.saved'));
    } catch (err) {
      setError(t('routing.failed', { message: errorText(err) }));
    }
  };

  return (
    <form
      className="team-routing"
      data-testid="team-routing"
      aria-label={t('routing.title')}
      onSubmit={(e) => void save(e)}
    >
      <label className="team-routing__check">
        <input
          type="checkbox"
          data-testid="team-routing-round-robin"
          checked={roundRobin}
          onChange={(e) => setRoundRobin(e.target.checked)}
        />
        {t('routing.round_robin')}
      </label>
      <label className="team-routing__max">
        {t('routing.max_open')}
        <input
          className="input"
          type="number"
          data-testid="team-routing-max"
          min={MIN_OPEN_PER_OPERATOR}
          max={MAX_OPEN_PER_OPERATOR}
          step={1}
          value={maxOpen}
          onChange={(e) => setMaxOpen(e.target.value)}
          onKeyDown={(e) => e.stopPropagation()}
        />
      </label>
      <label className="team-routing__check">
        <input
          type="checkbox"
          data-testid="team-routing-hand-back"
          checked={handBackOnAway}
          onChange={(e) => setHandBackOnAway(e.target.checked)}
        />
        {t('routing.hand_back_on_away')}
      </label>
      <button type="submit" className="button button--small" data-testid="team-routing-save">
        {t('routing.save')}
      </button>
      {error && (
        <p className="form-error" role="alert" data-testid="team-routing-error">
          {error}
        </p>
      )}
    </form>
  );
}
