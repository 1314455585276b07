import { App, Divider, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import {
  type Company,
  type CreateCompanyBody,
  useCreateCompany,
  useUpdateCompany,
} from '../../api/companies';
import { useT } from '../../i18n';
import { useApiError } from '../../lib/use-api-error';

interface CompanyFormModalProps {
  open: boolean;
  company: Company | undefined;
  onClose: () => void;
}

type CompanyForm = CreateCompanyBody;

const blankToNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

/** Opens a company with its first administrator, or edits its name and contact. */
export function CompanyFormModal({ open, company, onClose }: CompanyFormModalProps) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<CompanyForm>();
  const create = useCreateCompany();
  const update = useUpdateCompany();
  const showError = useApiError();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (company) form.setFieldsValue(company);
  }, [open, company, form]);

  const submit = (values: CompanyForm) => {
    const options = {
      onSuccess: () => {
        void message.success(company ? t('common.saved') : t('common.created'));
        onClose();
      },
      onError: (error: Error) => showError(error, form),
    };
    const contact = {
      contactName: blankToNull(values.contactName),
      contactPhone: blankToNull(values.contactPhone),
    };
    if (company)
      update.mutate({ id: company.id, body: { name: values.name, ...contact } }, options);
    else create.mutate({ ...values, ...contact }, options);
  };

  const required = (field: string) => [
    { required: true, message: t('common.required', { field }) },
  ];

  return (
    <Modal
      open={open}
      title={t(company ? 'company.edit' : 'company.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={create.isPending || update.isPending}
      forceRender
    >
      <Form<CompanyForm>
        name="company"
        form={form}
        layout="vertical"
        onFinish={submit}
        style={{ marginTop: 16 }}
      >
        <Form.Item name="name" label={t('company.name')} rules={required(t('company.name'))}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="code" label={t('company.code')} rules={required(t('company.code'))}>
          <Input maxLength={32} disabled={company !== undefined} />
        </Form.Item>
        <Form.Item name="contactName" label={t('company.contactName')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('company.contactPhone')}>
          <Input maxLength={11} />
        </Form.Item>
        {!company && (
          <>
            <Divider orientation="left" plain>
              {t('company.firstAdmin')}
            </Divider>
            <Form.Item
              name="adminUsername"
              label={t('company.adminUsername')}
              rules={required(t('company.adminUsername'))}
            >
              <Input maxLength={50} autoComplete="off" />
            </Form.Item>
            <Form.Item
              name="adminName"
              label={t('company.adminName')}
              rules={required(t('company.adminName'))}
            >
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item
              name="adminPassword"
              label={t('company.adminPassword')}
              extra={t('employee.passwordHint')}
              rules={required(t('company.adminPassword'))}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
