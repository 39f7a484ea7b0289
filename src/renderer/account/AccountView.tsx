import { useState } from 'react';
import { useAppStore } from '../shared/appStore';
import { useTranslation } from '../shared/useTranslation';
import { DirectoryEditor } from './DirectoryEditor';
import { NotificationHoldSetting } from './NotificationHoldSetting';
import { PriorityAccessEditor } from './PriorityAccessEditor';
import { ProvisioningImport } from './ProvisioningImport';
import { SipAccountForm } from './SipAccountForm';
import { Troubleshooting } from './Troubleshooting';

export function AccountView() {
  const t = useTranslation();
  const account = useAppStore((store) => store.state?.account);
  // An import changes the account behind the form's back, so the form starts again from it.
  const [formGeneration, setFormGeneration] = useState(0);
  if (!account) return null;
  return (
    <section aria-labelledby="account-heading" className="account">
      <h2 id="account-heading">{t('account.heading')}</h2>
      <SipAccountForm key={formGeneration} account={account} />
      <DirectoryEditor directory={account.directory} />
      <PriorityAccessEditor account={account} />
      <NotificationHoldSetting />
      <ProvisioningImport onImported={() => setFormGeneration((generation) => generation + 1)} />
      <Troubleshooting />
    </section>
  );
}
