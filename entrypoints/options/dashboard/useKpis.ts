import { useCallback, useEffect, useRef, useState } from 'react';
import { useRequest } from '../../../components/useRequest';
import type { Granularity } from '../../../lib/kpi/buckets';
import { onBackgroundEvent } from '../../../lib/messaging/events';
import { sendMessage } from '../../../lib/messaging/browser-client';
import { rangeOf, RANGE_PRESETS, type RangePresetId } from './range';

const REFRESH_MS = 3_000;

/** The chosen range and grouping, and the background's report for them (re-read when customers change). */
export function useKpis() {
  const [preset, setPresetState] = useState<RangePresetId>('weeks12');
  const [granularity, setGranularity] = useState<Granularity>('week');
  const request = useRequest(
    useCallback(() => {
      const { from, to } = rangeOf(preset, Date.now());
      return Promise.all([sendMessage('getKpis', { from: Math.floor(from), to: Math.ceil(to), granularity }), sendMessage('getPlaybook', {}).then((s) => s.playbook, () => null)]);
    }, [preset, granularity]),
  );
  const { reload } = request;
  // useRequest reads on mount; later changes of range or grouping read again.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) first.current = false;
    else reload();
  }, [preset, granularity, reload]);
  // A CRM page being browsed updates customers every few seconds: re-read at most every REFRESH_MS.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = onBackgroundEvent((event) => {
      if (event.type !== 'customer-updated' || timer) return;
      timer = setTimeout(() => {
        timer = null;
        reload(true);
      }, REFRESH_MS);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [reload]);
  const setPreset = (id: RangePresetId) => {
    setPresetState(id);
    setGranularity(RANGE_PRESETS.find((p) => p.id === id)!.granularity);
  };
  return { request, preset, setPreset, granularity, setGranularity };
}
