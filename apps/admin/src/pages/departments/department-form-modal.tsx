import { App, Form, Input, InputNumber, Modal, TreeSelect } from 'antd';
import { useEffect, useMemo } from 'react';
import { type Department, useCreateDepartment, useUpdateDepartment } from '../../api/departments';
import { useT } from '../../i18n';
import { useApiError } from '../../lib/use-api-error';
import { type DepartmentNode, buildDepartmentTree, subtreeIds } from '../../lib/department-tree';

export interface DepartmentEditing {
  department?: Department;
  /** Parent for a new department. */
  parentId?: number | null;
}

interface DepartmentFormModalProps {
  open: boolean;
  editing: DepartmentEditing | undefined;
  departments: Department[];
  onClose: () => void;
  onCreated: (department: Department) => void;
}

interface DepartmentForm {
  name: string;
  parentId?: number | null;
  sortOrder?: number;
}

function disableNodes(nodes: DepartmentNode[], blocked: Set<number>): object[] {
  return nodes.map((node) => ({
    value: node.value,
    title: node.title,
    disabled: blocked.has(node.value),
    children: disableNodes(node.children, blocked),
  }));
}

/** Create or rename a department, or move it under another one. */
export function DepartmentFormModal(props: DepartmentFormModalProps) {
  const { open, editing, departments, onClose, onCreated } = props;
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<DepartmentForm>();
  const create = useCreateDepartment();
  const update = useUpdateDepartment();
  const showError = useApiError();
  const department = editing?.department;

  const treeData = useMemo(() => {
    const blocked = department ? subtreeIds(departments, department.id) : new Set<number>();
    return disableNodes(buildDepartmentTree(departments), blocked);
  }, [departments, department]);

  useEffect(() => {
    if (!open || !editing) return;
    form.resetFields();
    form.setFieldsValue(
      editing.department
        ? { ...editing.department }
        : { parentId: editing.parentId ?? null, sortOrder: 0 },
    );
  }, [open, editing, form]);

  const submit = (values: DepartmentForm) => {
    const body = { ...values, parentId: values.parentId ?? null };
    const onError = (error: Error) => showError(error, form);
    if (department) {
      update.mutate(
        { id: department.id, body },
        {
          onSuccess: () => {
            void message.success(t('common.saved'));
            onClose();
          },
          onError,
        },
      );
      return;
    }

    create.mutate(body, {
      onSuccess: (created) => {
        void message.success(t('common.created'));
        onCreated(created);
        onClose();
      },
      onError,
    });
  };

  return (
    <Modal
      open={open}
      title={t(department ? 'department.edit' : 'department.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={create.isPending || update.isPending}
      forceRender
    >
      <Form<DepartmentForm>
        name="department"
        form={form}
        layout="vertical"
        onFinish={submit}
        style={{ marginTop: 16 }}
      >
        <Form.Item
          name="name"
          label={t('department.name')}
          rules={[
            { required: true, message: t('common.required', { field: t('department.name') }) },
          ]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="parentId" label={t('department.parent')}>
          <TreeSelect
            allowClear
            treeDefaultExpandAll
            placeholder={t('department.noParent')}
            treeData={treeData}
          />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('department.sortOrder')}>
          <InputNumber min={0} max={9999} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
