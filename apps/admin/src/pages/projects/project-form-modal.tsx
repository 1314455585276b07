import { App, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import {
  type CreateProjectBody,
  type Project,
  useCreateProject,
  useUpdateProject,
} from '../../api/projects';
import { useT } from '../../i18n';
import { useApiError } from '../../lib/use-api-error';
import { PROJECT_TYPES, typeKey } from './project-labels';

interface ProjectFormModalProps {
  open: boolean;
  /** The project being edited; undefined creates one. */
  project: Project | undefined;
  onClose: () => void;
}

interface ProjectForm {
  name: string;
  code: string;
  type: Project['type'];
  area?: string;
  address?: string;
}

function toBody(values: ProjectForm): CreateProjectBody {
  return {
    name: values.name,
    code: values.code,
    type: values.type,
    area: values.area?.trim() ? values.area.trim() : null,
    address: values.address?.trim() ? values.address.trim() : null,
  };
}

/** Create or edit a project; the server's field errors land on the fields. */
export function ProjectFormModal({ open, project, onClose }: ProjectFormModalProps) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProjectForm>();
  const create = useCreateProject();
  const update = useUpdateProject();
  const showError = useApiError();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (project) {
      form.setFieldsValue({ ...project, area: project.area ?? '', address: project.address ?? '' });
    }
  }, [open, project, form]);

  const submit = (values: ProjectForm) => {
    const options = {
      onSuccess: () => {
        void message.success(project ? t('common.saved') : t('common.created'));
        onClose();
      },
      onError: (error: Error) => showError(error, form),
    };
    if (project) update.mutate({ id: project.id, body: toBody(values) }, options);
    else create.mutate(toBody(values), options);
  };

  const required = (field: string) => [
    { required: true, message: t('common.required', { field }) },
  ];

  return (
    <Modal
      open={open}
      title={t(project ? 'project.edit' : 'project.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      forceRender
    >
      <Form<ProjectForm>
        name="project"
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ type: 'residential' }}
        style={{ marginTop: 16 }}
      >
        <Form.Item name="name" label={t('project.name')} rules={required(t('project.name'))}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="code" label={t('project.code')} rules={required(t('project.code'))}>
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item name="type" label={t('project.type')} rules={required(t('project.type'))}>
          <Select
            options={PROJECT_TYPES.map((type) => ({ value: type, label: t(typeKey(type)) }))}
          />
        </Form.Item>
        <Form.Item name="area" label={t('project.area')}>
          <Input inputMode="decimal" placeholder="12000.50" />
        </Form.Item>
        <Form.Item name="address" label={t('project.address')}>
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
