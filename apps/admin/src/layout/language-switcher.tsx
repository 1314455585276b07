import { GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { LOCALES, type Locale, useI18n } from '../i18n';

/** Switches the console language; the choice is kept in localStorage. */
export function LanguageSwitcher() {
  const { locale, setLocale, t } = useI18n();
  const current = LOCALES.find((l) => l.value === locale);

  return (
    <Dropdown
      menu={{
        selectable: true,
        selectedKeys: [locale],
        items: LOCALES.map((l) => ({ key: l.value, label: l.label })),
        onClick: ({ key }) => setLocale(key as Locale),
      }}
    >
      <Button type="text" icon={<GlobalOutlined />} title={t('header.language')}>
        {current?.label}
      </Button>
    </Dropdown>
  );
}
