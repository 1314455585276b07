import { Breadcrumb, Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { type MessageKey, useT } from '../i18n';

interface PageContainerProps {
  titleKey: MessageKey;
  /** Buttons on the right of the title. */
  extra?: ReactNode;
  children: ReactNode;
  /** Wrap the content in a white card (default) or leave the layout to the page. */
  card?: boolean;
}

/** Breadcrumb, page title and content, the same on every page. */
export function PageContainer({ titleKey, extra, children, card = true }: PageContainerProps) {
  const t = useT();

  return (
    <div>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/">{t('app.name')}</Link> }, { title: t(titleKey) }]}
      />
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t(titleKey)}
        </Typography.Title>
        {extra}
      </Flex>
      {card ? <Card variant="borderless">{children}</Card> : children}
    </div>
  );
}
