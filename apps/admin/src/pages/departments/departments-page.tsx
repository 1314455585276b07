import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Popconfirm,
  Row,
  Space,
  Spin,
  Tree,
} from 'antd';
import { useMemo, useState } from 'react';
import { type Department, useDeleteDepartment, useDepartments } from '../../api/departments';
import { PageContainer } from '../../components/page-container';
import { useT } from '../../i18n';
import { useApiError } from '../../lib/use-api-error';
import { useCan } from '../../lib/use-can';
import { useDialog } from '../../lib/use-dialog';
import { type DepartmentEditing, DepartmentFormModal } from './department-form-modal';
import { buildDepartmentTree } from '../../lib/department-tree';
import { PermissionEditor } from './permission-editor';

/** The department tree on the left; the chosen department and its permissions on the right. */
export default function DepartmentsPage() {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const showError = useApiError();
  const departments = useDepartments();
  const remove = useDeleteDepartment();
  const [selectedId, setSelectedId] = useState<number>();
  const dialog = useDialog<DepartmentEditing>();
  const canManage = can('org.department.manage');

  const all = useMemo(() => departments.data ?? [], [departments.data]);
  const tree = useMemo(() => buildDepartmentTree(all), [all]);
  const selected = all.find((d) => d.id === selectedId);
  const parentName = (d: Department) => all.find((p) => p.id === d.parentId)?.name ?? '—';

  const deleteSelected = (department: Department) =>
    remove.mutate(department.id, {
      onSuccess: () => {
        void message.success(t('common.deleted'));
        setSelectedId(undefined);
      },
      onError: (error) => showError(error),
    });

  const actions = selected && canManage && (
    <Space>
      <Button icon={<PlusOutlined />} onClick={() => dialog.show({ parentId: selected.id })}>
        {t('department.createChild')}
      </Button>
      <Button icon={<EditOutlined />} onClick={() => dialog.show({ department: selected })}>
        {t('common.edit')}
      </Button>
      <Popconfirm
        title={t('department.deleteConfirm', { name: selected.name })}
        onConfirm={() => deleteSelected(selected)}
      >
        <Button danger icon={<DeleteOutlined />}>
          {t('common.delete')}
        </Button>
      </Popconfirm>
    </Space>
  );

  return (
    <PageContainer
      titleKey="department.title"
      card={false}
      extra={
        canManage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => dialog.show({ parentId: selected?.id ?? null })}
          >
            {t('department.create')}
          </Button>
        )
      }
    >
      <Row gutter={24}>
        <Col xs={24} lg={8} xl={7}>
          <Card title={t('department.tree')} variant="borderless" style={{ minHeight: 480 }}>
            {departments.isPending ? (
              <Spin />
            ) : (
              <Tree<(typeof tree)[number]>
                blockNode
                defaultExpandAll
                treeData={tree}
                selectedKeys={selectedId ? [selectedId] : []}
                onSelect={(keys) => setSelectedId(keys.length ? Number(keys[0]) : undefined)}
                titleRender={(node) => (
                  <span>
                    {node.title}
                    <span style={{ color: '#8c8c8c', marginLeft: 6 }}>
                      ({node.department.employeeCount})
                    </span>
                  </span>
                )}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={16} xl={17}>
          {selected ? (
            <Space direction="vertical" size={24} style={{ width: '100%' }}>
              <Card title={selected.name} variant="borderless" extra={actions}>
                <Descriptions column={3}>
                  <Descriptions.Item label={t('department.parent')}>
                    {parentName(selected)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('department.employeeCount')}>
                    {selected.employeeCount}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('department.sortOrder')}>
                    {selected.sortOrder}
                  </Descriptions.Item>
                </Descriptions>
              </Card>
              <Card title={t('department.permissions')} variant="borderless">
                <PermissionEditor key={selected.id} department={selected} editable={canManage} />
              </Card>
            </Space>
          ) : (
            <Card
              variant="borderless"
              style={{ minHeight: 480, display: 'grid', placeItems: 'center' }}
            >
              <Empty description={t('department.selectHint')} />
            </Card>
          )}
        </Col>
      </Row>
      <DepartmentFormModal
        open={dialog.open}
        editing={dialog.value}
        departments={all}
        onClose={dialog.close}
        onCreated={(created) => setSelectedId(created.id)}
      />
    </PageContainer>
  );
}
