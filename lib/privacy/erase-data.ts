import { HandlerError } from '@/lib/messaging/commands';
import { settingsDroppedOnErase, settingsWithoutSite } from './erase-keep';
import { ERASE_ALL_CONFIRMATION } from './erase-confirmation';
import { afterDataChange, privacyPorts, type PrivacyDeps } from './privacy-deps';
import { DATA_TABLES, SITE_TABLES } from './tables';

/** Every row of a site, its adapter health and its per-site settings; `confirm` must repeat the site. */
export async function eraseSite(deps: PrivacyDeps, site: string, confirm: string): Promise<{ deleted: number }> {
  if (confirm.trim() !== site) throw new HandlerError('bad-request', `Type the site (${site}) to confirm erasing its data.`);
  const { db } = deps;
  let deleted = 0;
  await deps.customers.erase({ site }, () =>
    db.transaction(
      'rw',
      SITE_TABLES.map((name) => db.table(name)),
      async () => {
        for (const name of SITE_TABLES) deleted += await db.table(name).where('site').equals(site).delete();
      },
    ),
  );
  await deps.sites?.health.forget(site);
  if (deps.privacy) {
    const changed = settingsWithoutSite(await deps.privacy.local.getAll(), site);
    if (Object.keys(changed).length) await deps.privacy.local.set(changed);
  }
  const focused = await deps.focus.get();
  afterDataChange(deps, focused?.site === site ? focused : null);
  return { deleted };
}

/** Every table, settings and trained/imported models (bundled models come back at the next use). */
export async function eraseAll(deps: PrivacyDeps, confirm: string): Promise<{ deleted: number }> {
  if (confirm !== ERASE_ALL_CONFIRMATION) throw new HandlerError('bad-request', 'Confirm erasing everything.');
  const io = privacyPorts(deps);
  const { db } = deps;
  const focused = await deps.focus.get();
  let deleted = 0;
  await deps.customers.erase({}, () =>
    db.transaction(
      'rw',
      DATA_TABLES.map((name) => db.table(name)),
      async () => {
        for (const name of DATA_TABLES) {
          deleted += await db.table(name).count();
          await db.table(name).clear();
        }
      },
    ),
  );
  const dropped = settingsDroppedOnErase(await io.local.getAll());
  if (dropped.length) await io.local.remove(dropped);
  await io.clearSession();
  await deps.sites?.health.reset();
  // The team's presets and locks hold after an erase.
  await io.policy.reapply();
  afterDataChange(deps, focused);
  return { deleted };
}
