import { Tabs } from 'antd';
import { PageContainer } from '../../components/page-container';
import { useT } from '../../i18n';
import { useCan } from '../../lib/use-can';
import { BillRunList } from './bill-run-list';
import { BillRunWizard } from './bill-run-wizard';

/** 批量生成账单: the wizard on one tab, the record of earlier runs on the other. */
export default function BillRunsPage() {
  const t = useT();
  const can = useCan();

  return (
    <PageContainer titleKey="menu.billRuns">
      <Tabs
        destroyOnHidden={false}
        items={[
          { key: 'generate', label: t('billRun.tabGenerate'), children: <BillRunWizard /> },
          ...(can('billing.bill.view')
            ? [{ key: 'history', label: t('billRun.tabHistory'), children: <BillRunList /> }]
            : []),
        ]}
      />
    </PageContainer>
  );
}
