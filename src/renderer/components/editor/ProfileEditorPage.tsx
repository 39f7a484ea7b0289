import { useTranslation } from '../../useTranslation';

export function ProfileEditorPage() {
  const t = useTranslation();
  return (
    <section aria-labelledby="editor-heading">
      <h2 id="editor-heading">{t('editor.heading')}</h2>
    </section>
  );
}
