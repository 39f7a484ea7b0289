import { useTranslation } from '../shared/useTranslation';
import { ProvisioningImport } from './ProvisioningImport';

/** With no account yet: says that one is needed, and offers a provisioning file or Konto. */
export function FirstStart({ onSetUpByHand }: { onSetUpByHand(): void }) {
  const t = useTranslation();
  return (
    <section className="first-start" aria-labelledby="first-start-heading">
      <h2 id="first-start-heading">{t('account.firstStart.heading')}</h2>
      <p>{t('account.firstStart.body')}</p>
      <div className="first-start__choices">
        <div className="first-start__choice">
          <p>{t('account.firstStart.importHint')}</p>
          <ProvisioningImport onImported={() => {}} />
        </div>
        <div className="first-start__choice">
          <p id="first-start-by-hand-hint">{t('account.firstStart.byHandHint')}</p>
          <button type="button" className="file-chooser" aria-describedby="first-start-by-hand-hint" onClick={onSetUpByHand}>
            {t('account.firstStart.byHand')}
          </button>
        </div>
      </div>
      <p className="first-start__note">{t('account.firstStart.profilesStill')}</p>
    </section>
  );
}
