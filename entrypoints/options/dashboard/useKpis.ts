import { useCallback, useEffect, useRef, useState } from 'react';
import { useRequest } from '@/components/useRequest';
import type { Granularity } from '@/lib/kpi/buckets';
import { onBackgroundEvent } from '@/lib/messaging/events';
import { sendMessage } from '@/lib/messaging/browser-client';
import { rangeOf, RANGE_PRESETS, type RangePresetId } from './range';

/** A KPI run reads every customer (≈ 1.5 s of worker at 10,000): re-read at most this often while CRM pages update them. */
const REFRESH_MS = 20_000;

/** The chosen range and grouping, and the background's report for them (re-read when customers change). */
export function useKpis() {
  const [preset, setPresetState] = useState<RangePresetId>('weeks12');
  const [granularity, setGranularity] = useState<Granularity>('week');
  const request = useRequest(
    useCallback(() => {
      const { from, to } = rangeOf(preset, Date.now());
      return Promise.all([
        sendMessage('getKpis', { from: Math.floor(from), to: Math.ceil(to), granularity }),
        sendMessage('getPlaybook', {}).then(
          (s) => s.playbook,
          () => null,
        ),
      ]);
    }, [preset, granularity]),
  );
  const { reload } = request;
  // useRequest reads on mount; later changes of range or grouping read again.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) first.current = false;
    else reload();
  }, [preset, granularity, reload]);
  // A CRM page being browsed updates customers every few seconds: re-read at most every REFRESH_MS, and only
  // while the dashboard is visible; a change seen while hidden is read when the tab shows again.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let stale = false;
    const refresh = () => {
      if (document.visibilityState === 'visible') reload(true);
      else stale = true;
    };
    const off = onBackgroundEvent((event) => {
      if (event.type !== 'customer-updated' || timer) return;
      timer = setTimeout(() => {
        timer = null;
        refresh();
      }, REFRESH_MS);
    });
    const onVisible = () => {
      if (document.visibilityState !== 'visible' || !stale) return;
      stale = false;
      reload(true);
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      off();
      document.removeEventListener('visibilitychange', onVisible);
      if (timer) clearTimeout(timer);
    };
  }, [reload]);
  const setPreset = (id: RangePresetId) => {
    setPresetState(id);
    setGranularity(RANGE_PRESETS.find((p) => p.id === id)!.granularity);
  };
  return { request, preset, setPreset, granularity, setGranularity };
}
