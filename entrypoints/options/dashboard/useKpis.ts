import { useCallback, useEffect, useState } from 'react';
import { useRequest } from '../../../components/useRequest';
import type { Granularity } from '../../../lib/kpi/buckets';
import { onBackgroundEvent } from '../../../lib/messaging/events';
import { sendMessage } from '../../../lib/messaging/browser-client';
import { rangeOf, RANGE_PRESETS, type RangePresetId } from './range';

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
  useEffect(() => reload(), [preset, granularity, reload]);
  useEffect(() => onBackgroundEvent((event) => event.type === 'customer-updated' && reload(true)), [reload]);
  const setPreset = (id: RangePresetId) => {
    setPresetState(id);
    setGranularity(RANGE_PRESETS.find((p) => p.id === id)!.granularity);
  };
  return { request, preset, setPreset, granularity, setGranularity };
}
