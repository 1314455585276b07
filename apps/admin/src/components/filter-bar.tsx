import { SearchOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Space } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../i18n';

interface FilterBarProps<F> {
  initial: F;
  onApply: (filters: F) => void;
  /** The filter fields, as Form.Items. */
  children: ReactNode;
  /** Buttons on the right: create, export. */
  actions?: ReactNode;
}

/** The row above a list: filters with Search and Reset on the left, actions on the right. */
export function FilterBar<F extends object>({
  initial,
  onApply,
  children,
  actions,
}: FilterBarProps<F>) {
  const t = useT();
  const [form] = Form.useForm<F>();

  const reset = () => {
    form.resetFields();
    onApply(initial);
  };

  return (
    <Flex justify="space-between" align="flex-start" gap={16} wrap style={{ marginBottom: 16 }}>
      <Form<F>
        name="filters"
        form={form}
        layout="inline"
        initialValues={initial}
        onFinish={(values) => onApply({ ...initial, ...values })}
        style={{ rowGap: 12 }}
      >
        {children}
        <Form.Item style={{ marginInlineEnd: 0 }}>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              {t('common.search')}
            </Button>
            <Button onClick={reset} icon={<UndoOutlined />}>
              {t('common.reset')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
      {actions && <Space>{actions}</Space>}
    </Flex>
  );
}
