import { Breadcrumb, Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { type MessageKey, useT } from '../i18n';

interface PageContainerProps {
  titleKey: MessageKey;
  /** A title made from data (a room's code); the breadcrumb still shows `titleKey`. */
  title?: ReactNode;
  /** A page one level up, shown in the breadcrumb between home and this page. */
  parent?: { titleKey: MessageKey; to: string };
  /** Buttons on the right of the title. */
  extra?: ReactNode;
  children: ReactNode;
  /** Wrap the content in a white card (default) or leave the layout to the page. */
  card?: boolean;
}

/** Breadcrumb, page title and content, the same on every page. */
export function PageContainer(props: PageContainerProps) {
  const { titleKey, title, parent, extra, children, card = true } = props;
  const t = useT();

  return (
    <div>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to="/">{t('app.name')}</Link> },
          ...(parent ? [{ title: <Link to={parent.to}>{t(parent.titleKey)}</Link> }] : []),
          { title: t(titleKey) },
        ]}
      />
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title ?? t(titleKey)}
        </Typography.Title>
        {extra}
      </Flex>
      {card ? <Card variant="borderless">{children}</Card> : children}
    </div>
  );
}
