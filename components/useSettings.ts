/** The reader's switches as the panel sees them, with an update that persists through the background. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Request } from '@/lib/messaging';
import type { Settings } from '@/lib/settings/schema';
import type { PanelApi } from './api';

export function useSettings(api: PanelApi): {
  settings: Settings | null;
  error: string | null;
  /** Resolves true once saved; on failure `error` says why. */
  update: (change: Request<'panel:updateSettings'>) => Promise<boolean>;
} {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api.call('panel:getSettings', {}).then((r) => (r.ok ? setSettings(r.settings) : setError(r.error)));
  }, [api]);
  const update = useCallback(
    async (change: Request<'panel:updateSettings'>) => {
      const reply = await api.call('panel:updateSettings', change);
      if (reply.ok) {
        setSettings(reply.settings);
        setError(null);
      } else {
        setError(reply.error);
      }
      return reply.ok;
    },
    [api],
  );
  return { settings, error, update };
}
